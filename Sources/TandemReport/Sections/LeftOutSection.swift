import TandemCore

/// Who was left out and why: grouped by reason, those no partner could ever take counted apart
/// from those who lost out to others.
enum LeftOutSection {
    static func html(_ context: ReportContext) -> String {
        let result = context.result
        guard !result.unmatched.isEmpty else { return "<p>Everyone who signed up has a partner.</p>" }
        let groups = Dictionary(grouping: result.unmatched, by: UnmatchedGroup.init)
        let present = UnmatchedGroup.allCases.filter { groups[$0] != nil }
        var out = """
            <p>People no partner could ever take are counted apart from those who lost out to others: the first \
            need a change to their answers or to the rules (see <a href="#help">What would help</a>); the second \
            are next when a place frees up.</p>

            """
        let bars = present.map { group in
            let shown = context.chartValue(groups[group]?.count ?? 0)
            return BarChart.Bar(label: group.label, value: shown.value, valueText: shown.text)
        }
        let never = groups[.menteeNeverPossible]?.count ?? 0
        let lost = groups[.menteeReserve]?.count ?? 0
        let summary =
            "People without a partner, by reason. Mentees no mentor could ever take: \(context.countText(never)); "
            + "mentees who lost out to others: \(context.countText(lost))."
        let table = ReportTable(
            caption: "People without a partner, by reason", headings: ["Reason", "People#"],
            rows: present.map { group in
                [.init(group.title), context.count(groups[group]?.count ?? 0, key: "left_out.\(group.key)")]
            })
        out +=
            ChartFigure(
                id: "fig-left-out", title: "Why people have no partner", summary: summary,
                svg: BarChart(bars: bars, maximum: nil).svg(
                    id: "fig-left-out", title: "Why people have no partner", summary: summary),
                table: table
            ).html
        // Which rules ruled out every partner of the people no one could ever take.
        var ruleCounts: [PairRejection: Int] = [:]
        var noWindow = 0
        for person in result.unmatched {
            switch person.reason {
            case .noPossiblePartner(_, let rules): for rule in rules { ruleCounts[rule.rule, default: 0] += 1 }
            case .noWindow: noWindow += 1
            default: break
            }
        }
        if !ruleCounts.isEmpty || noWindow > 0 {
            var rows: [[ReportTable.Cell]] = []
            if noWindow > 0 {
                rows.append([.init("Their free time has no window as long as a session"), context.count(noWindow)])
            }
            for rule in PairRejection.allCases {
                guard let count = ruleCounts[rule] else { continue }
                rows.append([.init(ruleTitle(rule)), context.count(count)])
            }
            out += "\n<h3>What ruled out every partner</h3>\n"
            out +=
                ReportTable(
                    caption:
                        "People no partner could ever take: what ruled out their candidates (a person may count under several rules)",
                    headings: ["Rule", "People#"], rows: rows
                ).html
        }
        if !context.isShareable {
            out += "\n<h3>Everyone without a partner</h3>\n"
            out +=
                ReportTable(
                    caption: "Everyone without a partner (personal data)", headings: ["Person", "Side", "Group", "Reason"],
                    items: result.unmatched, restIn: "unmatched.csv"
                ) { _, person in
                    [
                        .init(context.person(person.person.id)), .init(person.side.rawValue),
                        .init(UnmatchedGroup(person).label), .init(result.text(of: person)),
                    ]
                }.html
        }
        return out
    }

    static func ruleTitle(_ rule: PairRejection) -> String {
        switch rule {
        case .mentorCapacityZero: "Mentor not taking mentees"
        case .sameOrganisation: "Same organisation"
        case .excluded: "Excluded by one of them"
        case .incompatibleFormat: "Online only and in person only"
        case .noCommonTime: "No common time for a session"
        case .belowMinimumScore: "Below the minimum score"
        case .beyondListLength: "Beyond the list length"
        case .mentorFull: "Mentor full with kept pairs"
        }
    }
}
