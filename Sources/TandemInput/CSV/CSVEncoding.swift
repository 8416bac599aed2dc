/// Finds the character encoding of a delimited file from its bytes and turns it into UTF-8,
/// which is what ``CSVRecordParser`` splits.
///
/// Excel's "Save as" choices write UTF-8 with a byte order mark, Windows-1252, or UTF-16LE with
/// a byte order mark; a coordinator cannot tell them apart, so the bytes decide: a UTF-16 byte
/// order mark or the NUL bytes every other byte of ASCII text in UTF-16 has, then valid UTF-8,
/// then Windows-1252, which decodes any byte sequence.
enum CSVEncoding {
    /// How many leading bytes the UTF-16 NUL pattern is looked for in.
    private static let sampleBytes = 4096

    /// The encoding of `bytes`, whether it starts with a byte order mark, and its length.
    static func detect(_ bytes: UnsafeBufferPointer<UInt8>) -> (
        encoding: SignupFileFormat.TextEncoding, byteOrderMarkLength: Int
    ) {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { return (.utf8, 3) }
        if bytes.starts(with: [0xFF, 0xFE]) { return (.utf16LittleEndian, 2) }
        if bytes.starts(with: [0xFE, 0xFF]) { return (.utf16BigEndian, 2) }
        if let utf16 = utf16WithoutByteOrderMark(bytes) { return (utf16, 0) }
        let (valid, invalid) = utf8Sequences(bytes)
        // A few bad bytes among many good UTF-8 characters are damage to a UTF-8 file (reported
        // with their line), not Windows-1252, which would turn every accent into two characters.
        return (invalid == 0 || valid > invalid ? .utf8 : .windows1252, 0)
    }

    /// UTF-16 recognised by its NUL bytes: text that is mostly ASCII (as headings are) has a NUL
    /// in every high byte, so nearly all bytes on one side are NUL and almost none on the other.
    private static func utf16WithoutByteOrderMark(_ bytes: UnsafeBufferPointer<UInt8>) -> SignupFileFormat.TextEncoding? {
        let count = min(bytes.count, sampleBytes) & ~1
        guard count >= 4 else { return nil }
        var evenNULs = 0
        var oddNULs = 0
        for index in stride(from: 0, to: count, by: 2) {
            if bytes[index] == 0 { evenNULs += 1 }
            if bytes[index + 1] == 0 { oddNULs += 1 }
        }
        let pairs = count / 2
        if oddNULs * 10 >= pairs * 7 && evenNULs * 10 <= pairs { return .utf16LittleEndian }
        if evenNULs * 10 >= pairs * 7 && oddNULs * 10 <= pairs { return .utf16BigEndian }
        return nil
    }

    /// How many valid multi-byte UTF-8 sequences and how many bytes that start none `bytes` has.
    static func utf8Sequences(_ bytes: UnsafeBufferPointer<UInt8>) -> (valid: Int, invalid: Int) {
        var valid = 0
        var invalid = 0
        var index = 0
        while index < bytes.count {
            // ASCII runs are the common case: skip eight bytes at a time when none is high.
            if index + 8 <= bytes.count {
                let word = UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: bytes[index..<index + 8])).loadUnaligned(
                    as: UInt64.self)
                if word & 0x8080_8080_8080_8080 == 0 {
                    index += 8
                    continue
                }
            }
            if bytes[index] < 0x80 {
                index += 1
                continue
            }
            let length = CSVTable.utf8SequenceLength(bytes, at: index)
            if length == 0 {
                invalid += 1
                index += 1
            } else {
                valid += 1
                index += length
            }
        }
        return (valid, invalid)
    }

    /// `bytes` (after the byte order mark) as UTF-8 text.
    static func utf8(_ bytes: UnsafeBufferPointer<UInt8>, from encoding: SignupFileFormat.TextEncoding) -> [UInt8] {
        switch encoding {
        case .utf8:
            return Array(bytes)
        case .windows1252:
            var text = String.UnicodeScalarView()
            text.reserveCapacity(bytes.count)
            for byte in bytes { text.append(windows1252Scalar(byte)) }
            return Array(String(text).utf8)
        case .utf16LittleEndian, .utf16BigEndian:
            let littleEndian = encoding == .utf16LittleEndian
            var units: [UInt16] = []
            units.reserveCapacity(bytes.count / 2)
            // An odd last byte cannot be a character; it is dropped.
            for index in stride(from: 0, to: bytes.count & ~1, by: 2) {
                let low = UInt16(bytes[littleEndian ? index : index + 1])
                let high = UInt16(bytes[littleEndian ? index + 1 : index])
                units.append(high << 8 | low)
            }
            // Unpaired surrogates become U+FFFD, as any text editor shows them.
            return Array(String(decoding: units, as: UTF16.self).utf8)
        }
    }

    /// The characters Windows-1252 puts at 0x80–0x9F (where ISO 8859-1 has control codes);
    /// the five bytes it leaves undefined map to the control codes, as browsers do.
    private static let windows1252High: [UInt32] = [
        0x20AC, 0x81, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8D, 0x017D, 0x8F,
        0x90, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x9D, 0x017E,
        0x0178,
    ]

    static func windows1252Scalar(_ byte: UInt8) -> Unicode.Scalar {
        guard (0x80...0x9F).contains(byte) else { return Unicode.Scalar(byte) }
        return Unicode.Scalar(windows1252High[Int(byte - 0x80)]) ?? "\u{FFFD}"
    }
}
