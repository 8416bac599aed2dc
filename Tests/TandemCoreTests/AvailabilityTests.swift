import Testing

@testable import TandemCore

@Suite("Availability parsing and bit sets")
struct AvailabilityTests {
    let parser: AvailabilityParser = {
        var parser = AvailabilityParser()
        try? parser.definePeriod(named: "Weekday evenings", as: "Mon-Fri 18:00-21:00")
        return parser
    }()

    @Test func readsSingleWindowsAndDayRanges() throws {
        #expect(
            try parser.parseWindows("Mon 18:00-20:00") == [AvailabilityWindow(day: .monday, startMinute: 1080, endMinute: 1200)])
        let range = try parser.parseWindows("tue-THURSDAY 07:30-08:30")
        #expect(range.map(\.day) == [.tuesday, .wednesday, .thursday])
        #expect(range.allSatisfy { $0.startMinute == 450 && $0.endMinute == 510 })
        #expect(try parser.parseWindows("Sun 22:00-24:00").first?.endMinute == 1440)
    }

    @Test func readsNamedPeriodsCaseInsensitively() throws {
        let windows = try parser.parseWindows("  weekday   EVENINGS ")
        #expect(windows.count == 5)
        #expect(windows.last == AvailabilityWindow(day: .friday, startMinute: 1080, endMinute: 1260))
    }

    @Test(arguments: [
        ("Mon 25:00-26:00", "not a time of day"),
        ("Funday 10:00-11:00", "is not a day"),
        ("Mon 12:00-11:00", "is not after the start"),
        ("Mon 10:10-11:00", "quarter hour"),
        ("Fri-Mon 10:00-11:00", "runs backwards"),
        ("Mon 10:00", "is a time with no end"),
        ("Mon 24:00-24:00", "cannot start at 24:00"),
    ])
    func rejectsBadItems(item: String, expected: String) {
        #expect {
            try parser.parseWindows(item)
        } throws: { error in
            (error as? AvailabilityParser.ItemError)?.problem.contains(expected) == true
        }
    }

    @Test func splitsCellsAndIgnoresBlanksAndTrailingSeparators() {
        #expect(
            AvailabilityParser.items(in: "Mon 10:00-11:00; ;Sat 09:00-10:00;", separator: ";") == [
                "Mon 10:00-11:00", "Sat 09:00-10:00",
            ])
    }

    @Test func runsMustFitWithinOneDay() throws {
        var late = WeeklyAvailability()
        for window in try parser.parseWindows("Mon 23:30-24:00") + parser.parseWindows("Tue 00:00-00:30") { late.insert(window) }
        #expect(late.minutes == 60)
        #expect(!late.containsRun(ofMinutes: 60))
        #expect(late.containsRun(ofMinutes: 30))
        let evening = WeeklyAvailability(windows: try parser.parseWindows("Wed 18:00-19:45"))
        #expect(evening.containsRun(ofMinutes: 105))
        #expect(!evening.containsRun(ofMinutes: 120))
        // A run straddling a word boundary (slot 64 is Mon 16:00).
        let straddle = WeeklyAvailability(windows: try parser.parseWindows("Mon 15:30-16:30"))
        #expect(straddle.containsRun(ofMinutes: 60))
    }

    @Test func windowsRoundTripThroughTheBitSet() throws {
        let windows =
            try parser.parseWindows("Mon 18:00-20:00") + parser.parseWindows("Sat 10:00-12:30")
            + parser.parseWindows("Sun 23:00-24:00")
        #expect(WeeklyAvailability(windows: windows).windows == windows)
    }

    @Test func intersectionKeepsOnlyCommonTime() throws {
        let a = WeeklyAvailability(windows: try parser.parseWindows("Tue 17:00-20:00"))
        let b = WeeklyAvailability(windows: try parser.parseWindows("Tue 18:00-21:00"))
        #expect(a.intersection(b).windows == [AvailabilityWindow(day: .tuesday, startMinute: 1080, endMinute: 1200)])
    }

    /// Seeded property test: the shift-and run check agrees with a naive scan.
    @Test func runCheckAgreesWithNaiveScan() {
        var random = SeededRandom(seed: 7)
        for _ in 0..<500 {
            var availability = WeeklyAvailability()
            for _ in 0..<Int.random(in: 0...4, using: &random) {
                let day = Weekday(rawValue: Int.random(in: 0...6, using: &random)) ?? .monday
                let start = Int.random(in: 0...94, using: &random)
                let end = Int.random(in: (start + 1)...96, using: &random)
                availability.insert(AvailabilityWindow(day: day, startMinute: start * 15, endMinute: end * 15))
            }
            let minutes = Int.random(in: 1...16, using: &random) * 15
            let naive = availability.windows.contains { $0.durationMinutes >= minutes }
            #expect(availability.containsRun(ofMinutes: minutes) == naive)
        }
    }
}
