import Foundation
import Synchronization
import TandemInput
import TandemResults
import Testing

@testable import TandemCommands

@Suite("Rendering the calendar files")
struct CalendarFilesTests {
    @Test func reportsProgressOncePerFileAndMatchesTheWrittenFiles() throws {
        let out = CLI.scratch().appendingPathComponent("out")
        #expect(CLI.run(["match"] + CLI.sampleCohort + ["--out", out.path, "--quiet"], environment: CLI.fixedTimestamp) == 0)
        let saved = try SavedMatches.load(path: out.appendingPathComponent("matches.json").path)

        let configuration = try ConfigurationLoader.load(path: CLI.data.appendingPathComponent("tandem.yaml").path)

        let calls = Mutex<[(done: Int, total: Int)]>([])
        let files = try CalendarFiles.render(
            programme: saved.programme, series: saved.series, events: saved.schedule?.cohortEvents ?? [], method: .publish,
            timestamp: Date(timeIntervalSince1970: 1_767_225_600), settings: configuration.calendar
        ) { done, total in
            calls.withLock { $0.append((done, total)) }
        }

        let reported = calls.withLock { $0 }
        #expect(reported.map(\.done) == Array(1...files.count))
        #expect(reported.allSatisfy { $0.total == files.count })
        // Rendered on several threads, in the same order and with the same bytes as the files
        // `tandem match` wrote.
        #expect(files.first?.name == "programme.ics")
        for file in files {
            let written = try Data(contentsOf: out.appendingPathComponent("calendars").appendingPathComponent(file.name))
            #expect(written == file.data, "\(file.name)")
        }
    }
}
