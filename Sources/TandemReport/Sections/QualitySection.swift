import TandemCore

/// How good the pairs are: the score distribution and how many got one of their top choices.
enum QualitySection {
    /// Ten bins of width 0.1; a score of exactly 1 falls in the last.
    static func bins(_ scores: [Double]) -> [Int] {
        var counts = [Int](repeating: 0, count: 10)
        for score in scores { counts[min(9, max(0, Int((score * 1000).rounded() / 100)))] += 1 }
        return counts
    }

    static func html(_ context: ReportContext) -> String {
        let pairs = context.result.pairs
        guard !pairs.isEmpty else { return "<p>No pairs were made.</p>" }
        // Scores as matches.json rounds them, so the bins agree with the file.
        let counts = bins(pairs.map { ($0.score * 1000).rounded() / 1000 })
        let labels = (0..<10).map { "\(Double($0) / 10)–\(Double($0 + 1) / 10)" }
        var out = "<p>A pair's score is the mean of both people's scores of each other, from 0 to 1.</p>\n"
        let columns = counts.enumerated().map { index, count in
            ColumnChart.Column(label: String(format: "%.1f", Double(index) / 10), value: context.chartValue(count).value)
        }
        let peak = counts.indices.max { counts[$0] < counts[$1] } ?? 0
        let summary =
            "Histogram of the \(context.countText(pairs.count)) pair scores in bins of 0.1; the most pairs "
            + "(\(context.countText(counts[peak]))) score \(labels[peak]). Mean score "
            + ReportFormat.score(context.result.summary.meanScore) + "."
        let table = ReportTable(
            caption: "Pairs by score", headings: ["Score", "Pairs#"],
            rows: counts.enumerated().map { index, count in
                [.init(index == 9 ? "0.9–1.0 (1.0 included)" : labels[index]), context.count(count, key: "quality.bin.\(index)")]
            })
        out +=
            ChartFigure(
                id: "fig-scores", title: "Pair scores", summary: summary,
                svg: ColumnChart(columns: columns, yLabel: "pairs").svg(id: "fig-scores", title: "Pair scores", summary: summary),
                table: table
            ).html
        out += "\n<h3>Top choices</h3>\n"
        out += """
            <p>How many got one of their top 1, 3 or 5 choices: a mentee's choices are the mentors they rank \
            highest (by score and any stated preference); a mentor's likewise.</p>

            """
        let tops = [1, 3, 5]
        let mentees = tops.map { top in pairs.count(where: { $0.menteeRank <= top }) }
        let mentors = tops.map { top in pairs.count(where: { $0.mentorRank <= top }) }
        var bars: [BarChart.Bar] = []
        for (index, top) in tops.enumerated() {
            let shown = context.chartValue(mentees[index])
            bars.append(.init(label: "Mentees: top \(top)", value: shown.value, valueText: shown.text))
        }
        for (index, top) in tops.enumerated() {
            let shown = context.chartValue(mentors[index])
            bars.append(.init(label: "Mentors: top \(top)", value: shown.value, valueText: shown.text))
        }
        let topSummary =
            "Of \(context.countText(pairs.count)) pairs, \(context.countText(mentees[0])) mentees got their first choice "
            + "and \(context.countText(mentees[2])) one of their top 5; \(context.countText(mentors[0])) mentors got their first choice."
        let topTable = ReportTable(
            caption: "People who got one of their top choices", headings: ["Choice", "Mentees#", "Share#", "Mentors#", "Share#"],
            rows: tops.enumerated().map { index, top in
                [
                    .init("Top \(top)"), context.count(mentees[index], key: "quality.top\(top).mentees"),
                    .number(context.rateText(mentees[index], of: pairs.count)),
                    context.count(mentors[index], key: "quality.top\(top).mentors"),
                    .number(context.rateText(mentors[index], of: pairs.count)),
                ]
            })
        out +=
            ChartFigure(
                id: "fig-top", title: "Top choices", summary: topSummary,
                svg: BarChart(bars: bars, maximum: Double(pairs.count)).svg(
                    id: "fig-top", title: "Top choices", summary: topSummary),
                table: topTable
            ).html
        return out
    }
}
