import CLibical
import Foundation
import Synchronization
import TandemCore

/// Compact VTIMEZONE definitions derived from the system's time-zone database.
///
/// libical's built-in zones are unusable in files for other people (a prefixed TZID and
/// dozens of historical rules with multi-value BYDAY lists that Outlook cannot read), so
/// Tandem writes its own: one STANDARD and, where the zone has clock changes, one DAYLIGHT,
/// each with a yearly rule on a single weekday (`BYMONTH=3;BYDAY=-1SU`), and the TZID exactly
/// the IANA name. The rules are read off Foundation's offsets in the years the calendar covers
/// and are exact there; outside those years they state the present rule.
package enum TimeZoneRules {
    /// The VTIMEZONE for `identifier` that agrees with the system zone throughout `years`, as
    /// libical serialises it (CRLF line ends).
    /// - Parameters:
    ///   - identifier: An IANA zone name such as `Europe/London`.
    ///   - years: The calendar years that must be exact.
    /// - Throws: ``CalendarError/unknownTimeZone(_:)`` for an unknown name;
    ///   ``CalendarError/irregularTimeZone(identifier:years:reason:)`` when the rules change
    ///   within `years` or a change does not fall on an nth (or last) weekday of a month.
    package static func vtimezone(identifier: String, years: ClosedRange<Int>) throws(CalendarError) -> String {
        let zone = try CompactZone(identifier: identifier, years: years)
        return try LibicalGate.run { () throws(CalendarError) -> String in
            try zone.component().serialised()
        }
    }
}

/// A zone as one STANDARD and at most one DAYLIGHT observance, each recurring yearly.
struct CompactZone: Sendable, Hashable {
    /// Zones already derived, by identifier and years: every file of a programme needs the same
    /// one, and deriving it samples the system zone across the years.
    private static let derived = Mutex<[String: CompactZone]>([:])

    /// ``init(identifier:years:)``, memoised.
    static func cached(identifier: String, years: ClosedRange<Int>) throws(CalendarError) -> CompactZone {
        let key = "\(identifier) \(years.lowerBound) \(years.upperBound)"
        if let zone = derived.withLock({ $0[key] }) { return zone }
        let zone = try CompactZone(identifier: identifier, years: years)
        derived.withLock { $0[key] = zone }
        return zone
    }

    struct YearlyRule: Sendable, Hashable {
        var month: Int
        var weekday: Weekday
        /// 1...5 counting from the start of the month, -1 for the last such weekday.
        var ordinal: Int
    }

    struct Observance: Sendable, Hashable {
        /// Seconds east of UTC before and after the change.
        var offsetFrom: Int
        var offsetTo: Int
        var name: String?
        /// The first change, in 1970, as wall-clock time before it (RFC 5545 3.6.5).
        var onset: LocalDateTime
        var rule: YearlyRule?
    }

    var identifier: String
    var standard: Observance
    var daylight: Observance?
}

extension CompactZone {
    /// Reads the rules off the system zone's clock changes.
    ///
    /// Six further years are read to decide between "4th" and "last" weekday when the
    /// required years fit both; they never cause an error.
    init(identifier: String, years: ClosedRange<Int>) throws(CalendarError) {
        guard let zone = TimeZone(identifier: identifier) else { throw .unknownTimeZone(identifier) }
        func irregular(_ reason: String) -> CalendarError {
            .irregularTimeZone(identifier: identifier, years: years, reason: reason)
        }
        let start = LocalDate(year: years.lowerBound, month: 1, day: 1).dayNumber * 86_400
        let end = LocalDate(year: years.upperBound + 7, month: 1, day: 1).dayNumber * 86_400
        let changes = zone.offsetChanges(after: start - 2 * 86_400, before: end + 2 * 86_400).filter { $0.from != $0.to }
        let required = changes.filter { years.contains($0.utcYear) }
        let extra = changes.filter { $0.utcYear > years.upperBound }

        self.identifier = identifier
        guard let first = required.first else {
            let offset = zone.secondsFromGMT(atSecondsSince1970: start)
            standard = Observance(
                offsetFrom: offset, offsetTo: offset, name: Self.abbreviation(zone, daylight: false),
                onset: LocalDateTime(year: 1970, month: 1, day: 1), rule: nil)
            daylight = nil
            return
        }
        let low = min(first.from, first.to)
        let high = max(first.from, first.to)
        guard required.allSatisfy({ ($0.from == low && $0.to == high) || ($0.from == high && $0.to == low) }) else {
            throw irregular("its UTC offset takes more than two values")
        }
        for year in years {
            let forward = required.filter { $0.utcYear == year && $0.to == high }.count
            let back = required.filter { $0.utcYear == year && $0.to == low }.count
            guard forward == 1, back == 1 else {
                throw irregular("in \(year) the clocks go forward \(forward) and back \(back) times, not once each")
            }
        }
        func observance(into offset: Int, daylight: Bool) throws(CalendarError) -> Observance {
            let into = required.filter { $0.to == offset }
            guard into.allSatisfy(\.isOnWholeMinute) else { throw irregular("a clock change is not on a whole minute") }
            let local = into.map(\.localBefore)
            let later = extra.filter { $0.to == offset }.map(\.localBefore)
            let rule = try Self.yearlyRule(required: local, extra: later, irregular: irregular)
            let onsetDate = (1970...1976).lazy.compactMap { rule.date(in: $0) }.first ?? LocalDate(year: 1970, month: 1, day: 1)
            let minuteOfDay = local.first?.minuteOfDay ?? 0
            return Observance(
                offsetFrom: offset == high ? low : high, offsetTo: offset,
                name: Self.abbreviation(zone, daylight: daylight),
                onset: onsetDate.at(minuteOfDay: minuteOfDay), rule: rule)
        }
        standard = try observance(into: low, daylight: false)
        daylight = try observance(into: high, daylight: true)
    }

    /// The single-weekday yearly rule that all `required` changes follow.
    static func yearlyRule(
        required: [LocalDateTime], extra: [LocalDateTime], irregular: (String) -> CalendarError
    ) throws(CalendarError) -> YearlyRule {
        guard let first = required.first else { throw irregular("no clock change found") }
        func sameDayAndTime(_ time: LocalDateTime) -> Bool {
            time.month == first.month && time.date.weekday == first.date.weekday && time.hour == first.hour
                && time.minute == first.minute
        }
        guard required.allSatisfy(sameDayAndTime) else {
            throw irregular("the clocks change in different months, on different weekdays or at different times")
        }
        func ordinal(_ time: LocalDateTime) -> Int { (time.day - 1) / 7 + 1 }
        func isLast(_ time: LocalDateTime) -> Bool { time.day + 7 > LocalDate.daysIn(month: time.month, year: time.year) }
        let counted = Set(required.map(ordinal))
        let fitsCounted = counted.count == 1
        let fitsLast = required.allSatisfy(isLast)
        let countedOrdinal = ordinal(first)
        let chosen: Int
        switch (fitsCounted, fitsLast) {
        case (true, false): chosen = countedOrdinal
        case (false, true): chosen = -1
        case (true, true):
            let later = extra.filter(sameDayAndTime)
            let laterFitsCounted = later.allSatisfy { ordinal($0) == countedOrdinal }
            let laterFitsLast = later.allSatisfy(isLast)
            if laterFitsLast != laterFitsCounted {
                chosen = laterFitsLast ? -1 : countedOrdinal
            } else {
                chosen = countedOrdinal >= 4 ? -1 : countedOrdinal
            }
        case (false, false):
            throw irregular("the clocks do not change on the same nth or last weekday every year")
        }
        return YearlyRule(month: first.month, weekday: first.date.weekday, ordinal: chosen)
    }

    /// A short name such as `GMT`, `BST` or `EST`; `nil` when the system only offers `GMT+5:30`.
    static func abbreviation(_ zone: TimeZone, daylight: Bool) -> String? {
        for locale in ["en_GB", "en_US"] {
            let style: TimeZone.NameStyle = daylight ? .shortDaylightSaving : .shortStandard
            if let name = zone.localizedName(for: style, locale: Locale(identifier: locale)),
                (2...6).contains(name.count), name.allSatisfy({ $0.isASCII && $0.isUppercase })
            {
                return name
            }
        }
        return nil
    }
}

extension OffsetChange {
    var utcYear: Int { LocalDateTime(secondsSince1970: instant).year }

    /// The wall clock just before the change (the time a VTIMEZONE onset states).
    var localBefore: LocalDateTime { LocalDateTime(secondsSince1970: instant + from) }

    var isOnWholeMinute: Bool { (instant + from) % 60 == 0 }
}

extension CompactZone.YearlyRule {
    func date(in year: Int) -> LocalDate? {
        LocalDate.nth(weekday, ordinal: ordinal, month: month, year: year)
    }
}

extension CompactZone {
    /// The VTIMEZONE component (to run inside ``LibicalGate/run(_:)``).
    func component() throws(CalendarError) -> Component {
        let vtimezone = try Component(ICAL_VTIMEZONE_COMPONENT)
        vtimezone.append(try Property(icalproperty_new_tzid(identifier), call: "icalproperty_new_tzid"))
        vtimezone.append(try standard.component(ICAL_XSTANDARD_COMPONENT))
        if let daylight {
            vtimezone.append(try daylight.component(ICAL_XDAYLIGHT_COMPONENT))
        }
        return vtimezone
    }
}

extension CompactZone.Observance {
    func component(_ kind: icalcomponent_kind) throws(CalendarError) -> Component {
        let observance = try Component(kind)
        observance.append(try Property(icalproperty_new_tzoffsetfrom(Int32(offsetFrom)), call: "icalproperty_new_tzoffsetfrom"))
        observance.append(try Property(icalproperty_new_tzoffsetto(Int32(offsetTo)), call: "icalproperty_new_tzoffsetto"))
        if let name {
            observance.append(try Property(icalproperty_new_tzname(name), call: "icalproperty_new_tzname"))
        }
        // Floating on purpose: an onset is wall-clock time in the offset before the change.
        observance.append(try Property(icalproperty_new_dtstart(.local(onset, in: nil)), call: "icalproperty_new_dtstart"))
        if let rule {
            let byDay = tandem_encode_by_day(rule.weekday.libical, Int32(rule.ordinal))
            let recurrence = tandem_recurrence(ICAL_YEARLY_RECURRENCE, 1, 0, Int32(rule.month), byDay)
            observance.append(try Property(icalproperty_new_rrule(recurrence), call: "icalproperty_new_rrule"))
        }
        return observance
    }
}
