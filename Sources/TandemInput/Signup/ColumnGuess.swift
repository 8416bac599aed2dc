import TandemCore

/// Which Tandem column a form's question most likely fills, from the words of the question:
/// a first guess for the lines `tandem validate` prints, always marked for the coordinator
/// to check.
enum ColumnGuess {
    /// Words (in a heading's ``HeadingKey``) that suggest each column, most telling first; the
    /// first column whose words the heading contains wins.
    static let clues: [(field: String, words: [String])] = [
        ("consent_sensitive", ["consent", "permission", "agree"]),
        ("exclusions", ["not be paired", "shouldn't be paired", "should not be paired", "avoid", "exclu", "conflict"]),
        ("preferred_mentees", ["preferred mentee", "mentees you would like"]),
        ("preferred_mentors", ["preferred mentor", "mentors you would like"]),
        ("capacity", ["how many mentees", "how many people", "capacity", "mentees could you"]),
        ("themes_declined", ["rather not", "not discuss", "not want to discuss", "not talk", "decline", "avoid talking"]),
        ("themes_wanted", ["learn", "like to understand", "want to hear"]),
        ("themes_offered", ["topic", "theme", "talk about", "share", "experience"]),
        ("availability", ["free", "available", "availability", "when can", "times", "days"]),
        ("format", ["meet", "format", "online or", "in person"]),
        ("languages", ["language"]),
        ("job_title", ["job", "role", "position"]),
        ("organisation", ["organisation", "organization", "employer", "work for", "group", "referred", "trust"]),
        ("town", ["where", "town", "live", "area", "based", "borough"]),
        ("email", ["email", "e-mail"]),
        ("name", ["name"]),
    ]

    /// The field `heading` most likely fills among `free`, or `nil` when no clue fits.
    static func field(for heading: String, among free: [String]) -> String? {
        let key = HeadingKey.normalise(heading)
        for clue in clues where free.contains(clue.field) {
            if clue.words.contains(where: key.contains) { return clue.field }
        }
        return nil
    }
}
