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

/// An organisation's name reduced to what tells organisations apart, for spotting two spellings of one.
struct OrganisationName {
    /// Lower-case words without punctuation.
    let words: [String]
    let joined: String

    static let minorWords: Set<String> = ["the", "of", "and", "for", "&"]

    init(_ name: String) {
        let letters = HeadingKey.straighteningQuotes(name).lowercased().map { $0.isLetter || $0.isNumber ? $0 : " " }
        words = String(letters).split(separator: " ").map(String.init).filter { !$0.isEmpty }
        joined = words.joined(separator: " ")
    }

    /// Whether the two names differ only by punctuation, a typo or two, one extra word, or as
    /// an acronym of the other (`LBE`, `London Borough of Ealing`).
    func looksLike(_ other: OrganisationName) -> Bool {
        guard !words.isEmpty, !other.words.isEmpty else { return false }
        if joined == other.joined || joined.replacingSpaces == other.joined.replacingSpaces { return true }
        let shorter = min(joined.count, other.joined.count)
        if shorter >= 8, abs(joined.count - other.joined.count) <= 2,
            EditDistance.between(joined, other.joined) <= max(1, shorter / 12)
        {
            return true
        }
        let mine = Set(words).subtracting(Self.minorWords)
        let theirs = Set(other.words).subtracting(Self.minorWords)
        let (small, large) = mine.count <= theirs.count ? (mine, theirs) : (theirs, mine)
        if small.count >= 2, small.isSubset(of: large), large.count - small.count == 1 { return true }
        return isAcronym(of: other) || other.isAcronym(of: self)
    }

    /// Whether this one-word name is the initials of `other`'s words (with or without its minor
    /// words), or their beginning when at least three letters long.
    private func isAcronym(of other: OrganisationName) -> Bool {
        guard words.count == 1, other.words.count >= 2, let acronym = words.first, (2...8).contains(acronym.count) else {
            return false
        }
        let all = String(other.words.compactMap(\.first))
        let major = String(other.words.filter { !Self.minorWords.contains($0) }.compactMap(\.first))
        return acronym == all || acronym == major || acronym.count >= 3 && (all.hasPrefix(acronym) || major.hasPrefix(acronym))
    }
}

extension String {
    fileprivate var replacingSpaces: String { filter { $0 != " " } }
}
