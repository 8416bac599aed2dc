import Testing

@testable import TandemCore

/// Availability as people type it on forms: every answer with one clear reading gives its
/// windows, and every answer without one is an error that says what was not understood.
@Suite("Availability written as people write it")
struct AvailabilityFormsTests {
    static let parser: AvailabilityParser = {
        var parser = AvailabilityParser()
        try? parser.definePeriod(named: "lunchtime", as: "Mon-Fri 12:00-14:00")
        try? parser.definePeriod(named: "weekday evenings", as: "Mon-Fri 18:00-21:00")
        return parser
    }()

    /// Windows on `days` from `start` to `end` (`HH:MM`).
    static func on(_ days: [Weekday], _ start: String, _ end: String) -> [AvailabilityWindow] {
        func minute(_ text: String) -> Int {
            let parts = text.split(separator: ":").compactMap { Int($0) }
            return parts[0] * 60 + parts[1]
        }
        return days.map { AvailabilityWindow(day: $0, startMinute: minute(start), endMinute: minute(end)) }
    }

    static let weekdays: [Weekday] = [.monday, .tuesday, .wednesday, .thursday, .friday]

    static let readable: [(String, [AvailabilityWindow])] = [
        ("Tue 18:00 - 20:00", on([.tuesday], "18:00", "20:00")),
        ("Tue 18:00–20:00", on([.tuesday], "18:00", "20:00")),
        ("Tue 18:00—20:00", on([.tuesday], "18:00", "20:00")),
        ("Tuesdays", on([.tuesday], "00:00", "24:00")),
        ("Tue 6pm-8pm", on([.tuesday], "18:00", "20:00")),
        ("Sat 10am-12", on([.saturday], "10:00", "12:00")),
        ("Thu 18.00-20.00", on([.thursday], "18:00", "20:00")),
        ("Mon & Wed", on([.monday, .wednesday], "00:00", "24:00")),
        ("Mon,Wed", on([.monday, .wednesday], "00:00", "24:00")),
        ("Mon - Fri", on(weekdays, "00:00", "24:00")),
        ("Tues 6-8pm", on([.tuesday], "18:00", "20:00")),
        ("Tuesday evenings", on([.tuesday], "18:00", "21:00")),
        ("Saturdays 10am-12", on([.saturday], "10:00", "12:00")),
        ("Mon & Wed 18.00–19.30", on([.monday, .wednesday], "18:00", "19:30")),
        ("Mon,Wed 7-9pm", on([.monday, .wednesday], "19:00", "21:00")),
        ("Mon - Fri lunchtime", on(weekdays, "12:00", "14:00")),
        ("weekday evenings", on(weekdays, "18:00", "21:00")),
        ("Mon-Fri 07:30-08:30", on(weekdays, "07:30", "08:30")),
        ("Tue 11-1pm", on([.tuesday], "11:00", "13:00")),
        ("Fri noon-2pm", on([.friday], "12:00", "14:00")),
        ("Thurs 12 noon - 2 p.m.", on([.thursday], "12:00", "14:00")),
        ("Tue 6 p.m. to 8 p.m.", on([.tuesday], "18:00", "20:00")),
        ("Mon to Fri 9am-5pm", on(weekdays, "09:00", "17:00")),
        ("6-8pm on Tuesdays", on([.tuesday], "18:00", "20:00")),
        ("every day 10:00-11:00", on(Weekday.allCases, "10:00", "11:00")),
        ("Weekends 10am-12", on([.saturday, .sunday], "10:00", "12:00")),
        ("Tue 10am-12 and 6-8pm", on([.tuesday], "10:00", "12:00") + on([.tuesday], "18:00", "20:00")),
        ("Mon 18:00-20:00, Sat 10:00-12:00", on([.monday], "18:00", "20:00") + on([.saturday], "10:00", "12:00")),
        ("Tue: 18:00-20:00", on([.tuesday], "18:00", "20:00")),
        ("Sun 22:00-00:00", on([.sunday], "22:00", "24:00")),
        ("Sun 10pm-midnight", on([.sunday], "22:00", "24:00")),
        ("Wed 10-12:30", on([.wednesday], "10:00", "12:30")),
        ("Wed 8pm-10", on([.wednesday], "20:00", "22:00")),
        ("Sat 18-20", on([.saturday], "18:00", "20:00")),
        ("Mon/Wed/Fri mornings", on([.monday, .wednesday, .friday], "09:00", "12:00")),
        ("Wednesday afternoons", on([.wednesday], "13:00", "17:00")),
        ("evenings", on(Weekday.allCases, "18:00", "21:00")),
    ]

    @Test(arguments: readable)
    func readsAnswerWithOneClearReading(answer: String, expected: [AvailabilityWindow]) throws {
        #expect(try Self.parser.parseWindows(answer) == expected)
    }

    static let unreadable: [(String, String)] = [
        ("weekday evenings after 6", "'after 6' gives one end of a time"),
        ("Flexible", "'Flexible' names no day or time"),
        ("Any time except Fridays", "not exceptions"),
        ("Tue 6-8", "'6-8' does not say morning or evening"),
        ("Tue 10-12", "does not say morning or evening"),
        ("Tue 6pm", "'6pm' is a time with no end"),
        ("18.00", "'18.00' is a time with no end"),
        ("18:00-20:00", "do not say which day"),
        ("Mon 6pm-8pm & Wed", "'Wed' has no times while the rest has"),
        ("Tue 1800-2000", "'1800' is not a time"),
        ("Tue 13pm-2pm", "am and pm go with hours 1 to 12"),
        ("Tue 8pm-1", "is not after the start"),
        ("until 8pm", "has no start time"),
        ("Tue 18:00-20:00?", "'?' is not a day, a time or a named period"),
        ("Fri-Mon 10:00-11:00", "runs backwards"),
        ("Tue 18:10-20:00", "quarter hour"),
        ("Tue 25:00-26:00", "not a time of day"),
    ]

    @Test(arguments: unreadable)
    func refusesAnswerWithoutOneClearReading(answer: String, expected: String) {
        #expect {
            try Self.parser.parseWindows(answer)
        } throws: { error in
            guard let error = error as? AvailabilityParser.ItemError else { return false }
            return error.item == answer && error.problem.contains(expected)
                && error.problem.contains("write it like 'Tue 18:00-20:00'")
        }
    }

    @Test func messageNamesConfiguredAndBuiltInPeriods() throws {
        let error = try #require(throws: AvailabilityParser.ItemError.self) { try Self.parser.parseWindows("Flexible") }
        #expect(error.description.hasSuffix("use a named period: lunchtime, weekday evenings, mornings, afternoons, evenings"))
    }

    @Test func configuredPeriodReplacesBuiltInOfTheSameName() throws {
        var parser = AvailabilityParser()
        try parser.definePeriod(named: "evenings", as: "Mon-Sun 17:00-22:00")
        #expect(try parser.parseWindows("Tuesday evenings") == Self.on([.tuesday], "17:00", "22:00"))
    }

    @Test func periodWithDifferentTimesOnDifferentDaysCannotMoveToOtherDays() throws {
        var parser = AvailabilityParser()
        try parser.definePeriod(named: "club nights", as: "Tue 18:00-20:00; Thu 19:00-21:00")
        #expect(try parser.parseWindows("club nights").count == 2)
        #expect {
            try parser.parseWindows("Mon club nights")
        } throws: { error in
            (error as? AvailabilityParser.ItemError)?.problem.contains("different times on different days") == true
        }
    }
}
