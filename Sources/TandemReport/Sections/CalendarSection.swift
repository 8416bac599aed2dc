import TandemCore

/// Sessions per week across the programme, with bank holidays and blackouts marked, and the
/// series whose gaps are longer than the schedule allows.
enum CalendarSection {
    /// One week of the programme, from its Monday.
    struct Week: Equatable {
        var monday: LocalDate
        var sessions: Int
        var closed: [ClosedDate]
    }

    /// The weeks from the Monday on or before `start` to the week holding `end`.
    static func weeks(start: LocalDate, end: LocalDate, sessions: [LocalDate], closed: [ClosedDate]) -> [Week] {
        let first = start.adding(days: -start.weekday.rawValue)
        let count = max(1, (end.dayNumber - first.dayNumber) / 7 + 1)
        var weeks = (0..<count).map { Week(monday: first.adding(days: 7 * $0), sessions: 0, closed: []) }
        func index(_ date: LocalDate) -> Int? {
            let week = (date.dayNumber - first.dayNumber) / 7
            return date >= first && week < count ? week : nil
        }
        for date in sessions { if let week = index(date) { weeks[week].sessions += 1 } }
        for day in closed { if let week = index(day.date) { weeks[week].closed.append(day) } }
        return weeks
    }

    static func html(_ context: ReportContext) -> String {
        let result = context.result
        guard let schedule = result.schedule else { return "<p>No schedule was configured, so no sessions were booked.</p>" }
        let dates = result.series.flatMap { $0.sessions.map(\.date) }
        let start = context.insights?.calendarStart ?? dates.min()
        let end = context.insights?.calendarEnd ?? dates.max()
        guard let start, let end else { return "<p>No sessions were booked.</p>" }
        let weeks = weeks(start: start, end: end, sessions: dates, closed: context.insights?.closedDates ?? [])
        let closedWeeks = weeks.filter { !$0.closed.isEmpty }
        var out = """
            <p>\(context.countText(dates.count)) sessions for \(context.countText(result.series.count)) pairs between \
            \(start.iso) and \(end.iso). Weeks with a bank holiday or blackout are marked ▲ under the axis and listed \
            in the table.</p>

            """
        let columns = weeks.map { week in
            ColumnChart.Column(
                label: String(week.monday.iso.dropFirst(5)), value: context.chartValue(week.sessions).value,
                isMarked: !week.closed.isEmpty)
        }
        let busiest = weeks.max { $0.sessions < $1.sessions }
        let summary =
            "Sessions per week over \(weeks.count) weeks"
            + (busiest.map { "; the busiest, week of \($0.monday.iso), has \(context.countText($0.sessions))" } ?? "")
            + ". \(closedWeeks.count) week(s) hold a bank holiday or blackout: "
            + closedWeeks.map { "\($0.monday.iso) (\($0.closed.map(\.reason).joined(separator: ", ")))" }.joined(separator: "; ")
            + "."
        let table = ReportTable(
            caption: "Sessions per week", headings: ["Week beginning", "Sessions#", "Bank holidays and blackouts"],
            rows: weeks.map { week in
                [
                    .init(week.monday.iso), context.count(week.sessions, key: "calendar.week.\(week.monday.iso)"),
                    .init(week.closed.map { "▲ \($0.date.iso) \($0.reason)" }.joined(separator: "; ")),
                ]
            })
        out +=
            ChartFigure(
                id: "fig-calendar", title: "Sessions per week", summary: summary,
                svg: ColumnChart(columns: columns, labelEvery: weeks.count > 26 ? 4 : 2, yLabel: "sessions").svg(
                    id: "fig-calendar", title: "Sessions per week", summary: summary),
                table: table
            ).html
        let long = result.pairs.filter { $0.longestGapWeeks != nil }
        out += "\n<h3>Series with long gaps</h3>\n"
        let limit = schedule.maxGapWeeks.map { "\($0) weeks" } ?? "the schedule's limit"
        out +=
            "<p>\(context.countText(long.count)) pair(s) have a gap between two sessions longer than \(limit): no slot without one was free.</p>\n"
        let short = result.series.count(where: { $0.sessions.count < schedule.sessionsPerPair })
        out +=
            "<p>\(context.countText(short)) pair(s) have fewer than \(schedule.sessionsPerPair) sessions before the programme ends.</p>\n"
        if !context.isShareable, !long.isEmpty {
            out +=
                ReportTable(
                    caption: "Pairs with a long gap (personal data)", headings: ["Mentor", "Mentee", "Longest gap (weeks)#"],
                    rows: long.map { pair in
                        [
                            .init(context.person(pair.mentor.id)), .init(context.person(pair.mentee.id)),
                            .number(pair.longestGapWeeks ?? 0),
                        ]
                    }
                ).html
        }
        return out
    }
}
