import Foundation
import TandemCore

/// Match rates and mean scores by town, first language, organisation and organisation type,
/// for mentees and for mentors, under disclosure control on both pages.
enum FairnessSection {
    /// One grouping of people.
    enum Grouping: CaseIterable {
        case town, firstLanguage, organisation, organisationType

        var title: String {
            switch self {
            case .town: "town"
            case .firstLanguage: "first language"
            case .organisation: "organisation"
            case .organisationType: "organisation type"
            }
        }

        // Inlined, so that the caller reads the one field in place: called with a profile it
        // would copy the whole of it (1.5 million copies at 100,000 mentees).
        @inline(__always)
        func group(of person: PersonProfile) -> String {
            let value: String
            switch self {
            case .town: value = person.town
            case .firstLanguage: value = person.firstLanguage
            case .organisation: value = person.organisation
            case .organisationType: value = person.organisationType.rawValue
            }
            // The sign-up reader trims answers: only a blank one needs a name. A visible ASCII
            // first byte settles it without breaking the text into characters (eight groupings
            // of every person, on both pages).
            if let first = value.utf8.first, first > 0x20, first < 0x7F { return value }
            return value.allSatisfy(\.isWhitespace) ? "(not given)" : value
        }
    }

    /// One group's numbers.
    struct Row: Equatable {
        var group: String
        var people: Int
        var matched: Int
        var scoreSum: Double
        var pairs: Int

        /// One more person, with their pairs if they have any.
        mutating func count(_ stat: (pairs: Int, scoreSum: Double)?) {
            people += 1
            guard let stat else { return }
            matched += 1
            pairs += stat.pairs
            scoreSum += stat.scoreSum
        }
    }

    /// Each person's pairs: how many, and the sum of their scores (3 decimals, as in matches.json).
    static func pairStats(_ context: ReportContext, side: CohortSide) -> [String: (pairs: Int, scoreSum: Double)] {
        var stats: [String: (pairs: Int, scoreSum: Double)] = [:]
        for pair in context.result.pairs {
            let id = side == .mentee ? pair.mentee.id : pair.mentor.id
            let current = stats[id] ?? (0, 0)
            stats[id] = (current.pairs + 1, current.scoreSum + (pair.score * 1000).rounded() / 1000)
        }
        return stats
    }

    /// The rows of one side by one grouping: most people first, then by name.
    static func rows(
        _ context: ReportContext, side: CohortSide, by grouping: Grouping,
        stats: [String: (pairs: Int, scoreSum: Double)]? = nil
    ) -> [Row] {
        guard let insights = context.insights else { return [] }
        let stats = stats ?? pairStats(context, side: side)
        var rows: [String: Row] = [:]
        // By index: iterating would copy each profile, with its five strings.
        for index in insights.people.indices where insights.people[index].side == side {
            let group = grouping.group(of: insights.people[index])
            rows[group, default: Row(group: group, people: 0, matched: 0, scoreSum: 0, pairs: 0)].count(
                stats[insights.people[index].id])
        }
        return rows.values.sorted { $0.people != $1.people ? $0.people > $1.people : $0.group < $1.group }
    }

    static func html(_ context: ReportContext) -> String {
        guard context.insights != nil else { return "<p>\(ReportContext.missingInsights.html)</p>" }
        var out = """
            <p>Does the matching serve every group alike? For each group: how many signed up, how many got a \
            partner, the match rate and the mean score of their pairs. \(context.control.statement.html) \
            Organisation types follow the rule in docs/report.md unless the configuration names them.</p>

            """
        for side in [CohortSide.mentee, .mentor] {
            let sideTitle = side == .mentee ? "Mentees" : "Mentors"
            let stats = pairStats(context, side: side)
            for grouping in Grouping.allCases {
                let rows = rows(context, side: side, by: grouping, stats: stats)
                let id = "fig-fair-\(side.rawValue)-\(grouping.title.replacingOccurrences(of: " ", with: "-"))"
                let title = "\(sideTitle) by \(grouping.title)"
                out += "\n<h3>\(title.html)</h3>\n"
                let table = ReportTable(
                    caption: "\(sideTitle): match rate and mean pair score by \(grouping.title)",
                    headings: [grouping.title.capitalisedFirst, "Signed up#", "Matched#", "Match rate#", "Mean score#"],
                    rows: rows.map { row in
                        let keyBase = "fair.\(side.rawValue).\(grouping.title).\(row.group)"
                        return [
                            .init(row.group), .number(context.control.control(row.people).text, key: keyBase + ".people"),
                            .number(context.control.control(row.matched).text, key: keyBase + ".matched"),
                            .number(context.control.rateText(row.matched, of: row.people)),
                            .number(
                                context.control.meanText(row.pairs == 0 ? 0 : row.scoreSum / Double(row.pairs), over: row.matched)
                            ),
                        ]
                    } + [total(rows, context: context)])
                // Charts for the groupings a board asks about first; tables for all.
                guard grouping == .town || grouping == .firstLanguage || grouping == .organisationType else {
                    out += table.html
                    continue
                }
                let shown = rows.prefix(12)
                let bars = shown.map { row -> BarChart.Bar in
                    let rate = context.control.rateText(row.matched, of: row.people)
                    guard let people = context.control.control(row.people).value, people > 0,
                        let matched = context.control.control(row.matched).value
                    else { return BarChart.Bar(label: row.group, value: nil, valueText: rate) }
                    return BarChart.Bar(label: row.group, value: Double(matched) / Double(people) * 100, valueText: rate)
                }
                let summary =
                    "Match rate of \(sideTitle.lowercased()) by \(grouping.title)"
                    + (rows.count > shown.count ? " (the \(shown.count) largest groups; all in the table)" : "") + ": "
                    + shown.map { "\($0.group) \(context.control.rateText($0.matched, of: $0.people))" }.joined(separator: ", ")
                    + "."
                out +=
                    ChartFigure(
                        id: id, title: "Match rate: " + title, summary: summary,
                        svg: BarChart(bars: bars, maximum: 100).svg(id: id, title: "Match rate: " + title, summary: summary),
                        table: table
                    ).html
            }
        }
        return out
    }

    private static func total(_ rows: [Row], context: ReportContext) -> [ReportTable.Cell] {
        let people = rows.reduce(0) { $0 + $1.people }
        let matched = rows.reduce(0) { $0 + $1.matched }
        let pairs = rows.reduce(0) { $0 + $1.pairs }
        let sum = rows.reduce(0) { $0 + $1.scoreSum }
        return [
            .init("Total"), .number(context.control.control(people).text), .number(context.control.control(matched).text),
            .number(context.control.rateText(matched, of: people)),
            .number(context.control.meanText(pairs == 0 ? 0 : sum / Double(pairs), over: matched)),
        ]
    }
}
