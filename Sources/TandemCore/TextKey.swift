/// Normalisation of free text typed into forms, so that `Mental health`, ` mental  Health ` and
/// `MENTAL HEALTH` compare equal while the first spelling seen is kept for display.
package enum TextKey {
    /// Lower-cased, trimmed, inner runs of whitespace collapsed to one space.
    package static func normalise(_ text: some StringProtocol) -> String {
        var string = String(text)
        if let ascii = string.withUTF8(normalisedPrintableASCII) { return ascii }
        return string.lowercased().split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }

    /// The same normalisation done on bytes, for text that is all printable ASCII (U+0020–U+007E),
    /// or `nil` for any other text. There each byte is one character, the only whitespace is
    /// the space, and lower-casing maps A–Z alone, so bytes give what characters would.
    private static func normalisedPrintableASCII(_ utf8: UnsafeBufferPointer<UInt8>) -> String? {
        let space = UInt8(ascii: " ")
        var isNormal = true
        var previous = space
        for byte in utf8 {
            guard (0x20...0x7E).contains(byte) else { return nil }
            if byte == space && previous == space || (0x41...0x5A).contains(byte) { isNormal = false }
            previous = byte
        }
        if isNormal && previous != space { return String(decoding: utf8, as: UTF8.self) }
        return String(unsafeUninitializedCapacity: utf8.count) { output in
            var count = 0
            var spacePending = false
            for byte in utf8 {
                if byte == space {
                    spacePending = count > 0
                    continue
                }
                if spacePending {
                    output[count] = space
                    count += 1
                    spacePending = false
                }
                output[count] = (0x41...0x5A).contains(byte) ? byte | 0x20 : byte
                count += 1
            }
            return count
        }
    }
}

extension StringProtocol {
    /// The text without leading and trailing whitespace (Foundation-free).
    package func trimmingWhitespace() -> String {
        let string = String(self)
        // Most values start and end with a printable ASCII character other than a space, which
        // no whitespace character can contain: nothing to trim, and no characters to walk.
        let utf8 = string.utf8
        if let first = utf8.first, let last = utf8.last, (0x21...0x7E).contains(first), (0x21...0x7E).contains(last) {
            return string
        }
        guard let first = string.firstIndex(where: { !$0.isWhitespace }),
            let last = string.lastIndex(where: { !$0.isWhitespace })
        else { return "" }
        return String(string[first...last])
    }
}
