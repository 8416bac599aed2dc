import TandemSynthetic
import Testing

@testable import TandemCore

/// The window a mentee or mentor would add for the two to share a session, against a
/// quarter-hour-by-quarter-hour reference.
@Suite("The smallest common window")
struct CommonWindowTests {
    /// Every session start of one side, counting the other's missing quarter hours one by one;
    /// the mentee's side first, then the earlier start, win ties.
    static func reference(_ compiled: CompiledCohort, mentee: Int, mentor: Int) -> (CohortSide, Int, Int)? {
        let length = WeeklyAvailability.slots(forMinutes: compiled.policy.sessionMinutes)
        let words = WeeklyAvailability.wordCount
        func isSet(_ bits: [UInt64], _ person: Int, _ slot: Int) -> Bool {
            bits[person * words + slot / 64] & (1 << UInt64(slot % 64)) != 0
        }
        var best: (CohortSide, Int, Int)?
        let sides = [
            (CohortSide.mentee, compiled.mentorSessionStarts, mentor, compiled.menteeSlots, mentee),
            (CohortSide.mentor, compiled.menteeSessionStarts, mentee, compiled.mentorSlots, mentor),
        ]
        for (side, starts, startOwner, other, otherOwner) in sides {
            for start in 0..<(words * 64) where isSet(starts, startOwner, start) {
                let added = (start..<(start + length)).filter { !isSet(other, otherOwner, $0) }.count
                if added < best?.2 ?? Int.max { best = (side, start, added) }
            }
        }
        return best
    }

    @Test(arguments: [30, 45, 60, 90])
    func theWindowEqualsTheSlotBySlotReference(sessionMinutes: Int) throws {
        let generated = SyntheticCohort.generate(mentees: 60, mentors: 40, seed: UInt64(sessionMinutes))
        let cohort = try #require(SyntheticCohortParsing.cohort(generated))
        let compiled = CompiledCohort(cohort: cohort, policy: MatchingPolicy(sessionMinutes: sessionMinutes, seed: 1))
        var found = 0
        for mentee in 0..<compiled.menteeCount {
            for mentor in 0..<compiled.mentorCount {
                let window = compiled.smallestCommonWindow(mentee: mentee, mentor: mentor)
                let expected = Self.reference(compiled, mentee: mentee, mentor: mentor)
                #expect(window?.side == expected?.0 && window?.start == expected?.1 && window?.added == expected?.2)
                if let window, window.added > 0 { found += 1 }
            }
        }
        // Most pairs need quarter hours added: the counts were compared, not only their absence.
        #expect(found > compiled.menteeCount * compiled.mentorCount / 4)
    }
}
