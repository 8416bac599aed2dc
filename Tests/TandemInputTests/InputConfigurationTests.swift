import Foundation
import TandemCore
import Testing

@testable import TandemInput

@Suite("The input and organisations sections of the configuration")
struct InputConfigurationTests {
    func problems(_ text: String) -> [InputProblem] {
        do {
            _ = try ConfigurationLoader.parse(text, file: "tandem.yaml")
            return []
        } catch {
            return error.problems
        }
    }

    @Test func readsTheIssuesExampleShape() throws {
        let configuration = try ConfigurationLoader.parse(
            """
            input:
              id_column: ID
              ignore_columns: [Name, Email]
              duplicates: latest
              values:
                consent_sensitive: {"Yes, I consent": yes, "No thank you": no}
                format: {"Online (Teams)": online, "In person (Ealing)": in person, "Either is fine": either}
                capacity: {"Just one please": 1, "1-2": 2}
            organisations:
              Ealing Council: [London Borough of Ealing, Ealing Borough Council, LBE]
            """, file: "tandem.yaml")
        #expect(configuration.input.idColumn == "ID")
        #expect(configuration.input.ignoreColumns == ["name", "email"])
        #expect(configuration.input.duplicates == .latest)
        #expect(configuration.input.values["consent_sensitive"] == ["yes, i consent": "yes", "no thank you": "no"])
        #expect(configuration.input.values["format"]?["online (teams)"] == "online")
        #expect(configuration.input.values["capacity"] == ["just one please": "1", "1-2": "2"])
        #expect(configuration.organisations.canonical("lbe") == "Ealing Council")
        #expect(configuration.organisations.canonical("London  Borough of Ealing") == "Ealing Council")
        #expect(configuration.organisations.canonical("Ealing Council") == "Ealing Council")
        #expect(configuration.organisations.canonical("Acton Group") == "Acton Group")
    }

    @Test func columnsMayBeWrittenEitherWayRound() throws {
        let configuration = try ConfigurationLoader.parse(
            """
            input:
              columns:
                mentors:
                  name: Your full name
                  Which topics?: themes_offered
                  How did you hear?: ignore
            """, file: "tandem.yaml")
        #expect(configuration.input.mentorColumns == ["your full name": "name", "which topics?": "themes_offered"])
        #expect(configuration.input.mentorMappings.map(\.field) == ["name", "themes_offered", nil])
        #expect(configuration.input.mentorMappings.map(\.line) == [4, 5, 6])
    }

    @Test(arguments: [
        (
            "input:\n  columns:\n    mentors:\n      Which topics?: themes_ofered\n", "input.columns.mentors.Which topics?",
            "not a Tandem column"
        ),
        ("input:\n  columns:\n    mentors:\n      name: \"\"\n", "input.columns.mentors.name", "is blank"),
        ("input:\n  duplicates: newest\n", "input.duplicates", "'latest'"),
        (
            "input:\n  values:\n    format: {Hybrid: sometimes}\n", "input.values.format",
            "'Hybrid': 'sometimes' is not online, in person or either"
        ),
        ("input:\n  values:\n    capacity: {Lots: 11}\n", "input.values.capacity", "from 0 to 10"),
        (
            "input:\n  values:\n    consent_sensitive: {\"Yes, I consent\": \"\"}\n", "input.values.consent_sensitive",
            "has no value yet; write yes or no"
        ),
        ("input:\n  values:\n    colour: {Red: red}\n", "input.values.colour", "unknown setting"),
        (
            "organisations:\n  Ealing Council: [LBE]\n  Brent Council: [LBE]\n", "organisations.Brent Council",
            "already a spelling of 'Ealing Council'"
        ),
    ])
    func reportsABadInputSetting(_ text: String, _ field: String, _ message: String) {
        let found = problems(text)
        #expect(found.count == 1, "\(found)")
        #expect(found.first?.field == field)
        #expect(found.first?.message.contains(message) == true, "\(found)")
    }

    @Test func aTypoInATandemNameSuggestsTheRightOne() {
        let found = problems("input:\n  columns:\n    mentors:\n      themes_ofered: Which topics?\n")
        #expect(found.first?.message.contains("('themes_offered'?)") == true, "\(found)")
    }
}
