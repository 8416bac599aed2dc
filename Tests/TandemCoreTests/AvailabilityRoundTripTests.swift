import StableMatching
import Testing

@testable import TandemCore

/// Whatever Tandem writes about availability reads back as the same windows, and answers
/// whose half of the day is unclear are errors however they are spelled.
@Suite("Availability that Tandem writes reads back")
struct AvailabilityRoundTripTests {
    /// A random week of up to five windows on the quarter-hour grid, as the bit set keeps them.
    static func randomAvailability(using generator: inout SeededGenerator) -> WeeklyAvailability {
        var availability = WeeklyAvailability()
        for _ in 0..<Int.random(in: 1...5, using: &generator) {
            let day = Weekday.allCases[Int.random(in: 0..<7, using: &generator)]
            let start = Int.random(in: 0...95, using: &generator)
            let end = Int.random(in: (start + 1)...96, using: &generator)
            availability.insert(AvailabilityWindow(day: day, startMinute: start * 15, endMinute: end * 15))
        }
        return availability
    }

    /// Each window as Tandem renders it, in the forms it writes: the coordinator's view
    /// (`Tue 18:00–20:00`, en dash, in matches.csv reasons and the console), the sign-up cell
    /// syntax (`Tue 18:00-20:00`, as synthetic cohorts and the README write it) and matches.json's
    /// day, start and end.
    static let renderings: [(name: String, render: @Sendable (AvailabilityWindow) -> String)] = [
        ("description", { $0.description }),
        ("cell", { "\($0.day.shortName) \(AvailabilityWindow.clock($0.startMinute))-\(AvailabilityWindow.clock($0.endMinute))" }),
        (
            "full day name",
            { "\($0.day.name) \(AvailabilityWindow.clock($0.startMinute))–\(AvailabilityWindow.clock($0.endMinute))" }
        ),
    ]

    @Test func renderedWindowsParseBackToTheSameWeek() throws {
        var generator = SeededGenerator(seed: 2027)
        let parser = AvailabilityParser()
        for _ in 0..<2000 {
            let availability = Self.randomAvailability(using: &generator)
            for rendering in Self.renderings {
                let cell = availability.windows.map(rendering.render).joined(separator: "; ")
                var parsed = WeeklyAvailability()
                for item in AvailabilityParser.items(in: cell, separator: ";") {
                    for window in try parser.parseWindows(item) { parsed.insert(window) }
                }
                #expect(parsed == availability, "\(rendering.name): \(cell)")
                // The grammar alone, without the byte-level fast path, reads the same.
                let general = try availability.windows.map(rendering.render).flatMap { try parser.generalWindows($0) }
                #expect(general == availability.windows, "\(rendering.name): \(cell)")
            }
        }
    }

    @Test func bareHoursOneToTwelveAtBothEndsAreAlwaysErrors() {
        var generator = SeededGenerator(seed: 17)
        let parser = AvailabilityParser()
        let dashes = ["-", " - ", "–", " to "]
        for _ in 0..<1000 {
            let day = Weekday.allCases[Int.random(in: 0..<7, using: &generator)]
            let start = Int.random(in: 1...12, using: &generator)
            let end = Int.random(in: 1...12, using: &generator)
            let item = "\(day.name) \(start)\(dashes[Int.random(in: 0..<dashes.count, using: &generator)])\(end)"
            #expect(throws: AvailabilityParser.ItemError.self, "\(item)") { try parser.parseWindows(item) }
        }
    }

    @Test func pmOnTheEndGivesTheShorterWindow() throws {
        var generator = SeededGenerator(seed: 18)
        let parser = AvailabilityParser()
        for _ in 0..<1000 {
            let start = Int.random(in: 1...12, using: &generator)
            let end = Int.random(in: 1...12, using: &generator)
            let endMinute = (end % 12 + 12) * 60
            // The shorter of morning and afternoon for the start that still ends after it.
            let readings = [start % 12 * 60, (start % 12 + 12) * 60].filter { $0 < endMinute }
            let item = "Wed \(start)-\(end)pm"
            if let startMinute = readings.max() {
                #expect(
                    try parser.parseWindows(item) == [
                        AvailabilityWindow(day: .wednesday, startMinute: startMinute, endMinute: endMinute)
                    ],
                    "\(item)")
            } else {
                #expect(throws: AvailabilityParser.ItemError.self, "\(item)") { try parser.parseWindows(item) }
            }
        }
    }
}
