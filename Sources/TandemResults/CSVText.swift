import Foundation
import TandemCore

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

    /// A cell as it is written: ``clean(_:)``, then prefixed with `'` when it starts like a
    /// formula (`=`, `+`, `-`, `@`, `|`, their full-width forms or a byte order mark), so a spreadsheet shows it as text instead of running it (names come from
    /// a public form).
    static func neutraliseFormula(_ value: String) -> String {
        let cleaned = clean(value)
        guard let first = cleaned.unicodeScalars.first, formulaStarts.contains(first) else { return cleaned }
        return "'" + cleaned
    }

    /// The first characters that make a spreadsheet read a cell as a formula or a command.
    static let formulaStarts: Set<Unicode.Scalar> = [
        "=", "+", "-", "@", "|", "\u{FEFF}", "\u{FF1D}", "\u{FF0B}", "\u{FF0D}", "\u{FF20}",
    ]

    /// `value` without control characters (each becomes a space, so a tab or a line break
    /// cannot start a formula or split a row either) and without the invisible
    /// marks that reorder text (bidirectional embeddings, overrides, isolates and marks), which
    /// could make one name look like another. Text of printable ASCII, the usual case, is
    /// returned as it is.
    static func clean(_ value: String) -> String {
        if value.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) { return value }
        guard value.unicodeScalars.contains(where: { isControl($0) || $0.isDirectionControl }) else { return value }
        var result = String.UnicodeScalarView()
        for scalar in value.unicodeScalars where !scalar.isDirectionControl {
            result.append(isControl(scalar) ? " " : scalar)
        }
        return String(result)
    }

    static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)
    }
}
