import StableMatching
import Testing

@testable import TandemCore

@Suite("Preference lists from scores")
struct PreferenceBuilderTests {
    /// A random cohort with plenty of ties (few distinct answers) and every kind of rejection.
    static func randomCohort(seed: UInt64, mentors: Int, mentees: Int) -> Cohort {
        var random = SeededGenerator(seed: seed)
        let themes = ["Mental health", "Housing", "Racism in services", "Disability"]
        let slots = ["Tue 18:00-20:00", "Sat 10:00-12:00", "Mon 12:00-13:00", "Wed 09:00-09:30"]
        let organisations = ["A", "B", "C"]
        func pick(_ values: [String]) -> [String] { values.filter { _ in Bool.random(using: &random) } }
        let mentorList = (0..<mentors).map { index in
            Fixtures.mentor(
                "M\(index)", organisation: organisations.randomElement(using: &random) ?? "A",
                offers: pick(themes), free: pick(slots).joined(separator: ";"),
                format: MeetingFormat.allCases.randomElement(using: &random) ?? .either,
                capacity: Int.random(in: 0...3, using: &random), consent: Int.random(in: 0..<4, using: &random) > 0)
        }
        let menteeList = (0..<mentees).map { index in
            Fixtures.mentee(
                "E\(index)", organisation: organisations.randomElement(using: &random) ?? "A", wants: pick(themes),
                free: pick(slots).joined(separator: ";"), format: MeetingFormat.allCases.randomElement(using: &random) ?? .either,
                exclusions: Int.random(in: 0..<8, using: &random) == 0 ? ["M\(Int.random(in: 0..<mentors, using: &random))"] : [],
                consent: Int.random(in: 0..<4, using: &random) > 0)
        }
        return Cohort(mentors: mentorList, mentees: menteeList)
    }

    @Test(arguments: [1, 2, 3] as [UInt64])
    func listsHoldExactlyTheAcceptablePairsInScoreOrder(seed: UInt64) {
        let cohort = Self.randomCohort(seed: seed, mentors: 12, mentees: 30)
        let compiled = CompiledCohort(cohort: cohort, policy: MatchingPolicy(seed: seed))
        let scored = PreferenceBuilder.build(compiled)
        let instance = scored.instance
        for mentee in 0..<cohort.mentees.count {
            let expected = Set(
                (0..<cohort.mentors.count).filter { compiled.verdict(mentee: mentee, mentor: $0).rejection == nil })
            let listed = instance.hospitals(preferredBy: mentee).map(Int.init)
            #expect(Set(listed) == expected)
            let scores = listed.map { compiled.verdict(mentee: mentee, mentor: $0).menteeScore }
            #expect(scores == scores.sorted(by: >))
            let total = PairRejection.allCases.reduce(0) { $0 + scored.rejections($1, forMentee: mentee) }
            #expect(total + listed.count == cohort.mentors.count)
        }
        for mentor in 0..<cohort.mentors.count {
            let scores = instance.residents(preferredBy: mentor).map {
                compiled.verdict(mentee: Int($0), mentor: mentor).mentorScore
            }
            #expect(scores == scores.sorted(by: >))
        }
    }

    @Test func listLengthLimitKeepsTheBestAndCountsTheRest() {
        let cohort = Self.randomCohort(seed: 9, mentors: 20, mentees: 20)
        let full = PreferenceBuilder.build(CompiledCohort(cohort: cohort, policy: MatchingPolicy(seed: 9)))
        let limited = PreferenceBuilder.build(CompiledCohort(cohort: cohort, policy: MatchingPolicy(maxListLength: 3, seed: 9)))
        for mentee in 0..<cohort.mentees.count {
            let fullList = Array(full.instance.hospitals(preferredBy: mentee))
            let limitedList = Array(limited.instance.hospitals(preferredBy: mentee))
            #expect(limitedList == Array(fullList.prefix(3)))
            #expect(limited.rejections(.beyondListLength, forMentee: mentee) == max(0, fullList.count - 3))
        }
    }

    @Test func tieBreakIsFixedForASeedAndChangesWithIt() {
        // Identical mentors: only the tie-break orders them.
        let mentors = (0..<8).map { Fixtures.mentor("M\($0)") }
        let mentees = (0..<8).map { Fixtures.mentee("E\($0)") }
        let cohort = Cohort(mentors: mentors, mentees: mentees)
        func lists(_ seed: UInt64) -> [[Int32]] {
            let instance = PreferenceBuilder.build(CompiledCohort(cohort: cohort, policy: MatchingPolicy(seed: seed))).instance
            return (0..<8).map { Array(instance.hospitals(preferredBy: $0)) }
        }
        #expect(lists(42) == lists(42))
        #expect(lists(42) != lists(43))
        // Keyed by ranker too: not every mentee puts the same mentor first.
        #expect(Set(lists(42).compactMap(\.first)).count > 1)
    }
}

@Suite("Cohort matching end to end")
struct CohortMatcherTests {
    @Test(arguments: [11, 12, 13, 14] as [UInt64])
    func resultIsStableAndEveryoneIsAccountedFor(seed: UInt64) {
        let cohort = PreferenceBuilderTests.randomCohort(seed: seed, mentors: 15, mentees: 40)
        for side in StableChoice.allCases {
            let outcome = CohortMatcher.match(cohort, policy: MatchingPolicy(seed: seed, optimal: side))
            #expect(outcome.isStable)
            let matchedMentees = Set(outcome.pairs.map(\.mentee))
            let unmatchedMentees = Set(outcome.unmatched.filter { $0.side == .mentee }.map(\.index))
            #expect(matchedMentees.isDisjoint(with: unmatchedMentees))
            #expect(matchedMentees.count + unmatchedMentees.count == cohort.mentees.count)
            for pair in outcome.pairs {
                #expect(pair.menteeRank >= 1 && pair.mentorRank >= 1)
                #expect(!pair.reasons.isEmpty)
            }
            let result = MatchResult(outcome, programme: Programme())
            #expect(result.unmatched.allSatisfy { !result.text(of: $0).isEmpty })
        }
    }

    @Test func explainsEachKindOfUnmatchedPerson() {
        let mentors = [
            Fixtures.mentor("M1", capacity: 1),
            Fixtures.mentor("M2", capacity: 0),
            Fixtures.mentor("M3", free: "Sun 06:00-07:00"),
        ]
        let mentees = [
            Fixtures.mentee("E1"),
            Fixtures.mentee("E2", wants: ["Housing"]),
            Fixtures.mentee("E3", free: "Mon 07:00-07:45"),
            Fixtures.mentee("E4", organisation: "Southall Community Group"),
        ]
        let outcome = CohortMatcher.match(Cohort(mentors: mentors, mentees: mentees), policy: MatchingPolicy())
        #expect(outcome.pairs.count == 1)
        let result = MatchResult(outcome, programme: Programme())
        let reasons = Dictionary(
            uniqueKeysWithValues: zip(outcome.unmatched, result.unmatched).map { ("\($0.side)\($0.index)", result.text(of: $1)) })
        let codes = Dictionary(uniqueKeysWithValues: outcome.unmatched.map { ("\($0.side)\($0.index)", $0.reason) })
        let loser = outcome.pairs[0].mentee == 0 ? "mentee1" : "mentee0"
        #expect(codes["mentor1"] == .notTakingMentees)
        #expect(codes["mentee2"] == .noWindow)
        #expect(
            codes["mentee3"]
                == .noPossiblePartner(
                    of: 3, rules: [RuleCount(rule: .mentorCapacityZero, count: 1), RuleCount(rule: .sameOrganisation, count: 2)]))
        #expect(reasons[loser]?.contains("full with mentees they rank higher") == true)
        #expect(reasons["mentee2"]?.contains("no window of 60 minutes") == true)
        #expect(reasons["mentee3"]?.contains("same organisation") == true)
        #expect(reasons["mentee3"]?.contains("not taking mentees") == true)
        #expect(reasons["mentor1"] == "Not taking mentees this round (capacity 0).")
        #expect(reasons["mentor2"]?.contains("no common 60-minute window") == true)
    }

    @Test func pairReasonsNameWhatTheyShare() {
        let outcome = CohortMatcher.match(
            Cohort(
                mentors: [Fixtures.mentor("M1", offers: ["Mental health", "Housing"], prefers: ["E1"])],
                mentees: [Fixtures.mentee("E1", languages: ["Punjabi"], wants: ["Housing", "Mental health"])]),
            policy: MatchingPolicy())
        #expect(
            outcome.pairs.first?.reasons == [
                .sharedThemes(["Housing", "Mental health"]), .sharedLanguages(["Punjabi"]),
                .commonTime(windows: [AvailabilityWindow(day: .tuesday, startMinute: 18 * 60, endMinute: 20 * 60)], more: 0),
                .meetingFormat(.either), .sameTown("Southall"), .mentorChoice(rank: 1),
            ])
        let reasons = MatchResult(outcome, programme: Programme()).pairs.first?.reasonTexts ?? []
        #expect(reasons.contains("both want to talk about housing and mental health"))
        #expect(reasons.contains("both speak Punjabi"))
        #expect(reasons.contains("both free Tue 18:00–20:00"))
        #expect(reasons.contains("both in Southall"))
        #expect(reasons.contains("Mentor M1 chose Mentee E1 as 1st choice"))
    }
}
