import Foundation
import TandemCore

/// Reads the first sheet of an .xlsx workbook (Office Open XML, ECMA-376), as Microsoft Forms'
/// "Open results in Excel" downloads it, into the same table a CSV file gives.
///
/// Cells are read as Excel shows them with its default formats: shared, inline and formula
/// strings as text, booleans as `TRUE`/`FALSE`, numbers without a trailing `.0`, and numbers in
/// a date style as `YYYY-MM-DD HH:MM[:SS]`. A record's line is its row number in the sheet.
public enum XLSXReader {
    /// How much may be unzipped, and how many cells (empty ones between filled ones included)
    /// the table may have, so that a small file cannot take all memory.
    public struct Limits: Sendable {
        public var uncompressedBytes = CSVTable.maximumBytes
        public var cells = 50_000_000

        public init() {}
    }

    /// Parses workbook bytes (a ZIP archive) already in memory.
    /// - Throws: ``TandemFailure`` (data error, 65) naming the file, and the cell when one is at
    ///   fault, with what to do.
    public static func parse(_ data: Data, file: String, limits: Limits = Limits()) throws(TandemFailure) -> CSVTable {
        let package = try XLSXPackage(data, file: file, uncompressedLimit: limits.uncompressedBytes)
        let workbookPath = try officeDocumentPath(package)
        let workbookHandler = XLSXWorkbook.Handler()
        try parse(part: workbookPath, of: package, into: workbookHandler)
        let workbook = workbookHandler.workbook
        guard let sheet = workbook.sheets.first else {
            throw failure(file: file, "is a workbook without sheets; export the form responses again")
        }
        let relationships = XLSXWorkbook.RelationshipsHandler()
        try parse(part: XLSXWorkbook.relationshipsPath(of: workbookPath), of: package, into: relationships, required: false)
        guard let relationship = relationships.relationships.first(where: { $0.id == sheet.relationship })?.1 else {
            throw failure(
                file: file, "is damaged: its first sheet '\(sheet.name)' has no part; open it in Excel and save it again")
        }
        if !relationship.type.hasSuffix("/worksheet") {
            throw failure(
                file: file,
                "has a chart or dialog, not a table, as its first sheet '\(sheet.name)'; in Excel, move the sheet of responses to the front and save"
            )
        }
        let sheetPath = XLSXWorkbook.resolve(relationship.target, from: workbookPath)

        let strings = XLSXSharedStringsHandler()
        let stringsPath = relationships.target(ofType: "sharedStrings").map { XLSXWorkbook.resolve($0, from: workbookPath) }
        try parse(part: stringsPath ?? "xl/sharedStrings.xml", of: package, into: strings, required: stringsPath != nil)
        let styles = XLSXStylesHandler()
        let stylesPath = relationships.target(ofType: "styles").map { XLSXWorkbook.resolve($0, from: workbookPath) }
        try parse(part: stylesPath ?? "xl/styles.xml", of: package, into: styles, required: false)
        styles.finish()

        let cells = XLSXSheetHandler(sharedStrings: strings.strings, dateStyles: styles.dateStyles, date1904: workbook.date1904)
        try parse(part: sheetPath, of: package, into: cells)
        var table = try table(cells, file: file, sheet: sheet.name, limits: limits)
        table.format = .workbook(sheet: sheet.name)
        return table
    }

    /// The main part, from the package's relationships (`xl/workbook.xml` in every Excel file).
    private static func officeDocumentPath(_ package: XLSXPackage) throws(TandemFailure) -> String {
        let root = XLSXWorkbook.RelationshipsHandler()
        try parse(part: "_rels/.rels", of: package, into: root, required: false)
        if let target = root.target(ofType: "officeDocument") {
            let path = XLSXWorkbook.resolve(target, from: "")
            if path.hasSuffix("workbook.xml") || package.has(path) && path.hasPrefix("xl/") { return path }
        }
        if package.has("xl/workbook.xml") { return "xl/workbook.xml" }
        throw failure(file: package.file, "is \(otherKind(package)), not an Excel workbook; \(SignupFile.howToSave)")
    }

    /// What a ZIP archive without a workbook is, for the message.
    private static func otherKind(_ package: XLSXPackage) -> String {
        if package.has("content.xml") && package.has("mimetype") { return "an OpenDocument file (.ods, from LibreOffice)" }
        if package.has("word/document.xml") { return "a Word document" }
        if package.has("ppt/presentation.xml") { return "a PowerPoint presentation" }
        return "a ZIP archive"
    }

    /// Parses the part at `path` into `handler`; a missing part is an error when `required`.
    private static func parse(
        part path: String, of package: XLSXPackage, into handler: some XMLPartHandler, required: Bool = true
    ) throws(TandemFailure) {
        guard let data = try package.part(path) else {
            guard required else { return }
            throw failure(file: package.file, "is damaged: it has no \(path); open it in Excel and save it again")
        }
        if let problem = XMLPart.parse(data, into: handler) {
            throw failure(file: package.file, "cannot be read: \(path) \(problem); open it in Excel and save it again")
        }
    }

    /// The table of the sheet's cells: the first row with content is the header.
    private static func table(
        _ sheet: XLSXSheetHandler, file: String, sheet name: String, limits: Limits
    ) throws(TandemFailure) -> CSVTable {
        let rows = sheet.rows.filter { row in row.cells.contains { CSVTable.hasContent($0.value.utf8) } }
        guard let headerRow = rows.first else {
            throw failure(file: file, "has nothing in its first sheet '\(name)'; export the form responses again")
        }
        let width = headerRow.cells.map(\.column).max() ?? 0
        var cellCount = 0
        var records: [CSVTable.Record] = []
        records.reserveCapacity(rows.count)
        for row in rows {
            // Every row is as wide as the header, so that empty cells at the end (which the
            // file leaves out) are empty fields, not missing ones.
            let rowWidth = max(width, row.cells.map(\.column).max() ?? 0)
            cellCount += rowWidth
            guard cellCount <= limits.cells else {
                throw failure(
                    file: file,
                    "has more than \(limits.cells) cells in its first sheet '\(name)', over the limit for a sign-up file; is this the right file?"
                )
            }
            var fields = [String](repeating: "", count: rowWidth)
            for cell in row.cells { fields[cell.column - 1] = cell.value }
            records.append(CSVTable.Record(line: row.number, fields: fields))
        }
        let header = records[0].fields.map { $0.trimmingWhitespace() }
        let longCells = CSVTable.longCellProblems(records, header: header, file: file)
        guard longCells.isEmpty else {
            throw TandemFailure(
                .dataError, "\(file) has \(longCells.count) cell(s) over the \(CSVTable.maximumCellCharacters)-character limit:",
                problems: longCells)
        }
        let warnings = sheet.errorCells.map { cell in
            let heading = cell.column <= header.count && !header[cell.column - 1].isEmpty ? header[cell.column - 1] : nil
            let reference = XLSXSheetHandler.reference(row: cell.row, column: cell.column)
            return InputProblem(
                .warning, file: file, line: cell.row, field: heading,
                message:
                    "cell \(reference) holds the Excel error \(cell.error.isEmpty ? "value" : cell.error), read as empty; correct its formula or type the value in Excel"
            )
        }
        return CSVTable(file: file, header: header, records: Array(records.dropFirst()), warnings: warnings)
    }

    /// A data error (65) about `file`.
    static func failure(file: String, _ message: String) -> TandemFailure {
        TandemFailure(.dataError, problem: InputProblem(file: file, message: message))
    }
}
