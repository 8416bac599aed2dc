import Foundation
import TandemCalendar
import TandemCore
import Testing

@Suite("Compact VTIMEZONE")
struct TimeZoneRulesTests {
    static let zones = ["Europe/London", "America/New_York", "Asia/Kolkata", "Australia/Sydney"]
    static let years = 2026...2028

    /// 2026-01-01T00:00Z up to 2029-01-01T00:00Z in quarter-hours.
    static let quarterHours: [Int] = Array(stride(from: 1_767_225_600, to: 1_861_920_000, by: 900))

    @Test("libical's reading equals the system zone at every quarter-hour of 2026–2028", arguments: zones)
    func offsetsMatchTheSystemZone(identifier: String) throws {
        let vtimezone = try TimeZoneRules.vtimezone(identifier: identifier, years: Self.years)
        let system = try #require(TimeZone(identifier: identifier))
        let instants = Self.quarterHours.map { Date(timeIntervalSince1970: TimeInterval($0)) }
        let offsets = try #require(CalendarCheck.utcOffsets(ofVTimeZone: vtimezone, at: instants))
        let wrong = zip(instants, offsets).filter { system.secondsFromGMT(for: $0) != $1 }
        #expect(offsets.count == 105_216)
        #expect(wrong.isEmpty, "\(wrong.count) quarter-hours differ, first \(String(describing: wrong.first))")
    }

    @Test("Wall-clock times map to the system zone's instants", arguments: zones)
    func localTimesMatchTheSystemZone(identifier: String) throws {
        let vtimezone = try TimeZoneRules.vtimezone(identifier: identifier, years: Self.years)
        let system = try #require(TimeZone(identifier: identifier))
        // Every local quarter-hour that names exactly one instant (clock changes excluded).
        var locals: [LocalDateTime] = []
        var expected: [Date] = []
        for naive in Self.quarterHours {
            let offsets = Set(
                [-86_400, 0, 86_400].map { system.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(naive + $0))) })
            let instants = offsets.map { naive - $0 }.filter {
                system.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval($0))) == naive - $0
            }
            guard instants.count == 1, let instant = instants.first else { continue }
            let day = naive / 86_400
            let minute = (naive % 86_400) / 60
            locals.append(LocalDate(dayNumber: day).at(minuteOfDay: minute))
            expected.append(Date(timeIntervalSince1970: TimeInterval(instant)))
        }
        let actual = try #require(CalendarCheck.instants(ofVTimeZone: vtimezone, localTimes: locals))
        let wrong = zip(locals, zip(actual, expected)).filter { $1.0 != $1.1 }
        #expect(locals.count > 105_000)
        #expect(wrong.isEmpty, "\(wrong.count) local times differ, first \(String(describing: wrong.first))")
    }

    @Test func londonIsOneStandardAndOneDaylightWithSingleWeekdayRules() throws {
        let text = try TimeZoneRules.vtimezone(identifier: "Europe/London", years: Self.years)
        let lines = text.components(separatedBy: "\r\n")
        #expect(lines.contains("TZID:Europe/London"))
        #expect(lines.filter { $0 == "BEGIN:STANDARD" }.count == 1)
        #expect(lines.filter { $0 == "BEGIN:DAYLIGHT" }.count == 1)
        #expect(lines.contains("RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=3"))
        #expect(lines.contains("RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=10"))
        #expect(lines.contains("DTSTART:19700329T010000"))
        #expect(lines.contains("DTSTART:19701025T020000"))
        #expect(lines.contains("TZNAME:BST"))
        #expect(!text.contains("freeassociation"))
        #expect(text.utf8.count < 600)
    }

    @Test func newYorkCountsSundaysFromTheStartOfTheMonth() throws {
        let lines = try TimeZoneRules.vtimezone(identifier: "America/New_York", years: Self.years).components(separatedBy: "\r\n")
        #expect(lines.contains("RRULE:FREQ=YEARLY;BYDAY=2SU;BYMONTH=3"))
        #expect(lines.contains("RRULE:FREQ=YEARLY;BYDAY=1SU;BYMONTH=11"))
        #expect(lines.contains("TZOFFSETFROM:-0500"))
    }

    @Test func aZoneWithoutClockChangesIsOneStandardObservance() throws {
        let text = try TimeZoneRules.vtimezone(identifier: "Asia/Kolkata", years: Self.years)
        #expect(!text.contains("DAYLIGHT"))
        #expect(!text.contains("RRULE"))
        #expect(text.contains("TZOFFSETFROM:+0530\r\nTZOFFSETTO:+0530\r\n"))
    }

    @Test func refusesUnknownZones() {
        #expect(throws: CalendarError.unknownTimeZone("Europe/Ealing")) {
            try TimeZoneRules.vtimezone(identifier: "Europe/Ealing", years: Self.years)
        }
    }

    @Test(
        "Refuses years in which the zone's rules change",
        arguments: [("America/New_York", 2006...2008), ("America/Sao_Paulo", 2018...2020)])
    func refusesChangingRules(identifier: String, years: ClosedRange<Int>) {
        #expect {
            try TimeZoneRules.vtimezone(identifier: identifier, years: years)
        } throws: { error in
            guard case .irregularTimeZone(let name, let range, _) = error as? CalendarError else { return false }
            return name == identifier && range == years
        }
    }
}
