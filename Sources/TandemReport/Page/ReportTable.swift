/// A table of the page: a caption, column headings and rows of cells.
struct ReportTable {
    struct Cell {
        var text: String
        var isNumber = false
        /// Names the number for checks against `matches.json` (`data-key`); `nil` for most cells.
        var key: String?

        init(_ text: String, isNumber: Bool = false, key: String? = nil) {
            self.text = text
            self.isNumber = isNumber
            self.key = key
        }

        static func number(_ text: String, key: String? = nil) -> Cell { Cell(text, isNumber: true, key: key) }
        static func number(_ value: Int, key: String? = nil) -> Cell { Cell(String(value), isNumber: true, key: key) }
    }

    var caption: String
    /// Headings; a heading ending in `#` is right-aligned (numbers), the `#` not shown.
    var headings: [String]
    var rows: [[Cell]]
    /// Shown as one row spanning the table when there are no rows.
    var empty = "None."
    /// Where the rows past ``rowsShownAtMost`` are, for the line that says they are not shown.
    var restIn: String? = nil
    /// How many rows there are when ``rows`` holds only those shown (see
    /// ``init(caption:headings:items:empty:restIn:row:)``).
    var rowCount: Int? = nil

    /// A page holding a national cohort's every row would be too large to open or print.
    static let rowsShownAtMost = 1_000

    var html: String {
        var out = "<div class=\"wide\"><table>\n<caption>\(caption.html)</caption>\n<thead><tr>"
        for heading in headings {
            let isNumber = heading.hasSuffix("#")
            let text = isNumber ? String(heading.dropLast()) : heading
            out += "<th scope=\"col\"\(isNumber ? " class=\"n\"" : "")>\(text.html)</th>"
        }
        out += "</tr></thead>\n<tbody>\n"
        if rows.isEmpty {
            out += "<tr><td colspan=\"\(headings.count)\">\(empty.html)</td></tr>\n"
        }
        let limit = restIn == nil ? rows.count : Self.rowsShownAtMost
        for row in rows.prefix(limit) {
            out += "<tr>"
            for (index, cell) in row.enumerated() {
                let tag = index == 0 && !cell.isNumber ? "th scope=\"row\"" : "td"
                let close = index == 0 && !cell.isNumber ? "th" : "td"
                var attributes = cell.isNumber ? " class=\"n\"" : ""
                if let key = cell.key { attributes += " data-key=\"\(key.html)\"" }
                out += "<\(tag)\(attributes)>\(cell.text.html)</\(close)>"
            }
            out += "</tr>\n"
        }
        let total = rowCount ?? rows.count
        if total > limit, let restIn {
            out +=
                "<tr><td colspan=\"\(headings.count)\">The first \(limit) of \(total) rows; all of them are in \(restIn.html).</td></tr>\n"
        }
        return out + "</tbody></table></div>"
    }
}

extension ReportTable {
    /// A table of `items` whose rows past ``rowsShownAtMost`` are in `restIn`: only the rows
    /// shown are made (a large cohort has thousands more), and the line under them counts all.
    /// - Parameter row: the cells of the item at an offset from the first.
    init<Items: Collection>(
        caption: String, headings: [String], items: Items, empty: String = "None.", restIn: String,
        row: (_ offset: Int, _ item: Items.Element) -> [Cell]
    ) {
        self.init(
            caption: caption, headings: headings, rows: items.prefix(Self.rowsShownAtMost).enumerated().map(row),
            empty: empty, restIn: restIn, rowCount: items.count)
    }
}
