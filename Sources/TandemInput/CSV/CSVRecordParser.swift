/// Splits UTF-8 CSV bytes into records, working on bytes rather than Unicode scalars.
///
/// Replaces the CSV.swift reader, which pulled one scalar at a time through a type-erased
/// iterator and built each field a scalar at a time (a fifth of reading a national cohort).
/// It reproduces that reader's results exactly, including on malformed input, so that the
/// same files give the same cohort; `CSVRecordParserTests` checks the two against each other:
/// - a field starting with `"` is quoted: `""` inside is one quote, and a closing quote ends
///   the field at a comma, a line end or the end of the file;
/// - a quote inside an unquoted field is kept as it is;
/// - a quote followed by anything else inside a quoted field is kept, the character after it
///   is dropped, and the field stays quoted;
/// - a record ends at LF, CR or CRLF; a comma right before the end of the file adds an empty field.
///
/// "Comma" above stands for the separator given, which is a comma unless the file uses `;` or
/// tab (``CSVSeparator``). The delimiter, quote and line ends are ASCII and UTF-8 never uses ASCII bytes inside a
/// multi-byte character, so splitting bytes splits characters at the same places.
/// The input must already be valid UTF-8 (``CSVTable/textProblem(_:file:)`` checks it).
enum CSVRecordParser {
    private static let quote = UInt8(ascii: "\"")
    private static let carriageReturn = UInt8(ascii: "\r")
    private static let lineFeed = UInt8(ascii: "\n")

    static func records(_ bytes: UnsafeBufferPointer<UInt8>, separator comma: UInt8 = UInt8(ascii: ",")) -> [CSVTable.Record] {
        var records: [CSVTable.Record] = []
        var fieldBuffer: [UInt8] = []
        var index = 0
        var line = 1
        while index < bytes.count {
            var fields: [String] = []
            var breaksInFields = 0
            while true {
                guard index < bytes.count else {
                    // A comma just before the end of the file leaves one more, empty, field.
                    fields.append("")
                    break
                }
                if bytes[index] == quote {
                    index += 1
                    let endsRecord = readQuoted(bytes, from: &index, into: &fieldBuffer, separator: comma)
                    fields.append(String(decoding: fieldBuffer, as: UTF8.self))
                    breaksInFields += lineBreaks(in: fieldBuffer)
                    if endsRecord { break }
                    continue
                }
                let start = index
                while index < bytes.count {
                    let byte = bytes[index]
                    if byte == comma || byte == carriageReturn || byte == lineFeed { break }
                    index += 1
                }
                fields.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self))
                guard index < bytes.count else { break }
                let terminator = bytes[index]
                index += 1
                if terminator == comma { continue }
                if terminator == carriageReturn, index < bytes.count, bytes[index] == lineFeed { index += 1 }
                break
            }
            records.append(CSVTable.Record(line: line, fields: fields))
            // Physical lines: this record's own plus those inside its quoted fields.
            line += 1 + breaksInFields
        }
        return records
    }

    /// Reads a quoted field's content after its opening quote into `field`.
    /// - Returns: whether the record ends after it (a line end or the end of the file).
    private static func readQuoted(
        _ bytes: UnsafeBufferPointer<UInt8>, from index: inout Int, into field: inout [UInt8], separator comma: UInt8
    ) -> Bool {
        field.removeAll(keepingCapacity: true)
        while index < bytes.count {
            // Copy the run up to the next quote in one go: most quoted fields have only commas.
            let start = index
            while index < bytes.count, bytes[index] != quote { index += 1 }
            field.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<index]))
            guard index < bytes.count else { break }
            index += 1
            guard index < bytes.count else { return true }
            let next = bytes[index]
            index += 1
            switch next {
            case comma:
                return false
            case lineFeed:
                return true
            case carriageReturn:
                if index < bytes.count, bytes[index] == lineFeed { index += 1 }
                return true
            case quote:
                field.append(quote)
            default:
                // A stray quote: kept, and the character after it dropped, as CSV.swift does.
                field.append(quote)
                index = min(bytes.count, index + continuationCount(after: next))
            }
        }
        return true
    }

    /// How many continuation bytes follow a UTF-8 lead byte.
    private static func continuationCount(after lead: UInt8) -> Int {
        switch lead {
        case 0xF0...: 3
        case 0xE0...: 2
        case 0xC0...: 1
        default: 0
        }
    }

    /// Line breaks inside a field (CRLF counts once).
    static func lineBreaks(in field: [UInt8]) -> Int {
        var count = 0
        var previous: UInt8 = 0
        for byte in field {
            if byte == lineFeed && previous != carriageReturn || byte == carriageReturn { count += 1 }
            previous = byte
        }
        return count
    }
}
