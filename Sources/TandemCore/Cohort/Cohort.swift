/// Everyone taking part in one matching round.
///
/// Indices into ``mentors`` and ``mentees`` are the dense integer indices the matching engine uses.
public struct Cohort: Sendable, Hashable {
    public var mentors: [Mentor]
    public var mentees: [Mentee]

    public init(mentors: [Mentor], mentees: [Mentee]) {
        self.mentors = mentors
        self.mentees = mentees
    }
}
