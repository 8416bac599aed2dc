import Foundation
import TandemCore
import TandemResults
import Testing

@testable import TandemCommands

@Suite("The report pages of tandem match, and tandem report")
struct ReportCommandTests {
    func matchSample(into out: URL, extra: [String] = ["--no-record"]) -> Int32 {
        CLI.run(["match"] + CLI.sampleCohort + ["--out", out.path, "--quiet"] + extra, environment: CLI.fixedTimestamp)
    }

    @Test("tandem match writes both pages, private like the other results")
    func matchWritesBothPages() throws {
        let out = CLI.scratch().appendingPathComponent("out")
        #expect(matchSample(into: out) == 0)
        for name in ["report.html", "report-shareable.html"] {
            let path = out.appendingPathComponent(name).path
            let text = try String(contentsOfFile: path, encoding: .utf8)
            #expect(text.contains("Ealing Reverse Mentoring 2027"))
            let mode = try #require(try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int)
            #expect(mode == 0o600)
        }
        let matches = try #require(CLI.json(out.appendingPathComponent("matches.json")))
        #expect(matches["insights"] is [String: Any])
    }

    @Test("tandem match --no-report writes neither page nor the report data")
    func noReport() throws {
        let out = CLI.scratch().appendingPathComponent("out")
        #expect(matchSample(into: out, extra: ["--no-record", "--no-report"]) == 0)
        #expect(!FileManager.default.fileExists(atPath: out.appendingPathComponent("report.html").path))
        #expect(!FileManager.default.fileExists(atPath: out.appendingPathComponent("report-shareable.html").path))
        #expect(CLI.json(out.appendingPathComponent("matches.json"))?["insights"] == nil)
    }

    @Test("tandem report rebuilds the same pages from the results folder and leaves every other file as it was")
    func rebuildsInPlace() throws {
        let out = CLI.scratch().appendingPathComponent("out")
        #expect(matchSample(into: out) == 0)
        let before = try CLI.files(under: out)
        try FileManager.default.removeItem(at: out.appendingPathComponent("report.html"))
        // A missing page is not a changed file: the folder is written again with it.
        #expect(CLI.run(["report", "--results", out.path, "--quiet"]) == 0)
        let after = try CLI.files(under: out)
        #expect(Set(after.keys) == Set(before.keys))
        for (name, data) in before where name != ".tandem-manifest" { #expect(after[name] == data, "\(name)") }
    }

    @Test("tandem report --out writes the pages to a folder of their own, with another disclosure rule")
    func otherFolderAndRule() throws {
        let folder = CLI.scratch()
        let out = folder.appendingPathComponent("out")
        #expect(matchSample(into: out) == 0)
        let shared = folder.appendingPathComponent("for-the-board")
        #expect(
            CLI.run([
                "report", "--results", out.path, "--out", shared.path, "--suppress-below", "10", "--round-to", "1", "--quiet",
            ])
                == 0)
        let page = try String(contentsOf: shared.appendingPathComponent("report-shareable.html"), encoding: .utf8)
        #expect(page.contains("counts from 1 to 9 are shown as *; other counts are exact"))
        let original = try String(contentsOf: out.appendingPathComponent("report-shareable.html"), encoding: .utf8)
        #expect(original.contains("counts from 1 to 7 are shown as *; other counts are rounded to the nearest 5"))
    }

    @Test("tandem report on a folder without matches.json says so, with exit status 66")
    func missingResults() {
        let folder = CLI.scratch().appendingPathComponent("nothing")
        #expect(CLI.run(["report", "--results", folder.path, "--quiet"]) == 66)
    }

    @Test("With a programme record, the report counts runs, pairs ended early and late joiners")
    func withRecord() throws {
        let out = CLI.scratch().appendingPathComponent("out")
        #expect(matchSample(into: out, extra: []) == 0)
        #expect(CLI.run(["withdraw", "E01", "--out", out.path, "--reason", "moved away"], environment: CLI.fixedTimestamp) == 0)
        #expect(matchSample(into: out, extra: []) == 0)
        let history = try #require(
            (CLI.json(out.appendingPathComponent("matches.json"))?["insights"] as? [String: Any])?["history"] as? [String: Any])
        #expect(history["runs"] as? Int == 3)
        let ended = try #require(history["ended_early"] as? [[String: Any]])
        #expect(ended.contains { $0["reason"] as? String == "moved away" })
        let page = try String(contentsOf: out.appendingPathComponent("report.html"), encoding: .utf8)
        #expect(page.contains("data-key=\"history.ended_early\">\(ended.reduce(0) { $0 + ($1["count"] as? Int ?? 0) })<"))
        let shareable = try String(contentsOf: out.appendingPathComponent("report-shareable.html"), encoding: .utf8)
        #expect(!shareable.contains("moved away"))
    }

    @Test("The console summary counts mentees no mentor could ever take apart from the reserve list")
    func summaryReserveCount() throws {
        let out = CLI.scratch().appendingPathComponent("out")
        #expect(matchSample(into: out) == 0)
        let result = try SavedMatches.load(path: out.appendingPathComponent("matches.json").path)
        let mentees = result.unmatched.filter { $0.side == .mentee }
        let never = mentees.count {
            switch $0.reason {
            case .noWindow, .noPossiblePartner: true
            default: false
            }
        }
        #expect(never > 0)
        let text = MatchSummary.text(result, out: out.path, seconds: 0)
        #expect(
            text.contains(
                "Unmatched:         \(mentees.count - never) mentee(s) on the reserve list, \(never) no mentor could ever take,"))
        #expect(text.contains("report.html (report-shareable.html to share)"))
    }
}
