/// Escaping of text placed in HTML and SVG, so names and reasons can hold any character.
enum HTMLText {
    /// `text` with `&`, `<`, `>`, `"` and `'` escaped: safe in element content and in quoted attributes.
    static func escape(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            default: result.append(character)
            }
        }
        return result
    }
}

extension String {
    /// Escaped for HTML (``HTMLText/escape(_:)``).
    var html: String { HTMLText.escape(self) }
}
