import TandemCore

/// The programme as recorded in `matches.json`, so calendars can be re-exported from it alone.
public struct ProgrammeRecord: Codable, Sendable {
    public var name: String
    public var coordinatorName: String
    public var coordinatorEmail: String
    public var timeZone: String

    enum CodingKeys: String, CodingKey {
        case name
        case coordinatorName = "coordinator_name", coordinatorEmail = "coordinator_email", timeZone = "time_zone"
    }

    public init(_ programme: Programme) {
        name = programme.name
        coordinatorName = programme.coordinatorName
        coordinatorEmail = programme.coordinatorEmail
        timeZone = programme.timeZone
    }

    public var programme: Programme {
        Programme(name: name, coordinatorName: coordinatorName, coordinatorEmail: coordinatorEmail, timeZone: timeZone)
    }
}
