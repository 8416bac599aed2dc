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
        var result: [(LocalDate, Range<Int>)] = []
        var cursor = instant(of: start.at(minuteOfDay: 0)).addingTimeInterval(-86_400)
        let limit = instant(of: end.adding(days: 1).at(minuteOfDay: 0)).addingTimeInterval(86_400)
        while let transition = zone.nextDaylightSavingTimeTransition(after: cursor), transition < limit {
            let before = zone.secondsFromGMT(for: transition.addingTimeInterval(-1))
            let after = zone.secondsFromGMT(for: transition)
            // Local wall clock just before and at the change, in minutes of that day.
            let localBefore = local(transition, offset: before)
            let localAfter = local(transition, offset: after)
            let low = min(localBefore.minute, localAfter.minute)
            let high = max(localBefore.minute, localAfter.minute)
            result.append((localAfter.date, low..<max(high, low + 1)))
            cursor = transition
        }
        return result
    }

    private func local(_ instant: Date, offset: Int) -> (date: LocalDate, minute: Int) {
        let seconds = Int(instant.timeIntervalSince1970.rounded()) + offset
        let days = Int((Double(seconds) / 86_400).rounded(.down))
        return (LocalDate(dayNumber: days), (seconds - days * 86_400) / 60)
    }
}
