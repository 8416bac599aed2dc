import Foundation
import StableMatching
import TandemCore

/// The coordinator's report as one self-contained HTML page: inline CSS and SVG, no script,
/// no external address, readable from disk or an e-mail attachment, printable on A4.
public enum ReportPage {
    /// The page of `result` for `audience`, as UTF-8 text. Pure: the same result gives the same bytes.
    public static func render(_ result: MatchResult, audience: ReportAudience) -> String {
        let context = ReportContext(result: result, audience: audience)
        let sections: [(id: String, title: String, html: String)] = [
            ("summary", "Summary", SummarySection.html(context)),
            ("quality", "Match quality", QualitySection.html(context)),
            ("left-out", "Who was left out, and why", LeftOutSection.html(context)),
            ("help", "What would help", HelpSection.html(context)),
            ("reserve", "Reserve list and spare places", ReserveSection.html(context)),
            ("fairness", "Fairness across groups", FairnessSection.html(context)),
            ("calendar", "Session calendar", CalendarSection.html(context)),
            ("history", "Programme so far", HistorySection.html(context)),
        ]
        let programme = result.programme
        let kind = audience == .coordinator ? "Coordinator's report" : "Shareable report"
        var page = """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\((programme.name + " – " + kind).html)</title>
            <style>
            \(ReportStyle.css)
            \(audience == .coordinator ? ReportStyle.personalDataPrintCSS : "")
            </style>
            </head>
            <body>
            <header>

            """
        if audience == .coordinator {
            page += """
                <p class="banner" role="note">Personal data: this page names mentors and mentees. \
                <span>Keep it within the coordinator's team. For the partnership board and evaluators, \
                share report-shareable.html from the same folder.</span></p>

                """
        }
        page += "<h1>\(programme.name.html): \(kind.lowercased())</h1>\n"
        var meta = "\(result.algorithmTitle.capitalisedFirst)"
        if audience == .coordinator, !programme.coordinatorName.isEmpty {
            meta += " · coordinator: \(programme.coordinatorName)"
        }
        page += "<p class=\"meta\">\(meta.html)</p>\n"
        if audience == .shareable {
            page += """
                <p class="note" role="note">Shareable: no names, e-mail addresses or free-text answers. \
                \(context.control.statement.html)</p>

                """
        }
        page += "</header>\n<nav aria-label=\"Sections\"><ol>\n"
        for section in sections { page += "<li><a href=\"#\(section.id)\">\(section.title.html)</a></li>\n" }
        page += "</ol></nav>\n<main>\n"
        for section in sections {
            page += "<section id=\"\(section.id)\" aria-labelledby=\"\(section.id)-h\">\n"
            page += "<h2 id=\"\(section.id)-h\">\(section.title.html)</h2>\n\(section.html)\n</section>\n"
        }
        page += "</main>\n</body>\n</html>\n"
        return page
    }
}

extension String {
    /// The first character upper-cased.
    var capitalisedFirst: String { prefix(1).uppercased() + dropFirst() }
}

extension ReportPage {
    /// Both pages of `result`: file name → UTF-8 bytes, for a results folder.
    /// The two are rendered side by side.
    public static func files(_ result: MatchResult) -> [(name: String, data: Data)] {
        let pages = Concurrently.run(
            { Data(render(result, audience: .coordinator).utf8) }, { Data(render(result, audience: .shareable).utf8) })
        return [(ReportAudience.coordinator.fileName, pages.0), (ReportAudience.shareable.fileName, pages.1)]
    }
}
