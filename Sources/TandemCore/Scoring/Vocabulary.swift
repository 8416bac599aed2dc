/// Dense indices for free-text values (themes, languages, towns, organisations), compared by
/// ``TextKey/normalise(_:)`` and displayed in the first spelling seen.
struct Vocabulary {
    private(set) var indexByKey: [String: Int32] = [:]
    private(set) var displayNames: [String] = []
    /// Each exact spelling seen, to its index (-1 for blank): sign-ups repeat the same few
    /// spellings many thousands of times, and a lookup is far cheaper than normalising.
    private var indexBySpelling: [String: Int32] = [:]

    var count: Int { displayNames.count }

    /// Words needed for a bit set over this vocabulary (at least one).
    var wordCount: Int { max(1, (count + 63) / 64) }

    /// The index of `text`, adding it if new; `-1` for blank text.
    mutating func intern(_ text: String) -> Int32 {
        if let index = indexBySpelling[text] { return index }
        let key = TextKey.normalise(text)
        let index: Int32
        if key.isEmpty {
            index = -1
        } else if let known = indexByKey[key] {
            index = known
        } else {
            index = Int32(displayNames.count)
            indexByKey[key] = index
            displayNames.append(text.trimmingWhitespace())
        }
        indexBySpelling[text] = index
        return index
    }

    func index(of text: String) -> Int32? {
        if let index = indexBySpelling[text] { return index >= 0 ? index : nil }
        return indexByKey[TextKey.normalise(text)]
    }
}
