import Foundation
import TandemCore
import Testing

@Suite("What would help, and rule relaxations")
struct InsightsTests {
    /// `cohort` with `change` made for the pair of `mentee` and `mentor` (by id).
    static func applying(_ change: HelpChange, mentee: String, mentor: String, to cohort: Cohort, policy: inout MatchingPolicy)
        throws -> Cohort
    {
        var cohort = cohort
        let menteeIndex = try #require(cohort.mentees.firstIndex { $0.id == mentee })
        let mentorIndex = try #require(cohort.mentors.firstIndex { $0.id == mentor })
        switch change {
        case .commonWindow(let side, let day, let start, let end):
            let window = AvailabilityWindow(day: day, startMinute: start, endMinute: end)
            if side == .mentee {
                cohort.mentees[menteeIndex].availability.insert(window)
            } else {
                cohort.mentors[mentorIndex].availability.insert(window)
            }
        case .acceptOnline(let side):
            if side == .mentee {
                cohort.mentees[menteeIndex].format = .either
            } else {
                cohort.mentors[mentorIndex].format = .either
            }
        case .sharedLanguage(let language):
            cohort.mentors[mentorIndex].languages.insert(language, at: 0)
            cohort.mentees[menteeIndex].languages.insert(language, at: 0)
        case .lowerMinimumScore(let minimum):
            policy.minimumScore = minimum
        }
        return cohort
    }

    @Test("Each suggested change, made, lets the named mentor take the mentee, with the score given")
    func suggestionsWork() throws {
        let matched = try ReportFixture.sample.get()
        let insights = try #require(matched.result.insights)
        let suggestions = insights.suggestions.filter { $0.change != nil }
        #expect(insights.suggestions.count == matched.result.summary.unmatchedMentees)
        #expect(suggestions.count >= 10)
        // Data/'s schedule caps capacities: score against the cohort the matching saw.
        let cohort = matched.outcome.compiled.cohort
        for suggestion in suggestions {
            let change = try #require(suggestion.change)
            let mentor = try #require(suggestion.mentor)
            var policy = matched.outcome.compiled.policy
            let changed = try Self.applying(change, mentee: suggestion.mentee, mentor: mentor, to: cohort, policy: &policy)
            let compiled = CompiledCohort(cohort: changed, policy: policy)
            let menteeIndex = try #require(changed.mentees.firstIndex { $0.id == suggestion.mentee })
            let mentorIndex = try #require(changed.mentors.firstIndex { $0.id == mentor })
            let before = matched.outcome.compiled.verdict(mentee: menteeIndex, mentor: mentorIndex)
            let after = compiled.verdict(mentee: menteeIndex, mentor: mentorIndex)
            #expect(after.rejection == nil, "\(suggestion.mentee) with \(mentor): \(change)")
            #expect(abs(after.pairScore - suggestion.score) < 0.000_001, "\(suggestion.mentee) with \(mentor)")
            // The mentor was free, or would now rank the mentee above someone they hold.
            if !suggestion.displacesSomeone {
                let taken = matched.result.pairs.count { $0.mentor.id == mentor }
                #expect(taken < changed.mentors[mentorIndex].capacity)
            }
            // A change was needed: as they were, the pair was not acceptable or not wanted.
            if !suggestion.displacesSomeone { #expect(before.rejection != nil) }
        }
    }

    @Test("The smallest change is preferred: no suggestion touches everyone when a one-person change exists")
    func smallestFirst() throws {
        let insights = try #require(try ReportFixture.sample.get().result.insights)
        for suggestion in insights.suggestions {
            guard let change = suggestion.change else { continue }
            if case .lowerMinimumScore = change {
                #expect(suggestion.peopleAffected > 2)
            } else {
                #expect(suggestion.peopleAffected == (suggestion.displacesSomeone ? 2 : 1))
            }
        }
    }

    @Test("A relaxed rule's pair count equals matching again with the rule switched off")
    func relaxationsAgreeWithAFullRun() throws {
        let base = try ReportFixture.match(scheduled: false)
        let relaxations = try #require(base.result.insights?.relaxations)
        #expect(!relaxations.isEmpty)
        for relaxation in relaxations {
            #expect(relaxation.pairsWithRule == base.result.pairs.count)
            let relaxed = try ReportFixture.match(scheduled: false) { policy in
                switch relaxation.rule {
                case "same_organisation": policy.constraints.sameOrganisation = false
                case "exclusions": policy.constraints.exclusions = false
                case "format": policy.constraints.format = false
                default: policy.minimumScore = 0
                }
            }
            #expect(relaxed.result.pairs.count == relaxation.pairsWithoutRule, "\(relaxation.rule)")
        }
    }

    @Test("The reserve list is ordered by best possible pair score, and lists only mentees some mentor could take")
    func reserveOrder() throws {
        let matched = try ReportFixture.sample.get()
        let insights = try #require(matched.result.insights)
        let scores = insights.reserve.map(\.bestScore)
        #expect(scores == scores.sorted(by: >))
        let never = Set(
            matched.result.unmatched.filter {
                switch $0.reason {
                case .noWindow, .noPossiblePartner: true
                default: false
                }
            }.map(\.person.id))
        #expect(!never.isEmpty)
        #expect(insights.reserve.allSatisfy { !never.contains($0.mentee) && $0.candidates > 0 })
        #expect(insights.reserve.count + never.count == matched.result.summary.unmatchedMentees)
    }

    @Test("Organisation types follow the documented rule, and the configuration overrides it")
    func organisationTypes() {
        #expect(OrganisationType.classify("West London NHS Trust", side: .mentor) == .nhs)
        #expect(OrganisationType.classify("Brent River Surgery", side: .mentee) == .nhs)
        #expect(OrganisationType.classify("Perivale Park Medical Practice", side: .mentee) == .nhs)
        #expect(OrganisationType.classify("Ealing Council", side: .mentee) == .council)
        #expect(OrganisationType.classify("Southall Heart Health Walkers", side: .mentor) == .community)
        #expect(OrganisationType.classify("Acme Consulting", side: .mentee) == .other)
        #expect(OrganisationType.classify("  ", side: .mentee) == .notGiven)
        let settings = ReportSettings(organisationTypes: ["Kingfisher Health Centre ": .other])
        #expect(settings.type(of: "kingfisher health centre", side: .mentee) == .other)
        #expect(settings.type(of: "Ealing Council", side: .mentee) == .council)
    }
}
