/// Reads `styles.xml` far enough to know which cell styles show a number as a date: a cell's
/// `s` attribute indexes `cellXfs`, whose `numFmtId` is a built-in format or one of `numFmts`.
final class XLSXStylesHandler: XMLPartHandler {
    /// For each cell style (index into `cellXfs`), its date style, or `nil` when not a date.
    var dateStyles: [ExcelDate.Style?] = []
    var failure: String?
    private var customFormats: [Int: String] = [:]
    private var formatIDs: [Int] = []
    private var inCellFormats = false

    func start(_ element: String, attributes: XMLAttributes) {
        switch element {
        case "numFmt":
            if let id = attributes["numFmtId"].flatMap(Int.init), let code = attributes["formatCode"] {
                customFormats[id] = code
            }
        case "cellXfs":
            inCellFormats = true
        case "xf" where inCellFormats:
            formatIDs.append(attributes["numFmtId"].flatMap(Int.init) ?? 0)
        default:
            break
        }
    }

    func end(_ element: String) {
        guard element == "cellXfs" else { return }
        inCellFormats = false
        // Known only once every custom format is read (numFmts comes first in Excel's files,
        // but the order is not relied on).
    }

    func characters(_ text: String) {}

    /// Works out ``dateStyles`` once the part is read.
    func finish() {
        dateStyles = formatIDs.map { id in
            if let code = customFormats[id] { return Self.dateStyle(formatCode: code) }
            return Self.builtInDateStyles[id]
        }
    }

    /// The built-in formats that show dates or times (ECMA-376 Part 1, 18.8.30), with 27–36 and
    /// 50–58, the dates of East Asian versions of Excel.
    static let builtInDateStyles: [Int: ExcelDate.Style] = {
        var styles: [Int: ExcelDate.Style] = [:]
        for id in [14, 15, 16, 17] { styles[id] = ExcelDate.Style() }
        styles[18] = ExcelDate.Style(hasDate: false, hasTime: true)
        styles[19] = ExcelDate.Style(hasDate: false, hasTime: true, hasSeconds: true)
        styles[20] = ExcelDate.Style(hasDate: false, hasTime: true)
        styles[21] = ExcelDate.Style(hasDate: false, hasTime: true, hasSeconds: true)
        styles[22] = ExcelDate.Style(hasDate: true, hasTime: true)
        styles[45] = ExcelDate.Style(hasDate: false, hasTime: true, hasSeconds: true)
        styles[46] = ExcelDate.Style(hasDate: false, hasTime: true, hasSeconds: true)
        styles[47] = ExcelDate.Style(hasDate: false, hasTime: true, hasSeconds: true)
        for id in Array(27...36) + Array(50...58) { styles[id] = ExcelDate.Style() }
        return styles
    }()

    /// Whether a custom format code shows a date or time: it has `d`, `m`, `y` or `h` outside
    /// quoted text, `[...]` (colours, locales, conditions) and escaped characters. A format of
    /// elapsed time (`[h]:mm`) is a duration, not a date, and stays a number.
    static func dateStyle(formatCode: String) -> ExcelDate.Style? {
        var letters = ""
        var elapsed = false
        var iterator = formatCode.lowercased().makeIterator()
        while let character = iterator.next() {
            switch character {
            case "\"":
                while let next = iterator.next(), next != "\"" {}
            case "[":
                var inside = ""
                while let next = iterator.next(), next != "]" { inside.append(next) }
                if !inside.isEmpty && inside.allSatisfy({ "hms".contains($0) }) { elapsed = true }
            case "\\", "_", "*":
                _ = iterator.next()
            default:
                letters.append(character)
            }
        }
        guard !elapsed, letters.contains(where: { "dmyh".contains($0) }) else { return nil }
        return ExcelDate.Style(
            hasDate: letters.contains { "dy".contains($0) } || letters.contains("m") && !letters.contains { "hs".contains($0) },
            hasTime: letters.contains("h") || letters.contains("s"),
            hasSeconds: letters.contains("s"))
    }
}
