import Foundation
import TandemCalendar
import Testing

/// A coordinator's file holds an event per pair, and libical's restriction check of it is
/// spread over the cores (a share of the events each); what it finds must not change.
@Suite("The restriction check of a large calendar")
struct SharedRestrictionCheckTests {
    /// The sample coordinator's file with its events repeated under new UIDs: 450 events.
    static let large: String = {
        let text = CalendarCheckTests.good
        guard let first = text.range(of: "BEGIN:VEVENT\r\n"), let last = text.range(of: "END:VCALENDAR\r\n") else {
            return ""
        }
        let events = text[first.lowerBound..<last.lowerBound].components(separatedBy: "BEGIN:VEVENT\r\n").filter {
            !$0.isEmpty
        }
        var body = ""
        for copy in 0..<75 {
            // Each event begins with its UID.
            for event in events { body += "BEGIN:VEVENT\r\nUID:c\(copy)-" + event.dropFirst("UID:".count) }
        }
        return String(text[..<first.lowerBound]) + body + String(text[last.lowerBound...])
    }()

    /// `large` without the ORGANIZER of the events whose UID starts with each of `prefixes`.
    static func withoutOrganizer(inEventsStarting prefixes: [String]) -> String {
        var events = large.components(separatedBy: "BEGIN:VEVENT\r\n")
        for index in events.indices where prefixes.contains(where: { events[index].hasPrefix("UID:" + $0) }) {
            events[index] = events[index].split(separator: "\r\n", omittingEmptySubsequences: false)
                .filter { !$0.hasPrefix("ORGANIZER") }.joined(separator: "\r\n")
        }
        return events.joined(separator: "BEGIN:VEVENT\r\n")
    }

    @Test func aLargeGoodFileIsClean() {
        #expect(Self.large.components(separatedBy: "BEGIN:VEVENT").count - 1 == 450)
        #expect(CalendarCheck.problems(in: Data(Self.large.utf8)) == [])
    }

    @Test func anEventWithoutOrganizerInAnyShareIsNamed() throws {
        // The first event of the first copy and one of the last: in different shares.
        let damaged = Self.withoutOrganizer(inEventsStarting: ["c0-", "c74-"])
        let problems = CalendarCheck.problems(in: Data(damaged.utf8))
        let restrictions = problems.filter { $0.contains("ORGANIZER") }
        let first = try #require(restrictions.first)
        let last = try #require(restrictions.last)
        #expect(first.contains("c0-"), "\(problems)")
        #expect(last.contains("c74-"), "\(problems)")
        // Each damaged copy's events, and only they, are named.
        #expect(restrictions.allSatisfy { $0.contains("c0-") || $0.contains("c74-") }, "\(problems)")
    }

    @Test func damagedEventsReadTheSameInALargeFileAsInASmallOne() {
        let large = Self.withoutOrganizer(inEventsStarting: ["c3-"])
        let problems = CalendarCheck.problems(in: Data(large.utf8)).filter { $0.contains("ORGANIZER") }
        // The copy's events alone, below the size where the check is shared.
        var oneCopy = CalendarCheckTests.good
        oneCopy = oneCopy.replacingOccurrences(of: "\r\nUID:", with: "\r\nUID:c3-")
        oneCopy = oneCopy.split(separator: "\r\n", omittingEmptySubsequences: false).filter { !$0.hasPrefix("ORGANIZER") }
            .joined(separator: "\r\n")
        let alone = CalendarCheck.problems(in: Data(oneCopy.utf8)).filter { $0.contains("ORGANIZER") }
        #expect(!alone.isEmpty)
        #expect(problems == alone)
    }
}
