/// Schedules in the words people use for them, for `matches.csv`, calendar descriptions and
/// reports. English, like the rest of Tandem's text.
extension WeeklySlot {
    /// When sessions in this slot happen under `cadence`, as people say it: `Every Tuesday, 18:00`,
    /// `Every other Tuesday, 18:00`, `Every 3 weeks on Tuesday, 18:00`,
    /// `2nd Tuesday of each month, 18:00`, `Last Friday of each month, 08:15`.
    ///
    /// A monthly series repeats on the nth weekday of the month of its first occurrence (the
    /// scheduler's `FREQ=MONTHLY;BYDAY=2TU`), so the ordinal, not the date, is what recurs.
    public func description(cadence: Cadence) -> String {
        let day = weekday.name
        let clock = AvailabilityWindow.clock(startMinute)
        switch cadence {
        case .weekly(let interval) where interval <= 1: return "Every \(day), \(clock)"
        case .weekly(let interval) where interval == 2: return "Every other \(day), \(clock)"
        case .weekly(let interval): return "Every \(interval) weeks on \(day), \(clock)"
        case .monthly(let ordinal):
            let position =
                switch ordinal {
                case -1: "Last"
                case ..<0: Self.ordinalText(-ordinal) + "-to-last"
                default: Self.ordinalText(ordinal)
                }
            return "\(position) \(day) of each month, \(clock)"
        }
    }

    /// `1st`, `2nd`, `3rd`, `4th`, ..., `11th`, `21st`.
    static func ordinalText(_ number: Int) -> String {
        let suffix =
            switch (number % 10, number % 100) {
            case (_, 11...13): "th"
            case (1, _): "st"
            case (2, _): "nd"
            case (3, _): "rd"
            default: "th"
            }
        return "\(number)\(suffix)"
    }
}

extension Cadence {
    /// The adjective for one session of the series: `weekly`, `fortnightly`, `monthly`, or
    /// `3-weekly`.
    public var sessionAdjective: String {
        switch self {
        case .weekly(let interval) where interval <= 1: "weekly"
        case .weekly(let interval) where interval == 2: "fortnightly"
        case .weekly(let interval): "\(interval)-weekly"
        case .monthly: "monthly"
        }
    }
}

extension SessionSeries {
    /// The slot and cadence as people say it: `2nd Tuesday of each month, 18:00`
    /// (``WeeklySlot/description(cadence:)``).
    public var slotDescription: String { slot.description(cadence: cadence) }

    /// The months the sessions span: `January to June 2027`, `November 2026 to April 2027`,
    /// `March 2027` (one month); empty without sessions.
    public var spanDescription: String {
        guard let first = sessions.first?.date, let last = sessions.last?.date else { return "" }
        let firstMonth = LocalDate.monthNames[first.month - 1]
        let lastMonth = LocalDate.monthNames[last.month - 1]
        if first.year == last.year {
            return first.month == last.month
                ? "\(firstMonth) \(first.year)" : "\(firstMonth) to \(lastMonth) \(last.year)"
        }
        return "\(firstMonth) \(first.year) to \(lastMonth) \(last.year)"
    }

    /// Where one session stands in its series: `one of 6 monthly sessions, January to June 2027`,
    /// or `a single session, March 2027`. A calendar shows this on every occurrence of the one
    /// repeating event, so it cannot number them.
    public var seriesDescription: String {
        let span = spanDescription
        let count = sessions.count
        let what = count == 1 ? "a single session" : "one of \(count) \(cadence.sessionAdjective) sessions"
        return span.isEmpty ? what : what + ", " + span
    }
}

extension LocalDate {
    /// English month names, January first.
    package static let monthNames = [
        "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November",
        "December",
    ]

    /// `Tuesday 13 April 2027`.
    package var spokenText: String {
        "\(weekday.name) \(day) \(Self.monthNames[month - 1]) \(year)"
    }
}
