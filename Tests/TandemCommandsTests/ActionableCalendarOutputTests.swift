import Foundation
import TandemCalendar
import TandemCore
import TandemInput
import Testing

/// What the sample programme's files tell people to act on: the slot in matches.csv, and each
/// session's description, meeting link and reminders in the calendars.
@Suite("Sessions people can act on, as tandem writes them")
struct ActionableCalendarOutputTests {
    @Test func matchesCSVAndTheCalendarsSayTheSlotTheSameWay() throws {
        let out = CLI.scratch().appendingPathComponent("out")
        #expect(CLI.run(["match"] + CLI.sampleCohort + ["--out", out.path, "--quiet"], environment: CLI.fixedTimestamp) == 0)
        let table = try CSVTable.read(path: out.appendingPathComponent("matches.csv").path)
        let mentorColumn = try #require(table.header.firstIndex(of: "mentor_id"))
        let slotColumn = try #require(table.header.firstIndex(of: "slot"))
        #expect(table.records.count > 30)
        let matches = try #require(CLI.json(out.appendingPathComponent("matches.json")))
        let pairs = try #require(matches["pairs"] as? [[String: Any]])
        for (record, pair) in zip(table.records, pairs) {
            // The sample is monthly: "2nd Tuesday of each month, 18:00".
            let slot = record.fields[slotColumn]
            #expect(slot.wholeMatch(of: /(1st|2nd|3rd|4th|Last) [A-Z][a-z]+day of each month, \d\d:\d\d/) != nil, "\(slot)")
            let mentorFile = try #require(pair["mentor_file"] as? String)
            let ics = try Data(contentsOf: out.appendingPathComponent(mentorFile))
            let uid = try #require(pair["uid"] as? String)
            let event = try #require(CalendarCheck.contents(of: ics)?.events.first { $0.uid == uid })
            let description = try #require(event.description)
            #expect(description.contains("\nWhen: \(slot), for 60 minutes: one of 6 monthly sessions, "), "\(uid)")
            #expect(description.contains("\nTo prepare: Mentors: think of one experience"))
            #expect(description.contains("\nYour mentee: "))
            #expect(!description.contains("Your mentor"))
            #expect(event.alarms.map(\.trigger) == ["-P1D", "-PT1H"])
            #expect((event.url != nil) == (pair["online"] as? Bool == true), "\(uid)")
            #expect(record.fields[mentorColumn] == pair["mentor"] as? String)
        }
    }

    @Test func tandemCalendarWithoutTheConfigurationKeepsTheDefaultRemindersOnly() throws {
        let out = CLI.scratch().appendingPathComponent("out")
        #expect(CLI.run(["match"] + CLI.sampleCohort + ["--out", out.path, "--quiet"], environment: CLI.fixedTimestamp) == 0)
        let again = CLI.scratch().appendingPathComponent("again")
        let arguments = ["calendar", "--matches", out.appendingPathComponent("matches.json").path, "--out", again.path]
        #expect(CLI.run(arguments + ["--quiet"], environment: CLI.fixedTimestamp) == 0)
        let ics = try Data(contentsOf: again.appendingPathComponent("calendars/programme.ics"))
        let events = try #require(CalendarCheck.contents(of: ics)).events
        #expect(events.allSatisfy { $0.url == nil && $0.description?.contains("To prepare") == false })
        #expect(events.allSatisfy { $0.alarms.map(\.trigger) == ["-P1D", "-PT1H"] })
    }
}
