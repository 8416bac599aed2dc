import StableMatching
import TandemSynthetic
import Testing

@testable import TandemCore

/// The scoring loop's packed mentor records, mask tables and integer minimum against the
/// per-pair scoring they stand for.
@Suite("Scores from the mentor screen")
struct MentorScreenScoreTests {
    /// Policies that switch each criterion's inputs: sensitive criteria beyond themes, a
    /// minimum, weights that leave criteria out, rules off.
    static let policies: [MatchingPolicy] = [
        MatchingPolicy(seed: 1),
        MatchingPolicy(minimumScore: 0.3, sensitiveCriteria: [.themes, .language, .town], seed: 2),
        MatchingPolicy(
            menteeWeights: CriterionWeights([.themes: 5, .town: 1, .preference: 2]),
            mentorWeights: CriterionWeights([.availability: 3, .language: 2, .format: 1]),
            constraints: HardConstraints(sameOrganisation: false, exclusions: false, format: false),
            sensitiveCriteria: [.availability], seed: 3),
        MatchingPolicy(
            menteeWeights: CriterionWeights([.themes: 0.7, .availability: 1.3, .language: 0.1]),
            mentorWeights: CriterionWeights([.themes: 2.5, .town: 0.25, .preference: 1.5]),
            preferenceBonus: [0.9, 0.3], sensitiveCriteria: [], availabilityTargetMinutes: 100, seed: 4),
    ]

    /// A generated cohort where some people state choices and some consent, so that every
    /// mask and bound variant occurs.
    static func cohort(seed: UInt64) throws -> Cohort {
        let generated = SyntheticCohort.generate(mentees: 90, mentors: 60, seed: seed)
        var cohort = try #require(SyntheticCohortParsing.cohort(generated))
        for index in cohort.mentors.indices where index % 3 == 0 {
            cohort.mentors[index].preferredMentees = (0..<4).map { cohort.mentees[(index * 7 + $0) % cohort.mentees.count].id }
        }
        for index in cohort.mentees.indices where index % 4 == 1 {
            cohort.mentees[index].preferredMentors = (0..<3).map { cohort.mentors[(index + $0 * 5) % cohort.mentors.count].id }
        }
        for index in cohort.mentees.indices { cohort.mentees[index].consentsToSensitiveUse = index % 3 != 0 }
        for index in cohort.mentors.indices { cohort.mentors[index].consentsToSensitiveUse = index % 2 == 0 }
        return cohort
    }

    @Test(arguments: 0..<4)
    func theScreensScoresEqualThePairVerdictsOfEveryPairPassingTheRules(policyIndex: Int) throws {
        let compiled = CompiledCohort(cohort: try Self.cohort(seed: UInt64(40 + policyIndex)), policy: Self.policies[policyIndex])
        let screen = MentorScreen(compiled)
        var scored = 0
        var preferred = 0
        screen.forEachMenteeView(of: compiled) { mentee, view in
            for active in 0..<screen.count {
                let mentor = Int(screen.mentors[active])
                guard compiled.hardRejection(mentee: mentee, mentor: mentor) == nil else { continue }
                let verdict = compiled.scoredVerdict(mentee: mentee, mentor: mentor)
                let criteria = screen.criteria(screen.measures(active, view), active, view)
                let menteeScore = screen.menteeScore(criteria, active, view)
                let mentorScore = screen.mentorScore(criteria, active, view)
                #expect(menteeScore == verdict.menteeScore, "mentee \(mentee), mentor \(mentor)")
                #expect(mentorScore == verdict.mentorScore, "mentee \(mentee), mentor \(mentor)")
                #expect(
                    screen.policy.reachesMinimum(menteeScore: menteeScore, mentorScore: mentorScore)
                        == (verdict.rejection == nil))
                scored += 1
                if compiled.criterionValues(mentee: mentee, mentor: mentor).mentorPreference ?? 0 > 0 { preferred += 1 }
            }
        }
        // Enough pairs, some of them with a stated choice that scores.
        #expect(scored > 500)
        #expect(preferred > 0)
    }

    @Test func theWeightedMeansEqualTheCriterionScoreForEveryCombination() {
        let weights = CriterionWeights([
            .themes: 0.7, .availability: 3, .language: 1.1, .format: 0.3, .town: 2, .preference: 1.7,
        ])
        var vector = SIMD8<Double>()
        for (index, weight) in weights.values.enumerated() { vector[index] = weight }
        let means = WeightedMeans(vector)
        defer { means.release() }
        var random = SeededGenerator(seed: 9)
        var distinct = Set<Double>()
        for mask in 0..<WeightedMeans.combinations {
            for _ in 0..<20 {
                var values = CriterionValues()
                var lanes = SIMD8<Double>()
                for index in 0..<Criterion.preference.index {
                    let value = Double(Int.random(in: 0...12, using: &random)) / Double(Int.random(in: 1...13, using: &random))
                    values.shared[index] = min(1, value)
                    // The screen leaves a criterion that does not apply at 0.
                    lanes[index] = mask & (1 << index) != 0 ? min(1, value) : 0
                }
                values.appliesMask = UInt8(mask & 0b1_1111)
                if mask & WeightedMeans.preferenceBit != 0 {
                    values.menteePreference = [0, 0.2, 0.8, 1][Int.random(in: 0..<4, using: &random)]
                    lanes[Criterion.preference.index] = values.menteePreference ?? 0
                }
                let expected = values.score(weights: weights, forMentee: true)
                #expect(means.mean(lanes, mask: mask) == expected, "mask \(mask)")
                distinct.insert(expected)
            }
        }
        #expect(distinct.count > 100)
    }

    @Test(arguments: [0.0, 0.2, 0.3, 0.45, 1.0 / 3, 0.999_999_5, 1.0, 1.5, -0.5])
    func theSmallestReachingTotalIsWhereThePairScoreFirstReachesTheMinimum(minimum: Double) {
        let total = ScoringPolicy.smallestTotal(reaching: minimum)
        func reaches(_ sum: Int) -> Bool {
            PairVerdict(rejection: nil, menteeScore: Int32(sum / 2), mentorScore: Int32(sum - sum / 2)).pairScore >= minimum
        }
        if total <= 2_000_000 { #expect(reaches(total)) }
        if total > 0 { #expect(!reaches(total - 1)) }
        if minimum <= 0 { #expect(total == 0) }
        if minimum > 1 { #expect(total == 2_000_001) }
        if minimum > 0, minimum <= 1 { #expect((Double(total) - minimum * 2_000_000).magnitude <= 1) }
    }

    @Test(arguments: [(1, 1), (1, 2), (2, 1), (3, 4)])
    func aMentorRecordHoldsEachAnswerInItsOwnBytesWithinWholeCacheLines(themeWords: Int, languageWords: Int) {
        let layout = MentorRecord(themeWords: themeWords, languageWords: languageWords)
        let wordsEnd = (WeeklyAvailability.wordCount + themeWords + languageWords) * 8
        #expect(layout.themeWord == WeeklyAvailability.wordCount)
        #expect(layout.languageWord == layout.themeWord + themeWords)
        #expect(layout.inPersonTown >= wordsEnd)
        #expect(layout.firstLanguage >= layout.inPersonTown + 4)
        #expect(layout.format >= layout.firstLanguage + 4)
        #expect(layout.flags > layout.format)
        #expect(layout.bytes > layout.flags)
        #expect(layout.bytes % MentorRecord.alignment == 0)
        #expect(layout.bytes - (layout.flags + 1) < MentorRecord.alignment)
    }

    @Test func theRecordsOfOneWordOfThemesAndLanguagesTakeTwoCacheLines() throws {
        let compiled = CompiledCohort(cohort: try Self.cohort(seed: 3), policy: MatchingPolicy(seed: 1))
        try #require(compiled.themeWords == 1 && compiled.languageWords == 1)
        let screen = MentorScreen(compiled)
        #expect(screen.layout.bytes == 128)
        #expect(Int(bitPattern: screen.records) % MentorRecord.alignment == 0)
    }
}

/// Rounding scores to millionths, against the library's rounding.
@Suite("Scores in millionths")
struct MillionthsTests {
    @Test func millionthsRoundHalvesUpAndClampToTheUnitInterval() {
        var values: [Double] = [-0.5, 0, 1, 1.5, 0.5, 0.000_000_5, 0.999_999_5, 0.123_456_5, 0.25, 1.0 / 3]
        var random = SeededGenerator(seed: 4)
        for _ in 0..<10_000 { values.append(Double.random(in: 0...1, using: &random)) }
        // Exact halves of a millionth, where the rounding direction shows.
        for step in stride(from: 1, to: 2_000_000, by: 7_919) { values.append(Double(step) / 2_000_000) }
        var halves = 0
        for value in values {
            let scaled = min(max(value, 0), 1) * 1_000_000
            if scaled - scaled.rounded(.down) == 0.5 { halves += 1 }
            #expect(CompiledCohort.millionths(value) == Int32(scaled.rounded(.toNearestOrAwayFromZero)), "\(value)")
        }
        #expect(halves > 10)
        #expect(CompiledCohort.millionths(1) == 1_000_000)
        #expect(CompiledCohort.millionths(-3) == 0)
    }
}
