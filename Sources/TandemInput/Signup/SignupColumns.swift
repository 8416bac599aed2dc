import TandemCore

/// The canonical column names of the two sign-up files.
public enum SignupColumns {
    public static let mentor = [
        "id", "name", "email", "organisation", "town", "languages", "themes_offered", "themes_declined",
        "availability", "format", "capacity", "exclusions", "preferred_mentees", "consent_sensitive",
    ]
    public static let mentee = [
        "id", "name", "email", "organisation", "job_title", "town", "languages", "themes_wanted",
        "availability", "format", "exclusions", "preferred_mentors", "consent_sensitive",
    ]
    /// Without these a file cannot be matched (`id` may instead come from `input.id_column`).
    public static let requiredMentor = ["id", "name", "email", "availability", "themes_offered"]
    public static let requiredMentee = ["id", "name", "email", "availability", "themes_wanted"]

    /// Header text as typed in a form → the canonical name it most likely means, before any
    /// configured mapping: case, spaces, dashes and underscores are ignored.
    static func canonicalKey(_ header: String) -> String {
        TextKey.normalise(header.map { $0 == "_" || $0 == "-" ? " " : $0 }.reduce(into: "") { $0.append($1) })
            .replacingSpaces()
    }
}

extension String {
    fileprivate func replacingSpaces() -> String {
        String(map { $0 == " " ? "_" : $0 })
    }
}
