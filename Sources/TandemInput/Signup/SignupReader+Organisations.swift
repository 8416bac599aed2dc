import TandemCore

extension SignupReader {
    /// More distinct organisation spellings than this are not compared pairwise (a national
    /// cohort's thousands of employers would take too long, and are not typed by hand).
    static let maximumOrganisationsCompared = 400

    /// Warns about organisation spellings that look like one organisation but are not aliased
    /// in the configuration: the conflict-of-interest rule would treat them as different.
    /// Listing both under `organisations` (`Name: []` for one without other spellings) says
    /// they are different.
    mutating func checkOrganisationSpellings(mentors: [Mentor], mentees: [Mentee]) {
        var spellings: [(name: String, count: Int, file: String)] = []
        var indexByKey: [String: Int] = [:]
        func add(_ name: String, file: String) {
            let key = TextKey.normalise(name)
            guard !key.isEmpty else { return }
            if let index = indexByKey[key] {
                spellings[index].count += 1
            } else {
                indexByKey[key] = spellings.count
                spellings.append((name, 1, file))
            }
        }
        for mentor in mentors { add(mentor.organisation, file: mentorFileName) }
        for mentee in mentees { add(mentee.organisation, file: menteeFileName) }
        guard spellings.count <= Self.maximumOrganisationsCompared else { return }
        let forms = spellings.map { OrganisationName($0.name) }
        for first in spellings.indices {
            for second in spellings.indices where second > first && forms[first].looksLike(forms[second]) {
                // Two names the configuration lists are known to be different organisations.
                let aliases = configuration.organisations
                if aliases.isKnown(spellings[first].name) && aliases.isKnown(spellings[second].name) { continue }
                // The commoner spelling is the likely name to keep; between two as common, the
                // one with more words (a full name rather than its acronym).
                let firstWins =
                    (spellings[first].count, forms[first].words.count) >= (spellings[second].count, forms[second].words.count)
                let (kept, other) = firstWins ? (first, second) : (second, first)
                let keep = spellings[kept]
                let alias = spellings[other]
                problems.append(
                    InputProblem(
                        .warning, file: alias.file, field: "organisation",
                        message:
                            "'\(alias.name)' (\(Self.people(alias.count))) and '\(keep.name)' (\(Self.people(keep.count))) look like the same organisation but count as different ones for the same-organisation rule; if they are one, add under organisations: \(ConfigurationSuggestions.quoted(keep.name)): [\(ConfigurationSuggestions.quoted(alias.name))]"
                    ))
                suggestions.addOrganisation(alias: alias.name, of: keep.name)
            }
        }
    }

    static func people(_ count: Int) -> String { count == 1 ? "1 person" : "\(count) people" }
}
