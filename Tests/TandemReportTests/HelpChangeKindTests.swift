import Foundation
import TandemCore
import Testing

/// One free mentor and one mentee they cannot take, built so that each kind of change is the
/// smallest that helps: what would help names that change, and making it lets them pair.
@Suite("What would help names each kind of change where it is the smallest")
struct HelpChangeKindTests {
    static func mentor(languages: [String] = ["English"], format: MeetingFormat = .either) -> Mentor {
        var availability = WeeklyAvailability()
        availability.insert(AvailabilityWindow(day: .tuesday, startMinute: 18 * 60, endMinute: 20 * 60))
        return Mentor(
            id: "M1", name: "Mentor One", organisation: "Southall Community Group", town: "Southall", languages: languages,
            themesOffered: ["Housing", "Mental health"], availability: availability, format: format, capacity: 1,
            consentsToSensitiveUse: true)
    }

    static func mentee(languages: [String] = ["English"], format: MeetingFormat = .either, day: Weekday = .tuesday) -> Mentee {
        var availability = WeeklyAvailability()
        availability.insert(AvailabilityWindow(day: day, startMinute: 18 * 60, endMinute: 20 * 60))
        return Mentee(
            id: "E1", name: "Mentee One", organisation: "Ealing Council", town: "Acton", languages: languages,
            themesWanted: ["Housing"], availability: availability, format: format, consentsToSensitiveUse: true)
    }

    /// The one suggestion for E1 when M1 and E1 are all the cohort.
    static func suggestion(_ mentor: Mentor, _ mentee: Mentee, policy: MatchingPolicy) throws -> HelpSuggestion {
        let cohort = Cohort(mentors: [mentor], mentees: [mentee])
        let outcome = CohortMatcher.match(cohort, policy: policy)
        let result = MatchResult(outcome, programme: Programme())
        try #require(result.pairs.isEmpty)
        let insights = CohortInsights(
            outcome: outcome, result: result, cohort: cohort, settings: ReportSettings(), schedule: nil, history: nil)
        return try #require(insights.suggestions.first { $0.mentee == "E1" })
    }

    /// The pair's score under `policy` with no minimum, and its rejection with `policy`'s.
    static func score(_ mentor: Mentor, _ mentee: Mentee, policy: MatchingPolicy) -> Double {
        var open = policy
        open.minimumScore = 0
        return CompiledCohort(cohort: Cohort(mentors: [mentor], mentees: [mentee]), policy: open)
            .verdict(mentee: 0, mentor: 0).pairScore
    }

    @Test func aMenteeWhoAskedToMeetInPersonIsAskedToAcceptOnline() throws {
        let found = try Self.suggestion(
            Self.mentor(format: .online), Self.mentee(format: .inPerson), policy: MatchingPolicy())
        #expect(found.change == .acceptOnline(side: .mentee))
        #expect(found.mentor == "M1")
        #expect(found.peopleAffected == 1)
        // Made, the change lets them pair.
        let changed = Cohort(mentors: [Self.mentor(format: .online)], mentees: [Self.mentee(format: .either)])
        #expect(MatchResult(CohortMatcher.match(changed, policy: MatchingPolicy()), programme: Programme()).pairs.count == 1)
    }

    @Test func aPairJustBelowTheMinimumIsHelpedByASharedLanguage() throws {
        let mentor = Self.mentor(languages: ["Punjabi"])
        let mentee = Self.mentee(languages: ["English"])
        let without = Self.score(mentor, mentee, policy: MatchingPolicy())
        let with = Self.score(Self.mentor(languages: ["Punjabi", "English"]), mentee, policy: MatchingPolicy())
        try #require(with > without)
        var policy = MatchingPolicy()
        policy.minimumScore = (without + with) / 2
        let found = try Self.suggestion(mentor, mentee, policy: policy)
        guard case .sharedLanguage = found.change else {
            Issue.record("expected a shared language, got \(String(describing: found.change))")
            return
        }
        #expect(found.mentor == "M1")
        #expect(found.score >= policy.minimumScore)
    }

    @Test func aPairNoLanguageCanLiftIsHelpedByALowerMinimum() throws {
        let mentor = Self.mentor(languages: ["Punjabi"])
        let mentee = Self.mentee(languages: ["English"])
        let without = Self.score(mentor, mentee, policy: MatchingPolicy())
        let with = Self.score(Self.mentor(languages: ["Punjabi", "English"]), mentee, policy: MatchingPolicy())
        var policy = MatchingPolicy()
        policy.minimumScore = min(1, with + 0.05)
        let found = try Self.suggestion(mentor, mentee, policy: policy)
        guard case .lowerMinimumScore(let minimum) = found.change else {
            Issue.record("expected a lower minimum score, got \(String(describing: found.change))")
            return
        }
        #expect(minimum <= without + 0.000_001)
        #expect(found.peopleAffected > 1)
    }

    @Test func aMenteeFreeOnAnotherDayIsGivenTheMentorsWindow() throws {
        let found = try Self.suggestion(Self.mentor(), Self.mentee(day: .friday), policy: MatchingPolicy())
        guard case .commonWindow(let side, let day, let start, let end) = found.change else {
            Issue.record("expected a common window, got \(String(describing: found.change))")
            return
        }
        #expect(side == .mentee)
        #expect(day == .tuesday)
        #expect(start >= 18 * 60 && end <= 20 * 60 && end > start)
    }
}
