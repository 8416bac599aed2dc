import Testing

@testable import TandemCore

@Suite("Criteria, consent and hard constraints")
struct ScoringTests {
    @Test func themeFitCountsWantedThemesTheMentorOffersButNeverDeclinedOnes() {
        let compiled = Fixtures.compiled(
            [
                Fixtures.mentor(
                    "M1", offers: ["Mental health", "Housing", "Racism in services"], declines: ["Racism in services"])
            ],
            [Fixtures.mentee("E1", wants: ["mental HEALTH", "Racism in services", "Disability", "Housing"])])
        let values = compiled.criterionValues(mentee: 0, mentor: 0)
        #expect(values.value(of: .themes, forMentee: true) == 0.5)
    }

    @Test func sensitiveCriteriaNeedBothPeoplesConsent() {
        for (mentorConsent, menteeConsent) in [(true, false), (false, true), (false, false)] {
            let compiled = Fixtures.compiled(
                [Fixtures.mentor("M1", consent: mentorConsent)], [Fixtures.mentee("E1", consent: menteeConsent)])
            #expect(compiled.criterionValues(mentee: 0, mentor: 0).value(of: .themes, forMentee: true) == nil)
        }
        let consented = Fixtures.compiled([Fixtures.mentor("M1")], [Fixtures.mentee("E1")])
        #expect(consented.criterionValues(mentee: 0, mentor: 0).value(of: .themes, forMentee: true) == 1)
    }

    @Test func withoutConsentThemesDoNotMoveTheScore() {
        // Two mentors differing only in themes: without consent they must score the same.
        let mentors = [Fixtures.mentor("M1", offers: ["Mental health"]), Fixtures.mentor("M2", offers: ["Disability"])]
        let compiled = Fixtures.compiled(mentors, [Fixtures.mentee("E1", consent: false)])
        #expect(compiled.verdict(mentee: 0, mentor: 0) == compiled.verdict(mentee: 0, mentor: 1))
        let consenting = Fixtures.compiled(mentors, [Fixtures.mentee("E1", consent: true)])
        #expect(consenting.verdict(mentee: 0, mentor: 0).menteeScore > consenting.verdict(mentee: 0, mentor: 1).menteeScore)
    }

    @Test func languagePrefersAFirstLanguageInCommon() {
        let compiled = Fixtures.compiled(
            [Fixtures.mentor("M1", languages: ["Somali", "English"]), Fixtures.mentor("M2", languages: ["Somali"])],
            [Fixtures.mentee("E1", languages: ["Polish", "English"]), Fixtures.mentee("E2", languages: ["English", "Somali"])])
        #expect(compiled.criterionValues(mentee: 0, mentor: 0).value(of: .language, forMentee: true) == 0.5)
        #expect(compiled.criterionValues(mentee: 0, mentor: 1).value(of: .language, forMentee: true) == 0)
        #expect(compiled.criterionValues(mentee: 1, mentor: 1).value(of: .language, forMentee: true) == 1)
    }

    @Test func townCountsOnlyForPairsThatCanMeetInPerson() {
        let compiled = Fixtures.compiled(
            [Fixtures.mentor("M1", town: "Acton", format: .either), Fixtures.mentor("M2", town: "Acton", format: .online)],
            [Fixtures.mentee("E1", town: "acton"), Fixtures.mentee("E2", town: "Hanwell")])
        #expect(compiled.criterionValues(mentee: 0, mentor: 0).value(of: .town, forMentee: true) == 1)
        #expect(compiled.criterionValues(mentee: 1, mentor: 0).value(of: .town, forMentee: true) == 0)
        #expect(compiled.criterionValues(mentee: 0, mentor: 1).value(of: .town, forMentee: true) == nil)
    }

    @Test func statedPreferencesEarnTheirRankBonusFromTheStatersViewOnly() {
        let compiled = Fixtures.compiled(
            [Fixtures.mentor("M1"), Fixtures.mentor("M2"), Fixtures.mentor("M3")],
            [Fixtures.mentee("E1", prefers: ["M2", "M1"])])
        #expect(compiled.criterionValues(mentee: 0, mentor: 1).menteePreference == 1.0)
        #expect(compiled.criterionValues(mentee: 0, mentor: 0).menteePreference == 0.8)
        #expect(compiled.criterionValues(mentee: 0, mentor: 2).menteePreference == 0)
        #expect(compiled.criterionValues(mentee: 0, mentor: 1).mentorPreference == nil)
    }

    @Test func availabilitySaturatesAtTheTarget() {
        let compiled = Fixtures.compiled(
            [Fixtures.mentor("M1", free: "Tue 18:00-20:00; Sat 09:00-13:00")],
            [Fixtures.mentee("E1", free: "Tue 18:00-19:30"), Fixtures.mentee("E2", free: "Tue 18:00-20:00; Sat 09:00-12:00")])
        #expect(compiled.criterionValues(mentee: 0, mentor: 0).value(of: .availability, forMentee: true) == 0.5)
        #expect(compiled.criterionValues(mentee: 1, mentor: 0).value(of: .availability, forMentee: true) == 1)
    }

    @Test func hardConstraintsRejectInOrder() {
        let mentors = [
            Fixtures.mentor("M0", capacity: 0),
            Fixtures.mentor("M1", organisation: "Ealing Council"),
            Fixtures.mentor("M2", exclusions: ["E1"]),
            Fixtures.mentor("M3", organisation: "Acton Tamil Elders"),
            Fixtures.mentor("M4", format: .inPerson),
            Fixtures.mentor("M5", free: "Wed 10:00-12:00"),
            Fixtures.mentor("M6", free: "Tue 18:00-18:45"),
            Fixtures.mentor("M7"),
        ]
        let compiled = Fixtures.compiled(mentors, [Fixtures.mentee("E1", format: .online, exclusions: ["acton tamil elders"])])
        let rejections = (0..<mentors.count).map { compiled.verdict(mentee: 0, mentor: $0).rejection }
        let expected: [PairRejection?] = [
            .mentorCapacityZero, .sameOrganisation, .excluded, .excluded, .incompatibleFormat, .noCommonTime, .noCommonTime, nil,
        ]
        #expect(rejections == expected)
    }

    @Test func switchedOffConstraintsNoLongerReject() {
        var policy = MatchingPolicy()
        policy.constraints = HardConstraints(sameOrganisation: false, exclusions: false, format: false)
        let compiled = Fixtures.compiled(
            [Fixtures.mentor("M1", organisation: "Ealing Council", format: .inPerson, exclusions: ["E1"])],
            [Fixtures.mentee("E1", format: .online)], policy: policy)
        let verdict = compiled.verdict(mentee: 0, mentor: 0)
        #expect(verdict.rejection == nil)
        #expect(compiled.criterionValues(mentee: 0, mentor: 0).value(of: .format, forMentee: true) == 0)
    }

    /// The mentee's view scores 1 and the mentor's 0 (each side weighs one criterion that the
    /// pair fully meets or fully misses): a minimum of 0.4 keeps the pair, though the mentor's
    /// view is below it, and 0.6 rejects it, though the mentee's is above it. Both in the
    /// pair's verdict and in the preference lists built for matching.
    @Test(arguments: [(0.4, true), (0.6, false)])
    func minimumScoreAppliesToTheMeanOfBothViews(minimumScore: Double, isKept: Bool) {
        var policy = MatchingPolicy()
        policy.menteeWeights = CriterionWeights([.themes: 1])
        policy.mentorWeights = CriterionWeights([.language: 1])
        policy.minimumScore = minimumScore
        let compiled = Fixtures.compiled(
            [Fixtures.mentor("M1", languages: ["Tamil"])], [Fixtures.mentee("E1", languages: ["English"])], policy: policy)
        let verdict = compiled.verdict(mentee: 0, mentor: 0)
        #expect(verdict.pairScore == 0.5)
        #expect(verdict.rejection == (isKept ? nil : .belowMinimumScore))
        #expect(PreferenceBuilder.build(compiled).instance.hospitals(preferredBy: 0).count == (isKept ? 1 : 0))
    }

    @Test func weightsChangeEachSidesViewSeparately() {
        var policy = MatchingPolicy()
        policy.menteeWeights = CriterionWeights([.themes: 1])
        policy.mentorWeights = CriterionWeights([.language: 1])
        let compiled = Fixtures.compiled(
            [Fixtures.mentor("M1", languages: ["Tamil"])], [Fixtures.mentee("E1", languages: ["English"])], policy: policy)
        let verdict = compiled.verdict(mentee: 0, mentor: 0)
        #expect(verdict.menteeScore == 1_000_000)
        #expect(verdict.mentorScore == 0)
        #expect(verdict.pairScore == 0.5)
    }

    @Test func scoresRoundToMillionthsWithHalvesUpAsLibmRoundDoes() {
        var random = SeededRandom(seed: 7)
        // Exact halves, their neighbours, both ends, and random values.
        var values: [Double] = [0, 1, -0.25, 1.5, 0.5e-6, 0.9999995, 1e-300]
        for step in 0..<2_000 {
            let half = (Double(step * 499) + 0.5) / 1_000_000
            values += [half, half.nextUp, half.nextDown]
        }
        for _ in 0..<100_000 { values.append(Double.random(in: 0...1, using: &random)) }
        for value in values {
            let reference = Int32((min(max(value, 0), 1) * 1_000_000).rounded())
            #expect(CompiledCohort.millionths(value) == reference, "\(value)")
        }
    }
}
