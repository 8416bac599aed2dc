import Foundation
import TandemCore
import Testing

@testable import TandemInput

@Suite("Reading .xlsx workbooks")
struct XLSXReaderTests {
    /// Shared strings as Excel writes them: plain, with kept spaces, rich text in runs (with a
    /// phonetic guide that is not part of the text), escapes, and a literal `_x000D_`.
    static let sharedStrings = [
        "<si><t>ID</t></si>",
        "<si><t>Name</t></si>",
        "<si><t xml:space=\"preserve\">What’s your e-mail? </t></si>",
        "<si><r><rPr><b/></rPr><t xml:space=\"preserve\">Kaur, </t></r><r><t>Amrit</t></r><rPh sb=\"0\" eb=\"1\"><t>カ</t></rPh></si>",
        "<si><t>line one_x000D_\nline two</t></si>",
        "<si><t>keep _x005F_x000D_ as typed</t></si>",
        "<si><t>Racism in services;Housing;</t></si>",
        "<si><t>1-2</t></si>",
    ]

    func parse(_ data: Data, file: String = "mentors.xlsx") throws -> CSVTable {
        try SignupFile.parse(data, file: file)
    }

    @Test func readsEveryCellTypeAsExcelShowsIt() throws {
        let sheetData = """
            <row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c>\
            <c r="D1" t="inlineStr"><is><t>Notes</t></is></c><c r="E1" t="inlineStr"><is><t>Flag</t></is></c>\
            <c r="F1" t="inlineStr"><is><t>Formula</t></is></c><c r="G1" t="inlineStr"><is><t>Count</t></is></c></row>\
            <row r="2"><c r="A2"><v>1</v></c><c r="B2" t="s"><v>3</v></c><c r="C2" t="s"><v>2</v></c>\
            <c r="D2" t="s"><v>4</v></c><c r="E2" t="b"><v>1</v></c><c r="F2" t="str"><f>A2&amp;"x"</f><v>1x</v></c>\
            <c r="G2"><v>7700900123</v></c></row>\
            <row r="3"><c r="A3" t="n"><v>2</v></c><c r="B3" t="inlineStr"><is><r><t>Jo </t></r><r><t>Bloggs</t></r></is></c>\
            <c r="D3" t="s"><v>5</v></c><c r="E3" t="b"><v>0</v></c><c r="F3" t="s"><v>6</v></c><c r="G3"><v>0.30000000000000004</v></c></row>\
            <row r="4"><c r="A4"><v>3</v></c><c r="B4" t="s"><v>7</v></c><c r="G4"><v>-2.5</v></c></row>
            """
        let table = try parse(try TestWorkbook.workbook(sheetData: sheetData, sharedStrings: Self.sharedStrings))
        #expect(table.header == ["ID", "Name", "What’s your e-mail?", "Notes", "Flag", "Formula", "Count"])
        #expect(
            table.records.map(\.fields) == [
                ["1", "Kaur, Amrit", "What’s your e-mail? ", "line one\r\nline two", "TRUE", "1x", "7700900123"],
                ["2", "Jo Bloggs", "", "keep _x000D_ as typed", "FALSE", "Racism in services;Housing;", "0.3"],
                ["3", "1-2", "", "", "", "", "-2.5"],
            ])
        #expect(table.records.map(\.line) == [2, 3, 4])
        #expect(table.format == .workbook(sheet: "Form1"))
        #expect(table.format.description == "Excel workbook (.xlsx), sheet 'Form1'")
        #expect(table.warnings.isEmpty)
    }

    @Test func sparseRowsAndCellsKeepTheirRowsAndColumns() throws {
        // Row 1 is empty, the header is on row 2 with a gap at B; rows 3 and 6 are missing;
        // row 4 has only its last column and row 5 has cells without references; row 7 holds
        // only blank text, and rows after the data are empty but present (as Excel leaves them).
        let sheetData = """
            <row r="1"/><row r="2"><c r="A2" t="inlineStr"><is><t>id</t></is></c>\
            <c r="C2" t="inlineStr"><is><t>name</t></is></c><c r="D2" t="inlineStr"><is><t>email</t></is></c></row>\
            <row r="4"><c r="D4" t="inlineStr"><is><t>x@example.org</t></is></c></row>\
            <row r="5"><c t="inlineStr"><is><t>M1</t></is></c><c t="inlineStr"><is><t>b</t></is></c></row>\
            <row r="7"><c r="B7" t="inlineStr"><is><t xml:space="preserve">   </t></is></c></row>\
            <row r="8"><c r="AA8" t="inlineStr"><is><t>far</t></is></c></row>\
            <row r="9"/><row r="10"><c r="A10" s="0"/></row>
            """
        let table = try parse(try TestWorkbook.workbook(sheetData: sheetData))
        #expect(table.header == ["id", "", "name", "email"])
        #expect(table.records.map(\.line) == [4, 5, 8])
        #expect(table.records[0].fields == ["", "", "", "x@example.org"])
        #expect(table.records[1].fields == ["M1", "b", "", ""])
        #expect(table.records[2].fields.count == 27)
        #expect(table.records[2].fields[26] == "far")
    }

    @Test func cellsOutOfColumnOrderLandInTheirColumns() throws {
        let sheetData = """
            <row r="1"><c r="B1" t="inlineStr"><is><t>name</t></is></c><c r="A1" t="inlineStr"><is><t>id</t></is></c></row>\
            <row r="2"><c r="B2" t="inlineStr"><is><t>Jo</t></is></c><c r="A2"><v>1</v></c></row>
            """
        let table = try parse(try TestWorkbook.workbook(sheetData: sheetData))
        #expect(table.header == ["id", "name"])
        #expect(table.records.map(\.fields) == [["1", "Jo"]])
    }

    @Test func aPrefixedMainNamespaceReadsTheSame() throws {
        let sheetData = """
            <x:row r="1"><x:c r="A1" t="inlineStr"><x:is><x:t>id</x:t></x:is></x:c></x:row>\
            <x:row r="2"><x:c r="A2"><x:v>5</x:v></x:c></x:row>
            """
        let table = try parse(try TestWorkbook.workbook(sheetData: sheetData, prefix: "x:"))
        #expect(table.header == ["id"])
        #expect(table.records.map(\.fields) == [["5"]])
    }

    @Test func readsTheFirstSheetInWorkbookOrder() throws {
        let data = try TestWorkbook.workbook(
            sheetData: "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>first</t></is></c></row>", sheetName: "Sheet1",
            otherSheets: ["Form1"])
        let table = try parse(data)
        #expect(table.header == ["first"])
        #expect(table.format.description == "Excel workbook (.xlsx), sheet 'Sheet1'")
    }

    /// A date column in each style, and serial numbers around the fictitious 1900-02-29.
    @Test(arguments: [
        (14, "59", "1900-02-28"),
        (14, "60", "1900-02-29"),
        (14, "61", "1900-03-01"),
        (14, "1", "1900-01-01"),
        (14, "46329", "2026-11-03"),
        (22, "46329.58694444445", "2026-11-03 14:05:12"),
        (22, "46329.5", "2026-11-03 12:00"),
        (22, "46329", "2026-11-03 00:00"),
        (20, "0.75", "18:00"),
        (21, "0.5006944444444444", "12:01:00"),
        (15, "2958465", "9999-12-31"),
        (14, "-1", "-1"),
        (0, "46329", "46329"),
        (2, "46329.25", "46329.25"),
        // A custom format: day first, with time; with text in quotes that has d, m and y.
        (164, "46329.25", "2026-11-03 06:00"),
        (165, "46329.25", "46329.25"),
        (166, "1.5", "1.5"),
        (167, "46329", "2026-11-03"),
    ])
    func readsDatesByCellStyle(format: Int, value: String, expected: String) throws {
        let custom = [164: "dd/mm/yyyy hh:mm", 165: "0.00 \"days\"", 166: "[h]:mm", 167: "[$-en-GB]d mmmm yyyy;@"]
        let sheetData = """
            <row r="1"><c r="A1" t="inlineStr"><is><t>when</t></is></c></row>\
            <row r="2"><c r="A2" s="1"><v>\(value)</v></c></row>
            """
        let data = try TestWorkbook.workbook(sheetData: sheetData, cellFormats: [format], customFormats: custom)
        #expect(try parse(data).records.first?.fields == [expected])
    }

    @Test(arguments: [("0", "1904-01-01"), ("1", "1904-01-02"), ("44867.5", "2026-11-03 12:00")])
    func readsTheDate1904System(value: String, expected: String) throws {
        let sheetData = """
            <row r="1"><c r="A1" t="inlineStr"><is><t>when</t></is></c></row>\
            <row r="2"><c r="A2" s="1"><v>\(value)</v></c></row>
            """
        let data = try TestWorkbook.workbook(sheetData: sheetData, cellFormats: [22], date1904: true)
        let expectedText = value == "44867.5" ? expected : expected + " 00:00"
        #expect(try parse(data).records.first?.fields == [expectedText])
    }

    @Test func anErrorCellIsEmptyWithAWarningNamingTheCell() throws {
        let sheetData = """
            <row r="1"><c r="A1" t="inlineStr"><is><t>id</t></is></c><c r="B1" t="inlineStr"><is><t>score</t></is></c></row>\
            <row r="2"><c r="A2" t="inlineStr"><is><t>M1</t></is></c><c r="B2" t="e"><f>1/0</f><v>#DIV/0!</v></c></row>
            """
        let table = try parse(try TestWorkbook.workbook(sheetData: sheetData))
        #expect(table.records.map(\.fields) == [["M1", ""]])
        let warning = try #require(table.warnings.first)
        #expect(warning.severity == .warning)
        #expect(warning.line == 2)
        #expect(warning.field == "score")
        #expect(warning.message.contains("cell B2 holds the Excel error #DIV/0!"))
    }

    @Test func aMissingSharedStringNamesTheCell() throws {
        let sheetData = "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c><c r=\"B1\" t=\"s\"><v>9</v></c></row>"
        let data = try TestWorkbook.workbook(sheetData: sheetData, sharedStrings: ["<si><t>id</t></si>"])
        let failure = try #require(throws: TandemFailure.self) { try parse(data) }
        #expect(failure.kind == .dataError)
        #expect(failure.description.contains("mentors.xlsx"))
        #expect(failure.description.contains("cell B1 refers to shared string '9'"))
    }

    @Test func aCellOverTheLengthLimitIsNamedByRowAndHeading() throws {
        let long = String(repeating: "x", count: CSVTable.maximumCellCharacters + 1)
        let data = try TestWorkbook.text([["id", "notes"], ["M1", long]])
        let failure = try #require(throws: TandemFailure.self) { try parse(data) }
        #expect(failure.problems.first?.line == 2)
        #expect(failure.problems.first?.field == "notes")
    }

    @Test func anEmptySheetSaysSo() throws {
        let failure = try #require(throws: TandemFailure.self) {
            try parse(try TestWorkbook.workbook(sheetData: "<row r=\"1\"/>"))
        }
        #expect(failure.description.contains("has nothing in its first sheet 'Form1'"))
    }
}

@Suite("Files that are not .xlsx workbooks")
struct XLSXRefusalTests {
    func failure(_ data: Data, limits: XLSXReader.Limits = XLSXReader.Limits()) throws -> TandemFailure {
        try #require(throws: TandemFailure.self) {
            if limits.uncompressedBytes != XLSXReader.Limits().uncompressedBytes {
                return try XLSXReader.parse(data, file: "mentees.xlsx", limits: limits)
            }
            return try SignupFile.parse(data, file: "mentees.xlsx")
        }
    }

    @Test func aZipWithoutAWorkbookSaysHowToSave() throws {
        let data = try TestWorkbook.zip([("notes.txt", Data("hello".utf8))])
        let failure = try failure(data)
        #expect(failure.kind == .dataError)
        #expect(failure.description.contains("mentees.xlsx: error: is a ZIP archive, not an Excel workbook"))
        #expect(failure.description.contains("Save As"))
    }

    @Test func anOpenDocumentSpreadsheetIsNamedAsOne() throws {
        let data = try TestWorkbook.zip([
            ("mimetype", Data("application/vnd.oasis.opendocument.spreadsheet".utf8)), ("content.xml", Data("<x/>".utf8)),
        ])
        #expect(try failure(data).description.contains("OpenDocument"))
    }

    @Test func anOldExcelWorkbookSaysToSaveItAsXLSX() throws {
        let data = Data([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] + [UInt8](repeating: 0, count: 504))
        let failure = try failure(data)
        #expect(failure.description.contains("Excel 97-2003 workbook (.xls)"))
        #expect(failure.description.contains("Excel Workbook (.xlsx)"))
    }

    @Test(arguments: [0.3, 0.6, 0.95])
    func aTruncatedWorkbookIsDamaged(keeping fraction: Double) throws {
        let whole = try TestWorkbook.text([["id", "name"], ["M1", "Amrit"]])
        let data = whole.prefix(Int(Double(whole.count) * fraction))
        let failure = try failure(Data(data))
        #expect(failure.kind == .dataError)
        #expect(failure.description.contains("damaged or incomplete"))
    }

    @Test func aSheetThatUnzipsTooLargeIsRefused() throws {
        // 2 MB of one repeated cell compresses to a few kilobytes.
        let row = "<row><c t=\"inlineStr\"><is><t>x</t></is></c></row>"
        let data = try TestWorkbook.workbook(sheetData: String(repeating: row, count: 2_000_000 / row.utf8.count))
        #expect(data.count < 100_000)
        var limits = XLSXReader.Limits()
        limits.uncompressedBytes = 1_000_000
        let failure = try failure(data, limits: limits)
        #expect(failure.description.contains("unzips to more than 1000000 bytes (at xl/worksheets/sheet1.xml)"))
    }

    @Test func tooManyCellsAreRefused() throws {
        var limits = XLSXReader.Limits()
        limits.cells = 10
        let data = try TestWorkbook.text([["a", "b", "c"], ["1", "2", "3"], ["4", "5", "6"], ["7", "8", "9"]])
        let failure = try #require(throws: TandemFailure.self) { try XLSXReader.parse(data, file: "m.xlsx", limits: limits) }
        #expect(failure.description.contains("more than 10 cells"))
    }

    @Test func aDocumentTypeDeclarationIsRefused() throws {
        let bomb = """
            <?xml version="1.0"?><!DOCTYPE lol [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;">]>\
            <sst xmlns="\(TestWorkbook.mainNamespace)"><si><t>&lol2;</t></si></sst>
            """
        var data = try TestWorkbook.workbook(sheetData: "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c></row>", sharedStrings: [])
        // Replace the shared strings part by the one above.
        let archive = try TestWorkbook.zipParts(of: data).map { part in
            part.path == "xl/sharedStrings.xml" ? (part.path, Data(bomb.utf8)) : part
        }
        data = try TestWorkbook.zip(archive)
        #expect(try failure(data).description.contains("document type declaration"))
    }

    @Test func malformedXMLNamesThePart() throws {
        let data = try TestWorkbook.workbook(sheetData: "<row r=\"1\"><c r=\"A1\"><v>1</v></row>")
        let failure = try failure(data)
        #expect(failure.description.contains("xl/worksheets/sheet1.xml is not well-formed XML"))
    }

    @Test func aPartThatStopsBeforeItsElementsCloseIsRefused() throws {
        let data = try TestWorkbook.workbook(sheetData: "<row r=\"1\"><c r=\"A1\"><v>1</v></c></row>")
        let parts = try TestWorkbook.zipParts(of: data).map { part in
            part.path == "xl/worksheets/sheet1.xml"
                ? (part.path, Data("<worksheet xmlns=\"\(TestWorkbook.mainNamespace)\"><sheetData><row r=\"1\">".utf8)) : part
        }
        let failure = try failure(try TestWorkbook.zip(parts))
        #expect(failure.description.contains("xl/worksheets/sheet1.xml is not well-formed XML"))
    }
}
