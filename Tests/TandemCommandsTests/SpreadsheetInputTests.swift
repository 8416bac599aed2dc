import Foundation
import Testing

/// `tandem validate` and `tandem match` on the sample cohort saved as .xlsx workbooks.
@Suite("Sign-up workbooks on the command line")
struct SpreadsheetInputTests {
    static let fixtures = CLI.repository.appendingPathComponent("Tests/TandemInputTests/Fixtures")

    static func arguments(_ command: String) -> [String] {
        [
            command, "--mentors", fixtures.appendingPathComponent("mentors.xlsx").path, "--mentees",
            fixtures.appendingPathComponent("mentees.xlsx").path, "--config", CLI.data.appendingPathComponent("tandem.yaml").path,
        ]
    }

    @Test func validateAcceptsWorkbooksAndSaysWhatItRead() throws {
        let (status, output) = try CLI.capturingOutput { CLI.run(Self.arguments("validate")) }
        let text = String(decoding: output, as: UTF8.self)
        #expect(status == 0)
        let mentors = Self.fixtures.appendingPathComponent("mentors.xlsx").path
        let mentees = Self.fixtures.appendingPathComponent("mentees.xlsx").path
        #expect(text.contains("# \(mentors): Excel workbook (.xlsx), sheet 'Form1'\n"))
        #expect(text.contains("# \(mentees): Excel workbook (.xlsx), sheet 'Sheet1'\n"))
    }

    @Test func matchOnWorkbooksPairsAsOnTheCSVFiles() throws {
        let folder = CLI.scratch()
        let fromWorkbooks = folder.appendingPathComponent("xlsx")
        let fromCSV = folder.appendingPathComponent("csv")
        let (status, output) = try CLI.capturingOutput {
            CLI.run(Self.arguments("match") + ["--out", fromWorkbooks.path, "--no-record"], environment: CLI.fixedTimestamp)
        }
        #expect(status == 0)
        #expect(String(decoding: output, as: UTF8.self).contains("Excel workbook (.xlsx), sheet 'Form1'"))
        #expect(
            CLI.run(
                ["match"] + CLI.sampleCohort + ["--out", fromCSV.path, "--no-record", "--quiet"], environment: CLI.fixedTimestamp)
                == 0)
        let workbookPairs = try CLI.pairs(inMatchesCSV: fromWorkbooks.appendingPathComponent("matches.csv"))
        #expect(!workbookPairs.isEmpty)
        #expect(workbookPairs == (try CLI.pairs(inMatchesCSV: fromCSV.appendingPathComponent("matches.csv"))))
    }

    @Test func quietMatchPrintsNoFormatLine() throws {
        let out = CLI.scratch().appendingPathComponent("out")
        let (status, output) = try CLI.capturingOutput {
            CLI.run(Self.arguments("match") + ["--out", out.path, "--no-record", "--quiet"], environment: CLI.fixedTimestamp)
        }
        #expect(status == 0)
        #expect(!String(decoding: output, as: UTF8.self).contains("Excel workbook"))
    }
}
