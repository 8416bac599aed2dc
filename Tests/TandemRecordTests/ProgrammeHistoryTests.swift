import Foundation
import StableMatching
import TandemCore
import Testing

@testable import TandemRecord

@Suite("The programme history the record reports")
struct ProgrammeHistoryTests {
    /// A pair as made, in the order made (so its position is its id's order).
    struct MadePair {
        var mentor: String
        var mentee: String
        var ended = false
    }

    /// The people paired again, straight from the definition: someone with an ended pair and a
    /// pair made after it.
    static func pairedAgain(_ pairs: [MadePair]) -> Int {
        let people = Set(pairs.flatMap { [$0.mentor, $0.mentee] })
        return people.count { person in
            pairs.indices.contains { first in
                let earlier = pairs[first]
                return earlier.ended && [earlier.mentor, earlier.mentee].contains(person)
                    && pairs[(first + 1)...].contains { $0.mentor == person || $0.mentee == person }
            }
        }
    }

    @Test(arguments: [1, 2, 3, 4, 5, 6] as [UInt64])
    func peoplePairedAgainMatchTheirDefinitionOverASeededProgramme(seed: UInt64) throws {
        var random = SeededGenerator(seed: seed)
        let mentors = (1...4).map { Mentor(id: "M\($0)", name: "Mentor \($0)", email: "m\($0)@example.org") }
        let mentees = (1...6).map { Mentee(id: "E\($0)", name: "Mentee \($0)", email: "e\($0)@example.org") }
        let record = try ProgrammeRecord(path: ProgrammeRecordTests.scratchPath("history\(seed)"))
        var made: [MadePair] = []
        for day in 1...5 {
            let date = LocalDate(year: 2027, month: 1, day: day)
            try record.change { transaction throws(TandemFailure) in
                let run = try transaction.beginRun(
                    command: "match", runDate: date, timeZone: "Europe/London", startedAt: ProgrammeRecordTests.issued)
                try transaction.recordPeople(of: Cohort(mentors: mentors, mentees: mentees), run: run)
                for index in made.indices where !made[index].ended && Bool.random(using: &random) {
                    _ = try transaction.endPairs(
                        .pair(mentor: made[index].mentor, mentee: made[index].mentee), from: date, reason: "moved away",
                        run: run, issued: ProgrammeRecordTests.issued)
                    made[index].ended = true
                }
                for _ in 0..<3 {
                    let mentor = mentors[Int.random(in: 0..<mentors.count, using: &random)].id
                    let mentee = mentees[Int.random(in: 0..<mentees.count, using: &random)].id
                    guard !made.contains(where: { $0.mentor == mentor && $0.mentee == mentee && !$0.ended }) else { continue }
                    try transaction.addPair(
                        MatchResult.Pair(
                            mentor: PersonName(id: mentor, name: mentor), mentee: PersonName(id: mentee, name: mentee),
                            score: 0.5, menteeRank: 1, mentorRank: 1, reasons: [], series: nil),
                        run: run, runDate: date)
                    made.append(MadePair(mentor: mentor, mentee: mentee))
                }
            }
        }
        let history = try record.change { transaction throws(TandemFailure) in try transaction.history() }
        #expect(made.contains { $0.ended })
        #expect(history.rematched == Self.pairedAgain(made))
        #expect(history.runs == 5)
        #expect(history.endedEarly.map(\.count).reduce(0, +) == made.count { $0.ended })
    }
}
