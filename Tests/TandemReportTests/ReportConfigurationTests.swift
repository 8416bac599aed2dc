import TandemCore
import TandemInput
import Testing

@Suite("The configuration's report section")
struct ReportConfigurationTests {
    @Test("report sets the disclosure rule and organisation types; absent, the NHS rule applies")
    func readsTheSection() throws {
        let configuration = try ConfigurationLoader.parse(
            """
            report:
              suppress_below: 10
              round_to: 1
              organisation_types:
                Kingfisher Health Centre: NHS
                Voices of Colour: community
            """, file: "tandem.yaml")
        #expect(configuration.report.disclosure == DisclosureRule(suppressBelow: 10, roundTo: 1))
        #expect(configuration.report.type(of: "kingfisher health centre", side: .mentee) == .nhs)
        #expect(configuration.report.type(of: "Voices of Colour", side: .mentee) == .community)
        let defaults = try ConfigurationLoader.parse("programme:\n  name: X\n", file: "tandem.yaml")
        #expect(defaults.report.disclosure == DisclosureRule(suppressBelow: 8, roundTo: 5))
    }

    @Test("A wrong value names its line and field and says what to write")
    func reportsMistakes() {
        do {
            _ = try ConfigurationLoader.parse(
                "report:\n  round_to: 0\n  organisation_types:\n    Acme: charity\n  colour: red\n", file: "tandem.yaml")
            Issue.record("expected a failure")
        } catch {
            let lines = error.problems.map(\.description)
            #expect(lines.contains { $0.contains("tandem.yaml:2") && $0.contains("report.round_to") })
            #expect(lines.contains { $0.contains("tandem.yaml:4") && $0.contains("'charity' is not an organisation type") })
            #expect(lines.contains { $0.contains("tandem.yaml:5") && $0.contains("report.colour") })
        }
    }
}
