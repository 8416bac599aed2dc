import TandemCore

/// Which sign-up file a table is.
enum SignupSide {
    case mentor, mentee

    var canonical: [String] { self == .mentor ? SignupColumns.mentor : SignupColumns.mentee }
    /// The id prefix for a form's response numbers, so the two files' numbers never clash.
    var idPrefix: String { self == .mentor ? "M" : "E" }
    /// Its name under `input.columns`.
    var section: String { self == .mentor ? "mentors" : "mentees" }
}
