import TandemCore

/// What would help: each unmatched mentee's smallest single change, and each hard rule's worth
/// in pairs.
enum HelpSection {
    static func html(_ context: ReportContext) -> String {
        guard let insights = context.insights else { return "<p>\(ReportContext.missingInsights.html)</p>" }
        var out = """
            <p>For each mentee without a mentor, the smallest single change that would let a mentor with a free \
            place, or one who would then prefer them to a mentee they hold, take them: fewest people affected \
            first (a programme setting affects everyone), then the best resulting pair score. The changes tried \
            are a common window, accepting online, a shared language and a lower minimum score; pairs barred by \
            the organisation or exclusion rules are left to the rule relaxations below.</p>

            """
        let suggestions = insights.suggestions
        let unmatched = context.result.summary.unmatchedMentees
        if suggestions.count < unmatched {
            out += """
                <p>Worked out for \(context.countText(suggestions.count)) of the \(context.countText(unmatched)) \
                mentees without a mentor: first those no mentor could ever take, then the reserve list in order.</p>

                """
        }
        let kinds = ["common_window", "accept_online", "shared_language", "lower_minimum_score", "none"]
        var byKind: [String: Int] = [:]
        for suggestion in suggestions { byKind[suggestion.change?.code ?? "none", default: 0] += 1 }
        let bars = kinds.map { kind in
            let shown = context.chartValue(byKind[kind] ?? 0)
            return BarChart.Bar(label: kindTitle(kind), value: shown.value, valueText: shown.text)
        }
        let summary =
            "Unmatched mentees by the smallest change that would help: "
            + kinds.map { "\(kindTitle($0).lowercased()) \(context.countText(byKind[$0] ?? 0))" }.joined(separator: ", ") + "."
        out +=
            ChartFigure(
                id: "fig-help", title: "The smallest change that would help", summary: summary,
                svg: BarChart(bars: bars, maximum: nil).svg(
                    id: "fig-help", title: "The smallest change that would help", summary: summary),
                table: ReportTable(
                    caption: "Unmatched mentees by the smallest change that would help", headings: ["Change", "Mentees#"],
                    rows: kinds.map { [.init(kindTitle($0)), context.count(byKind[$0] ?? 0, key: "help.\($0)")] })
            ).html
        if !context.isShareable {
            out += "\n<h3>For each mentee</h3>\n"
            out +=
                ReportTable(
                    caption: "The smallest change for each unmatched mentee (personal data)",
                    headings: ["Mentee", "Change", "Mentor who could then take them", "Pair score#", "People affected#"],
                    items: suggestions, empty: "Every mentee has a mentor.", restIn: "matches.json (insights.suggestions)"
                ) { _, suggestion in
                    [
                        .init(context.person(suggestion.mentee)),
                        .init(text(of: suggestion, context: context)),
                        .init(suggestion.mentor.map(context.person) ?? "–"),
                        .number(suggestion.change == nil ? "–" : ReportFormat.score(suggestion.score)),
                        .number(suggestion.change == nil ? "–" : String(suggestion.peopleAffected)),
                    ]
                }.html
        }
        out += "\n<h3>Relaxing a hard rule</h3>\n"
        out += """
            <p>How many more pairs the cohort would have with each rule relaxed on its own: the pairs that rule \
            alone removed are added back and the matching is solved again (without the session calendar).</p>

            """
        guard let relaxations = insights.relaxations else {
            out += """
                <p>Not worked out for this cohort: it is large enough to be matched without holding every \
                mentee's complete list of mentors, and counting what a relaxed rule would add needs those \
                lists. To see the effect of a rule, match again with it switched off under \
                <code>constraints:</code> (or a lower <code>minimum_score</code>) and compare the pairs made.</p>

                """
            return out
        }
        let ruleBars = relaxations.map { relaxation in
            let shown = context.chartValue(max(0, relaxation.extraPairs))
            return BarChart.Bar(
                label: ruleTitle(relaxation.rule), value: shown.value,
                valueText: (relaxation.extraPairs < 0 ? "−" + context.countText(-relaxation.extraPairs) : "+" + shown.text)
                    + " pairs")
        }
        let ruleSummary =
            relaxations.isEmpty
            ? "No hard rule removed any pair."
            : "More pairs with each rule relaxed: "
                + relaxations.map { "\(ruleTitle($0.rule).lowercased()) \(context.countText($0.extraPairs))" }.joined(
                    separator: ", ") + "."
        out +=
            ChartFigure(
                id: "fig-relax", title: "More pairs with a rule relaxed", summary: ruleSummary,
                svg: BarChart(bars: ruleBars, maximum: nil).svg(
                    id: "fig-relax", title: "More pairs with a rule relaxed", summary: ruleSummary),
                table: ReportTable(
                    caption: "Pairs with and without each rule",
                    headings: ["Rule", "Pairs it alone removed#", "Pairs with it#", "Pairs without it#", "More pairs#"],
                    rows: relaxations.map { relaxation in
                        [
                            .init(ruleTitle(relaxation.rule)), context.count(relaxation.pairsRemoved),
                            context.count(relaxation.pairsWithRule), context.count(relaxation.pairsWithoutRule),
                            context.count(relaxation.extraPairs, key: "relax.\(relaxation.rule)"),
                        ]
                    }, empty: "No hard rule removed any pair.")
            ).html
        return out
    }

    static func kindTitle(_ code: String) -> String {
        switch code {
        case "common_window": "A common window"
        case "accept_online": "Accepting online"
        case "shared_language": "A shared language"
        case "lower_minimum_score": "A lower minimum score"
        default: "No single change found"
        }
    }

    static func ruleTitle(_ rule: String) -> String {
        switch rule {
        case "same_organisation": "Same organisation"
        case "exclusions": "Exclusions"
        case "format": "Online only vs in person only"
        case "minimum_score": "Minimum score"
        default: rule
        }
    }

    /// The change in words, naming the two people (coordinator's page only).
    static func text(of suggestion: HelpSuggestion, context: ReportContext) -> String {
        guard let change = suggestion.change, let mentorID = suggestion.mentor else {
            return "No single change lets any mentor take them"
        }
        let mentee = context.names[suggestion.mentee] ?? suggestion.mentee
        let mentor = context.names[mentorID] ?? mentorID
        var text: String
        switch change {
        case .commonWindow(let side, let day, let start, let end):
            let window = "\(day.name) \(AvailabilityWindow.clock(start))–\(AvailabilityWindow.clock(end))"
            text =
                side == .mentee
                ? "\(mentee) could also make \(window), when \(mentor) is free"
                : "\(mentor) could also make \(window), when \(mentee) is free"
        case .acceptOnline(let side):
            text = (side == .mentee ? mentee : mentor) + " accepts meeting online"
        case .sharedLanguage(let language):
            text = "A shared language: \(mentor) and \(mentee) meet with \(language) (an interpreter, say)"
        case .lowerMinimumScore(let minimum):
            text = "The programme's minimum score lowered to \(String(format: "%.2f", minimum))"
        }
        if suggestion.displacesSomeone { text += " (\(mentor) would take them instead of a mentee they hold)" }
        return text
    }
}
