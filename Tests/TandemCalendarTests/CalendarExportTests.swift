import Foundation
import Synchronization
import TandemCalendar
import TandemCore
import Testing

@Suite("Calendar export")
struct CalendarExportTests {
    static let audiences: [CalendarAudience] = [.coordinator, .mentor(id: "M1"), .mentee(id: "E2"), .mentor(id: "M9")]

    @Test("Every file passes the independent checks", arguments: CalendarMethod.allCases, audiences)
    func filesPassTheChecks(method: CalendarMethod, audience: CalendarAudience) throws {
        let ics = try Fixture.export(method).render(for: audience)
        #expect(CalendarCheck.problems(in: ics) == [])
    }

    @Test func writesTheCalendarProperties() throws {
        let contents = try #require(CalendarCheck.contents(of: Fixture.export().render(for: .coordinator)))
        #expect(contents.version == "2.0")
        #expect(contents.productID == "-//Tandem//Reverse mentoring calendar//EN")
        #expect(contents.calendarScale == "GREGORIAN")
        #expect(contents.method == "PUBLISH")
        #expect(contents.name == "Ealing Reverse Mentoring 2026")
        // One compact zone, before the events.
        #expect(contents.componentNames == ["VTIMEZONE"] + Array(repeating: "VEVENT", count: 6))
        #expect(contents.timeZoneIDs == ["Europe/London"])
    }

    @Test func writesEachSeriesAsOneRecurringEvent() throws {
        let contents = try #require(CalendarCheck.contents(of: Fixture.export().render(for: .coordinator)))
        let events = Dictionary(uniqueKeysWithValues: contents.events.map { ($0.uid, $0) })
        let expectations: [(SessionSeries, String)] = [
            (Fixture.weekly, "FREQ=WEEKLY;COUNT=36"),
            (Fixture.fortnightly, "FREQ=WEEKLY;COUNT=8;INTERVAL=2"),
            (Fixture.secondTuesday, "FREQ=MONTHLY;COUNT=10;BYDAY=2TU"),
            (Fixture.lastFriday, "FREQ=MONTHLY;COUNT=12;BYDAY=-1FR"),
        ]
        for (series, rule) in expectations {
            let event = try #require(events[series.uid])
            #expect(event.rule == rule)
            #expect(event.start == series.firstStart)
            #expect(event.startTZID == "Europe/London")
            #expect(event.endTZID == "Europe/London")
            #expect(event.exceptions == series.skipped)
            #expect(event.exceptionTZIDs == series.skipped.map { _ in "Europe/London" })
            #expect(event.sequence == 0)
            #expect(event.status == "CONFIRMED")
            #expect(event.location == series.location)
            #expect(event.organizer?.address == "mailto:priya.shah@ealing.example")
            #expect(event.organizer?.name == "Priya Shah")
        }
        let fortnightly = try #require(events[Fixture.fortnightly.uid])
        #expect(fortnightly.end == LocalDateTime(year: 2026, month: 3, day: 23, hour: 13, minute: 15))
        #expect(fortnightly.summary == "Reverse mentoring: Siobhan O'Neill & محمد الأحمد")
    }

    @Test func hostileNamesSurviveARoundTrip() throws {
        let contents = try #require(CalendarCheck.contents(of: Fixture.export(.request).render(for: .coordinator)))
        let event = try #require(contents.events.first { $0.uid == Fixture.weekly.uid })
        #expect(event.summary == "Reverse mentoring: \(Fixture.hostileName) & \(Fixture.cleanedNewlineName)")
        #expect(event.attendees.map(\.name) == [Fixture.hostileName, Fixture.cleanedNewlineName])
        let description = try #require(event.description)
        #expect(description.contains("Mentor: \(Fixture.hostileName) (amrit.kaur@nhs.example)"))
        #expect(description.contains("Mentee: Jo Bloggs (jo.bloggs@ealing.example)"))
        #expect(description.contains("Coordinator: Priya Shah (priya.shah@ealing.example)"))
        let tamil = try #require(contents.events.first { $0.uid == Fixture.secondTuesday.uid })
        #expect(tamil.summary == "Reverse mentoring: \(Fixture.hostileName) & தமிழ்செல்வி")
    }

    @Test func controlCharactersNeverReachTheFile() throws {
        var series = Fixture.fortnightly
        series.mentee.name = "Bell\u{07}\tTab\r\nNew\u{2028}Line\u{0}"
        series.location = "Room\n12"
        let ics = try Fixture.export(.request, series: [series]).render(for: .coordinator)
        let controls = ics.filter { $0 < 0x20 && $0 != 0x0D && $0 != 0x0A }
        #expect(controls.isEmpty)
        let event = try #require(CalendarCheck.contents(of: ics)?.events.first { $0.uid == series.uid })
        #expect(event.attendees.last?.name == "Bell Tab New Line")
        #expect(event.location == "Room 12")
        #expect(CalendarCheck.problems(in: ics) == [])
    }

    @Test func publishHasNoAttendeesAndRequestHasTwoPerSeries() throws {
        let published = try Fixture.export(.publish).render(for: .coordinator)
        let publishedContents = try #require(CalendarCheck.contents(of: published))
        #expect(publishedContents.events.allSatisfy { $0.attendees.isEmpty })
        #expect(!String(decoding: published, as: UTF8.self).contains("ATTENDEE"))

        let requested = try #require(CalendarCheck.contents(of: Fixture.export(.request).render(for: .coordinator)))
        #expect(requested.method == "REQUEST")
        for series in Fixture.allSeries {
            let event = try #require(requested.events.first { $0.uid == series.uid })
            #expect(event.attendees.map(\.address) == ["mailto:\(series.mentor.email)", "mailto:\(series.mentee.email)"])
            #expect(event.attendees.allSatisfy { $0.role == "REQ-PARTICIPANT" && $0.rsvp == "TRUE" })
        }
    }

    @Test func aMentorsFileHasOnlyTheirSeries() throws {
        let contents = try #require(CalendarCheck.contents(of: Fixture.export().render(for: .mentor(id: "M1"))))
        let cohortUIDs = Set(
            Fixture.cohortEvents.map { event in
                contents.events.first { $0.summary == event.title }?.uid ?? "missing"
            })
        #expect(!cohortUIDs.contains("missing"))
        let seriesUIDs = Set(contents.events.map(\.uid)).subtracting(cohortUIDs)
        #expect(seriesUIDs == [Fixture.weekly.uid, Fixture.secondTuesday.uid])
        let text = String(decoding: try Fixture.export().render(for: .mentor(id: "M1")), as: UTF8.self)
        for stranger in ["Siobhan", "Chris", "Sam Lee", "siobhan@", "sam.lee@", "محمد"] {
            #expect(!text.contains(stranger), "\(stranger) leaked into M1's file")
        }
    }

    @Test func descriptionsNameThePartnerAndTheCoordinator() throws {
        let menteeFile = try #require(CalendarCheck.contents(of: Fixture.export().render(for: .mentee(id: "E2"))))
        let event = try #require(menteeFile.events.first { $0.uid == Fixture.fortnightly.uid })
        #expect(
            event.description == """
                Reverse mentoring session, Ealing Reverse Mentoring 2026.
                When: Every other Monday, 12:30, for 45 minutes: one of 6 fortnightly sessions, March to June 2026.
                No session on Monday 6 April 2026 or Monday 4 May 2026.
                Your mentor: Siobhan O'Neill (siobhan@nhs.example)
                Questions, or cannot come? Coordinator: Priya Shah (priya.shah@ealing.example)
                """)
        let mentorFile = try #require(CalendarCheck.contents(of: Fixture.export().render(for: .mentor(id: "M2"))))
        let mentorEvent = try #require(mentorFile.events.first { $0.uid == Fixture.fortnightly.uid })
        #expect(mentorEvent.description?.contains("Your mentee: محمد الأحمد (m.alahmad@ealing.example)") == true)
        #expect(mentorEvent.description?.contains("siobhan@") == false)
    }

    @Test func uidsAreStableUUIDsThatDifferPerPair() throws {
        let uids = Fixture.allSeries.map(\.uid)
        #expect(Set(uids).count == uids.count)
        #expect(uids == Fixture.allSeries.map { Fixture.pairUID($0.mentor, $0.mentee) })
        for uid in uids {
            #expect(uid.wholeMatch(of: /[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}/) != nil)
        }
        // Pinned: changing the scheme would make every client see every series as new.
        #expect(SeriesIdentity.uid(programme: "P", mentorID: "M1", menteeID: "E1") == Self.pinnedUID)
        // Swapping roles or moving a character between the ids changes the UID.
        #expect(SeriesIdentity.uid(programme: "P", mentorID: "E1", menteeID: "M1") != Self.pinnedUID)
        #expect(SeriesIdentity.uid(programme: "P", mentorID: "M1E", menteeID: "1") != Self.pinnedUID)
        let contents = try #require(CalendarCheck.contents(of: Fixture.export().render(for: .coordinator)))
        #expect(Set(contents.events.map(\.uid)).isSuperset(of: uids))
    }

    /// Computed independently: Python's `uuid.uuid5` of the namespace with the length-prefixed
    /// name `\0\0\0\x01P\0\0\0\x02M1\0\0\0\x02E1`.
    static let pinnedUID = "bdf1a5ec-272f-57b3-af67-4320e8b04f08"

    @Test func stampsEveryEventWithTheGivenTimestampInUTC() throws {
        let contents = try #require(CalendarCheck.contents(of: Fixture.export().render(for: .coordinator)))
        #expect(contents.events.count == 6)
        #expect(contents.events.allSatisfy { $0.stamp == "20260105T093000Z" })
    }

    @Test func outputIsDeterministic() throws {
        let first = try Fixture.export(.request).render(for: .coordinator)
        let again = try Fixture.export(.request).render(for: .coordinator)
        let reordered = try Fixture.export(.request, series: Fixture.allSeries.reversed()).render(for: .coordinator)
        #expect(first == again)
        #expect(first == reordered)
    }

    @Test func rendersConsistentlyFromManyTasksAtOnce() async throws {
        let audiences: [CalendarAudience] = [.coordinator, .mentor(id: "M1"), .mentee(id: "E4")]
        let expected = try audiences.map { try Fixture.export().render(for: $0) }
        let results = try await withThrowingTaskGroup(of: (Int, Data, [String]).self) { group in
            for index in 0..<24 {
                group.addTask {
                    let which = index % audiences.count
                    let ics = try Fixture.export().render(for: audiences[which])
                    return (which, ics, CalendarCheck.problems(in: ics))
                }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        #expect(results.count == 24)
        for (which, ics, problems) in results {
            #expect(ics == expected[which])
            #expect(problems == [])
        }
    }

    @Test func disclosesOnlyNamesContactTimeAndPlace() throws {
        // The sign-up behind a pair holds themes, languages, organisation and consent; only
        // the CalendarPerson part may reach a calendar.
        let signUp = Mentor(
            id: "M7", name: "Harpreet Gill", email: "harpreet@community.example", organisation: "Southall Gurdwara",
            languages: ["Punjabi", "Urdu"], themesOffered: ["Neurodiversity", "Climate anxiety"],
            themesDeclined: ["Bereavement"], consentsToSensitiveUse: true)
        var series = Fixture.fortnightly
        series.mentor = CalendarPerson(id: signUp.id, name: signUp.name, email: signUp.email)
        let privateWords = [signUp.organisation] + signUp.languages + signUp.themesOffered + signUp.themesDeclined + ["consent"]
        let allowed: Set = [
            "UID", "DTSTAMP", "DTSTART", "DTEND", "RRULE", "EXDATE", "SUMMARY", "LOCATION", "DESCRIPTION", "ORGANIZER",
            "ATTENDEE", "SEQUENCE", "STATUS", "URL",
        ]
        for method in CalendarMethod.allCases {
            let ics = try Fixture.export(method, series: [series] + Fixture.allSeries.dropFirst(2)).render(for: .coordinator)
            let text = String(decoding: ics, as: UTF8.self).lowercased()
            #expect(text.contains("harpreet gill"))
            for word in privateWords { #expect(!text.contains(word.lowercased()), "\(word) leaked") }
            let contents = try #require(CalendarCheck.contents(of: ics))
            for event in contents.events { #expect(Set(event.propertyNames).isSubset(of: allowed), "\(event.propertyNames)") }
        }
    }

    /// Renders run side by side outside libical's lock (LibicalGate.runUnshared): many at once,
    /// while other threads parse and check files behind the lock, must give exactly the bytes
    /// of a render on its own.
    @Test func concurrentRendersMatchASingleRender() throws {
        let jobs = CalendarMethod.allCases.flatMap { method in Self.audiences.map { (method, $0) } }
        let expected = try jobs.map { try Fixture.export($0.0).render(for: $0.1) }
        let mismatches = Mutex(0)
        DispatchQueue.concurrentPerform(iterations: 64) { iteration in
            let (method, audience) = jobs[iteration % jobs.count]
            let ics = try? Fixture.export(method).render(for: audience)
            if iteration.isMultiple(of: 4), let ics { _ = CalendarCheck.problems(in: ics) }
            if ics != expected[iteration % jobs.count] { mismatches.withLock { $0 += 1 } }
        }
        #expect(mismatches.withLock { $0 } == 0)
    }
}
