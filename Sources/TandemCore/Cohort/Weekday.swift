/// A day of the week, Monday first (ISO 8601 order), as availability grids are written.
public enum Weekday: Int, CaseIterable, Sendable, Hashable, Codable, Comparable {
    case monday = 0, tuesday, wednesday, thursday, friday, saturday, sunday

    /// The three-letter English abbreviation used in the canonical availability syntax.
    public var shortName: String {
        ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"][rawValue]
    }

    /// The full English name, for explanations.
    public var name: String {
        ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"][rawValue]
    }

    /// Reads `Mon`, `monday`, `Tues`, `THURS`... (case-insensitive); `nil` for anything else.
    public init?(parsing text: some StringProtocol) {
        guard let day = Self.aliases[text.lowercased()] else { return nil }
        self = day
    }

    /// Built once: every availability item is parsed through here, and building the table
    /// per call was a tenth of reading a large cohort.
    private static let aliases: [String: Weekday] = [
        "mon": .monday, "monday": .monday,
        "tue": .tuesday, "tues": .tuesday, "tuesday": .tuesday,
        "wed": .wednesday, "weds": .wednesday, "wednesday": .wednesday,
        "thu": .thursday, "thur": .thursday, "thurs": .thursday, "thursday": .thursday,
        "fri": .friday, "friday": .friday,
        "sat": .saturday, "saturday": .saturday,
        "sun": .sunday, "sunday": .sunday,
    ]

    public static func < (lhs: Weekday, rhs: Weekday) -> Bool { lhs.rawValue < rhs.rawValue }
}
