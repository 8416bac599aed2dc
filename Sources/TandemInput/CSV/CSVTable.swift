import Foundation
import TandemCore

/// A sign-up table read whole: its header and records, each with the physical line it starts on
/// (for a spreadsheet, its row number).
///
/// Accepts what Microsoft and Google Forms exports look like in practice: a UTF-8 byte order
/// mark, CRLF or LF line ends, quoted fields holding commas, quotes and line breaks; and, through
/// ``SignupFile``, the other encodings and separators Excel writes and .xlsx workbooks.
public struct CSVTable: Sendable {
    public struct Record: Sendable {
        /// 1-based line of the record's first character in the file.
        public var line: Int
        public var fields: [String]
    }

    public var file: String
    public var header: [String]
    public var records: [Record]
    /// What the file turned out to be.
    public var format: SignupFileFormat = .text(encoding: .utf8, byteOrderMark: false, separator: .comma)
    /// Problems found while reading that do not stop it (e.g. a spreadsheet cell holding an
    /// Excel error such as `#N/A`, read as empty).
    public var warnings: [InputProblem] = []

    /// Files larger than this are refused before reading, to fail fast on a wrong file.
    public static let maximumBytes = 1 << 30
    /// The longest header line accepted.
    public static let maximumHeaderBytes = 64 * 1024

    /// Reads and parses the sign-up file at `path`, in any format ``SignupFile`` reads.
    /// - Parameter displayName: how to name the file in messages (defaults to `path`).
    public static func read(path: String, displayName: String? = nil) throws(TandemFailure) -> CSVTable {
        try SignupFile.read(path: path, displayName: displayName)
    }

    /// Parses UTF-8, comma-separated bytes already in memory (a leading byte order mark is
    /// skipped); ``SignupFile/parse(_:file:)`` finds the format first.
    /// - Throws: ``TandemFailure`` (data error, 65) when empty, binary, not UTF-8, with an
    ///   unterminated quote or with a cell over ``maximumCellCharacters``.
    public static func parse(_ data: Data, file: String) throws(TandemFailure) -> CSVTable {
        let bytes = [UInt8](data)
        return try bytes.withUnsafeBufferPointer { buffer throws(TandemFailure) in
            let hasBOM = buffer.starts(with: [0xEF, 0xBB, 0xBF])
            return try parse(UnsafeBufferPointer(rebasing: buffer[(hasBOM ? 3 : 0)...]), file: file, separator: .comma)
        }
    }

    /// Parses delimited text in any encoding ``CSVEncoding`` recognises, with the separator
    /// ``CSVSeparator/detect(_:)`` finds.
    public static func parseText(_ data: Data, file: String) throws(TandemFailure) -> CSVTable {
        let bytes = [UInt8](data)
        let (encoding, markLength, text) = bytes.withUnsafeBufferPointer { buffer in
            let (encoding, markLength) = CSVEncoding.detect(buffer)
            // UTF-8 is split as it is; only other encodings are copied into UTF-8 first.
            let text =
                encoding == .utf8 ? nil : CSVEncoding.utf8(UnsafeBufferPointer(rebasing: buffer[markLength...]), from: encoding)
            return (encoding, markLength, text)
        }
        // Text in a single-byte code page has no control characters but tab and line ends;
        // bytes that are not UTF-8 and have them are some other binary file.
        if encoding == .windows1252, let index = bytes.firstIndex(where: { $0 < 0x20 && ![0x09, 0x0A, 0x0C, 0x0D].contains($0) })
        {
            throw TandemFailure(
                .dataError,
                problem: InputProblem(
                    file: file, line: bytes[..<index].count { $0 == UInt8(ascii: "\n") } + 1,
                    message:
                        "contains binary data, so it is not a CSV file; \(SignupFile.howToSave)"))
        }
        let parse = { (buffer: UnsafeBufferPointer<UInt8>) throws(TandemFailure) -> CSVTable in
            var table = try Self.parse(buffer, file: file, separator: nil)
            if case .text(_, _, let separator) = table.format {
                table.format = .text(encoding: encoding, byteOrderMark: markLength > 0, separator: separator)
            }
            return table
        }
        if let text { return try text.withUnsafeBufferPointer { buffer throws(TandemFailure) in try parse(buffer) } }
        return try bytes.withUnsafeBufferPointer { buffer throws(TandemFailure) in
            try parse(UnsafeBufferPointer(rebasing: buffer[markLength...]))
        }
    }

    /// Parses UTF-8 bytes without a byte order mark; a `nil` separator is found from the text.
    private static func parse(
        _ bytes: UnsafeBufferPointer<UInt8>, file: String, separator: CSVSeparator?
    ) throws(TandemFailure) -> CSVTable {
        // A form export's header is a few hundred bytes; a huge first line means a wrong file,
        // and saying so at once beats parsing a hundred megabytes of it.
        if bytes.count > maximumHeaderBytes, !bytes[..<maximumHeaderBytes].contains(UInt8(ascii: "\n")) {
            throw TandemFailure(
                .dataError,
                problem: InputProblem(
                    file: file, line: 1,
                    message:
                        "the first line is over \(maximumHeaderBytes / 1024) KB long, so it is not a header row; is this the right file?"
                ))
        }
        if let problem = textProblem(bytes, file: file) {
            throw TandemFailure(.dataError, problem: problem)
        }
        guard hasContent(bytes) else {
            throw TandemFailure(
                .dataError, problem: InputProblem(file: file, message: "is empty; export the form responses again"))
        }
        let separator = separator ?? CSVSeparator.detect(bytes)
        let rows = CSVRecordParser.records(bytes, separator: separator.rawValue)
        guard let headerRecord = rows.first else {
            throw TandemFailure(.dataError, problem: InputProblem(file: file, message: "has no header row"))
        }
        let header = headerRecord.fields.map { $0.trimmingWhitespace() }
        let longCells = longCellProblems(rows, header: header, file: file)
        guard longCells.isEmpty else {
            throw TandemFailure(
                .dataError, "\(file) has \(longCells.count) cell(s) over the \(maximumCellCharacters)-character limit:",
                problems: longCells)
        }
        // Spreadsheets leave fully blank rows behind; they carry nothing.
        let records = rows.dropFirst().filter { record in record.fields.contains { hasContent($0.utf8) } }
        return CSVTable(
            file: file, header: header, records: Array(records),
            format: .text(encoding: .utf8, byteOrderMark: false, separator: separator))
    }

    /// The longest cell accepted, in characters (Unicode scalars). A form's longest answers are
    /// a few hundred; a cell of megabytes is a wrong file or a paste gone wrong, and would be
    /// copied into every result and calendar.
    public static let maximumCellCharacters = 10_000

    /// A problem for each cell of `rows` (the header row included) longer than
    /// ``maximumCellCharacters``, named by its line and column heading.
    static func longCellProblems(_ rows: [Record], header: [String], file: String) -> [InputProblem] {
        var problems: [InputProblem] = []
        for row in rows {
            // A cell's UTF-8 length bounds its scalar count, and is known without walking it.
            for (column, cell) in row.fields.enumerated() where cell.utf8.count > maximumCellCharacters {
                let length = cell.unicodeScalars.count
                guard length > maximumCellCharacters else { continue }
                let heading = column < header.count && !header[column].isEmpty ? header[column] : "column \(column + 1)"
                problems.append(
                    InputProblem(
                        file: file, line: row.line, field: heading,
                        message:
                            "is \(length) characters long, over the limit of \(maximumCellCharacters) for a cell; shorten it or check the file"
                    ))
            }
        }
        return problems
    }

    /// Whether the text has a character other than whitespace.
    ///
    /// A printable ASCII byte other than space settles it: no whitespace character can hold
    /// one. Only text without any falls back to checking characters.
    static func hasContent(_ bytes: some Collection<UInt8>) -> Bool {
        if bytes.contains(where: { (0x21...0x7E).contains($0) }) { return true }
        return String(decoding: bytes, as: UTF8.self).contains { !$0.isWhitespace }
    }

    /// Refuses binary files, invalid UTF-8 and unbalanced quotes with the line where it starts.
    static func textProblem(_ bytes: UnsafeBufferPointer<UInt8>, file: String) -> InputProblem? {
        var line = 1
        var quoteLine = 0
        var insideQuotes = false
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == 0 {
                return InputProblem(
                    file: file, line: line,
                    message:
                        "contains binary data (a NUL byte), so it is not a CSV file; in Excel use File > Save As > 'CSV UTF-8 (Comma delimited)' or 'Excel Workbook (.xlsx)'"
                )
            }
            if byte == UInt8(ascii: "\n") { line += 1 }
            if byte == UInt8(ascii: "\"") {
                insideQuotes.toggle()
                if insideQuotes { quoteLine = line }
            }
            if byte >= 0x80 {
                let length = utf8SequenceLength(bytes, at: index)
                if length == 0 {
                    return InputProblem(
                        file: file, line: line,
                        message: "is not valid UTF-8 (byte \(index + 1)); in Excel use 'Save As' > 'CSV UTF-8 (Comma delimited)'")
                }
                index += length
                continue
            }
            index += 1
        }
        if insideQuotes {
            return InputProblem(
                file: file, line: quoteLine,
                message: "a quoted field starting here is never closed; add the missing '\"'")
        }
        return nil
    }

    /// The length of a valid multi-byte UTF-8 sequence at `index`, or 0 when invalid.
    static func utf8SequenceLength(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Int {
        let lead = bytes[index]
        let length: Int
        switch lead {
        case 0xC2...0xDF: length = 2
        case 0xE0...0xEF: length = 3
        case 0xF0...0xF4: length = 4
        default: return 0
        }
        guard index + length <= bytes.count else { return 0 }
        for offset in 1..<length where bytes[index + offset] & 0xC0 != 0x80 { return 0 }
        // Reject overlong forms and surrogates the simple continuation check lets through.
        let second = bytes[index + 1]
        if lead == 0xE0 && second < 0xA0 || lead == 0xED && second > 0x9F || lead == 0xF0 && second < 0x90
            || lead == 0xF4 && second > 0x8F
        {
            return 0
        }
        return length
    }
}
