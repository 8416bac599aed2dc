/// The kind of organisation someone comes from, for the fairness tables.
public enum OrganisationType: String, Sendable, Hashable, CaseIterable, Codable {
    case nhs = "NHS"
    case council
    case community
    case other
    case notGiven = "not given"

    /// The rule used when the configuration does not name the organisation: a name with a word
    /// of the NHS (`NHS`, `ICB`, `Surgery`, `Medical Practice`, `Health Centre`, `Hospital`,
    /// `GP`) is NHS; with `Council` or `Borough`, a council; any other mentor's organisation is
    /// community (mentors are community members); any other mentee's is other.
    public static func classify(_ organisation: String, side: CohortSide) -> OrganisationType {
        let words = organisation.lowercased().split { !$0.isLetter }.map(String.init)
        guard !words.isEmpty else { return .notGiven }
        let text = " " + words.joined(separator: " ") + " "
        let nhs = [" nhs ", " icb ", " surgery ", " medical practice ", " health centre ", " hospital ", " gp "]
        if nhs.contains(where: text.contains) { return .nhs }
        if [" council ", " borough "].contains(where: text.contains) { return .council }
        return side == .mentor ? .community : .other
    }
}
