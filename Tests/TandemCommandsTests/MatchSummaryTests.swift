import TandemCore
import Testing

@testable import TandemCommands

@Suite("The console summary")
struct MatchSummaryTests {
    /// Three pairs, one with a long gap, and one pair not made for want of a slot.
    static func result(flagged: Bool, withoutSlot: Bool) -> MatchResult {
        let start = LocalDateTime(year: 2027, month: 1, day: 13, hour: 18)
        func pair(_ number: Int, gap: Int?) -> MatchResult.Pair {
            let mentor = PersonName(id: "M\(number)", name: "Mentor \(number)")
            let mentee = PersonName(id: "E\(number)", name: "Mentee \(number)")
            let series = SessionSeries(
                uid: "uid-\(number)", mentor: CalendarPerson(id: mentor.id, name: mentor.name, email: ""),
                mentee: CalendarPerson(id: mentee.id, name: mentee.name, email: ""),
                slot: WeeklySlot(weekday: .wednesday, startMinute: 18 * 60), cadence: .monthly(ordinal: 2),
                durationMinutes: 60, firstStart: start, occurrenceCount: 6, skipped: [],
                sessions: (0..<6).map { start.date.adding(days: 28 * $0).at(minuteOfDay: 18 * 60) }, location: "Online",
                isOnline: true)
            var pair = MatchResult.Pair(
                mentor: mentor, mentee: mentee, score: 0.5, menteeRank: 1, mentorRank: 1, reasons: [], series: series)
            pair.longestGapWeeks = gap
            return pair
        }
        var schedule = MatchResult.Schedule(sessionsPerPair: 6, unscheduled: [], cohortEvents: [])
        schedule.maxGapWeeks = 8
        if withoutSlot {
            schedule.withoutSlot = [.init(mentor: "M1", mentee: "E3", reason: .noCommonSlot(sessionMinutes: 60))]
        }
        var summary = MatchResult.Summary(
            pairs: 3, mentors: 3, mentees: 4, unmatchedMentees: 1, unmatchedMentors: 0, spareMentorPlaces: 0, meanScore: 0.5)
        summary.pairsWithoutSlot = withoutSlot ? 1 : 0
        return MatchResult(
            programme: Programme(), algorithm: "stable/weighted", seed: 1, stable: true, blockingPairs: 0,
            settings: ReasonSettings(sessionMinutes: 60, minimumScore: 0, maxListLength: nil),
            pairs: [pair(1, gap: flagged ? 13 : nil), pair(2, gap: nil), pair(3, gap: nil)], unmatched: [], summary: summary,
            capacityCaps: [],
            tradeOff: nil, schedule: schedule)
    }

    @Test func countsPairsWithALongGapAndPairsWithoutASlot() {
        let text = MatchSummary.text(Self.result(flagged: true, withoutSlot: true), out: "out", seconds: 0)
        #expect(
            text.contains(
                "Sessions:          18 scheduled for 3 pair(s); 0 short of 6, 0 not scheduled, 1 with a gap over 8 weeks\n"))
        #expect(
            text.contains(
                "Without a slot:    1 pair(s) not made (no slot could be found); the matching was solved again without them\n"))
    }

    @Test func saysNothingOfSlotsWhenEveryPairGotOne() {
        let text = MatchSummary.text(Self.result(flagged: false, withoutSlot: false), out: "out", seconds: 0)
        #expect(text.contains("0 not scheduled, 0 with a gap over 8 weeks\n"))
        #expect(!text.contains("Without a slot"))
    }
}
