import TandemCore

/// Text on its way into libical, which passes control characters through raw (so a newline in a
/// name would end up inside a parameter or break a line).
enum CalendarText {
    /// `text` with control characters and line or paragraph separators turned into spaces,
    /// runs of spaces collapsed, the ends trimmed and the marks that change the direction of
    /// text (``Unicode/Scalar/isDirectionControl``) dropped. Everything else (commas, semicolons,
    /// quotes, emoji, any script, and the joiners some scripts need) is kept: libical escapes it.
    static func clean(_ text: String) -> String {
        if let ascii = cleanASCII(text) { return ascii }
        var result = String.UnicodeScalarView()
        var pendingSpace = false
        for scalar in text.unicodeScalars where !scalar.isDirectionControl {
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

    /// ``clean(_:)`` for text that is all ASCII (most names, addresses and places), byte by byte
    /// instead of looking up each scalar's Unicode category, which is most of the cost of
    /// writing thousands of files. In ASCII the categories are simple: 0x00–0x1F and 0x7F are
    /// controls, 0x20 is the only space separator, and there are no line or paragraph
    /// separators. `nil` when `text` has a non-ASCII byte. Text that is already clean (the usual
    /// case) is returned as it is, without building a copy.
    static func cleanASCII(_ text: String) -> String? {
        var isClean = true
        var previousIsSpace = true  // so that a leading space counts as a change
        for byte in text.utf8 {
            guard byte < 0x80 else { return nil }
            let isSpace = byte <= 0x20 || byte == 0x7F
            // Only a single 0x20 between two other characters stays as it is.
            if isSpace, byte != 0x20 || previousIsSpace { isClean = false }
            previousIsSpace = isSpace
        }
        if isClean, !(previousIsSpace && !text.isEmpty) { return text }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        var pendingSpace = false
        for byte in text.utf8 {
            if byte <= 0x20 || byte == 0x7F {
                pendingSpace = !bytes.isEmpty
            } else {
                if pendingSpace { bytes.append(0x20) }
                pendingSpace = false
                bytes.append(byte)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// An e-mail address: cleaned, with no spaces at all.
    static func address(_ text: String) -> String {
        let cleaned = clean(text)
        return cleaned.utf8.contains(0x20) ? cleaned.filter { $0 != " " } : cleaned
    }

    /// A value for an X- property: libical 3.0 does not escape `,`, `;` or `\` there.
    static func unstructured(_ text: String) -> String {
        clean(String(text.map { ",;\\".contains($0) ? " " : $0 }))
    }
}
