/// The canonical column names of the two sign-up files, `mentors.csv` and `mentees.csv`, in the
/// order Tandem writes them.
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
}
