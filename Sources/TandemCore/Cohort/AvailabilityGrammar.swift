/// The clauses of one availability item: days and the times or periods that go with them.
///
/// An item is one or more clauses, `DAYS TIMES` or `TIMES DAYS`, joined by list marks:
/// - DAYS: days (`Tue`, `Tuesdays`, `Thurs`, `weekdays`, `weekends`, `every day`) and day ranges
///   (`Mon-Fri`, `Mon - Fri`, `Mon to Fri`), listed with `,`, `&`, `/`, `and` or spaces;
/// - TIMES: ranges (`18:00-20:00`, `6-8pm`, `10am-12`, `noon-2pm`) and named periods
///   (`evenings`, or a configured one), listed the same way;
/// - a configured period with its own days (`weekday evenings`) is a clause by itself.
///
/// Days take the times that follow them (`Mon & Wed 18.00–19.30` is both days at both times).
/// Days with no times are whole days (`Tuesdays`, `Mon - Fri`), but only when the item has no
/// times at all: in `Mon 6-8pm & Wed`, whether Wednesday is all day or 6-8pm is unclear.
struct AvailabilityGrammar {
    typealias ItemError = AvailabilityParser.ItemError

    private struct Clause {
        var days: [Weekday] = []
        var daysText = ""
        var ranges: [(start: Int, end: Int)] = []
        var periods: [AvailabilityParser.FoundPeriod] = []

        var hasTimes: Bool { !ranges.isEmpty || !periods.isEmpty }
    }

    let parser: AvailabilityParser
    let item: String
    let tokens: [AvailabilityToken]
    private var index = 0

    init(parser: AvailabilityParser, item: String, tokens: [AvailabilityToken]) {
        self.parser = parser
        self.item = item
        self.tokens = tokens
    }

    /// Words that only join or introduce: `on Tuesdays`, `every Monday`, `from 6pm to 8pm`.
    private static let fillers: Set<String> = ["on", "at", "from", "every", "each", "in", "the"]
    /// Words that state when someone is not free, which Tandem does not subtract.
    private static let exceptions: Set<String> = ["except", "excluding", "exc", "apart", "but", "not", "never"]
    /// Words that open a range without closing it.
    private static let openEnded: Set<String> = ["after", "before", "since", "onwards", "onward", "past", "around"]
    /// Answers that name no time at all.
    private static let vague: Set<String> = [
        "flexible", "any", "anytime", "whenever", "varies", "variable", "depends", "tbc", "tbd", "negotiable", "open",
    ]

    mutating func windows() throws(ItemError) -> [AvailabilityWindow] {
        if tokens.contains(where: { $0.word.map(Self.exceptions.contains) ?? false }) {
            throw failure(
                "Tandem reads only the times someone is free, not exceptions; list the free days instead"
                    + " (e.g. Mon-Thu; Sat-Sun for 'any time except Fridays')")
        }
        var clauses: [Clause] = []
        while true {
            while index < tokens.count, tokens[index].kind == .list || isFiller(index) { index += 1 }
            guard index < tokens.count else { break }
            clauses.append(try clause())
        }
        guard !clauses.isEmpty else { throw failure("has no day or time") }
        let itemHasTimes = clauses.contains(where: \.hasTimes)
        var windows: [AvailabilityWindow] = []
        for clause in clauses {
            if clause.days.isEmpty {
                guard clause.ranges.isEmpty else {
                    throw failure("the times do not say which day; put the day first, e.g. Tue 18:00-20:00")
                }
                windows += clause.periods.flatMap(\.windows)
            } else if !itemHasTimes {
                windows += clause.days.map { AvailabilityWindow(day: $0, startMinute: 0, endMinute: 24 * 60) }
            } else if !clause.hasTimes {
                throw failure(
                    "'\(clause.daysText)' has no times while the rest has, so it is unclear whether it means the"
                        + " whole day; give its times, or put it in an item of its own for the whole day")
            } else {
                var times = clause.ranges
                for period in clause.periods { times += try parser.periodTimes(period, item: item) }
                for day in clause.days {
                    windows += times.map { AvailabilityWindow(day: day, startMinute: $0.start, endMinute: $0.end) }
                }
            }
        }
        return windows
    }

    private mutating func clause() throws(ItemError) -> Clause {
        var clause = Clause()
        if dayWord(at: index) != nil && !startsConfiguredPeriod(index) {
            try readDays(into: &clause)
            try readTimes(into: &clause)
        } else if isTimeStart(index) {
            try readTimes(into: &clause)
            skipFillers()
            if dayWord(at: index) != nil { try readDays(into: &clause) }
        } else {
            throw notUnderstood()
        }
        return clause
    }

    private mutating func readDays(into clause: inout Clause) throws(ItemError) {
        let first = index
        while !startsConfiguredPeriod(index), let days = dayWord(at: index) {
            index += 1
            if index + 1 < tokens.count, tokens[index].kind == .range, let last = dayWord(at: index + 1) {
                let text = tokens[index - 1].text + "-" + tokens[index + 1].text
                guard days.count == 1, last.count == 1 else {
                    throw failure("'\(text)' is not a day range; write one like Mon-Fri")
                }
                guard days[0] <= last[0] else {
                    throw failure("the day range \(text) runs backwards; write it Monday first, e.g. Mon-Fri")
                }
                clause.days += Weekday.allCases.filter { $0 >= days[0] && $0 <= last[0] }
                index += 2
            } else {
                clause.days += days
            }
            if index + 1 < tokens.count, tokens[index].kind == .list, dayWord(at: index + 1) != nil,
                !startsConfiguredPeriod(index + 1)
            {
                index += 1
            }
        }
        clause.daysText = tokens[first..<index].map(\.text).joined(separator: " ")
    }

    private mutating func readTimes(into clause: inout Clause) throws(ItemError) {
        // A dash between the days and the times: `Tue - 6-8pm`.
        if !clause.days.isEmpty, index + 1 < tokens.count, tokens[index].kind == .range, case .clock = tokens[index + 1].kind {
            index += 1
        }
        while true {
            let save = index
            if clause.hasTimes, index < tokens.count, tokens[index].kind == .list { index += 1 }
            skipFillers()
            guard index < tokens.count else {
                index = save
                return
            }
            if case .clock(let startClock) = tokens[index].kind {
                let start = tokens[index]
                guard index + 1 < tokens.count, tokens[index + 1].kind == .range else {
                    throw failure(
                        "'\(start.text)' is a time with no end; give a range like 18:00-20:00 or 6-8pm")
                }
                guard index + 2 < tokens.count, case .clock(let endClock) = tokens[index + 2].kind else {
                    throw failure("'\(start.text)-' has no end time; give a range like 18:00-20:00 or 6-8pm")
                }
                clause.ranges.append(try parser.minutes(from: start, startClock, to: tokens[index + 2], endClock, item: item))
                index += 3
            } else if let period = parser.period(at: index, in: tokens),
                !(index > save && period.windows.count < Weekday.allCases.count && clause.hasTimes)
            {
                clause.periods.append(period)
                index += period.tokenCount
            } else {
                index = save
                return
            }
        }
    }

    private mutating func skipFillers() {
        while isFiller(index) { index += 1 }
    }

    private func isFiller(_ position: Int) -> Bool {
        position < tokens.count && tokens[position].word.map(Self.fillers.contains) == true
    }

    /// Whether a configured period's name starts here (`saturday mornings` is the period,
    /// not Saturday and mornings).
    private func startsConfiguredPeriod(_ position: Int) -> Bool {
        position < tokens.count && parser.period(at: position, in: tokens)?.isConfigured == true
    }

    private func isTimeStart(_ position: Int) -> Bool {
        guard position < tokens.count else { return false }
        if case .clock = tokens[position].kind { return true }
        return parser.period(at: position, in: tokens) != nil
    }

    /// The days a word names: a day in any common spelling or plural, `weekdays`, `weekends`,
    /// `every day`, `daily`.
    private func dayWord(at position: Int) -> [Weekday]? {
        guard position < tokens.count, let word = tokens[position].word else { return nil }
        if let day = Weekday(parsing: word) ?? (word.hasSuffix("s") ? Weekday(parsing: word.dropLast()) : nil) {
            return [day]
        }
        switch word {
        case "weekday", "weekdays": return [.monday, .tuesday, .wednesday, .thursday, .friday]
        case "weekend", "weekends": return [.saturday, .sunday]
        case "everyday", "daily": return Weekday.allCases
        default: return nil
        }
    }

    /// The error for the text from `index` on, saying what kind of thing it is when known.
    private func notUnderstood() -> ItemError {
        let rest = tokens[index...].map(\.text).joined(separator: " ")
        let token = tokens[index]
        if tokens[index].kind == .range {
            return failure("'\(rest)' has no start time; give a range like 18:00-20:00")
        }
        if let word = token.word, Self.openEnded.contains(word) {
            return failure("'\(rest)' gives one end of a time, not a range; give a range like 18:00-21:00")
        }
        if let word = token.word, Self.vague.contains(word) {
            return failure("'\(rest)' names no day or time that can be matched; ask for days and times")
        }
        return failure("'\(token.text)' is not a day, a time or a named period")
    }

    private func failure(_ problem: String) -> ItemError {
        ItemError(item: item, problem: problem)
    }
}
