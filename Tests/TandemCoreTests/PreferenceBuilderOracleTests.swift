import StableMatching
import TandemSynthetic
import Testing

@testable import TandemCore

/// The parallel, screened builder against the plainest possible one: every pair through
/// `verdict`, every list fully sorted, every rejection counted one pair at a time.
@Suite("Preference lists against a pair-by-pair reference")
struct PreferenceBuilderOracleTests {
    struct Reference: Equatable {
        var menteeLists: [[Int32]] = []
        var menteeScores: [[Int32]] = []
        var mentorLists: [[Int32]] = []
        var mentorScores: [[Int32]] = []
        var menteeRejections: [[Int]] = []
        var mentorRejections: [[Int]] = []
    }

    static func reference(_ compiled: CompiledCohort) -> Reference {
        let reasons = PairRejection.allCases
        var result = Reference()
        var mentorRejections = [[Int]](repeating: [Int](repeating: 0, count: reasons.count), count: compiled.mentorCount)
        var mentorCandidates = [[(mentee: Int32, score: Int32, tie: UInt64)]](repeating: [], count: compiled.mentorCount)
        for mentee in 0..<compiled.menteeCount {
            var rejections = [Int](repeating: 0, count: reasons.count)
            var acceptable: [(mentor: Int32, score: Int32, other: Int32, tie: UInt64)] = []
            for mentor in 0..<compiled.mentorCount {
                let verdict = compiled.verdict(mentee: mentee, mentor: mentor)
                if let rejection = verdict.rejection {
                    rejections[rejection.rawValue] += 1
                    mentorRejections[mentor][rejection.rawValue] += 1
                } else {
                    let tie = compiled.tieKey(ranker: compiled.menteeIdHash[mentee], candidate: compiled.mentorIdHash[mentor])
                    acceptable.append((Int32(mentor), verdict.menteeScore, verdict.mentorScore, tie))
                }
            }
            acceptable.sort { $0.score != $1.score ? $0.score > $1.score : $0.tie < $1.tie }
            let limit = compiled.policy.maxListLength ?? acceptable.count
            for dropped in acceptable.dropFirst(limit) {
                rejections[PairRejection.beyondListLength.rawValue] += 1
                mentorRejections[Int(dropped.mentor)][PairRejection.beyondListLength.rawValue] += 1
            }
            let kept = acceptable.prefix(limit)
            result.menteeLists.append(kept.map(\.mentor))
            result.menteeScores.append(kept.map(\.score))
            result.menteeRejections.append(rejections)
            for entry in kept {
                let tie = compiled.tieKey(
                    ranker: compiled.mentorIdHash[Int(entry.mentor)], candidate: compiled.menteeIdHash[mentee])
                mentorCandidates[Int(entry.mentor)].append((Int32(mentee), entry.other, tie))
            }
        }
        for candidates in mentorCandidates {
            let sorted = candidates.sorted { $0.score != $1.score ? $0.score > $1.score : $0.tie < $1.tie }
            result.mentorLists.append(sorted.map(\.mentee))
            result.mentorScores.append(sorted.map(\.score))
        }
        result.mentorRejections = mentorRejections
        return result
    }

    static func built(_ compiled: CompiledCohort) -> Reference {
        let scored = PreferenceBuilder.build(compiled)
        let instance = scored.instance
        var result = Reference()
        for mentee in 0..<compiled.menteeCount {
            let range = Int(instance.residentListStart[mentee])..<Int(instance.residentListStart[mentee + 1])
            result.menteeLists.append(Array(instance.residentLists[range]))
            result.menteeScores.append(Array(scored.menteeScores[range]))
            result.menteeRejections.append(PairRejection.allCases.map { scored.rejections($0, forMentee: mentee) })
        }
        for mentor in 0..<compiled.mentorCount {
            let range = Int(instance.hospitalListStart[mentor])..<Int(instance.hospitalListStart[mentor + 1])
            result.mentorLists.append(Array(instance.hospitalLists[range]))
            result.mentorScores.append(Array(scored.mentorScores[range]))
            result.mentorRejections.append(PairRejection.allCases.map { scored.rejections($0, forMentor: mentor) })
        }
        return result
    }

    static let policies: [MatchingPolicy] = [
        MatchingPolicy(seed: 1),
        MatchingPolicy(maxListLength: 3, seed: 2),
        MatchingPolicy(minimumScore: 0.45, maxListLength: 1, seed: 3),
        MatchingPolicy(
            constraints: HardConstraints(sameOrganisation: false, exclusions: false, format: false), maxListLength: 0, seed: 4),
        MatchingPolicy(
            constraints: HardConstraints(sameOrganisation: true, exclusions: true, format: false),
            maxListLength: 2, sensitiveCriteria: [.themes, .availability, .town, .preference], sessionMinutes: 90, seed: 5),
        MatchingPolicy(minimumScore: 0.3, sessionMinutes: 15, availabilityTargetMinutes: 60, seed: 6),
    ]

    @Test(arguments: 0..<6)
    func smallRandomCohortsMatchTheReference(policyIndex: Int) {
        for seed in 1...4 as ClosedRange<UInt64> {
            let cohort = PreferenceBuilderTests.randomCohort(seed: seed * 31 + UInt64(policyIndex), mentors: 17, mentees: 45)
            let compiled = CompiledCohort(cohort: cohort, policy: Self.policies[policyIndex])
            #expect(Self.built(compiled) == Self.reference(compiled))
        }
    }

    /// A generated cohort of 240 mentees and 60 mentors, compiled with policy `policyIndex`.
    static func generatedCohort(seed: UInt64, policyIndex: Int) throws -> CompiledCohort {
        let generated = SyntheticCohort.generate(mentees: 240, mentors: 60, seed: seed)
        let cohort = try #require(SyntheticCohortParsing.cohort(generated))
        return CompiledCohort(cohort: cohort, policy: policies[policyIndex])
    }

    @Test(arguments: 0..<6)
    func generatedCohortsMatchTheReference(policyIndex: Int) throws {
        let compiled = try Self.generatedCohort(seed: UInt64(40 + policyIndex), policyIndex: policyIndex)
        let built = Self.built(compiled)
        #expect(built == Self.reference(compiled))
        // The screen must have had something to do: acceptable pairs and common-time rejections.
        #expect(built.menteeLists.contains { !$0.isEmpty } || Self.policies[policyIndex].maxListLength == 0)
        #expect(built.menteeRejections.contains { $0[PairRejection.noCommonTime.rawValue] > 0 })
    }

    /// The mentors' lists ranked on two threads are those of one thread (which the reference
    /// checks above), on cohorts too small for `build` to take two.
    @Test(arguments: 0..<6)
    func mentorListsInHalvesAreTheSame(policyIndex: Int) throws {
        let compiled = try Self.generatedCohort(seed: UInt64(70 + policyIndex), policyIndex: policyIndex)
        let scored = PreferenceBuilder.build(compiled)
        let instance = scored.instance
        var lengths = ContiguousArray<Int32>(repeating: 0, count: compiled.mentorCount)
        for mentor in instance.residentLists { lengths[Int(mentor)] += 1 }
        let halved = PreferenceBuilder.mentorLists(
            menteeListStart: instance.residentListStart, menteeLists: instance.residentLists,
            mentorScores: scored.mentorScoresOfMenteeEntries, listLengths: lengths, compiled: compiled, halves: 2)
        #expect(halved.start == instance.hospitalListStart)
        #expect(halved.mentees == instance.hospitalLists)
        #expect(halved.scores == scored.mentorScores)
        #expect(!instance.hospitalLists.isEmpty || Self.policies[policyIndex].maxListLength == 0)
    }

    @Test func aMentorRankKeyOrdersAsAnEntryRanks() {
        var generator = SeededGenerator(seed: 11)
        let scores: [Int32] = [Int32.min, -5, -1, 0, 1, 2, 999_999, Int32.max]
        let ties: [UInt64] = [0, 1, 0xFFFF_FFFF, 1 << 32, UInt64.max - 1, UInt64.max]
        var entries: [PreferenceBuilder.Entry] = []
        for _ in 0..<400 {
            entries.append(
                PreferenceBuilder.Entry(
                    score: scores.randomElement(using: &generator) ?? 0, partner: Int32.random(in: 0..<4, using: &generator),
                    tie: ties.randomElement(using: &generator) ?? 0, otherScore: 0))
        }
        for left in entries {
            let leftKey = PreferenceBuilder.MentorRankKey(score: left.score, tie: left.tie, mentee: left.partner)
            #expect(leftKey.score == left.score && leftKey.mentee == left.partner)
            for right in entries.prefix(60) {
                let rightKey = PreferenceBuilder.MentorRankKey(score: right.score, tie: right.tie, mentee: right.partner)
                #expect((leftKey < rightKey) == PreferenceBuilder.Entry.ranksBefore(left, right))
            }
        }
    }
}
