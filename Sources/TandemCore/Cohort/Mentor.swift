/// A community member offering lived experience (in reverse mentoring the community member mentors).
public struct Mentor: Sendable, Hashable {
    public var id: String
    public var name: String
    public var email: String
    public var organisation: String
    public var town: String
    /// Most comfortable language first.
    public var languages: [String]
    public var themesOffered: [String]
    /// Topics the mentor will not discuss: never counted, whatever the mentee wants.
    public var themesDeclined: [String]
    public var availability: WeeklyAvailability
    public var format: MeetingFormat
    /// How many mentees the mentor will take this round (0 = none).
    public var capacity: Int
    /// Ids of mentees, or organisation names, the mentor must not be paired with.
    public var exclusions: [String]
    /// Mentee ids, most preferred first.
    public var preferredMentees: [String]
    /// Consent to use sensitive (special-category) answers for matching.
    public var consentsToSensitiveUse: Bool

    public init(
        id: String, name: String, email: String = "", organisation: String = "", town: String = "",
        languages: [String] = [], themesOffered: [String] = [], themesDeclined: [String] = [],
        availability: WeeklyAvailability = WeeklyAvailability(), format: MeetingFormat = .either,
        capacity: Int = 1, exclusions: [String] = [], preferredMentees: [String] = [],
        consentsToSensitiveUse: Bool = false
    ) {
        self.id = id
        self.name = name
        self.email = email
        self.organisation = organisation
        self.town = town
        self.languages = languages
        self.themesOffered = themesOffered
        self.themesDeclined = themesDeclined
        self.availability = availability
        self.format = format
        self.capacity = capacity
        self.exclusions = exclusions
        self.preferredMentees = preferredMentees
        self.consentsToSensitiveUse = consentsToSensitiveUse
    }
}
