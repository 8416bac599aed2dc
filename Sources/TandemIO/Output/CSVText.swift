import CSV
import Foundation

/// Renders rows as CSV text for spreadsheets: UTF-8 with a byte order mark (so Excel shows
/// Gurmukhi, Arabic and Tamil names correctly), CRLF line ends, RFC 4180 quoting.
public enum CSVText {
    /// - Throws: ``TandemFailure`` (70) if the in-memory writer fails, which would be a bug.
    public static func render(header: [String], rows: [[String]]) throws(TandemFailure) -> Data {
        let stream = OutputStream.toMemory()
        do {
            let writer = try CSVWriter(stream: stream, newline: .crlf)
            try writer.write(row: header)
            for row in rows { try writer.write(row: row.map(neutraliseFormula)) }
        } catch {
            throw TandemFailure(.software, "could not render CSV: \(error)")
        }
        stream.close()
        var data = Data([0xEF, 0xBB, 0xBF])
        data.append((stream.property(forKey: .dataWrittenToMemoryStreamKey) as? Data) ?? Data())
        data.append(contentsOf: Array("\r\n".utf8))
        return data
    }

    /// A cell that starts like a formula (`=`, `+`, `-`, `@`) is prefixed with `'` so a
    /// spreadsheet shows it as text instead of running it (names come from a public form).
    static func neutraliseFormula(_ value: String) -> String {
        guard let first = value.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) else { return value }
        return "'" + value
    }
}
