import Foundation
import TandemCore
import Testing

@testable import TandemInput

/// With `list_separator: ","` (Google Forms), an availability cell is not cut at its commas
/// before the availability grammar reads it, so no part of it is read on its own as a whole day.
@Suite("Availability in comma-separated sign-ups")
struct CommaSeparatedAvailabilityTests {
    static func mentee(availability: String, values: [String: String] = [:]) throws -> (Mentee?, [InputProblem]) {
        var configuration = TandemConfiguration()
        configuration.input.listSeparator = ","
        // As the configuration loader stores them: answers compared by their normalised form.
        if !values.isEmpty {
            configuration.input.values["availability"] = Dictionary(
                uniqueKeysWithValues: values.map { (AnswerKey.normalise($0.key), $0.value) })
        }
        let mentors =
            SignupReaderTests.mentorHeader
            + "\nM1,Amrit Kaur,a@example.org,Southall Group,Southall,English,Housing,,Tue 18:00-20:00,either,1,,,yes\n"
        let mentees =
            SignupReaderTests.menteeHeader
            + "\nE1,Jo Smith,jo@example.org,Ealing Council,Manager,Acton,English,Housing,\"\(availability)\",either,,,yes\n"
        let (cohort, problems) = try SignupReaderTests().read(mentors: mentors, mentees: mentees, configuration: configuration)
        return (cohort.mentees.first, problems)
    }

    static func windows(_ text: String) throws -> WeeklyAvailability {
        var week = WeeklyAvailability()
        for window in try AvailabilityParser().parseWindows(text) { week.insert(window) }
        return week
    }

    @Test func aListOfDaysBeforeATimeSharesTheTime() throws {
        let (mentee, problems) = try Self.mentee(availability: "Mon,Wed 7-9pm")
        #expect(problems.filter { $0.severity == .error }.isEmpty, "\(problems)")
        #expect(mentee?.availability == (try Self.windows("Mon & Wed 19:00-21:00")))
    }

    @Test func tickedBoxesAreTranslatedAndTypedTimesBetweenThemRead() throws {
        let (mentee, problems) = try Self.mentee(
            availability: "Saturday mornings (9-12), Mon, Wed 7-9pm", values: ["Saturday mornings (9-12)": "Sat 09:00-12:00"])
        #expect(problems.filter { $0.severity == .error }.isEmpty, "\(problems)")
        #expect(mentee?.availability == (try Self.windows("Sat 09:00-12:00; Mon & Wed 19:00-21:00")))
    }
}
