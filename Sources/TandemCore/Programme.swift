/// The programme as people see it: its name, who coordinates it, where its clocks are.
public struct Programme: Sendable, Hashable {
    /// A fixed key for the programme's calendar UIDs (`programme.id`); `nil` uses the name.
    public var id: String?
    public var name: String
    public var coordinatorName: String
    public var coordinatorEmail: String
    /// An IANA time zone name; all availability is local wall-clock time in this zone.
    public var timeZone: String

    public init(
        id: String? = nil, name: String = "Reverse mentoring programme", coordinatorName: String = "",
        coordinatorEmail: String = "",
        timeZone: String = "Europe/London"
    ) {
        self.id = id
        self.name = name
        self.coordinatorName = coordinatorName
        self.coordinatorEmail = coordinatorEmail
        self.timeZone = timeZone
    }

    /// What calendar UIDs derive from: ``id`` when set, else the name. Saved with the results,
    /// so re-exporting after a rename keeps every UID.
    public var key: String { id ?? name }
}
