@testable import TandemCore

/// Small hand-made people for scoring and matching tests.
enum Fixtures {
    static func availability(_ cell: String) -> WeeklyAvailability {
        let parser = AvailabilityParser()
        var result = WeeklyAvailability()
        for item in AvailabilityParser.items(in: cell, separator: ";") {
            for window in (try? parser.parseWindows(item)) ?? [] { result.insert(window) }
        }
        return result
    }

    static func mentor(
        _ id: String, organisation: String = "Southall Community Group", town: String = "Southall",
        languages: [String] = ["Punjabi", "English"], offers: [String] = ["Mental health", "Housing"],
        declines: [String] = [], free: String = "Tue 18:00-20:00", format: MeetingFormat = .either, capacity: Int = 1,
        exclusions: [String] = [], prefers: [String] = [], consent: Bool = true
    ) -> Mentor {
        Mentor(
            id: id, name: "Mentor \(id)", email: "\(id)@example.org", organisation: organisation, town: town,
            languages: languages, themesOffered: offers, themesDeclined: declines, availability: availability(free),
            format: format, capacity: capacity, exclusions: exclusions, preferredMentees: prefers, consentsToSensitiveUse: consent
        )
    }

    static func mentee(
        _ id: String, organisation: String = "Ealing Council", town: String = "Southall", languages: [String] = ["English"],
        wants: [String] = ["Mental health"], free: String = "Tue 18:00-20:00", format: MeetingFormat = .either,
        exclusions: [String] = [], prefers: [String] = [], consent: Bool = true
    ) -> Mentee {
        Mentee(
            id: id, name: "Mentee \(id)", email: "\(id)@example.org", organisation: organisation, jobTitle: "Manager",
            town: town, languages: languages, themesWanted: wants, availability: availability(free), format: format,
            exclusions: exclusions, preferredMentors: prefers, consentsToSensitiveUse: consent)
    }

    static func compiled(_ mentors: [Mentor], _ mentees: [Mentee], policy: MatchingPolicy = MatchingPolicy()) -> CompiledCohort {
        CompiledCohort(cohort: Cohort(mentors: mentors, mentees: mentees), policy: policy)
    }
}
