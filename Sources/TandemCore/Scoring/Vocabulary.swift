/// Dense indices for free-text values (themes, languages, towns, organisations), compared by
/// ``TextKey/normalise(_:)`` and displayed in the first spelling seen.
struct Vocabulary {
    private(set) var indexByKey: [String: Int32] = [:]
    private(set) var displayNames: [String] = []

    var count: Int { displayNames.count }

    /// Words needed for a bit set over this vocabulary (at least one).
    var wordCount: Int { max(1, (count + 63) / 64) }

    /// The index of `text`, adding it if new; `-1` for blank text.
    mutating func intern(_ text: String) -> Int32 {
        let key = TextKey.normalise(text)
        if key.isEmpty { return -1 }
        if let index = indexByKey[key] { return index }
        let index = Int32(displayNames.count)
        indexByKey[key] = index
        displayNames.append(text.trimmingWhitespace())
        return index
    }

    func index(of text: String) -> Int32? {
        indexByKey[TextKey.normalise(text)]
    }
}
