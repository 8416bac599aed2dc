import StableMatching
import TandemSynthetic
import Testing

@testable import TandemCore

/// The exact method for large cohorts (short lists extended on demand, a reduced instance with
/// the same stable matchings) against the complete lists, on cohorts small enough for both.
@Suite("Exact stable matching without the complete lists")
struct ExactStableMatchingTests {
    static let policies: [MatchingPolicy] = [
        MatchingPolicy(seed: 1),
        MatchingPolicy(minimumScore: 0.2, seed: 2),
        MatchingPolicy(minimumScore: 0.45, seed: 3),
        MatchingPolicy(
            constraints: HardConstraints(sameOrganisation: false, exclusions: false, format: false), seed: 4),
        // The two sides want different things: many stable matchings to choose between.
        MatchingPolicy(
            menteeWeights: CriterionWeights([.themes: 5, .town: 1]),
            mentorWeights: CriterionWeights([.availability: 3, .language: 2, .town: 2]), seed: 5),
        MatchingPolicy(
            menteeWeights: CriterionWeights([.availability: 1, .language: 3]),
            mentorWeights: CriterionWeights([.themes: 4, .town: 1]), minimumScore: 0.1, seed: 6),
    ]

    /// What must be identical: the matching, both ranks of every pair, and every stable
    /// alternative's summary.
    struct Compared: Equatable {
        var matching: Matching
        var ranks: [[Int]]
        var stableOptions: [TradeOffOption]
        var unmatched: [UnmatchedPerson]
    }

    static func compared(_ outcome: MatchOutcome) -> Compared {
        Compared(
            matching: outcome.matching,
            ranks: outcome.pairs.map { [$0.mentee, $0.mentor, $0.menteeRank, $0.mentorRank] },
            stableOptions: (outcome.tradeOff?.options ?? []).filter { !$0.name.contains("pairs (not stable)") },
            unmatched: outcome.unmatched)
    }

    /// Checks every choice; returns whether the cohort has more than one stable matching.
    @discardableResult
    static func check(_ cohort: Cohort, policy: MatchingPolicy, window: Int) -> Bool {
        var matchings = Set<Matching>()
        for choice in StableChoice.allCases {
            var policy = policy
            policy.optimal = choice
            let complete = CohortMatcher.match(
                cohort, policy: policy, scheduler: nil, progress: NoProgress(), exact: false, window: nil)
            let exact = CohortMatcher.match(
                cohort, policy: policy, scheduler: nil, progress: NoProgress(), exact: true, window: window)
            #expect(Self.compared(exact) == Self.compared(complete), "\(choice), window \(window)")
            #expect(exact.isStable && complete.isStable)
            #expect(exact.allPairs?.acceptablePairs == complete.scored.instance.entryCount)
            #expect(exact.checkedAcceptablePairs == complete.checkedAcceptablePairs)
            matchings.insert(complete.matching)
        }
        return matchings.count > 1
    }

    @Test(arguments: 0..<6)
    func randomCohortsGiveTheSameMatchingForEveryChoice(policyIndex: Int) {
        var withChoices = 0
        for seed in 1...8 as ClosedRange<UInt64> {
            let cohort = PreferenceBuilderTests.randomCohort(seed: seed * 17 + UInt64(policyIndex), mentors: 14, mentees: 50)
            if Self.check(cohort, policy: Self.policies[policyIndex], window: Int(seed % 3) + 1) { withChoices += 1 }
        }
        // With sides that want different things, the choices had something to choose between.
        #expect(withChoices > 0 || policyIndex < 4)
    }

    @Test(arguments: [1, 3, 8, 32])
    func generatedCohortsGiveTheSameMatchingForEveryChoice(window: Int) throws {
        let generated = SyntheticCohort.generate(mentees: 300, mentors: 70, seed: UInt64(window))
        let cohort = try #require(SyntheticCohortParsing.cohort(generated))
        Self.check(cohort, policy: Self.policies[window % 2 == 0 ? 1 : 0], window: window)
        Self.check(cohort, policy: Self.policies[window % 2 == 0 ? 4 : 5], window: window)
    }

    /// More mentors' places than mentees: mentors with free places, whose columns are kept
    /// whole, and a lattice with more than one stable matching to choose from.
    @Test func cohortsWithSpareMentorPlacesGiveTheSameMatching() throws {
        for seed in 1...3 as ClosedRange<UInt64> {
            let generated = SyntheticCohort.generate(mentees: 60, mentors: 90, seed: seed)
            let cohort = try #require(SyntheticCohortParsing.cohort(generated))
            Self.check(cohort, policy: Self.policies[Int(seed) % 4], window: 2)
            Self.check(cohort, policy: Self.policies[4 + Int(seed) % 2], window: 2)
        }
    }

    /// The windows really were extended: tiny windows on a cohort with long lists.
    @Test func tinyWindowsAreExtendedAndTheMatchingIsStillTheSame() throws {
        let generated = SyntheticCohort.generate(mentees: 400, mentors: 80, seed: 9)
        let cohort = try #require(SyntheticCohortParsing.cohort(generated))
        let compiled = CompiledCohort(cohort: cohort, policy: Self.policies[0])
        let reduced = ExactStableInstance(compiled, window: 1)
        #expect(reduced.passes.extensionRounds > 0)
        #expect(reduced.passes.extendedRows > 0)
        let complete = PreferenceBuilder.build(compiled)
        #expect(reduced.scored.instance.entryCount < complete.instance.entryCount)
        #expect(
            DeferredAcceptance.solve(reduced.scored.instance, optimal: .residentOptimal)
                == DeferredAcceptance.solve(complete.instance, optimal: .residentOptimal))
        #expect(
            DeferredAcceptance.solve(reduced.scored.instance, optimal: .hospitalOptimal)
                == DeferredAcceptance.solve(complete.instance, optimal: .hospitalOptimal))
    }
}

/// The streaming check of every pair against the verifier of the complete lists.
@Suite("Checking a matching against every pair")
struct AllPairsCheckTests {
    static func setUp(seed: UInt64) throws -> (CompiledCohort, ScoredInstance) {
        let generated = SyntheticCohort.generate(mentees: 200, mentors: 50, seed: seed)
        let cohort = try #require(SyntheticCohortParsing.cohort(generated))
        let compiled = CompiledCohort(cohort: cohort, policy: MatchingPolicy(minimumScore: 0.2, seed: seed))
        return (compiled, PreferenceBuilder.build(compiled))
    }

    @Test func aStableMatchingPassesAndEveryAcceptablePairIsCounted() throws {
        let (compiled, scored) = try Self.setUp(seed: 3)
        let matching = DeferredAcceptance.solve(scored.instance, optimal: .residentOptimal)
        let check = AllPairsCheck(matching, compiled: compiled)
        #expect(check.isStable)
        #expect(check.blockingPairs == 0)
        #expect(check.acceptablePairs == scored.instance.entryCount)
        #expect(check.acceptablePairs > 0)
    }

    @Test(arguments: [4, 5, 6] as [UInt64])
    func itCountsTheBlockingPairsTheCompleteVerifierFinds(seed: UInt64) throws {
        let (compiled, scored) = try Self.setUp(seed: seed)
        var matching = DeferredAcceptance.solve(scored.instance, optimal: .residentOptimal)
        // Unmatch every third matched mentee, and move some others to their last choice.
        var random = SeededGenerator(seed: seed)
        for mentee in matching.hospitalOfResident.indices where matching.hospitalOfResident[mentee] >= 0 {
            if Int.random(in: 0..<3, using: &random) == 0 { matching.hospitalOfResident[mentee] = -1 }
        }
        let expected = StabilityVerifier.verify(matching, in: scored.instance).blockingPairs
        let check = AllPairsCheck(matching, compiled: compiled)
        #expect(!expected.isEmpty)
        #expect(check.blockingPairs == expected.count)
        #expect(check.examples == Array(expected.prefix(AllPairsCheck.exampleCount)))
        #expect(!check.isStable)
    }

    /// Everything the unmatched people's explanations take from the check: each person's
    /// acceptable partners, and the asked mentor's rank of each mentee, for a matching with
    /// free places, full mentors and unmatched mentees.
    @Test(arguments: [8, 9] as [UInt64])
    func itCountsEachPersonsPartnersAndTheAskedRanksAsTheCompleteListsDo(seed: UInt64) throws {
        let (compiled, scored) = try Self.setUp(seed: seed)
        let instance = scored.instance
        var matching = DeferredAcceptance.solve(instance, optimal: .hospitalOptimal)
        for mentee in matching.hospitalOfResident.indices where mentee % 5 == 0 { matching.hospitalOfResident[mentee] = -1 }
        // Each mentee asks about one of their acceptable mentors, first, middle or last.
        var asking = [Int32](repeating: -1, count: compiled.menteeCount)
        for mentee in asking.indices {
            let list = Array(instance.hospitals(preferredBy: mentee))
            if !list.isEmpty { asking[mentee] = list[[0, list.count / 2, list.count - 1][mentee % 3]] }
        }
        let check = AllPairsCheck(matching, compiled: compiled, asking: asking)
        let expected = StabilityVerifier.verify(matching, in: instance).blockingPairs
        #expect(check.blockingPairs == expected.count)
        #expect(check.acceptablePairs == instance.entryCount)
        for mentee in 0..<compiled.menteeCount {
            #expect(Int(check.menteeAcceptable[mentee]) == instance.hospitals(preferredBy: mentee).count)
            let mentor = Int(asking[mentee])
            let rank = mentor < 0 ? -1 : instance.rank(ofResident: mentee, forHospital: mentor) ?? -2
            #expect(Int(check.rankAtAskedMentor[mentee]) == rank, "mentee \(mentee)")
        }
        for mentor in 0..<compiled.mentorCount {
            #expect(Int(check.mentorAcceptable[mentor]) == instance.residents(preferredBy: mentor).count)
        }
        #expect(asking.contains { $0 >= 0 })
    }

    @Test func aPlantedBlockingPairIsFound() throws {
        let (compiled, scored) = try Self.setUp(seed: 7)
        var matching = DeferredAcceptance.solve(scored.instance, optimal: .residentOptimal)
        let mentee = try #require(matching.hospitalOfResident.firstIndex { $0 >= 0 })
        let mentor = matching.hospitalOfResident[mentee]
        // Alone, the mentee and their mentor (now with a free place) block.
        matching.hospitalOfResident[mentee] = -1
        let check = AllPairsCheck(matching, compiled: compiled)
        #expect(check.blockingPairs >= 1)
        #expect(check.examples.contains(BlockingPair(resident: Int32(mentee), hospital: mentor)))
    }
}

/// The score bounds that let the exact method's passes skip scoring pairs.
@Suite("Upper bounds on pair scores")
struct ScoreBoundTests {
    @Test(arguments: 0..<6)
    func theBoundsAreAtLeastTheScoresOfEveryPair(policyIndex: Int) throws {
        let generated = SyntheticCohort.generate(mentees: 120, mentors: 40, seed: UInt64(20 + policyIndex))
        var cohort = try #require(SyntheticCohortParsing.cohort(generated))
        // Some people state preferences, some consent, some not: every branch of the bounds.
        for index in cohort.mentors.indices where index % 3 == 0 {
            cohort.mentors[index].preferredMentees = [cohort.mentees[index % cohort.mentees.count].id]
        }
        let policy = ExactStableMatchingTests.policies[policyIndex]
        let compiled = CompiledCohort(cohort: cohort, policy: policy)
        let screen = MentorScreen(compiled)
        var tight = 0
        screen.forEachMenteeView(of: compiled) { mentee, view in
            for active in 0..<screen.count {
                let mentor = Int(screen.mentors[active])
                let verdict = compiled.scoredVerdict(mentee: mentee, mentor: mentor)
                let measures = screen.measures(active, view)
                let menteeBound = screen.menteeScoreBound(measures, active, view).rounded(.up) + 2
                let mentorBound = screen.mentorScoreBound(measures, active, view).rounded(.up) + 2
                #expect(Double(verdict.menteeScore) <= menteeBound)
                #expect(Double(verdict.mentorScore) <= mentorBound)
                if Double(verdict.mentorScore) + 3 >= mentorBound { tight += 1 }
            }
        }
        // The bound is exact when the criteria it takes at full marks have them.
        #expect(tight > 0)
    }

    @Test(arguments: [0.05, 0.2, 0.45])
    func aPairCertainToReachTheMinimumDoesReachIt(minimum: Double) throws {
        let generated = SyntheticCohort.generate(mentees: 150, mentors: 40, seed: 31)
        var cohort = try #require(SyntheticCohortParsing.cohort(generated))
        for index in cohort.mentees.indices where index % 4 == 0 {
            cohort.mentees[index].preferredMentors = [cohort.mentors[index % cohort.mentors.count].id]
        }
        let compiled = CompiledCohort(cohort: cohort, policy: MatchingPolicy(minimumScore: minimum, seed: 3))
        let screen = MentorScreen(compiled)
        var certain = 0
        var reaching = 0
        screen.forEachMenteeView(of: compiled) { mentee, view in
            for active in 0..<screen.count {
                let verdict = compiled.scoredVerdict(mentee: mentee, mentor: Int(screen.mentors[active]))
                let reaches = (Double(verdict.menteeScore) + Double(verdict.mentorScore)) / 2_000_000 >= minimum
                if reaches { reaching += 1 }
                guard screen.certainlyReachesMinimum(screen.measures(active, view), active, view) else { continue }
                certain += 1
                #expect(reaches, "mentee \(mentee), active mentor \(active)")
            }
        }
        // The lower bounds decide some pairs, but not every pair that reaches the minimum.
        #expect(certain > 0)
        #expect(certain < reaching)
    }
}
