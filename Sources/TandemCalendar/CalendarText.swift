/// Text on its way into libical, which passes control characters through raw (so a newline in a
/// name would end up inside a parameter or break a line).
enum CalendarText {
    /// `text` with control characters and line or paragraph separators turned into spaces,
    /// runs of spaces collapsed and the ends trimmed. Everything else (commas, semicolons,
    /// quotes, emoji, any script, and the joiners some scripts need) is kept: libical escapes it.
    static func clean(_ text: String) -> String {
        var result = String.UnicodeScalarView()
        var pendingSpace = false
        for scalar in text.unicodeScalars {
            let isSpace: Bool
            switch scalar.properties.generalCategory {
            case .control, .lineSeparator, .paragraphSeparator, .spaceSeparator: isSpace = true
            default: isSpace = false
            }
            if isSpace {
                pendingSpace = !result.isEmpty
            } else {
                if pendingSpace { result.append(" ") }
                pendingSpace = false
                result.append(scalar)
            }
        }
        return String(result)
    }

    /// An e-mail address: cleaned, with no spaces at all.
    static func address(_ text: String) -> String {
        clean(text).filter { $0 != " " }
    }

    /// A value for an X- property: libical 3.0 does not escape `,`, `;` or `\` there.
    static func unstructured(_ text: String) -> String {
        clean(String(text.map { ",;\\".contains($0) ? " " : $0 }))
    }
}
