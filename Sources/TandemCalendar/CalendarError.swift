import TandemCore

/// Why a calendar could not be written. Each message says what to change.
public enum CalendarError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The programme's time zone is not an IANA name this system knows.
    case unknownTimeZone(String)
    /// The zone's clock changes in these years cannot be written as one yearly rule per
    /// direction (the rules change within the years, or a change is not on an nth weekday).
    case irregularTimeZone(identifier: String, years: ClosedRange<Int>, reason: String)
    /// Every event needs an organizer, so the coordinator's address is required.
    case missingCoordinatorEmail
    /// An invitation (REQUEST) names each attendee by address.
    case missingEmail(personID: String)
    /// A session series is inconsistent with its own recurrence rule.
    case invalidSeries(mentorID: String, menteeID: String, reason: String)
    /// A cohort event cannot be written.
    case invalidEvent(title: String, reason: String)
    /// A local time that a clock change skips or repeats, so it names no single instant.
    case unrepresentableLocalTime(LocalDateTime, timeZone: String, isRepeated: Bool, owner: String)
    /// Two events would share a UID (the same pair twice, or two cohort events alike).
    case duplicateIdentifier(uid: String, owner: String)
    /// A setting of the configuration's `calendar` section cannot be written.
    case invalidSetting(name: String, reason: String)
    /// libical itself failed.
    case libical(call: String, message: String)

    public var description: String {
        switch self {
        case .unknownTimeZone(let name):
            return "'\(name)' is not a known time zone: set programme.time_zone to an IANA name such as Europe/London."
        case .irregularTimeZone(let name, let years, let reason):
            return "The time zone \(name) cannot be written as a compact calendar time zone for "
                + "\(years.lowerBound)–\(years.upperBound): \(reason). Use dates within years of one rule."
        case .missingCoordinatorEmail:
            return "Calendar events need an organizer: set programme.coordinator.email in the configuration."
        case .missingEmail(let id):
            return "An invitation needs every attendee's e-mail address, and '\(id)' has none: "
                + "add it to the sign-up data or write PUBLISH calendars instead."
        case .invalidSeries(let mentor, let mentee, let reason):
            return "The sessions of mentor '\(mentor)' with mentee '\(mentee)' cannot be written: \(reason)."
        case .invalidEvent(let title, let reason):
            return "The cohort event '\(title)' cannot be written: \(reason)."
        case .unrepresentableLocalTime(let time, let zone, let isRepeated, let owner):
            let what = isRepeated ? "happens twice (clocks go back)" : "does not exist (clocks go forward)"
            return "\(owner): \(time.date.iso) \(Self.clock(time)) \(what) in \(zone); move it out of the clock change."
        case .duplicateIdentifier(let uid, let owner):
            return "\(owner) appears twice (UID \(uid)): each pair and each cohort event must be listed once."
        case .invalidSetting(let name, let reason):
            return "The setting \(name) cannot be written into calendars: \(reason)."
        case .libical(let call, let message):
            return "libical failed in \(call): \(message)."
        }
    }

    private static func clock(_ time: LocalDateTime) -> String {
        (time.hour < 10 ? "0" : "") + "\(time.hour):" + (time.minute < 10 ? "0" : "") + "\(time.minute)"
    }
}
