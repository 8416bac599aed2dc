import Foundation
import TandemCore
import Testing

@testable import TandemInput

/// The `calendar` section: what to prepare, the meeting-link template and the reminders.
@Suite("Configuration: the calendar section")
struct ConfigurationCalendarTests {
    @Test func readsPreparationLinkAndReminders() throws {
        let configuration = try ConfigurationLoader.parse(
            """
            calendar:
              prepare: >-
                Bring one example
                from your work.
              meeting_link: https://meet.example.org/ealing-{pair}
              reminders: [2 days, 1 hour, 30 minutes, 45, 1 week]
            """, file: "tandem.yaml")
        #expect(configuration.calendar.prepare == "Bring one example from your work.")
        #expect(configuration.calendar.meetingLink?.text == "https://meet.example.org/ealing-{pair}")
        #expect(configuration.calendar.reminderMinutes == [2 * 1440, 60, 30, 45, 7 * 1440])
    }

    @Test func withoutTheSectionRemindersAreADayAndAnHourBefore() throws {
        let calendar = try ConfigurationLoader.parse("programme:\n  name: P\n", file: "tandem.yaml").calendar
        #expect(calendar == CalendarSettings(prepare: "", meetingLink: nil, reminderMinutes: [1440, 60]))
        let none = try ConfigurationLoader.parse("calendar:\n  reminders: []\n", file: "tandem.yaml").calendar
        #expect(none.reminderMinutes == [])
    }

    @Test func theSampleConfigurationHasACalendarSection() throws {
        let calendar = try ConfigurationLoader.load(
            path: ConfigurationTests.dataFolder.appendingPathComponent("tandem.yaml").path
        )
        .calendar
        #expect(calendar.prepare.hasPrefix("Mentors: think of one experience"))
        #expect(calendar.meetingLink?.text.hasPrefix("https://") == true)
        #expect(calendar.reminderMinutes == [1440, 60])
    }

    @Test func badValuesAreReportedWithTheirLineAndWhatToWrite() throws {
        let text = """
            calendar:
              meeting_link: http://meet.example.org/{pair}
              reminders: [1 day, soon, 5 weeks]
              remind: [1 hour]
            """
        #expect {
            _ = try ConfigurationLoader.parse(text, file: "tandem.yaml")
        } throws: { error in
            guard let failure = error as? TandemFailure else { return false }
            let problems = failure.problems.map { ($0.line, $0.field ?? "", $0.message) }
            return problems.count == 4 && failure.kind == .dataError
                && problems[0] == (
                    2, "calendar.meeting_link",
                    "'http://meet.example.org/{pair}' is not an https link; a meeting link starts with https://"
                )
                && problems[1].0 == 3 && problems[1].1 == "calendar.reminders" && problems[1].2.contains("'soon'")
                && problems[2].0 == 3 && problems[2].2.contains("'5 weeks'") && problems[2].2.contains("up to 4 weeks")
                && problems[3].0 == 4 && problems[3].1 == "calendar.remind"
        }
    }

    @Test func aPreparationTextCalendarsWouldMisreadIsReported() throws {
        let text = "calendar:\n  prepare: See " + String(repeating: "abcdefg,", count: 10) + "\n"
        #expect {
            _ = try ConfigurationLoader.parse(text, file: "tandem.yaml")
        } throws: { error in
            let problem = (error as? TandemFailure)?.problems.first
            return problem?.line == 2 && problem?.field == "calendar.prepare"
                && problem?.message.contains("add a space after its commas") == true
        }
    }

    @Test(
        "Reminder times in words or minutes",
        arguments: [
            ("1 day", 1440), ("2 DAYS", 2880), ("1 hour", 60), ("90", 90), ("15 min", 15), ("1 week", 10080),
            ("4 weeks", 40320),
        ])
    func reminderTimes(text: String, minutes: Int) {
        #expect(ConfigurationLoader.Reader.reminderMinutes(text) == minutes)
    }

    @Test("Reminder times that are refused", arguments: ["0 minutes", "-1 hour", "1 fortnight", "soon", "5 weeks", ""])
    func refusedReminderTimes(text: String) {
        #expect(ConfigurationLoader.Reader.reminderMinutes(text) == nil)
    }
}
