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

extension Cohort {
    /// The id and name of an unmatched person, whichever side they are on.
    public func identity(of person: UnmatchedPerson) -> (id: String, name: String) {
        person.side == .mentor
            ? (mentors[person.index].id, mentors[person.index].name)
            : (mentees[person.index].id, mentees[person.index].name)
    }
}
