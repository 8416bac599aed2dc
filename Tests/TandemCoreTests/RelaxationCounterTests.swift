import StableMatching
import TandemSynthetic
import Testing

@testable import TandemCore

/// The pairs each rule alone removed, against a pair-by-pair reference.
@Suite("Pairs a relaxed rule would add")
struct RelaxationCounterTests {
    /// Every pair that breaks exactly one rule that is on, has a session start in common and
    /// reaches the minimum; or breaks none and falls below the minimum.
    static func reference(_ compiled: CompiledCohort) -> [[RelaxationCounter.Added]] {
        let rules = compiled.policy.constraints
        var found: [[RelaxationCounter.Added]] = Array(repeating: [], count: RelaxationCounter.Rule.allCases.count)
        for mentee in 0..<compiled.menteeCount {
            for mentor in 0..<compiled.mentorCount where compiled.capacities[mentor] > 0 {
                guard compiled.hasCommonSession(mentee: mentee, mentor: mentor) else { continue }
                var broken: [RelaxationCounter.Rule] = []
                let organisation = compiled.menteeOrganisation[mentee]
                if rules.sameOrganisation, organisation >= 0, organisation == compiled.mentorOrganisation[mentor] {
                    broken.append(.sameOrganisation)
                }
                if rules.exclusions, compiled.isExcluded(mentee: mentee, mentor: mentor) { broken.append(.exclusions) }
                if rules.format, !compiled.menteeFormat[mentee].isCompatible(with: compiled.mentorFormat[mentor]) {
                    broken.append(.format)
                }
                let verdict = compiled.scoredVerdict(mentee: mentee, mentor: mentor)
                let rule: RelaxationCounter.Rule
                switch (broken.count, verdict.rejection) {
                case (1, nil): rule = broken[0]
                case (0, .belowMinimumScore?): rule = .minimumScore
                default: continue
                }
                found[rule.rawValue].append(
                    RelaxationCounter.Added(
                        mentee: Int32(mentee), mentor: Int32(mentor), menteeScore: verdict.menteeScore,
                        mentorScore: verdict.mentorScore))
            }
        }
        return found
    }

    @Test(arguments: 0..<4)
    func theScanFindsThePairsThePairByPairReferenceFinds(variant: Int) throws {
        let generated = SyntheticCohort.generate(mentees: 150, mentors: 2_300, seed: UInt64(50 + variant))
        var cohort = try #require(SyntheticCohortParsing.cohort(generated))
        // Some exclusions, so that every rule removes pairs.
        for index in cohort.mentees.indices {
            cohort.mentees[index].exclusions = (0..<30).map { cohort.mentors[(index * 7 + $0 * 61) % cohort.mentors.count].id }
        }
        let policies = [
            MatchingPolicy(minimumScore: 0.3, seed: 1),
            MatchingPolicy(seed: 2),
            MatchingPolicy(constraints: HardConstraints(sameOrganisation: false, exclusions: true, format: false), seed: 3),
            MatchingPolicy(minimumScore: 0.5, seed: 4),
        ]
        let compiled = CompiledCohort(cohort: cohort, policy: policies[variant])
        let expected = Self.reference(compiled)
        // Scoring every pair, and skipping the pairs of the scored lists, find the same.
        for scored in [nil, PreferenceBuilder.build(compiled)] {
            let found = RelaxationCounter.addedPairs(compiled, scored: scored)
            for rule in RelaxationCounter.Rule.allCases {
                let key = { (pair: RelaxationCounter.Added) in [pair.mentee, pair.mentor, pair.menteeScore, pair.mentorScore] }
                #expect(found[rule.rawValue].map(key) == expected[rule.rawValue].map(key), "\(rule)")
            }
        }
        let found = RelaxationCounter.addedPairs(compiled, scored: nil)
        // The rules that are on removed pairs: the comparison had something to compare.
        #expect(!found[RelaxationCounter.Rule.exclusions.rawValue].isEmpty)
    }

    /// The instance with `adding` merged in, built the plain way: every list sorted whole by its
    /// owner's view (score, seeded tie key, index), mentees' lists cut to the list length,
    /// mentors' lists holding the pairs left in the mentees' lists.
    static func mergedInstance(
        _ scored: ScoredInstance, adding: [RelaxationCounter.Added], compiled: CompiledCohort
    ) throws -> MatchingInstance {
        let instance = scored.instance
        var menteeEntries: [[(mentor: Int32, score: Int32, other: Int32)]] = (0..<instance.residentCount).map { mentee in
            Array(instance.residentListStart[mentee]..<instance.residentListStart[mentee + 1]).map { entry in
                let position = Int(entry)
                return (
                    instance.residentLists[position], scored.menteeScores[position],
                    scored.mentorScoresOfMenteeEntries[position]
                )
            }
        }
        for pair in adding { menteeEntries[Int(pair.mentee)].append((pair.mentor, pair.menteeScore, pair.mentorScore)) }
        var menteeLists: [[Int32]] = []
        var mentorEntries = [[(mentee: Int32, score: Int32)]](repeating: [], count: instance.hospitalCount)
        for (mentee, entries) in menteeEntries.enumerated() {
            func key(_ mentor: Int32) -> UInt64 {
                compiled.tieKey(ranker: compiled.menteeIdHash[mentee], candidate: compiled.mentorIdHash[Int(mentor)])
            }
            let sorted = entries.sorted {
                $0.score != $1.score
                    ? $0.score > $1.score
                    : key($0.mentor) != key($1.mentor) ? key($0.mentor) < key($1.mentor) : $0.mentor < $1.mentor
            }
            let kept = sorted.prefix(compiled.policy.maxListLength ?? sorted.count)
            menteeLists.append(kept.map(\.mentor))
            for entry in kept { mentorEntries[Int(entry.mentor)].append((Int32(mentee), entry.other)) }
        }
        let mentorLists = mentorEntries.enumerated().map { mentor, entries in
            func key(_ mentee: Int32) -> UInt64 {
                compiled.tieKey(ranker: compiled.mentorIdHash[mentor], candidate: compiled.menteeIdHash[Int(mentee)])
            }
            return entries.sorted {
                $0.score != $1.score
                    ? $0.score > $1.score
                    : key($0.mentee) != key($1.mentee) ? key($0.mentee) < key($1.mentee) : $0.mentee < $1.mentee
            }.map(\.mentee)
        }
        return try MatchingInstance(
            residentPreferences: menteeLists, hospitalPreferences: mentorLists, capacities: Array(instance.capacities))
    }

    @Test(arguments: 0..<4)
    func eachRelaxedCountEqualsSolvingTheMergedInstance(variant: Int) throws {
        let generated = SyntheticCohort.generate(mentees: 400, mentors: 100, seed: UInt64(70 + variant))
        var cohort = try #require(SyntheticCohortParsing.cohort(generated))
        for index in cohort.mentees.indices {
            cohort.mentees[index].exclusions = (0..<8).map { cohort.mentors[(index * 7 + $0 * 13) % cohort.mentors.count].id }
        }
        let policies = [
            MatchingPolicy(minimumScore: 0.3, seed: 1),
            MatchingPolicy(minimumScore: 0.2, maxListLength: 6, seed: 2),
            MatchingPolicy(seed: 3),
            MatchingPolicy(minimumScore: 0.5, maxListLength: 3, seed: 4),
        ]
        let compiled = CompiledCohort(cohort: cohort, policy: policies[variant])
        let scored = PreferenceBuilder.build(compiled)
        let added = RelaxationCounter.addedPairs(compiled, scored: scored)
        var compared = 0
        for adding in [[]] + added {
            let reference = try Self.mergedInstance(scored, adding: adding, compiled: compiled)
            let stable = RelaxationCounter.pairCount(scored: scored, adding: adding, compiled: compiled, objective: .stable)
            #expect(stable == DeferredAcceptance.solve(reference, optimal: .residentOptimal).pairCount)
            let coverage = RelaxationCounter.pairCount(
                scored: scored, adding: adding, compiled: compiled, objective: .coverage)
            #expect(coverage == CoverageMatching.solve(reference, weights: nil).pairCount)
            compared += adding.isEmpty ? 0 : 1
        }
        // Rules removed pairs, and the cohort is short of places: the counts had work to do.
        #expect(compared >= 2)
        #expect(DeferredAcceptance.solve(scored.instance, optimal: .residentOptimal).pairCount < compiled.menteeCount)
    }

    /// The relaxations counted beside the matching are the ones the outcome's lists give when
    /// counted afterwards, for either objective; they are counted only when asked for.
    @Test(arguments: [MatchObjective.stable, .coverage])
    func relaxationsCountedBesideTheMatchingAreThoseOfItsLists(objective: MatchObjective) throws {
        let generated = SyntheticCohort.generate(mentees: 400, mentors: 100, seed: 81)
        var cohort = try #require(SyntheticCohortParsing.cohort(generated))
        for index in cohort.mentees.indices {
            cohort.mentees[index].exclusions = (0..<8).map { cohort.mentors[(index * 7 + $0 * 13) % cohort.mentors.count].id }
        }
        var policy = MatchingPolicy(minimumScore: 0.3, seed: 5)
        policy.objective = objective
        let outcome = CohortMatcher.match(cohort, policy: policy, countingRelaxations: true)
        let counted = try #require(outcome.ruleRelaxations)
        #expect(!counted.isEmpty)
        // All stable matchings have as many pairs, and the most-pairs one is the most.
        #expect(counted.allSatisfy { $0.pairsWithRule == outcome.pairs.count })
        #expect(
            counted
                == RelaxationCounter.relaxations(compiled: outcome.compiled, scored: outcome.scored, objective: objective))
        #expect(CohortMatcher.match(cohort, policy: policy).ruleRelaxations == nil)
    }

    /// Pairs the schedule could not place leave the lists the matching used; the relaxations
    /// counted from the lists before that are dropped, and the report counts them again.
    @Test func relaxationsCountedBeforeARoundRemovedPairsAreDropped() throws {
        let generated = SyntheticCohort.generate(mentees: 200, mentors: 60, seed: 3)
        let cohort = try #require(SyntheticCohortParsing.cohort(generated))
        // A narrow window of start times leaves many acceptable pairs without a common slot.
        var settings = EveryPairScheduledTests.settings(cadence: .everyWeeks(1))
        settings.earliestStartMinute = 17 * 60
        settings.latestStartMinute = 18 * 60
        let outcome = CohortMatcher.match(
            cohort, policy: MatchingPolicy(seed: 3), scheduler: try EveryPairScheduledTests.scheduler(settings),
            countingRelaxations: true)
        #expect(!outcome.withoutSlot.isEmpty)
        #expect(outcome.ruleRelaxations == nil)
    }
}
