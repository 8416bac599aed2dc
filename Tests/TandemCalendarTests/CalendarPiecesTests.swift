import Foundation
import TandemCalendar
import TandemCore
import Testing

@Suite("Calendar pieces shared between files")
struct CalendarPiecesTests {
    static let audiences: [CalendarAudience] = [.coordinator, .mentor(id: "M1"), .mentee(id: "E2"), .mentor(id: "M9")]

    /// Exports that differ in one thing each that the shared pieces hold: the method, the
    /// programme's name, its zone, its coordinator, the cohort events and the timestamp.
    static let exports: [CalendarExport] = {
        var exports = CalendarMethod.allCases.map { Fixture.export($0) }
        var renamed = Fixture.export()
        renamed.programme.name = "Acton Reverse Mentoring 2026"
        var elsewhere = Fixture.export()
        elsewhere.programme.timeZone = "America/New_York"
        var otherCoordinator = Fixture.export()
        otherCoordinator.programme.coordinatorName = "Sam Patel"
        otherCoordinator.programme.coordinatorEmail = "sam.patel@ealing.example"
        var moved = Fixture.export()
        moved.cohortEvents[0].location = "Southall Library"
        var later = Fixture.export()
        later.timestamp = Fixture.timestamp.addingTimeInterval(86_400)
        var oneSeries = Fixture.export(.request, series: [Fixture.weekly])
        oneSeries.cohortEvents = []
        // Online pairs' links (LOCATION and URL), no reminders, and a later revision of each
        // series: the parts a series' event shares between files must follow each of them.
        var linked = Fixture.export()
        linked.settings.meetingLink = try? MeetingLinkTemplate("https://meet.example.org/ealing-{pair}")
        var silent = Fixture.export()
        silent.settings.reminderMinutes = []
        var revised = Fixture.export(.request)
        for index in revised.series.indices { revised.series[index].sequence += 1 }
        // The same revision of a series, with a person's name corrected in the sign-ups.
        var corrected = Fixture.export()
        corrected.series[0].mentor.name = "Amrit Kaur-Singh"
        exports += [renamed, elsewhere, otherCoordinator, moved, later, oneSeries, linked, silent, revised, corrected]
        return exports
    }()

    @Test func aFileMadeWithPiecesOtherFilesMadeIsTheFileRenderedAlone() throws {
        let pieces = CalendarPieces()
        // Every file once, so that each piece is made by some other file first.
        for export in Self.exports {
            for audience in Self.audiences { _ = try export.render(for: audience, sharing: pieces) }
        }
        for export in Self.exports {
            for audience in Self.audiences {
                let shared = try export.render(for: audience, sharing: pieces)
                #expect(shared == (try export.render(for: audience, sharing: CalendarPieces())))
            }
        }
    }

    @Test func theExportsDifferInWhatThePiecesHold() throws {
        let files = try Self.exports.map { try $0.render(for: .coordinator) }
        #expect(Set(files).count == files.count)
    }

    /// libical parses each file put together from pieces and serialises it again as one tree:
    /// the bytes must not change.
    @Test("A file put together from pieces is what libical writes for the whole calendar", arguments: audiences)
    func piecesMakeLibicalsOwnSerialisation(audience: CalendarAudience) throws {
        let pieces = CalendarPieces()
        for export in Self.exports {
            _ = try export.render(for: .coordinator, sharing: pieces)
            let ics = try export.render(for: audience, sharing: pieces)
            let text = try #require(String(data: ics, encoding: .utf8))
            #expect(text.hasPrefix("BEGIN:VCALENDAR\r\n"))
            #expect(text.hasSuffix("\r\nEND:VCALENDAR\r\n"))
            #expect(Libical.roundTrip(text) == text)
            #expect(CalendarCheck.problems(in: ics) == [])
        }
    }

    @Test func aCheckThatNeedNotWaitFindsWhatTheFullCheckFinds() throws {
        let good = try Fixture.export().render(for: .coordinator)
        let broken = Data(String(decoding: good, as: UTF8.self).replacingOccurrences(of: "END:VEVENT\r\n", with: "").utf8)
        for ics in [good, broken] {
            #expect(try Self.checkWhenFree(ics) == CalendarCheck.problems(in: ics))
        }
        #expect(try Self.checkWhenFree(broken) != [])
    }

    /// ``CalendarCheck/problemsUnlessBusy(in:)``, asked again while other tests use libical.
    static func checkWhenFree(_ ics: Data) throws -> [String] {
        for _ in 0..<10_000 {
            if let problems = CalendarCheck.problemsUnlessBusy(in: ics) { return problems }
            Thread.sleep(forTimeInterval: 0.001)
        }
        return try #require(CalendarCheck.problemsUnlessBusy(in: ics))
    }
}
