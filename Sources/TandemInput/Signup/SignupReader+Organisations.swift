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
        let aliases = configuration.organisations
        var pairs: [(Int, Int)] = []
        // Spellings that look alike, joined into groups (A like B, B like C: one organisation).
        var group = Array(spellings.indices)
        func root(_ index: Int) -> Int {
            var index = index
            while group[index] != index { index = group[index] }
            return index
        }
        for first in spellings.indices {
            for second in spellings.indices where second > first && forms[first].looksLike(forms[second]) {
                // Two names the configuration lists are known to be different organisations.
                if aliases.isKnown(spellings[first].name) && aliases.isKnown(spellings[second].name) { continue }
                pairs.append((first, second))
                group[root(second)] = root(first)
            }
        }
        guard !pairs.isEmpty else { return }
        // Each group's name: a configured one, else the commonest spelling, else the one with
        // more words (a full name rather than its acronym).
        var nameOfGroup: [Int: Int] = [:]
        for index in spellings.indices where pairs.contains(where: { $0.0 == index || $0.1 == index }) {
            let key = root(index)
            guard let current = nameOfGroup[key] else {
                nameOfGroup[key] = index
                continue
            }
            func rank(_ item: Int) -> (Int, Int, Int) {
                (aliases.isKnown(spellings[item].name) ? 1 : 0, spellings[item].count, forms[item].words.count)
            }
            if rank(index) > rank(current) { nameOfGroup[key] = index }
        }
        var membersOfGroup: [Int: [Int]] = [:]
        for index in spellings.indices where nameOfGroup[root(index)] != nil && nameOfGroup[root(index)] != index {
            membersOfGroup[root(index), default: []].append(index)
        }
        for (first, second) in pairs {
            guard let name = nameOfGroup[root(first)] else { continue }
            let (one, other) = spellings[first].count <= spellings[second].count ? (first, second) : (second, first)
            let lines =
                ConfigurationSuggestions.quoted(spellings[name].name) + ": ["
                + (membersOfGroup[root(first)] ?? []).map { ConfigurationSuggestions.quoted(spellings[$0].name) }
                .joined(separator: ", ") + "]"
            problems.append(
                InputProblem(
                    .warning, file: spellings[one].file, field: "organisation",
                    message:
                        "'\(spellings[one].name)' (\(Self.people(spellings[one].count))) and '\(spellings[other].name)' (\(Self.people(spellings[other].count))) look like the same organisation but count as different ones for the same-organisation rule; if they are one, add under organisations: \(lines)"
                ))
        }
        for (key, name) in nameOfGroup.sorted(by: { $0.value < $1.value }) {
            for member in membersOfGroup[key] ?? [] {
                suggestions.addOrganisation(alias: spellings[member].name, of: spellings[name].name)
            }
        }
    }

    static func people(_ count: Int) -> String { count == 1 ? "1 person" : "\(count) people" }
}
