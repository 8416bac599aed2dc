import Foundation
import TandemCore
import Testing

@testable import TandemInput

@Suite("Programme configuration")
struct ConfigurationTests {
    static let dataFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Data")

    @Test func loadsTheSampleConfiguration() throws {
        let configuration = try ConfigurationLoader.load(path: Self.dataFolder.appendingPathComponent("tandem.yaml").path)
        #expect(configuration.programme.timeZone == "Europe/London")
        #expect(configuration.policy.sessionMinutes == 60)
        #expect(configuration.policy.seed == 2027)
        #expect(configuration.policy.menteeWeights[.themes] == 5)
        #expect(configuration.policy.sensitiveCriteria == [.themes])
        #expect(configuration.periods.contains { $0.name == "weekday evenings" })
    }

    @Test func emptyFileMeansDefaults() throws {
        let configuration = try ConfigurationLoader.parse("# nothing set\n", file: "tandem.yaml")
        #expect(configuration.policy == MatchingPolicy())
        #expect(configuration.input.listSeparator == ";")
    }

    @Test func readsMappingsSeparatorsAndLimits() throws {
        let text = """
            matching:
              max_list_length: 25
              optimal: mentor
            constraints:
              same_organisation: false
            input:
              list_separator: ","
              id_column: ID
              columns:
                mentees:
                  themes_wanted: "What would you like to learn about?"
            """
        let configuration = try ConfigurationLoader.parse(text, file: "tandem.yaml")
        #expect(configuration.policy.maxListLength == 25)
        #expect(configuration.policy.optimal == .mentor)
        #expect(configuration.policy.constraints.sameOrganisation == false)
        #expect(configuration.input.listSeparator == ",")
        #expect(configuration.input.idColumn == "ID")
        #expect(configuration.input.menteeColumns["what would you like to learn about?"] == "themes_wanted")
    }

    @Test func reportsEveryProblemWithItsLine() {
        let text = """
            programme:
              time_zone: Mars/Olympus
              session_minutes: 50
            wieghts:
              mentee: {themes: 1}
            matching:
              minimum_score: 2
            periods:
              evenings: Mon-Fri 25:00-26:00
            """
        // `parse` throws only `TandemFailure` (typed throws), so `failure` is one.
        do {
            _ = try ConfigurationLoader.parse(text, file: "tandem.yaml")
            Issue.record("expected failure")
        } catch let failure {
            #expect(failure.kind == .dataError)
            let lines = failure.problems.compactMap(\.line)
            #expect(lines == [2, 3, 4, 7, 9])
            #expect(
                failure.problems.map(\.field) == [
                    "programme.time_zone", "programme.session_minutes", "wieghts", "matching.minimum_score", "periods.evenings",
                ])
        }
    }

    @Test func readsMaxGapWeeksWithTwiceTheCadenceAsDefault() throws {
        let base = "schedule:\n  start_date: 2027-01-11\n  end_date: 2027-09-30\n  cadence: fortnightly\n"
        let unset = try #require(try ConfigurationLoader.parse(base, file: "tandem.yaml").schedule?.settings)
        #expect(unset.maxGapWeeks == nil)
        #expect(unset.gapLimitWeeks == 4)
        let set = try #require(
            try ConfigurationLoader.parse(base + "  max_gap_weeks: 6\n", file: "tandem.yaml").schedule?.settings)
        #expect(set.maxGapWeeks == 6)
        #expect(set.gapLimitWeeks == 6)
    }

    @Test(arguments: [
        (
            "  cadence: monthly\n  max_gap_weeks: 0\n", 5,
            "tandem.yaml:5: error: field 'schedule.max_gap_weeks': expected a whole number from 1 to 52, found '0'"
        ),
        (
            "  max_gap_weeks: eight\n", 4,
            "tandem.yaml:4: error: field 'schedule.max_gap_weeks': expected a whole number from 1 to 52, found 'eight'"
        ),
        (
            "  max_gap_weeks: 4\n  cadence: monthly\n", 4,
            "tandem.yaml:4: error: field 'schedule.max_gap_weeks': is 4 weeks, shorter than the cadence; use at least 5"
                + " (monthly sessions are 4 or 5 weeks apart), or leave it out for twice the cadence"
        ),
        (
            "  cadence: every 3 weeks\n  max_gap_weeks: 2\n", 5,
            "tandem.yaml:5: error: field 'schedule.max_gap_weeks': is 2 weeks, shorter than the cadence; use at least 3"
                + " (the cadence), or leave it out for twice the cadence"
        ),
    ])
    func reportsABadMaxGapWeeks(lines: String, line: Int, message: String) {
        let text = "schedule:\n  start_date: 2027-01-11\n  end_date: 2027-09-30\n" + lines
        do {
            _ = try ConfigurationLoader.parse(text, file: "tandem.yaml")
            Issue.record("expected failure")
        } catch let failure {
            #expect(failure.kind == .dataError)
            #expect(failure.problems.map(\.line) == [line])
            #expect(failure.problems.map(\.description) == [message])
        }
    }

    /// The line where the YAML parser stopped, in the middle of the file, not just any line.
    @Test(arguments: [
        ("programme:\n  name: Foo\n bad: indent\nmatching:\n  seed: 1\n", 3),
        ("programme:\n  name: Foo\nmatching:\n\tseed: 1\noptimal: mentor\n", 4),
    ])
    func syntaxErrorsNameTheLine(text: String, line: Int) {
        #expect {
            try ConfigurationLoader.parse(text, file: "tandem.yaml")
        } throws: { error in
            guard let failure = error as? TandemFailure, let problem = failure.problems.first else { return false }
            return failure.kind == .dataError && problem.line == line && problem.message.contains("YAML syntax")
        }
    }
}
