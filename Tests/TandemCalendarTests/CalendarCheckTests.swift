import Foundation
import TandemCalendar
import TandemCore
import Testing

/// A good file damaged one way; the checks must notice.
struct Damage: Sendable, CustomTestStringConvertible {
    var name: String
    /// Part of the problem sentence expected.
    var expected: String
    var apply: @Sendable (String) -> String

    var testDescription: String { name }

    static func replacing(_ name: String, _ target: String, with replacement: String, expected: String) -> Damage {
        Damage(name: name, expected: expected) { text in
            guard let range = text.range(of: target) else { return "target not found: \(target)" }
            return text.replacingCharacters(in: range, with: replacement)
        }
    }
}

@Suite("Calendar checks catch damaged files")
struct CalendarCheckTests {
    static let good: String = {
        (try? Fixture.export().render(for: .coordinator)).map { String(decoding: $0, as: UTF8.self) } ?? ""
    }()

    static let damages: [Damage] = [
        Damage(name: "bare line feeds", expected: "bare line feed") { $0.replacingOccurrences(of: "\r\n", with: "\n") },
        Damage(name: "a long line", expected: "octets long") {
            $0.replacingOccurrences(
                of: "SUMMARY:Kick-off training", with: "SUMMARY:Kick-off training " + String(repeating: "x", count: 80))
        },
        Damage(name: "no time zone", expected: "has no VTIMEZONE") { text in
            guard let begin = text.range(of: "BEGIN:VTIMEZONE"), let end = text.range(of: "END:VTIMEZONE\r\n") else {
                return text
            }
            return text.replacingCharacters(in: begin.lowerBound..<end.upperBound, with: "")
        },
        .replacing(
            "a local DTSTAMP", "DTSTAMP:20260105T093000Z", with: "DTSTAMP:20260105T093000", expected: "DTSTAMP is not in UTC"),
        .replacing("a floating start", "DTSTART;TZID=Europe/London:20260108", with: "DTSTART:20260108", expected: "floating"),
        .replacing(
            "no organizer", "ORGANIZER;CN=Priya Shah:mailto:priya.shah@ealing.example\r\n", with: "", expected: "ORGANIZER"),
        .replacing(
            "a misplaced EXDATE", "EXDATE;TZID=Europe/London:20261225T081500", with: "EXDATE;TZID=Europe/London:20261225T091500",
            expected: "not at an occurrence's start"),
        .replacing("an endless rule", "RRULE:FREQ=WEEKLY;COUNT=36", with: "RRULE:FREQ=WEEKLY", expected: "has no end"),
        .replacing(
            "a wrong summer offset", "TZOFFSETTO:+0100", with: "TZOFFSETTO:+0200", expected: "disagrees with the system zone"),
        .replacing("a lowercase property", "SEQUENCE:0", with: "Sequence:0", expected: "re-serialises the file differently"),
        Damage(name: "a duplicated UID", expected: "used by two events") { text in
            let lines = text.components(separatedBy: "\r\n")
            let uids = lines.filter { $0.hasPrefix("UID:") }
            guard uids.count > 1 else { return text }
            return lines.map { $0 == uids[1] ? uids[0] : $0 }.joined(separator: "\r\n")
        },
        .replacing(
            "a fold inside an escape", "LOCATION:Ealing Town Hall\\, New", with: "LOCATION:Ealing Town Hall\\\r\n , New",
            expected: "folds inside a backslash escape"),
        .replacing("a truncated file", "END:VCALENDAR\r\n", with: "", expected: "cannot parse"),
    ]

    @Test func theUndamagedFileIsClean() {
        #expect(Self.good.hasPrefix("BEGIN:VCALENDAR\r\n"))
        #expect(CalendarCheck.problems(in: Data(Self.good.utf8)) == [])
    }

    @Test(arguments: damages)
    func noticesDamage(_ damage: Damage) {
        let damaged = damage.apply(Self.good)
        #expect(damaged != Self.good)
        let problems = CalendarCheck.problems(in: Data(damaged.utf8))
        #expect(problems.contains { $0.contains(damage.expected) }, "\(problems)")
    }

    /// libical 3.0.16 folds a long value with no space inside a `\\,` escape; the check says so
    /// (if a later libical stops doing it, this test shows the workaround is no longer needed).
    @Test func flagsLibicalsFoldInsideAnEscape() throws {
        var series = Fixture.fortnightly
        series.location = String(repeating: "x,", count: 60)
        let ics = try Fixture.export(series: [series]).render(for: .coordinator)
        #expect(CalendarCheck.contents(of: ics)?.events.first { $0.uid == series.uid }?.location == series.location)
        #expect(CalendarCheck.problems(in: ics).contains { $0.contains("folds inside a backslash escape") })
    }

    @Test func noticesInvalidUTF8() {
        var bytes = Data(Self.good.utf8)
        bytes.insert(0xFF, at: 200)
        #expect(CalendarCheck.problems(in: bytes).contains("The file is not valid UTF-8."))
    }

    @Test func expansionHonoursEveryExdate() {
        let withoutExdate = Self.good.replacingOccurrences(of: "EXDATE;TZID=Europe/London:20261225T081500\r\n", with: "")
        let starts = CalendarCheck.expandedStarts(in: Data(withoutExdate.utf8))
        #expect(
            starts[Fixture.lastFriday.uid]?.last == LocalDateTime(year: 2026, month: 12, day: 25, hour: 8, minute: 15))
        #expect(
            CalendarCheck.expandedStarts(in: Data(Self.good.utf8))[Fixture.lastFriday.uid] == Fixture.lastFriday.sessions
        )
    }
}
