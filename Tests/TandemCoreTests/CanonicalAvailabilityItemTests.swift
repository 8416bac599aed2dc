import StableMatching
import Testing

@testable import TandemCore

/// The byte-level reader of `DAY[-DAY] HH:MM-HH:MM` must accept only what the general parser
/// accepts, and give the same windows.
@Suite("Availability items read from bytes")
struct CanonicalAvailabilityItemTests {
    static func expectAgrees(_ item: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let general = try? AvailabilityParser().generalWindows(item)
        if let fast = CanonicalAvailabilityItem.windows(item) {
            #expect(fast == general, "\(item.debugDescription)", sourceLocation: sourceLocation)
        }
    }

    @Test(arguments: [
        "Tue 18:00-20:00", "Mon-Fri 7:30-08:30", "mon-SUN 00:00-24:00", "Tues 09:15-09:30", "THURS 23:45-24:00",
        "Sat 10:00-12:30",
    ])
    func readsCommonItems(item: String) throws {
        let fast = try #require(CanonicalAvailabilityItem.windows(item))
        #expect(fast == (try AvailabilityParser().generalWindows(item)))
    }

    @Test(arguments: [
        "Fri-Mon 18:00-20:00", "Tue 20:00-18:00", "Tue 18:00-18:00", "Tue 24:00-24:15", "Tue 18:10-20:00", "Tue 18:00-24:15",
        "Tue 18:60-20:00", "Tue 018:00-20:00", "Tue 18:000-20:00", "Tue 1800-2000", "Tue  18:00-20:00", "Tue\t18:00-20:00",
        "Tue 18:00-20:00 ", "Tue 18:00-20:00-21:00", "Mon-Tue-Wed 18:00-20:00", "Tuesday-ish 18:00-20:00", "Tue +9:00-10:00",
        "Dé 18:00-20:00", "Tue 18:00–20:00", "Tue", "", "Mon- 18:00-20:00", "-Mon 18:00-20:00", "Mon 18:-20:00",
    ])
    func leavesEverythingElseToTheGeneralParser(item: String) {
        #expect(CanonicalAvailabilityItem.windows(item) == nil)
    }

    @Test func agreesOnRandomItems() {
        let pieces = [
            "Mon", "tue", "FRI", "sun", "Thurs", "x", "-", "-", " ", " ", "\t", ":", ":", "0", "1", "2", "4", "5", "3", "9",
        ]
        var generator = SeededGenerator(seed: 15)
        var accepted = 0
        for _ in 0..<20000 {
            // Mostly well-formed items with one piece changed, so both outcomes are common.
            var parts = ["Mon", "-", "Fri", " ", "0", "9", ":", "3", "0", "-", "1", "7", ":", "4", "5"]
            for _ in 0..<Int.random(in: 0...2, using: &generator) {
                parts[Int.random(in: 0..<parts.count, using: &generator)] =
                    pieces[Int.random(in: 0..<pieces.count, using: &generator)]
            }
            let item = parts.joined()
            if CanonicalAvailabilityItem.windows(item) != nil { accepted += 1 }
            Self.expectAgrees(item)
        }
        #expect(accepted > 1000)
    }
}
