/// What a sign-up file turned out to be, found from its content, as told to the coordinator
/// in one line (a file saved in an unexpected way is the first thing to rule out when answers
/// look garbled).
public enum SignupFileFormat: Sendable, Hashable, CustomStringConvertible {
    /// An Office Open XML workbook; the first sheet is read.
    case workbook(sheet: String)
    /// Delimited text.
    case text(encoding: TextEncoding, byteOrderMark: Bool, separator: CSVSeparator)

    /// The character encodings a delimited file is read in.
    public enum TextEncoding: String, Sendable, Hashable {
        case utf8 = "UTF-8"
        /// What Excel's plain "CSV (Comma delimited)" writes on Windows in Western Europe.
        case windows1252 = "Windows-1252"
        /// What Excel's "Unicode Text" writes.
        case utf16LittleEndian = "UTF-16LE"
        case utf16BigEndian = "UTF-16BE"
    }

    /// `Excel workbook (.xlsx), sheet 'Form1'`, `CSV, UTF-8 with BOM, comma-separated`,
    /// `Unicode text (UTF-16LE, tab-separated)` ...
    public var description: String {
        switch self {
        case .workbook(let sheet):
            return "Excel workbook (.xlsx), sheet '\(sheet)'"
        case .text(let encoding, let byteOrderMark, let separator):
            switch encoding {
            case .utf16LittleEndian, .utf16BigEndian:
                return "Unicode text (\(encoding.rawValue), \(separator.name)-separated)"
            case .windows1252:
                // Said plainly: such a file cannot hold every script, so a name may have been
                // changed to '?' when it was saved.
                return "CSV, \(encoding.rawValue) (not UTF-8), \(separator.name)-separated"
            case .utf8:
                let kind = separator == .tab ? "Tab-separated text" : "CSV"
                return "\(kind), UTF-8\(byteOrderMark ? " with BOM" : ""), \(separator.name)-separated"
            }
        }
    }
}

/// The field separators a delimited sign-up file may use.
public enum CSVSeparator: UInt8, Sendable, Hashable, CaseIterable {
    case comma = 0x2C
    /// Excel's list separator where the decimal mark is a comma (most of Europe).
    case semicolon = 0x3B
    /// Excel's "Unicode Text" and "Text (Tab delimited)".
    case tab = 0x09

    /// How the separator is named in messages.
    public var name: String {
        switch self {
        case .comma: "comma"
        case .semicolon: "semicolon"
        case .tab: "tab"
        }
    }
}
