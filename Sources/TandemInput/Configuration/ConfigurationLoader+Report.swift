import TandemCore
import Yams

extension ConfigurationLoader.Reader {
    /// `report:` the disclosure rule of shared tables and the type of named organisations.
    mutating func readReport(_ node: Node, into report: inout ReportSettings) {
        for (key, value) in entries(node, at: "report", allowed: ["suppress_below", "round_to", "organisation_types"]) {
            let path = "report." + key
            switch key {
            case "suppress_below":
                report.disclosure.suppressBelow = integer(value, path, in: 0...1000) ?? report.disclosure.suppressBelow
            case "round_to": report.disclosure.roundTo = integer(value, path, in: 1...1000) ?? report.disclosure.roundTo
            default:
                for (organisation, typeNode) in entries(value, at: path, allowed: nil) {
                    guard let text = string(typeNode, path + "." + organisation) else { continue }
                    let name = TextKey.normalise(text)
                    guard let type = OrganisationType.allCases.first(where: { TextKey.normalise($0.rawValue) == name }) else {
                        problem(
                            typeNode, path + "." + organisation,
                            "'\(text)' is not an organisation type; use NHS, council, community or other")
                        continue
                    }
                    report.organisationTypes[organisation] = type
                }
            }
        }
    }
}
