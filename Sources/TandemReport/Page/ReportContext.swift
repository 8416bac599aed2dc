import TandemCore

/// What every section reads: the result, its insights, the audience and the lookups by id.
struct ReportContext {
    let result: MatchResult
    let insights: CohortInsights?
    let audience: ReportAudience
    let control: DisclosureControl
    /// Person id → name, from the pairs and the unmatched; empty on the shareable page, which
    /// names no one.
    let names: [String: String]

    init(result: MatchResult, audience: ReportAudience) {
        self.result = result
        insights = result.insights
        self.audience = audience
        control = DisclosureControl(rule: result.insights?.disclosure ?? DisclosureRule())
        var names: [String: String] = [:]
        if audience == .coordinator {
            names.reserveCapacity(2 * result.pairs.count + result.unmatched.count)
            for pair in result.pairs {
                names[pair.mentor.id] = pair.mentor.name
                names[pair.mentee.id] = pair.mentee.name
            }
            for person in result.unmatched { names[person.person.id] = person.person.name }
        }
        self.names = names
    }

    var isShareable: Bool { audience == .shareable }

    /// A count of people as this page shows it: exact for the coordinator (with its key for
    /// checks), through disclosure control when shareable.
    func count(_ value: Int, key: String? = nil) -> ReportTable.Cell {
        isShareable ? .number(control.control(value).text) : .number(value, key: key)
    }

    /// A count in running text.
    func countText(_ value: Int) -> String {
        isShareable ? control.control(value).text : String(value)
    }

    /// A share of `whole` in running text: from controlled counts when shareable.
    func rateText(_ part: Int, of whole: Int) -> String {
        if isShareable { return control.rateText(part, of: whole) }
        return whole == 0 ? "–" : ReportFormat.percent(Double(part) / Double(whole))
    }

    /// A count for a chart: its length (nil when hidden) and its text.
    func chartValue(_ value: Int) -> (value: Double?, text: String) {
        guard isShareable else { return (Double(value), String(value)) }
        let shown = control.control(value)
        return (shown.value.map(Double.init), shown.text)
    }

    /// `Name (ID)`; only ever called on the coordinator's page.
    func person(_ id: String) -> String {
        guard let name = names[id], !name.isEmpty else { return id }
        return "\(name) (\(id))"
    }

    /// Shown where a section needs what `matches.json` of older versions does not hold.
    static let missingInsights =
        "This results folder has no report data (it was written by an older version of tandem match). Run tandem match again to fill this section."
}
