import Foundation

extension SessionSeries {
    /// The series ended from `date`: the sessions before `date` are held and the rule stops at
    /// the last of them, as a new revision issued at `issued`; `nil` when no session came
    /// before `date` (the whole series is called off).
    package func ended(from date: LocalDate, issued: Date) -> SessionSeries? {
        let held = sessions.filter { $0.date < date }
        guard let last = held.last else { return nil }
        var ended = self
        ended.sessions = held
        ended.skipped = skipped.filter { $0 < last }
        ended.occurrenceCount = held.count + ended.skipped.count
        ended.sequence = sequence + 1
        ended.issued = issued
        return ended
    }

    /// The sessions on or after `date`, which an ending cancels.
    package func sessions(from date: LocalDate) -> [LocalDateTime] {
        sessions.filter { $0.date >= date }
    }
}
