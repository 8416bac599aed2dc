/// Whose calendar file is being written, which decides the events and contact details in it.
public enum CalendarAudience: Sendable, Hashable {
    /// Every pair's series and the cohort events, with both people's contact details.
    case coordinator
    /// The series of the mentor with this id (one per mentee) and the cohort events.
    case mentor(id: String)
    /// The series of the mentee with this id and the cohort events.
    case mentee(id: String)
}
