import TandemCore

/// With a programme record: pairs ended early, re-matches and late joiners.
enum HistorySection {
    static func html(_ context: ReportContext) -> String {
        guard let history = context.insights?.history else {
            return "<p>No programme record was kept for this run (it was made with --no-record, or the folder has no record).</p>"
        }
        var out = "<p>From the programme record, over \(history.runs) run(s) of tandem match.</p>\n"
        out +=
            ReportTable(
                caption: "Changes over time", headings: ["What", "Number#"],
                rows: [
                    [.init("Pairs ended early"), context.count(history.endedEarlyCount, key: "history.ended_early")],
                    [
                        .init("People paired again after a pair ended"),
                        context.count(history.rematched, key: "history.rematched"),
                    ],
                    [
                        .init("People who joined after the first run"),
                        context.count(history.lateJoiners, key: "history.late_joiners"),
                    ],
                ]
            ).html
        // The reasons are the coordinator's own words: free text stays off the shareable page.
        if !history.endedEarly.isEmpty, !context.isShareable {
            let bars = history.endedEarly.map { reason in
                let shown = context.chartValue(reason.count)
                return BarChart.Bar(label: reason.reason, value: shown.value, valueText: shown.text)
            }
            let summary =
                "Pairs ended early, by reason: "
                + history.endedEarly.map { "\($0.reason) \(context.countText($0.count))" }.joined(separator: ", ") + "."
            out +=
                ChartFigure(
                    id: "fig-ended", title: "Why pairs ended early", summary: summary,
                    svg: BarChart(bars: bars, maximum: nil).svg(
                        id: "fig-ended", title: "Why pairs ended early", summary: summary),
                    table: ReportTable(
                        caption: "Pairs ended early, by reason", headings: ["Reason", "Pairs#"],
                        rows: history.endedEarly.map { [.init($0.reason), context.count($0.count)] })
                ).html
        }
        return out
    }
}
