import Foundation
import TandemCalendar
import Testing

@Suite("Calendar UIDs across a programme rename")
struct ProgrammeRenameTests {
    /// The UID of every VEVENT in the `.ics` files under `folder`, keyed by file.
    func uids(under folder: URL) throws -> [String: Set<String>] {
        let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil)
        var result: [String: Set<String>] = [:]
        for case let file as URL in enumerator?.allObjects ?? [] where file.pathExtension == "ics" {
            let contents = try #require(CalendarCheck.contents(of: try Data(contentsOf: file)))
            result[file.path.replacingOccurrences(of: folder.path, with: "")] = Set(contents.events.map(\.uid))
        }
        return result
    }

    @Test func calendarWithARenamedProgrammeKeepsEveryUIDAndShowsTheNewName() throws {
        let folder = CLI.scratch()
        let out = folder.appendingPathComponent("out")
        #expect(CLI.run(["match"] + CLI.sampleCohort + ["--out", out.path, "--quiet"]) == 0)
        let matches = try #require(CLI.json(out.appendingPathComponent("matches.json")))
        let pairUIDs = Set((matches["pairs"] as? [[String: Any]] ?? []).compactMap { $0["uid"] as? String })
        #expect(!pairUIDs.isEmpty)

        let configuration = try String(contentsOf: CLI.data.appendingPathComponent("tandem.yaml"), encoding: .utf8)
        let renamedName = "Ealing and Southall Reverse Mentoring"
        let renamed = configuration.replacingOccurrences(
            of: "name: Ealing Reverse Mentoring 2027", with: "name: \(renamedName)")
        #expect(renamed != configuration, "the sample configuration's programme name changed; update this test")
        let renamedConfig = folder.appendingPathComponent("renamed.yaml")
        CLI.write(renamed, to: renamedConfig)
        let again = folder.appendingPathComponent("again")
        #expect(
            CLI.run([
                "calendar", "--matches", out.appendingPathComponent("matches.json").path, "--config", renamedConfig.path,
                "--out", again.path, "--quiet",
            ]) == 0)

        let before = try uids(under: out.appendingPathComponent("calendars"))
        let after = try uids(under: again.appendingPathComponent("calendars"))
        #expect(!before.isEmpty)
        #expect(after == before)
        #expect(pairUIDs.isSubset(of: after["/programme.ics"] ?? []))
        let programme = try String(contentsOf: again.appendingPathComponent("calendars/programme.ics"), encoding: .utf8)
        #expect(programme.contains(renamedName))
    }
}
