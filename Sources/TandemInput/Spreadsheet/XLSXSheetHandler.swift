import Foundation
import TandemCore

/// Reads a worksheet part into its non-empty cells, row by row.
///
/// Rows and cells are sparse: an empty cell is usually not written at all, so each cell's
/// column comes from the letters of its reference (`C7`), and a missing reference means the
/// next column (or row).
final class XLSXSheetHandler: XMLPartHandler {
    struct Row {
        var number: Int
        var cells: [(column: Int, value: String)]
    }

    /// A cell holding an Excel error (`#N/A`, `#VALUE!` ...), read as empty.
    struct ErrorCell {
        var row: Int
        var column: Int
        var error: String
    }

    /// Excel's largest sheet: 1,048,576 rows by 16,384 columns (XFD).
    static let maximumRow = 1_048_576
    static let maximumColumn = 16_384

    var rows: [Row] = []
    var errorCells: [ErrorCell] = []
    var failure: String?

    private let sharedStrings: [String]
    private let dateStyles: [ExcelDate.Style?]
    private let date1904: Bool

    private var inSheetData = false
    private var rowNumber = 0
    private var cells: [(column: Int, value: String)] = []
    private var column = 0
    private var cellType = ""
    private var cellStyle = 0
    private var inValue = false
    private var inInlineString = false
    private var inText = false
    private var phoneticDepth = 0
    private var buffer = ""

    init(sharedStrings: [String], dateStyles: [ExcelDate.Style?], date1904: Bool) {
        self.sharedStrings = sharedStrings
        self.dateStyles = dateStyles
        self.date1904 = date1904
    }

    func start(_ element: String, attributes: XMLAttributes) {
        switch element {
        case "sheetData":
            inSheetData = true
        case "row" where inSheetData:
            if let text = attributes["r"] {
                guard let number = Int(text), number > rowNumber, number <= Self.maximumRow else {
                    failure = "has a row numbered '\(text)' after row \(rowNumber)"
                    return
                }
                rowNumber = number
            } else {
                rowNumber += 1
            }
            cells = []
            column = 0
        case "c" where inSheetData:
            if let reference = attributes["r"] {
                guard let parsed = Self.column(ofReference: reference) else {
                    failure = "has a cell reference '\(reference)' that is not a cell in row \(rowNumber)"
                    return
                }
                column = parsed
            } else {
                column += 1
            }
            guard column <= Self.maximumColumn else {
                failure = "has a cell beyond column XFD in row \(rowNumber)"
                return
            }
            cellType = attributes["t"] ?? "n"
            cellStyle = attributes["s"].flatMap(Int.init) ?? 0
            buffer = ""
        case "v":
            inValue = true
        case "is":
            inInlineString = true
        case "rPh":
            phoneticDepth += 1
        case "t":
            inText = inInlineString && phoneticDepth == 0
        default:
            break
        }
    }

    func end(_ element: String) {
        switch element {
        case "sheetData":
            inSheetData = false
        case "row" where inSheetData:
            if !cells.isEmpty { rows.append(Row(number: rowNumber, cells: cells)) }
        case "c" where inSheetData:
            if let value = value(), !value.isEmpty { cells.append((column, value)) }
        case "v":
            inValue = false
        case "is":
            inInlineString = false
        case "rPh":
            phoneticDepth -= 1
        case "t":
            inText = false
        default:
            break
        }
    }

    func characters(_ text: String) {
        if inValue || inText { buffer += text }
    }

    /// The text of the cell just read (from ``buffer``), `nil` after a failure.
    private func value() -> String? {
        switch cellType {
        case "s":
            if buffer.isEmpty { return "" }
            guard let index = Int(buffer.trimmingWhitespace()), sharedStrings.indices.contains(index) else {
                failure =
                    "cell \(Self.reference(row: rowNumber, column: column)) refers to shared string '\(buffer)', which the workbook does not have"
                return nil
            }
            return sharedStrings[index]
        case "inlineStr", "str":
            return XLSXText.unescaped(buffer)
        case "b":
            switch buffer.trimmingWhitespace().lowercased() {
            case "1", "true": return "TRUE"
            case "0", "false": return "FALSE"
            default: return buffer
            }
        case "e":
            errorCells.append(ErrorCell(row: rowNumber, column: column, error: buffer.trimmingWhitespace()))
            return ""
        case "d":
            // An ISO 8601 date (strict Open XML): shown the way date serials are.
            var text = buffer.trimmingWhitespace().replacingOccurrences(of: "T", with: " ")
            if text.hasSuffix("Z") { text.removeLast() }
            if let dot = text.firstIndex(of: ".") { text = String(text[..<dot]) }
            if text.hasSuffix(" 00:00:00") { text.removeLast(9) }
            return text
        default:
            guard !buffer.isEmpty else { return "" }
            if cellStyle < dateStyles.count, let style = dateStyles[cellStyle], let serial = Double(buffer),
                let date = ExcelDate.text(serial, style: style, date1904: date1904)
            {
                return date
            }
            return XLSXText.number(buffer)
        }
    }

    /// The 1-based column of a reference like `AB12` (its letters), `nil` when it has none.
    static func column(ofReference reference: String) -> Int? {
        var column = 0
        var letters = 0
        for unit in reference.utf8 {
            switch unit {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"): column = column * 26 + Int(unit - UInt8(ascii: "A")) + 1
            case UInt8(ascii: "a")...UInt8(ascii: "z"): column = column * 26 + Int(unit - UInt8(ascii: "a")) + 1
            case UInt8(ascii: "$"): continue
            default:
                return letters > 0 ? column : nil
            }
            letters += 1
            if letters > 3 { return nil }
        }
        return letters > 0 ? column : nil
    }

    /// `C7` for row 7, column 3.
    static func reference(row: Int, column: Int) -> String {
        var letters = ""
        var remaining = column
        while remaining > 0 {
            let digit = (remaining - 1) % 26
            letters = String(UnicodeScalar(UInt8(65 + digit))) + letters
            remaining = (remaining - 1) / 26
        }
        return "\(letters)\(row)"
    }
}
