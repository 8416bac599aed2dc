import Foundation
import Synchronization
import TandemCore
import Testing

@testable import TandemCommands

@Suite("Progress on a terminal")
struct TerminalProgressTests {
    final class Sink: Sendable {
        let lines = Mutex<[String]>([])
        var text: String { lines.withLock { $0.joined() } }
        func write(_ line: String) { lines.withLock { $0.append(line) } }
    }

    @Test func showsPhaseTimeAndRateWhenEnabled() throws {
        let sink = Sink()
        let progress = TerminalProgress(enabled: true, write: sink.write)
        progress.phase("Scoring pairs", total: 2_000_000, unit: "pairs") {
            DispatchQueue.concurrentPerform(iterations: 4) { _ in
                for _ in 0..<500 { progress.advance(by: 1_000) }
            }
        }
        let text = sink.text
        #expect(text.hasPrefix("\r\u{1B}[K  Scoring pairs..."))
        let last = try #require(text.split(separator: "\r").last)
        #expect(last.contains("Scoring pairs ...."))
        #expect(last.contains("(2.0 million pairs, "))
        #expect(last.hasSuffix(" pairs/s)\n"))
    }

    @Test func totalsLearnedLateStillShowPercent() {
        let sink = Sink()
        let progress = TerminalProgress(enabled: true, write: sink.write)
        progress.phase("Writing the calendars", unit: "files") {
            for _ in 0..<3 {
                progress.advance(by: 1, of: 3)
                Thread.sleep(forTimeInterval: 0.11)
            }
        }
        #expect(sink.text.contains("% "))
        #expect(sink.text.contains("of 3 files"))
    }

    @Test func silentWhenDisabled() {
        let sink = Sink()
        let progress = TerminalProgress(enabled: false, write: sink.write)
        progress.phase("Scoring pairs", total: 10, unit: "pairs") { progress.advance(by: 10) }
        progress.advance(by: 1, of: 3)
        #expect(sink.text.isEmpty)
    }
}
