import Foundation

// Public, not package: the Benchmarks package writes its synthetic sign-up files with it.
/// Renders rows as CSV text for spreadsheets: UTF-8 with a byte order mark (so Excel shows
/// Gurmukhi, Arabic and Tamil names correctly), CRLF line ends, RFC 4180 quoting.
///
/// Written directly into a byte buffer: CSV.swift's writer pushes one scalar at a time through
/// an `OutputStream`, which took seconds for a national cohort's result files.
public enum CSVText {
    public static func render(header: [String], rows: [[String]]) -> Data {
        var bytes: [UInt8] = [0xEF, 0xBB, 0xBF]
        bytes.reserveCapacity(rows.count * 128)
        appendRow(header, to: &bytes)
        for row in rows { appendRow(row.map(neutraliseFormula), to: &bytes) }
        return Data(bytes)
    }

    static func appendRow(_ fields: [String], to bytes: inout [UInt8]) {
        for (index, field) in fields.enumerated() {
            if index > 0 { bytes.append(UInt8(ascii: ",")) }
            let needsQuotes = field.utf8.contains {
                $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == 0x0A || $0 == 0x0D
            }
            guard needsQuotes else {
                bytes.append(contentsOf: field.utf8)
                continue
            }
            bytes.append(UInt8(ascii: "\""))
            for byte in field.utf8 {
                if byte == UInt8(ascii: "\"") { bytes.append(byte) }
                bytes.append(byte)
            }
            bytes.append(UInt8(ascii: "\""))
        }
        bytes.append(contentsOf: [0x0D, 0x0A])
    }

    /// A cell that starts like a formula (`=`, `+`, `-`, `@`) is prefixed with `'` so a
    /// spreadsheet shows it as text instead of running it (names come from a public form).
    static func neutraliseFormula(_ value: String) -> String {
        guard let first = value.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) else { return value }
        return "'" + value
    }
}
