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
        let found = RelaxationCounter.addedPairs(compiled)
        let expected = Self.reference(compiled)
        for rule in RelaxationCounter.Rule.allCases {
            let key = { (pair: RelaxationCounter.Added) in [pair.mentee, pair.mentor, pair.menteeScore, pair.mentorScore] }
            #expect(found[rule.rawValue].map(key) == expected[rule.rawValue].map(key), "\(rule)")
        }
        // The rules that are on removed pairs: the comparison had something to compare.
        #expect(!found[RelaxationCounter.Rule.exclusions.rawValue].isEmpty)
    }
}
