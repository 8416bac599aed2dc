import Foundation

/// What the scheduler needs from the time-zone database: UTC offsets of local times, and the
/// local times that clock changes make missing or ambiguous.
public struct ZoneRules: Sendable {
    public let identifier: String
    private let zone: TimeZone
    private let calendar: Calendar

    /// - Returns: `nil` for an unknown zone name.
    public init?(identifier: String) {
        guard let zone = TimeZone(identifier: identifier) else { return nil }
        self.identifier = identifier
        self.zone = zone
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        self.calendar = calendar
    }

    /// The instant of a local time (for a missing local time, the instant after the gap).
    public func instant(of local: LocalDateTime) -> Date {
        let components = DateComponents(
            year: local.year, month: local.month, day: local.day, hour: local.hour, minute: local.minute)
        return calendar.date(from: components) ?? Date(timeIntervalSince1970: 0)
    }

    /// The local date at `instant`.
    package func localDate(of instant: Date) -> LocalDate {
        let seconds = Int(instant.timeIntervalSince1970.rounded(.down)) + zone.secondsFromGMT(for: instant)
        return LocalDateTime(secondsSince1970: seconds - ((seconds % 60) + 60) % 60).date
    }

    /// Seconds east of UTC at a local time.
    public func utcOffsetSeconds(at local: LocalDateTime) -> Int {
        zone.secondsFromGMT(for: instant(of: local))
    }

    /// `2026-01-13T18:00:00+00:00`: local time with its UTC offset (ISO 8601).
    public func isoString(_ local: LocalDateTime) -> String {
        let offset = utcOffsetSeconds(at: local)
        let sign = offset < 0 ? "-" : "+"
        let hours = abs(offset) / 3600
        let minutes = abs(offset) % 3600 / 60
        func two(_ value: Int) -> String { value < 10 ? "0\(value)" : String(value) }
        return "\(local.date.iso)T\(two(local.hour)):\(two(local.minute)):00\(sign)\(two(hours)):\(two(minutes))"
    }

    /// The local date and wall-clock minute range around each clock change between the two
    /// dates: for Europe/London, the Sundays' 01:00–02:00. Sessions starting or running there
    /// are ambiguous or missing, so the scheduler avoids them.
    public func clockChanges(from start: LocalDate, through end: LocalDate) -> [(date: LocalDate, minutes: Range<Int>)] {
        let first = Int(instant(of: start.at(minuteOfDay: 0)).timeIntervalSince1970) - 86_400
        let limit = Int(instant(of: end.adding(days: 1).at(minuteOfDay: 0)).timeIntervalSince1970) + 86_400
        return zone.offsetChanges(after: first, before: limit).map { change in
            // Local wall clock just before and at the change, in minutes of that day.
            let before = LocalDateTime(secondsSince1970: change.instant + change.from).minuteOfDay
            let after = LocalDateTime(secondsSince1970: change.instant + change.to)
            let low = min(before, after.minuteOfDay)
            let high = max(before, after.minuteOfDay)
            return (after.date, low..<max(high, low + 1))
        }
    }
}
