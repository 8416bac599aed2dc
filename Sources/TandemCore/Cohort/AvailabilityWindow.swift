/// One weekly window of local wall-clock time, such as `Tue 18:00-20:00`.
///
/// Minutes count from local midnight; `endMinute` may be 1440 (`24:00`).
public struct AvailabilityWindow: Sendable, Hashable, Codable {
    public var day: Weekday
    public var startMinute: Int
    public var endMinute: Int

    public init(day: Weekday, startMinute: Int, endMinute: Int) {
        self.day = day
        self.startMinute = startMinute
        self.endMinute = endMinute
    }

    public var durationMinutes: Int { endMinute - startMinute }

    /// `Tue 18:00–20:00`, as shown to coordinators.
    public var description: String {
        "\(day.shortName) \(Self.clock(startMinute))–\(Self.clock(endMinute))"
    }

    /// `HH:MM` for a minute of the day (1440 prints as `24:00`).
    public static func clock(_ minute: Int) -> String {
        let hours = minute / 60
        let minutes = minute % 60
        return (hours < 10 ? "0" : "") + String(hours) + ":" + (minutes < 10 ? "0" : "") + String(minutes)
    }
}
