/// An organisation's name reduced to what tells organisations apart, for spotting two spellings of one.
struct OrganisationName {
    /// Lower-case words without punctuation.
    let words: [String]
    let joined: String

    static let minorWords: Set<String> = ["the", "of", "and", "for", "&"]
    /// Words that name a local authority: two names with one each, and a place in common, are
    /// likely one council (`Ealing Council`, `London Borough of Ealing`).
    static let councilWords: Set<String> = ["council", "borough", "authority", "corporation"]
    /// Words too common in London's public bodies' names to tell two of them apart.
    static let commonWords: Set<String> = [
        "london", "north", "south", "east", "west", "greater", "city", "royal", "nhs", "trust", "community",
    ]

    init(_ name: String) {
        let letters = HeadingKey.straighteningQuotes(name).lowercased().map { $0.isLetter || $0.isNumber ? $0 : " " }
        words = String(letters).split(separator: " ").map(String.init).filter { !$0.isEmpty }
        joined = words.joined(separator: " ")
    }

    /// Whether the two names differ only by punctuation, a typo or two, one extra word, name one
    /// place's council two ways, or one is an acronym of the other (`LBE`, `London Borough of Ealing`).
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
        if !mine.isDisjoint(with: Self.councilWords), !theirs.isDisjoint(with: Self.councilWords) {
            let places = mine.intersection(theirs).subtracting(Self.councilWords).subtracting(Self.commonWords)
            if places.contains(where: { $0.count >= 4 }) { return true }
        }
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
