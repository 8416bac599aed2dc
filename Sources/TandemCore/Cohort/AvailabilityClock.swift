/// A clock time as written: `18:00` (hour 18, minute 0), `6pm`, `10` (no minutes, no suffix).
struct AvailabilityClock: Sendable, Equatable {
    enum Suffix: Sendable, Equatable {
        case am, pm, noon, midnight
    }

    var hour: Int
    var minute: Int?
    var suffix: Suffix?

    /// A bare hour 1–12 (`6`, `10`): morning or evening, decided by the other end of its range.
    var isHalfDay: Bool { suffix == nil && minute == nil && (1...12).contains(hour) }
}
