import Foundation
import TandemCore
import Testing

@testable import TandemInput

/// Workbooks made by `scripts/xlsx-from-csv` (the layout of Microsoft Forms' download), kept
/// in Fixtures/ with the CSV files they were made from, so that these tests need no Python.
@Suite("Reading Forms-style .xlsx fixtures")
struct XLSXFixtureTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")
    static let data = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Data")

    @Test func aFormsExportReadsWithDatesAsISOText() throws {
        let table = try SignupFile.read(path: Self.fixtures.appendingPathComponent("forms-export.xlsx").path)
        #expect(table.format == .workbook(sheet: "Form1"))
        #expect(table.header.prefix(6) == ["ID", "Start time", "Completion time", "Email", "Name", "Last modified time"])
        // Headings are trimmed, as in a CSV file; the curly apostrophe stays.
        #expect(table.header[6...7] == ["What’s your name?", "Your e-mail address"])
        #expect(table.records.map(\.line) == [2, 3, 4])
        #expect(
            table.records[0].fields == [
                "1", "2026-11-03 14:05:12", "2026-11-03 14:09:40", "anonymous", "", "", "Amrit Kaur", "amrit@example.org",
                "Racism in services;Housing;", "2", "Yes, I consent",
            ])
        #expect(table.records[1].fields[1...2] == ["2026-11-03 18:30", "2026-11-03 18:41"])
        #expect(table.records[1].fields[5] == "2026-11-04 09:15")
        #expect(table.records[2].fields[6] == "Renée Côté")
        #expect(table.records[2].fields[8] == "")
        #expect(table.records[2].fields[9] == "0")
    }

    /// The sample cohort as workbooks reads cell for cell as its CSV files do.
    @Test(arguments: ["mentors", "mentees"])
    func theSampleCohortReadsAsItsCSV(name: String) throws {
        let workbook = try SignupFile.read(path: Self.fixtures.appendingPathComponent("\(name).xlsx").path)
        let csv = try SignupFile.read(path: Self.data.appendingPathComponent("\(name).csv").path)
        #expect(workbook.header == csv.header)
        #expect(workbook.records.map(\.fields) == csv.records.map(\.fields))
        #expect(workbook.records.map(\.line) == csv.records.map(\.line))
    }
}
