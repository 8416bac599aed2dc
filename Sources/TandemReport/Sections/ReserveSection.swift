import TandemCore

/// The reserve list in order of who is next for a freed place, and spare places by mentor.
enum ReserveSection {
    static func html(_ context: ReportContext) -> String {
        guard let insights = context.insights else { return "<p>\(ReportContext.missingInsights.html)</p>" }
        let reserve = insights.reserve
        let spare = insights.sparePlaces
        let spareTotal = spare.reduce(0) { $0 + $1.spare }
        var out = """
            <p>\(context.countText(reserve.count)) mentee(s) on the reserve list: each has at least one mentor who \
            could take them. Next for a freed place is the mentee whose best possible pair scores highest (ties: \
            fewer possible mentors first, then sign-up order). \(context.countText(spareTotal)) spare place(s) \
            across \(context.countText(spare.count)) mentor(s).</p>

            """
        if context.isShareable {
            return out
        }
        out += "<div class=\"cols\">\n<div>\n<h3>Reserve list</h3>\n"
        out +=
            ReportTable(
                caption: "Reserve list, next first (personal data)",
                headings: ["Mentee", "Next#", "Best possible mentor", "Pair score#", "Possible mentors#"],
                items: reserve, empty: "No one is on the reserve list.", restIn: "matches.json (insights.reserve)"
            ) { index, entry in
                [
                    .init(context.person(entry.mentee), key: "reserve.\(index + 1)"), .number(index + 1),
                    .init(context.person(entry.bestMentor)), .number(ReportFormat.score(entry.bestScore)),
                    .number(entry.candidates),
                ]
            }.html
        out += "\n</div>\n<div>\n<h3>Spare places</h3>\n"
        out +=
            ReportTable(
                caption: "Mentors with places left (personal data)", headings: ["Mentor", "Places#", "Taken#", "Spare#"],
                items: spare, empty: "Every place is taken.", restIn: "matches.json (insights.spare_places)"
            ) { _, place in
                [
                    .init(context.person(place.mentor)), .number(place.places), .number(place.taken),
                    .number(place.spare, key: "spare.\(place.mentor)"),
                ]
            }.html
        return out + "\n</div>\n</div>"
    }
}
