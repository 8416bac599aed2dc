/// Named periods inside an item: configured ones (`weekday evenings`, `lunchtime`) and the
/// built-in parts of the day that a form's day × morning/afternoon/evening grid uses.
extension AvailabilityParser {
    /// A configured period spelled as token keys, for finding it inside an item.
    struct PeriodPattern: Sendable {
        var name: String
        var keys: [String]
        var windows: [AvailabilityWindow]
    }

    /// A period found in an item: its windows, and whether it names its own days (a configured
    /// period) or is a part of every day (a built-in one).
    struct FoundPeriod {
        var name: String
        var windows: [AvailabilityWindow]
        var tokenCount: Int
        var isConfigured: Bool
    }

    /// Parts of the day, read with or without days (`Tuesday evenings`, `evenings`); a
    /// configured period of the same name replaces one.
    static let builtInPeriods: [(name: String, start: Int, end: Int)] = [
        ("morning", 9 * 60, 12 * 60),
        ("lunchtime", 12 * 60, 14 * 60),
        ("afternoon", 13 * 60, 17 * 60),
        ("evening", 18 * 60, 21 * 60),
    ]

    /// The longest period whose name starts at `index`; a configured one wins a tie.
    func period(at index: Int, in tokens: [AvailabilityToken]) -> FoundPeriod? {
        for pattern in periodPatterns where index + pattern.keys.count <= tokens.count {
            if zip(pattern.keys, tokens[index...]).allSatisfy({ $0 == $1.matchKey }) {
                return FoundPeriod(
                    name: pattern.name, windows: pattern.windows, tokenCount: pattern.keys.count, isConfigured: true)
            }
        }
        guard let word = tokens[index].word else { return nil }
        let singular = AvailabilityToken.singular(word)
        guard let builtIn = Self.builtInPeriods.first(where: { $0.name == singular }) else { return nil }
        return FoundPeriod(
            name: builtIn.name,
            windows: Weekday.allCases.map { AvailabilityWindow(day: $0, startMinute: builtIn.start, endMinute: builtIn.end) },
            tokenCount: 1, isConfigured: false)
    }

    /// The period's times of day on `days` (`Mon - Fri lunchtime`), or why they are unclear:
    /// a period with different times on different days has no single time of day.
    func periodTimes(_ period: FoundPeriod, item: String) throws(ItemError) -> [(start: Int, end: Int)] {
        var byDay: [Weekday: [AvailabilityWindow]] = [:]
        for window in period.windows { byDay[window.day, default: []].append(window) }
        let shapes = Set(byDay.values.map { $0.map { [$0.startMinute, $0.endMinute] } })
        guard shapes.count == 1, let shape = shapes.first else {
            throw ItemError(
                item: item,
                problem: "the period '\(period.name)' has different times on different days, so it cannot be moved to"
                    + " other days; give the times, e.g. Tue 18:00-20:00")
        }
        return shape.map { ($0[0], $0[1]) }
    }

    /// The end of every message: how to write availability Tandem reads, naming the periods.
    var suggestion: String {
        let builtIn = Self.builtInPeriods.map { $0.name + "s" }.filter {
            periods[$0] == nil && periods[String($0.dropLast())] == nil
        }
        let names = periods.keys.sorted() + builtIn
        return "; write it like 'Tue 18:00-20:00', 'Tue 6-8pm' or 'Tue evenings', or use a named period: "
            + names.joined(separator: ", ")
    }
}
