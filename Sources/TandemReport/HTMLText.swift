/// Escaping of text placed in HTML and SVG, so names and reasons can hold any character.
enum HTMLText {
    /// `text` with `&`, `<`, `>`, `"` and `'` escaped: safe in element content and in quoted attributes.
    static func escape(_ text: String) -> String {
        // Byte by byte: the five characters are ASCII, and a UTF-8 byte below 0x80 is always a
        // whole character. Most text has none of them and is returned as it is.
        let special: (UInt8) -> Bool = { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 || $0 == 0x27 }
        guard text.utf8.contains(where: special) else { return text }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count + 16)
        for byte in text.utf8 {
            switch byte {
            case 0x26: bytes += Array("&amp;".utf8)
            case 0x3C: bytes += Array("&lt;".utf8)
            case 0x3E: bytes += Array("&gt;".utf8)
            case 0x22: bytes += Array("&quot;".utf8)
            case 0x27: bytes += Array("&#39;".utf8)
            default: bytes.append(byte)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}

extension String {
    /// Escaped for HTML (``HTMLText/escape(_:)``).
    var html: String { HTMLText.escape(self) }
}
