import TandemCore

/// The headline numbers and the trade-off between the stable choices and the most pairs.
enum SummarySection {
    static func html(_ context: ReportContext) -> String {
        let result = context.result
        let summary = result.summary
        let groups = Dictionary(grouping: result.unmatched, by: UnmatchedGroup.init)
        let never = groups[.menteeNeverPossible]?.count ?? 0
        let reserve = summary.unmatchedMentees - never
        var rows: [[ReportTable.Cell]] = [
            [.init("Mentors signed up"), context.count(summary.mentors, key: "summary.mentors")],
            [.init("Mentees signed up"), context.count(summary.mentees, key: "summary.mentees")],
            [.init("Pairs made"), context.count(summary.pairs, key: "summary.pairs")],
            [.init("Mentees without a mentor"), context.count(summary.unmatchedMentees, key: "summary.unmatched_mentees")],
            [
                .init("… on the reserve list (could be taken if a place frees up)"),
                context.count(reserve, key: "summary.reserve"),
            ],
            [.init("… no mentor could ever take"), context.count(never, key: "summary.never_possible")],
            [.init("Mentors without a mentee"), context.count(summary.unmatchedMentors, key: "summary.unmatched_mentors")],
            [.init("Spare mentor places"), context.count(summary.spareMentorPlaces, key: "summary.spare_mentor_places")],
            [.init("Mean pair score (0 to 1)"), .number(ReportFormat.score(summary.meanScore), key: "summary.mean_score")],
            [
                .init("Stable (no pair would both rather be together)"),
                .init(result.stable ? "Yes" : "No: \(result.blockingPairs) blocking pair(s)"),
            ],
        ]
        if summary.keptPairs > 0 {
            rows.insert([.init("… kept from earlier runs"), context.count(summary.keptPairs, key: "summary.kept_pairs")], at: 3)
        }
        var out = """
            <p>\(context.countText(summary.pairs)) pairs from \(context.countText(summary.mentors)) mentors and \
            \(context.countText(summary.mentees)) mentees, by the \(result.algorithmTitle.html).</p>

            """
        out += ReportTable(caption: "Headline numbers", headings: ["What", "Number#"], rows: rows).html
        out += "\n<h3>Stable choices and the most pairs</h3>\n"
        guard let tradeOff = result.tradeOff, !tradeOff.options.isEmpty else {
            return out + "<p>No trade-off was computed for this run.</p>"
        }
        out += """
            <p>Each stable matching gives everyone a partner no one would leave them for; the most-pairs \
            matching may pair more people at the cost of blocking pairs (a mentor and mentee who would both \
            rather be together). The chosen option is marked.</p>

            """
        let bars = tradeOff.options.map { option in
            let shown = context.chartValue(option.pairs)
            return BarChart.Bar(
                label: option.name + (option.isChosen ? " (chosen)" : ""), value: shown.value, valueText: shown.text + " pairs",
                isMarked: option.isChosen)
        }
        let chosen = tradeOff.options.first(where: \.isChosen)
        let best = tradeOff.options.map(\.pairs).max() ?? 0
        let summaryText =
            "Pairs made by each way of matching. "
            + (chosen.map { "The chosen \($0.name) makes \(context.countText($0.pairs)) pairs; " } ?? "")
            + "the most any matching could make is \(context.countText(max(best, tradeOff.maximumPairs)))."
        let table = ReportTable(
            caption: "Pairs, blocking pairs, mean score and mean rank for each option",
            headings: [
                "Option", "Chosen", "Pairs#", "Blocking pairs#", "Mean score#", "Mean rank given by mentees#", "… by mentors#",
            ],
            rows: tradeOff.options.enumerated().map { index, option in
                [
                    .init(option.name), .init(option.isChosen ? "Yes (chosen)" : "No"),
                    context.count(option.pairs, key: "tradeoff.\(index).pairs"),
                    context.count(option.blockingPairs, key: "tradeoff.\(index).blocking_pairs"),
                    .number(ReportFormat.score(option.meanScore)), .number(String(format1(option.meanMenteeRank))),
                    .number(String(format1(option.meanMentorRank))),
                ]
            })
        out +=
            ChartFigure(
                id: "fig-tradeoff", title: "Pairs made by each way of matching", summary: summaryText,
                svg: BarChart(bars: bars, maximum: Double(tradeOff.maximumPairs)).svg(
                    id: "fig-tradeoff", title: "Pairs made by each way of matching", summary: summaryText),
                table: table
            ).html
        return out
    }

    private static func format1(_ value: Double) -> String {
        let tenths = (value * 10).rounded() / 10
        return tenths == tenths.rounded() ? String(Int(tenths)) + ".0" : String(tenths)
    }
}
