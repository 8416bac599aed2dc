import Foundation
import Synchronization
import TandemCore

extension SessionSeries {
    /// The occurrences the series' recurrence rule generates from `firstStart`, computed here
    /// without libical, to hold the schedule to the RRULE the file will state.
    func ruleOccurrences() -> [LocalDateTime] {
        let minuteOfDay = firstStart.minuteOfDay
        switch cadence {
        case .weekly(let interval):
            return (0..<max(occurrenceCount, 0)).map {
                firstStart.date.adding(days: 7 * interval * $0).at(minuteOfDay: minuteOfDay)
            }
        case .monthly(let ordinal):
            var result: [LocalDateTime] = []
            var month = firstStart.month
            var year = firstStart.year
            // A 5th weekday occurs in at least four months of any twelve, so this ends.
            while result.count < occurrenceCount, year <= firstStart.year + occurrenceCount + 1 {
                if let date = LocalDate.nth(firstStart.date.weekday, ordinal: ordinal, month: month, year: year) {
                    let time = date.at(minuteOfDay: minuteOfDay)
                    if time >= firstStart { result.append(time) }
                }
                month += 1
                if month > 12 {
                    month = 1
                    year += 1
                }
            }
            return result
        }
    }

    /// Why the series cannot be written as one RRULE with EXDATEs, or `nil` if it can.
    func ruleProblem() -> String? {
        guard durationMinutes > 0, durationMinutes <= 24 * 60 else {
            return "a session must last between 1 minute and 24 hours, not \(durationMinutes) minutes"
        }
        guard occurrenceCount >= 1 else { return "the rule must generate at least one occurrence" }
        switch cadence {
        case .weekly(let interval) where interval < 1:
            return "a weekly cadence needs an interval of at least 1 week, not \(interval)"
        case .monthly(let ordinal) where ordinal == 0 || !(-5...5).contains(ordinal):
            return "a monthly cadence needs an ordinal 1...5 or -1...-5 (last), not \(ordinal)"
        default: break
        }
        guard firstStart.date.weekday == slot.weekday, firstStart.minuteOfDay == slot.startMinute else {
            return "the first session \(firstStart.date.iso) is not on the slot's weekday and time"
        }
        let generated = ruleOccurrences()
        guard generated.first == firstStart else {
            return "the first session \(firstStart.date.iso) is not an occurrence of its own monthly rule"
        }
        guard sessions.count + skipped.count == occurrenceCount else {
            return "\(sessions.count) sessions and \(skipped.count) skipped dates do not add up to \(occurrenceCount) occurrences"
        }
        let stated = Set(sessions + skipped)
        guard stated.count == occurrenceCount else { return "a date is listed twice among the sessions and skipped dates" }
        if let stray = (sessions + skipped).sorted().first(where: { !generated.contains($0) }) {
            return "\(stray.date.iso) is not an occurrence of the cadence from \(firstStart.date.iso)"
        }
        return nil
    }
}

/// The instants a wall-clock time names in a zone: one normally, none in a spring-forward gap,
/// two in an autumn overlap.
struct WallClock {
    let zone: TimeZone
    /// The zone's name, read once: it keys the table of answers.
    private let identifier: String

    init(zone: TimeZone) {
        self.zone = zone
        identifier = zone.identifier
    }

    /// Answers so far, by zone and wall-clock time. Every file of a programme asks about the
    /// same few hundred session and event times (each cohort event is in every file), and each
    /// answer costs several time-zone lookups. The keys are the distinct times of the
    /// programmes rendered, so the cache stays small.
    private static let known = Mutex<[Key: [Int]]>([:])

    private struct Key: Hashable {
        var zone: String
        var time: LocalDateTime
    }

    func instants(of local: LocalDateTime) -> [Int] {
        let key = Key(zone: identifier, time: local)
        if let instants = Self.known.withLock({ $0[key] }) { return instants }
        let naive = local.secondsSince1970
        func offset(_ second: Int) -> Int { zone.secondsFromGMT(atSecondsSince1970: second) }
        let candidates = Set([offset(naive - 86_400), offset(naive), offset(naive + 86_400)])
        let instants = candidates.map { naive - $0 }.filter { offset($0) == naive - $0 }.sorted()
        Self.known.withLock { $0[key] = instants }
        return instants
    }
}
