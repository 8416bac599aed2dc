import Foundation
import TandemCore
import Testing

@testable import TandemResults

@Suite("The insights block of matches.json")
struct InsightsFileTests {
    @Test("The streaming encoder writes JSONEncoder's bytes for a file with insights")
    func encoderAgrees() throws {
        let matched = try ReportFixture.sample.get()
        let file = MatchesFile(matched.result, zone: ZoneRules(identifier: "Europe/London"))
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.keyEncodingStrategy = .convertToSnakeCase
        #expect(try file.encoded() == encoder.encode(file) + Data("\n".utf8))
    }

    @Test("Insights read back as written, scores to 3 decimals")
    func roundTrip() throws {
        let matched = try ReportFixture.sample.get()
        var expected = try #require(matched.result.insights)
        func rounded(_ value: Double) -> Double { (value * 1000).rounded() / 1000 }
        for index in expected.reserve.indices { expected.reserve[index].bestScore = rounded(expected.reserve[index].bestScore) }
        for index in expected.suggestions.indices {
            expected.suggestions[index].score = rounded(expected.suggestions[index].score)
        }
        expected.history = ProgrammeHistory(
            runs: 2, endedEarly: [.init(reason: "moved away", count: 1)], rematched: 1, lateJoiners: 3)
        var result = matched.result
        result.insights?.history = expected.history
        let data = try MatchesFile(result, zone: nil).encoded()
        let read = try MatchesFile.decoded(from: data).result()
        #expect(read.insights == expected)
        #expect(expected.suggestions.contains { $0.change != nil })
        #expect(!expected.closedDates.isEmpty)
    }
}
