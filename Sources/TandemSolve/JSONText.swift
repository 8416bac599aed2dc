/// JSON string literals (RFC 8259): quotes, backslashes and control characters escaped,
/// everything else as UTF-8.
package enum JSONText {
    /// Which control characters get a two-character escape; the rest are written `\u00xx`.
    package enum ShortEscapes {
        /// `\t`, `\n` and `\r`, as `preferences.json` has always been written.
        case tabAndLineBreaks
        /// Also `\b` and `\f`, as Foundation's `JSONEncoder` writes them (`matches.json`).
        case likeJSONEncoder
    }

    package static func append(string: String, to bytes: inout [UInt8], shortEscapes: ShortEscapes = .tabAndLineBreaks) {
        bytes.append(UInt8(ascii: "\""))
        // Ids and names rarely need escaping: then the UTF-8 goes in with one copy. A native
        // string's bytes are scanned in place, much faster than through its UTF-8 view's iterator.
        func needsEscaping(_ byte: UInt8) -> Bool { byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") }
        let needsEscapes =
            string.utf8.withContiguousStorageIfAvailable { $0.contains(where: needsEscaping) }
            ?? string.utf8.contains(where: needsEscaping)
        guard needsEscapes else {
            bytes.append(contentsOf: string.utf8)
            bytes.append(UInt8(ascii: "\""))
            return
        }
        let shortBackspaceAndFormFeed = shortEscapes == .likeJSONEncoder
        for byte in string.utf8 {
            switch byte {
            case UInt8(ascii: "\""): bytes += [UInt8(ascii: "\\"), UInt8(ascii: "\"")]
            case UInt8(ascii: "\\"): bytes += [UInt8(ascii: "\\"), UInt8(ascii: "\\")]
            case 0x0A: bytes += [UInt8(ascii: "\\"), UInt8(ascii: "n")]
            case 0x0D: bytes += [UInt8(ascii: "\\"), UInt8(ascii: "r")]
            case 0x09: bytes += [UInt8(ascii: "\\"), UInt8(ascii: "t")]
            case 0x08 where shortBackspaceAndFormFeed: bytes += [UInt8(ascii: "\\"), UInt8(ascii: "b")]
            case 0x0C where shortBackspaceAndFormFeed: bytes += [UInt8(ascii: "\\"), UInt8(ascii: "f")]
            case 0..<0x20:
                let hex = Array("0123456789abcdef".utf8)
                bytes.append(contentsOf: "\\u00".utf8)
                bytes.append(contentsOf: [hex[Int(byte >> 4)], hex[Int(byte & 0x0F)]])
            default: bytes.append(byte)
            }
        }
        bytes.append(UInt8(ascii: "\""))
    }
}
