import TandemSynthetic

@testable import TandemCore

/// Turns generated rows into a cohort without the I/O module (a minimal reader for tests).
enum SyntheticCohortParsing {
    static func cohort(_ generated: SyntheticCohort) -> Cohort? {
        let parser = AvailabilityParser()
        func list(_ cell: String) -> [String] { AvailabilityParser.items(in: cell, separator: ";") }
        func availability(_ cell: String) -> WeeklyAvailability? {
            var result = WeeklyAvailability()
            for item in list(cell) {
                guard let windows = try? parser.parseWindows(item) else { return nil }
                for window in windows { result.insert(window) }
            }
            return result
        }
        func field(_ row: [String], _ header: [String], _ name: String) -> String {
            header.firstIndex(of: name).map { row[$0] } ?? ""
        }
        var mentors: [Mentor] = []
        for row in generated.mentorRows {
            let value = { (name: String) in field(row, SyntheticCohort.mentorHeader, name) }
            guard let free = availability(value("availability")) else { return nil }
            mentors.append(
                Mentor(
                    id: value("id"), name: value("name"), email: value("email"), organisation: value("organisation"),
                    town: value("town"), languages: list(value("languages")), themesOffered: list(value("themes_offered")),
                    themesDeclined: list(value("themes_declined")), availability: free,
                    format: MeetingFormat(parsing: value("format")) ?? .either, capacity: Int(value("capacity")) ?? 1,
                    exclusions: list(value("exclusions")), preferredMentees: list(value("preferred_mentees")),
                    consentsToSensitiveUse: value("consent_sensitive") == "yes"))
        }
        var mentees: [Mentee] = []
        for row in generated.menteeRows {
            let value = { (name: String) in field(row, SyntheticCohort.menteeHeader, name) }
            guard let free = availability(value("availability")) else { return nil }
            mentees.append(
                Mentee(
                    id: value("id"), name: value("name"), email: value("email"), organisation: value("organisation"),
                    jobTitle: value("job_title"), town: value("town"), languages: list(value("languages")),
                    themesWanted: list(value("themes_wanted")), availability: free,
                    format: MeetingFormat(parsing: value("format")) ?? .either, exclusions: list(value("exclusions")),
                    preferredMentors: list(value("preferred_mentors")),
                    consentsToSensitiveUse: value("consent_sensitive") == "yes"))
        }
        return Cohort(mentors: mentors, mentees: mentees)
    }
}
