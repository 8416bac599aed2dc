/// An NHS or council professional who wants to learn from lived experience.
public struct Mentee: Sendable, Hashable {
    public var id: String
    public var name: String
    public var email: String
    public var organisation: String
    public var jobTitle: String
    public var town: String
    /// Most comfortable language first.
    public var languages: [String]
    public var themesWanted: [String]
    public var availability: WeeklyAvailability
    public var format: MeetingFormat
    /// Ids of mentors, or organisation names, the mentee must not be paired with.
    public var exclusions: [String]
    /// Mentor ids, most preferred first.
    public var preferredMentors: [String]
    /// Consent to use sensitive (special-category) answers for matching.
    public var consentsToSensitiveUse: Bool

    public init(
        id: String, name: String, email: String = "", organisation: String = "", jobTitle: String = "",
        town: String = "", languages: [String] = [], themesWanted: [String] = [],
        availability: WeeklyAvailability = WeeklyAvailability(), format: MeetingFormat = .either,
        exclusions: [String] = [], preferredMentors: [String] = [], consentsToSensitiveUse: Bool = false
    ) {
        self.id = id
        self.name = name
        self.email = email
        self.organisation = organisation
        self.jobTitle = jobTitle
        self.town = town
        self.languages = languages
        self.themesWanted = themesWanted
        self.availability = availability
        self.format = format
        self.exclusions = exclusions
        self.preferredMentors = preferredMentors
        self.consentsToSensitiveUse = consentsToSensitiveUse
    }
}
