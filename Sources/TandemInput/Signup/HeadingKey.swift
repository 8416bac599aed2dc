import TandemCore

/// Headings compared the way a person reads them: case, runs of spaces (including non-breaking
/// ones), curly against straight quotes and trailing punctuation (`?`, `:`, `.`) are ignored, so
/// a mapping copied without its question mark, or typed with a straight apostrophe, still finds
/// the column.
enum HeadingKey {
    static func normalise(_ heading: String) -> String {
        var key = TextKey.normalise(straighteningQuotes(heading))
        while let last = key.last, "?:.!;,*".contains(last) || last == " " { key.removeLast() }
        return key
    }

    /// `’` `‘` `‛` `′` as `'`, and `“` `”` `„` `″` as `"`.
    static func straighteningQuotes(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 >= 0x80 }) else { return text }
        return String(
            text.map { character -> Character in
                switch character {
                case "\u{2019}", "\u{2018}", "\u{201B}", "\u{2032}": return "'"
                case "\u{201C}", "\u{201D}", "\u{201E}", "\u{2033}": return "\""
                default: return character
                }
            })
    }
}
