import Foundation
import TandemCalendar
import TandemCore
import Testing

/// Updates and cancellations of a series that people already have in their calendars.
@Suite("Calendar revisions")
struct CalendarRevisionTests {
    static let issued = Date(timeIntervalSince1970: 1_780_000_000)  // 2026-05-28T20:26:40Z

    func render(_ series: [SessionSeries], method: CalendarMethod, events: [CohortEvent] = []) throws -> Data {
        try CalendarExport(
            programme: Fixture.programme, series: series, cohortEvents: events, method: method, timestamp: Fixture.timestamp
        ).render(for: .coordinator)
    }

    @Test func aRevisionCarriesItsSequenceAndWhenItWasIssued() throws {
        var series = Fixture.secondTuesday
        series.sequence = 3
        series.issued = Self.issued
        let ics = try render([series, Fixture.weekly], method: .request)
        #expect(CalendarCheck.problems(in: ics) == [])
        let events = try #require(CalendarCheck.contents(of: ics)).events
        let revised = try #require(events.first { $0.uid == series.uid })
        #expect(revised.sequence == 3)
        #expect(revised.stamp == "20260528T202640Z")
        // A series without an issue time takes the file's timestamp, and starts at revision 0.
        let other = try #require(events.first { $0.uid == Fixture.weekly.uid })
        #expect(other.sequence == 0)
        #expect(other.stamp == "20260105T093000Z")
    }

    @Test func aSeriesEndedEarlyStopsAtTheLastSessionHeld() throws {
        let end = LocalDate(year: 2026, month: 5, day: 1)
        let ended = try #require(Fixture.fortnightly.ended(from: end, issued: Self.issued))
        #expect(ended.sequence == 1)
        // 23 March and 20 April held; 6 April skipped (Easter Monday) stays an exception.
        #expect(ended.sessions.map(\.date.day) == [23, 20])
        #expect(ended.skipped.map(\.date.day) == [6])
        let ics = try render([ended], method: .request)
        #expect(CalendarCheck.problems(in: ics) == [])
        let event = try #require(CalendarCheck.contents(of: ics)?.events.first)
        #expect(event.rule == "FREQ=WEEKLY;COUNT=3;INTERVAL=2")
        #expect(event.sequence == 1)
        #expect(CalendarCheck.expandedStarts(in: ics)[ended.uid] == ended.sessions)
        #expect(event.attendees.map(\.address) == ["mailto:siobhan@nhs.example", "mailto:m.alahmad@ealing.example"])
    }

    @Test func aSeriesEndedBeforeItsFirstSessionIsCancelledWhole() throws {
        #expect(Fixture.fortnightly.ended(from: LocalDate(year: 2026, month: 3, day: 23), issued: Self.issued) == nil)
        var cancelled = Fixture.fortnightly
        cancelled.sequence += 1
        cancelled.issued = Self.issued
        let ics = try render([cancelled], method: .cancel)
        #expect(CalendarCheck.problems(in: ics) == [])
        let contents = try #require(CalendarCheck.contents(of: ics))
        #expect(contents.method == "CANCEL")
        let event = try #require(contents.events.first)
        #expect(contents.events.count == 1)
        #expect(event.uid == Fixture.fortnightly.uid)
        #expect(event.status == "CANCELLED")
        #expect(event.sequence == 1)
        #expect(event.attendees.map(\.address) == ["mailto:siobhan@nhs.example", "mailto:m.alahmad@ealing.example"])
        #expect(event.organizer?.address == "mailto:priya.shah@ealing.example")
    }

    @Test func theSameRevisionRendersTheSameBytesWhateverTheFilesTimestamp() throws {
        var series = Fixture.weekly
        series.issued = Self.issued
        var event = Fixture.cohortEvents[0]
        event.issued = Self.issued
        func file(at timestamp: Date) throws -> Data {
            try CalendarExport(
                programme: Fixture.programme, series: [series], cohortEvents: [event], method: .publish, timestamp: timestamp
            ).render(for: .mentor(id: series.mentor.id))
        }
        #expect(try file(at: Fixture.timestamp) == file(at: Date(timeIntervalSince1970: 1_800_000_000)))
    }
}
