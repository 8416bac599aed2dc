/// The programme as people see it: its name, who coordinates it, where its clocks are.
public struct Programme: Sendable, Hashable {
    public var name: String
    public var coordinatorName: String
    public var coordinatorEmail: String
    /// An IANA time zone name; all availability is local wall-clock time in this zone.
    public var timeZone: String

    public init(
        name: String = "Reverse mentoring programme", coordinatorName: String = "", coordinatorEmail: String = "",
        timeZone: String = "Europe/London"
    ) {
        self.name = name
        self.coordinatorName = coordinatorName
        self.coordinatorEmail = coordinatorEmail
        self.timeZone = timeZone
    }
}
