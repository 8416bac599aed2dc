import Foundation
import TandemCalendar
import TandemCore
import Testing

@Suite("libical's expansion equals the schedule")
struct ExpansionTests {
    @Test(
        "Expanded starts equal the sessions",
        arguments: [
            ("weekly across both UK clock changes", Fixture.weekly),
            ("fortnightly with bank-holiday EXDATEs", Fixture.fortnightly),
            ("monthly on the 2nd Tuesday", Fixture.secondTuesday),
            ("monthly on the last Friday, Christmas skipped", Fixture.lastFriday),
        ])
    func expansionEqualsSessions(_ name: String, series: SessionSeries) throws {
        for audience in [CalendarAudience.coordinator, .mentor(id: series.mentor.id), .mentee(id: series.mentee.id)] {
            let starts = CalendarCheck.expandedStarts(in: try Fixture.export(series: Fixture.allSeries).render(for: audience))
            #expect(starts[series.uid] == series.sessions)
        }
    }

    @Test("series with the same rule and start keep their own skipped dates")
    func sameRuleAndStartKeepTheirOwnExceptions() throws {
        let series = Fixture.fortnightly
        let all = series.sessions + series.skipped
        let twin = SessionSeries(
            uid: Fixture.pairUID(Fixture.amrit, Fixture.sam), mentor: Fixture.amrit, mentee: Fixture.sam, slot: series.slot,
            cadence: series.cadence, durationMinutes: series.durationMinutes, firstStart: series.firstStart,
            occurrenceCount: series.occurrenceCount, skipped: [], sessions: all.sorted(), location: series.location,
            isOnline: false)
        var third = series
        third.uid = "third"
        let file = try Fixture.export(series: [series, twin, third]).render(for: .coordinator)
        let starts = CalendarCheck.expandedStarts(in: file)
        #expect(starts[series.uid] == series.sessions)
        #expect(starts[twin.uid] == all.sorted())
        #expect(starts["third"] == series.sessions)
        #expect(CalendarCheck.problems(in: file).isEmpty)
    }

    @Test func expandsCohortEventsOnce() throws {
        let starts = CalendarCheck.expandedStarts(in: try Fixture.export().render(for: .mentee(id: "E3")))
        #expect(starts.count == 3)
        #expect(Set(starts.values.filter { $0.count == 1 }.map { $0[0] }) == Set(Fixture.cohortEvents.map(\.start)))
    }

    /// The weekly series keeps 18:00 local on both sides of each clock change, so its UTC time
    /// moves from 18:00 to 17:00 on 29 March and back on 25 October — as the file's own
    /// VTIMEZONE says through libical.
    @Test func weeklySessionsKeepTheirWallClockAcrossClockChanges() throws {
        let text = String(decoding: try Fixture.export(series: [Fixture.weekly]).render(for: .coordinator), as: UTF8.self)
        let begin = try #require(text.range(of: "BEGIN:VTIMEZONE\r\n"))
        let end = try #require(text.range(of: "END:VTIMEZONE\r\n"))
        let vtimezone = String(text[begin.lowerBound..<end.upperBound])
        let sessions = Fixture.weekly.sessions
        let instants = try #require(CalendarCheck.instants(ofVTimeZone: vtimezone, localTimes: sessions))
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = try #require(TimeZone(identifier: "UTC"))
        let utcHours = instants.map { calendar.component(.hour, from: $0) }
        for (session, hour) in zip(sessions, utcHours) {
            let isSummer =
                session.date > LocalDate(year: 2026, month: 3, day: 29)
                && session.date < LocalDate(year: 2026, month: 10, day: 25)
            #expect(hour == (isSummer ? 17 : 18), "\(session.date.iso)")
        }
        #expect(Set(utcHours) == [17, 18])
    }
}
