import Foundation
import TandemCalendar
import TandemCore
import Testing

/// What a session's event gives its reader to act on: the series it belongs to, what to
/// prepare, whom to contact, the meeting link of an online pair, and reminders.
@Suite("Sessions people can act on")
struct CalendarActionTests {
    static let template = (try? MeetingLinkTemplate("https://meet.example.org/ealing-{pair}"))

    static func export(
        _ method: CalendarMethod = .publish, series: [SessionSeries] = Fixture.allSeries, settings: CalendarSettings
    ) -> CalendarExport {
        var export = Fixture.export(method, series: series)
        export.settings = settings
        return export
    }

    static func event(_ uid: String, in ics: Data) throws -> CalendarContents.Event {
        try #require(CalendarCheck.contents(of: ics)?.events.first { $0.uid == uid })
    }

    @Test func aMenteesDescriptionSaysTheSeriesThePartnerWhatToPrepareAndWhomToAsk() throws {
        let settings = CalendarSettings(prepare: "Bring one\ndecision your team faces.")
        let ics = try Self.export(settings: settings).render(for: .mentee(id: "E2"))
        let event = try Self.event(Fixture.fortnightly.uid, in: ics)
        #expect(
            event.description == """
                Reverse mentoring session, Ealing Reverse Mentoring 2026.
                When: Every other Monday, 12:30, for 45 minutes: one of 6 fortnightly sessions, March to June 2026.
                No session on Monday 6 April 2026 or Monday 4 May 2026.
                Your mentor: Siobhan O'Neill (siobhan@nhs.example)
                To prepare: Bring one decision your team faces.
                Questions, or cannot come? Coordinator: Priya Shah (priya.shah@ealing.example)
                """)
    }

    @Test func weeklyAndMonthlySeriesAreDescribedAsTheyRecur() throws {
        let ics = try Self.export(settings: CalendarSettings()).render(for: .coordinator)
        let expected: [(SessionSeries, String)] = [
            (Fixture.weekly, "When: Every Thursday, 18:00, for 60 minutes: one of 36 weekly sessions, March to November 2026."),
            (
                Fixture.secondTuesday,
                "When: 2nd Tuesday of each month, 17:30, for 60 minutes: one of 10 monthly sessions, January to October 2026."
            ),
            (
                Fixture.lastFriday,
                "When: Last Friday of each month, 08:15, for 30 minutes: one of 11 monthly sessions, January to November 2026."
            ),
        ]
        for (series, line) in expected {
            let lines = try #require(try Self.event(series.uid, in: ics).description).split(separator: "\n")
            #expect(lines.count > 1 && lines[1] == line)
        }
        // Christmas Day ends the rule after the last session: no gap to mention.
        let lastFriday = try #require(try Self.event(Fixture.lastFriday.uid, in: ics).description)
        #expect(!lastFriday.contains("No session"))
        // Without a preparation text there is no empty line for it.
        #expect(!lastFriday.contains("To prepare"))
        #expect(!lastFriday.contains("\n\n"))
    }

    @Test func everyEventCarriesTheDefaultRemindersOneDayAndOneHourBefore() throws {
        for method in [CalendarMethod.publish, .request] {
            let ics = try Self.export(method, settings: CalendarSettings()).render(for: .coordinator)
            let contents = try #require(CalendarCheck.contents(of: ics))
            #expect(contents.events.count == 6)
            for event in contents.events {
                #expect(event.alarms.map(\.trigger) == ["-P1D", "-PT1H"])
                #expect(event.alarms.allSatisfy { $0.action == "DISPLAY" && $0.description == event.summary })
            }
            #expect(CalendarCheck.problems(in: ics) == [])
        }
    }

    @Test func remindersFollowTheSettings() throws {
        let settings = CalendarSettings(reminderMinutes: [30, 2 * 24 * 60, 30, 90])
        let ics = try Self.export(settings: settings).render(for: .mentor(id: "M1"))
        let contents = try #require(CalendarCheck.contents(of: ics))
        for event in contents.events {
            #expect(event.alarms.map(\.trigger) == ["-P2D", "-PT1H30M", "-PT30M"])
        }
        #expect(CalendarCheck.problems(in: ics) == [])
    }

    @Test func noRemindersWhenTheListIsEmpty() throws {
        let ics = try Self.export(settings: CalendarSettings(reminderMinutes: [])).render(for: .coordinator)
        #expect(try #require(CalendarCheck.contents(of: ics)).events.allSatisfy { $0.alarms.isEmpty })
        #expect(!String(decoding: ics, as: UTF8.self).contains("VALARM"))
    }

    @Test func aCancellationCarriesNoReminderAndPassesTheChecks() throws {
        var ended = Fixture.secondTuesday
        ended.sequence = 1
        let ics = try Self.export(.cancel, series: [ended], settings: CalendarSettings()).render(for: .coordinator)
        let contents = try #require(CalendarCheck.contents(of: ics))
        #expect(contents.method == "CANCEL")
        #expect(contents.events.allSatisfy { $0.alarms.isEmpty && $0.status == "CANCELLED" })
        #expect(contents.events.first { $0.uid == ended.uid }?.sequence == 1)
        #expect(CalendarCheck.problems(in: ics) == [])
    }

    @Test func theCheckRefusesACancellationWithAReminderAndAnIncompleteAlarm() throws {
        let ics = try Self.export(.cancel, series: [Fixture.weekly], settings: CalendarSettings()).render(for: .coordinator)
        var text = String(decoding: ics, as: UTF8.self)
        text = text.replacingOccurrences(
            of: "STATUS:CANCELLED\r\n", with: "STATUS:CANCELLED\r\nBEGIN:VALARM\r\nACTION:DISPLAY\r\nEND:VALARM\r\n")
        let problems = CalendarCheck.problems(in: Data(text.utf8))
        #expect(problems.contains { $0.contains("a cancellation carries a VALARM") })
        let published = String(decoding: try Fixture.export().render(for: .mentor(id: "M2")), as: UTF8.self)
            .replacingOccurrences(of: "TRIGGER:-PT1H\r\n", with: "")
        #expect(CalendarCheck.problems(in: Data(published.utf8)).contains { $0.contains("has no ACTION or no TRIGGER") })
    }

    @Test func onlyOnlinePairsGetTheirMeetingLink() throws {
        let template = try #require(Self.template)
        let ics = try Self.export(settings: CalendarSettings(meetingLink: template)).render(for: .mentor(id: "M1"))
        let link = "https://meet.example.org/ealing-" + MeetingLinkTemplate.pairCode(forSeriesUID: Fixture.weekly.uid)
        let online = try Self.event(Fixture.weekly.uid, in: ics)
        #expect(online.location == link)
        #expect(online.url == link)
        #expect(online.description?.contains("\nJoin online: \(link)\n") == true)
        let inPerson = try Self.event(Fixture.secondTuesday.uid, in: ics)
        #expect(inPerson.location == Fixture.secondTuesday.location)
        #expect(inPerson.url == nil)
        #expect(inPerson.description?.contains("Join online") == false)
        #expect(CalendarCheck.problems(in: ics) == [])
    }

    @Test func aPairCodeIsStableShortAndSaysNothingAboutThePair() throws {
        let code = MeetingLinkTemplate.pairCode(forSeriesUID: Fixture.weekly.uid)
        #expect(code.wholeMatch(of: /[0-9a-f]{12}/) != nil)
        #expect(code == MeetingLinkTemplate.pairCode(forSeriesUID: Fixture.weekly.uid))
        let codes = Set(Fixture.allSeries.map { MeetingLinkTemplate.pairCode(forSeriesUID: $0.uid) })
        #expect(codes.count == Fixture.allSeries.count)
        #expect(!Fixture.weekly.uid.contains(code))
        // Pinned: a change would move every online pair to a new meeting room.
        #expect(MeetingLinkTemplate.pairCode(forSeriesUID: "00000000-0000-5000-8000-000000000000") == "27e5f5218b86")
    }

    @Test func aLongMeetingLinkIsFoldedWhereClientsReadIt() throws {
        let long =
            "https://teams.microsoft.example/l/meetup-join/19%3ameeting_ZmQ4OTQ5YjMtNzQ0Ny00YmU0LWI2ZjQtYzM5"
            + "YjY5ZTZiNWM2%40thread.v2/0?context=%7b%22Tid%22%3a%22{pair}%22%7d"
        let settings = CalendarSettings(
            prepare: String(repeating: "Prepare well; ", count: 12), meetingLink: try MeetingLinkTemplate(long))
        for audience in [CalendarAudience.coordinator, .mentor(id: "M1"), .mentee(id: "E1")] {
            let ics = try Self.export(.request, settings: settings).render(for: audience)
            #expect(CalendarCheck.problems(in: ics) == [], "\(audience)")
            let event = try Self.event(Fixture.weekly.uid, in: ics)
            #expect(event.url == settings.meetingLink?.link(forSeriesUID: Fixture.weekly.uid))
        }
    }

    /// libical splits a run of 74 octets without a space, `;` or `:` at a fixed place; wherever
    /// a long link ends, the escaped newline after it must not be split.
    @Test("No link length folds an escape", arguments: 40...200)
    func noLinkLengthFoldsAnEscape(length: Int) throws {
        let path = String(repeating: "abcdefghij", count: 20).prefix(length)
        let template = try MeetingLinkTemplate("https://meet.example.org/{pair}/" + path)
        let settings = CalendarSettings(prepare: "Read https://handbook.example.org/" + path, meetingLink: template)
        let ics = try Self.export(settings: settings).render(for: .mentor(id: "M1"))
        #expect(CalendarCheck.problems(in: ics) == [])
        let link = template.link(forSeriesUID: Fixture.weekly.uid)
        let event = try Self.event(Fixture.weekly.uid, in: ics)
        #expect(event.description?.contains("\nJoin online: \(link) \n") == true)
        // At these lengths libical would fold LOCATION and URL through their line end: the
        // location text stands instead, and the description keeps the link.
        if [41, 115, 189].contains(length) {
            #expect(event.location == Fixture.weekly.location && event.url == nil)
        } else {
            #expect(event.location == link && event.url == link)
        }
    }

    @Test func aPreparationTextWithALongRunOfCommasIsRefused() throws {
        let text = "See " + String(repeating: "abcdefg,", count: 10)
        #expect(CalendarSettings.problem(inPrepare: text)?.contains("add a space after its commas") == true)
        #expect(CalendarSettings.problem(inPrepare: String(repeating: "abcdefg, ", count: 10)) == nil)
        #expect(throws: CalendarError.self) {
            try Self.export(settings: CalendarSettings(prepare: text)).render(for: .coordinator)
        }
    }

    @Test(
        "A template that is no usable per-pair https link is refused with what to write",
        arguments: [
            ("http://meet.example.org/{pair}", "is not an https link"),
            ("https://meet.example.org/ealing", "has no {pair}"),
            ("https://meet.example.org/{pair}/{name}", "placeholder other than {pair}"),
            ("https://meet.example.org/my room/{pair}", "contains a space or control character"),
            ("https:///{pair}", "is not a valid link"),
            ("meet.example.org/{pair}", "is not an https link"),
            ("https://meet.example.org/{pair},x", "write it as %2C"),
        ])
    func invalidTemplatesAreRefused(template: String, message: String) {
        #expect {
            _ = try MeetingLinkTemplate(template)
        } throws: { error in
            (error as? MeetingLinkProblem)?.description.contains(message) == true
        }
    }

    @Test func theSameSettingsGiveTheSameBytes() throws {
        let settings = CalendarSettings(prepare: "Read the handbook.", meetingLink: Self.template)
        let first = try Self.export(settings: settings).render(for: .coordinator)
        let second = try Self.export(settings: settings).render(for: .coordinator)
        #expect(first == second)
    }
}
