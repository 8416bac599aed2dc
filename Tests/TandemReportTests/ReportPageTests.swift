import Foundation
import TandemCore
import Testing

@testable import TandemReport

@Suite("Report pages")
struct ReportPageTests {
    /// Every `data-key="…"` cell of a page: key → text.
    static func keyedValues(_ page: String) -> [String: String] {
        var values: [String: String] = [:]
        let pattern = /data-key="([^"]+)">([^<]*)</
        for match in page.matches(of: pattern) {
            values[String(match.1).replacingOccurrences(of: "&amp;", with: "&")] = String(match.2)
        }
        return values
    }

    @Test("Neither page loads anything from outside or runs a script")
    func selfContained() throws {
        let pages = try ReportFixture.pages()
        for page in [pages.coordinator, pages.shareable] {
            let lower = page.lowercased()
            for forbidden in ["http", "\"//", "url(//", "<script", " src=", "<link", "@import", "<iframe", "<img", "<object"] {
                #expect(!lower.contains(forbidden), "found \(forbidden)")
            }
            // No inline event handler (onload=, onclick=...).
            #expect(page.matches(of: /\son[a-z]+="/).isEmpty)
            // Only in-page references: url(#pattern) and href="#section".
            #expect(page.matches(of: /url\([^#]/).isEmpty)
            #expect(page.matches(of: /href="[^#]/).isEmpty)
            #expect(page.hasPrefix("<!DOCTYPE html>\n<html lang=\"en\">"))
        }
    }

    @Test("The shareable page holds no name, e-mail address or reason text of the cohort")
    func shareableHasNoPersonalData() throws {
        let matched = try ReportFixture.sample.get()
        let page = try ReportFixture.pages().shareable
        let cohort = matched.loaded.cohort
        var checked = 0
        for (name, email) in cohort.mentors.map({ ($0.name, $0.email) }) + cohort.mentees.map({ ($0.name, $0.email) }) {
            #expect(!page.contains(name.html), "\(name)")
            #expect(!page.contains(email.html), "\(email)")
            // Surnames alone, where they are long enough not to be ordinary words.
            if let last = name.split(separator: " ").last, last.count >= 6 { #expect(!page.contains(String(last).html)) }
            checked += 1
        }
        for person in matched.result.unmatched { #expect(!page.contains(matched.result.text(of: person).html)) }
        #expect(!page.contains(matched.result.programme.coordinatorName))
        #expect(checked == cohort.mentors.count + cohort.mentees.count)
        #expect(checked > 90)
    }

    @Test("The coordinator's page names people and says, on screen and in print, that it is personal data")
    func coordinatorPageIsMarked() throws {
        let matched = try ReportFixture.sample.get()
        let page = try ReportFixture.pages().coordinator
        #expect(page.contains("class=\"banner\" role=\"note\">Personal data"))
        #expect(page.contains("@top-center { content: \"PERSONAL DATA"))
        let unmatched = try #require(matched.result.unmatched.first)
        #expect(page.contains(unmatched.person.name.html))
    }

    @Test("The numbers on the coordinator's page are those of matches.json")
    func numbersMatchMatchesJSON() throws {
        let pages = try ReportFixture.pages()
        let values = Self.keyedValues(pages.coordinator)
        let json = pages.matchesJSON
        let summary = try #require(json["summary"] as? [String: Any])
        for key in ["mentors", "mentees", "pairs", "unmatched_mentees", "unmatched_mentors", "spare_mentor_places"] {
            let expected = try #require(summary[key] as? Int)
            #expect(values["summary." + key] == String(expected), "\(key)")
        }
        let mean = try #require(summary["mean_score"] as? Double)
        #expect(values["summary.mean_score"] == String(format: "%.3f", mean))

        let unmatched = try #require(json["unmatched"] as? [[String: Any]])
        let never = unmatched.count {
            $0["side"] as? String == "mentee" && ["no_window", "no_possible_partner"].contains($0["reason_code"] as? String)
        }
        #expect(values["summary.never_possible"] == String(never))
        #expect(values["left_out.mentee_never_possible"] == String(never))

        let pairs = try #require(json["pairs"] as? [[String: Any]])
        for top in [1, 3, 5] {
            #expect(values["quality.top\(top).mentees"] == String(pairs.count { ($0["mentee_rank"] as? Int ?? 99) <= top }))
            #expect(values["quality.top\(top).mentors"] == String(pairs.count { ($0["mentor_rank"] as? Int ?? 99) <= top }))
        }
        let scores = pairs.compactMap { $0["score"] as? Double }
        let bins = QualitySection.bins(scores)
        for (index, count) in bins.enumerated() { #expect(values["quality.bin.\(index)"] == String(count)) }
        #expect(bins.reduce(0, +) == pairs.count)

        let tradeOff = try #require((json["tradeoff"] as? [String: Any])?["options"] as? [[String: Any]])
        for (index, option) in tradeOff.enumerated() {
            #expect(values["tradeoff.\(index).pairs"] == String(try #require(option["pairs"] as? Int)))
            #expect(values["tradeoff.\(index).blocking_pairs"] == String(try #require(option["blocking_pairs"] as? Int)))
        }

        let insights = try #require(json["insights"] as? [String: Any])
        let reserve = try #require(insights["reserve"] as? [[String: Any]])
        #expect(!reserve.isEmpty)
        for entry in reserve {
            let position = try #require(entry["position"] as? Int)
            let mentee = try #require(entry["mentee"] as? String)
            #expect(values["reserve.\(position)"]?.hasSuffix("(\(mentee))") == true)
        }
        let spare = try #require(insights["spare_places"] as? [[String: Any]])
        #expect(spare.reduce(0) { $0 + ($1["spare"] as? Int ?? 0) } == summary["spare_mentor_places"] as? Int)
        for place in spare {
            #expect(values["spare.\(try #require(place["mentor"] as? String))"] == String(try #require(place["spare"] as? Int)))
        }
        for relaxation in try #require(insights["relaxations"] as? [[String: Any]]) {
            let rule = try #require(relaxation["rule"] as? String)
            #expect(values["relax.\(rule)"] == String(try #require(relaxation["extra_pairs"] as? Int)))
        }
        let suggestions = try #require(insights["suggestions"] as? [[String: Any]])
        #expect(suggestions.count == summary["unmatched_mentees"] as? Int)
        for code in ["common_window", "accept_online", "shared_language", "lower_minimum_score"] {
            let count = suggestions.count { ($0["change"] as? [String: Any])?["code"] as? String == code }
            #expect(values["help.\(code)"] == String(count))
        }
    }

    @Test("The fairness tables count people by group from matches.json, under disclosure control")
    func fairnessCounts() throws {
        let pages = try ReportFixture.pages()
        let json = pages.matchesJSON
        let insights = try #require(json["insights"] as? [String: Any])
        let people = try #require(insights["people"] as? [[String: Any]])
        let pairs = try #require(json["pairs"] as? [[String: Any]])
        let matchedMentees = Set(pairs.compactMap { $0["mentee"] as? String })
        let control = DisclosureControl(rule: DisclosureRule())
        var signedUp: [String: Int] = [:]
        var matched: [String: Int] = [:]
        for person in people where person["side"] as? String == "mentee" {
            let town = person["town"] as? String ?? ""
            let group = town.isEmpty ? "(not given)" : town
            signedUp[group, default: 0] += 1
            if matchedMentees.contains(person["id"] as? String ?? "") { matched[group, default: 0] += 1 }
        }
        #expect(signedUp.count >= 3)
        for page in [pages.coordinator, pages.shareable] {
            let values = Self.keyedValues(page)
            for (town, count) in signedUp {
                #expect(values["fair.mentee.town.\(town).people"] == control.control(count).text, "\(town)")
                #expect(values["fair.mentee.town.\(town).matched"] == control.control(matched[town] ?? 0).text, "\(town)")
            }
        }
    }

    @Test("Headings run h1, h2, h3 without skipping a level, with one h1")
    func headingsInOrder() throws {
        let pages = try ReportFixture.pages()
        for page in [pages.coordinator, pages.shareable] {
            let levels = page.matches(of: /<h([1-6])[ >]/).compactMap { Int($0.1) }
            #expect(levels.first == 1)
            #expect(levels.count { $0 == 1 } == 1)
            #expect(levels.count > 10)
            for (previous, next) in zip(levels, levels.dropFirst()) {
                #expect(next <= previous + 1, "h\(previous) then h\(next)")
            }
        }
    }

    @Test("Every chart is an image with a title and description, followed by the table of its numbers")
    func chartsHaveTextAndTables() throws {
        let pages = try ReportFixture.pages()
        for page in [pages.coordinator, pages.shareable] {
            let svgs = page.ranges(of: "<svg ")
            #expect(svgs.count >= 8)
            for (index, range) in svgs.enumerated() {
                let rest = page[range.lowerBound...]
                let end = try #require(rest.range(of: "</svg>"))
                let svg = rest[..<end.upperBound]
                #expect(svg.contains("role=\"img\""))
                #expect(svg.contains("aria-labelledby=\""))
                #expect(svg.contains("<title id=\""))
                #expect(svg.contains("<desc id=\""))
                // The chart's table comes before the next chart and within the same figure.
                let after = page[end.upperBound...]
                let table = try #require(after.range(of: "<table>"))
                let figureEnd = try #require(after.range(of: "</figure>"))
                #expect(table.lowerBound < figureEnd.lowerBound)
                if index + 1 < svgs.count { #expect(table.lowerBound < svgs[index + 1].lowerBound) }
            }
        }
    }

    @Test("Every colour of the page has a contrast of at least 4.5:1 against the background")
    func contrast() {
        for colour in ReportStyle.foregrounds {
            #expect(ReportStyle.contrast(colour.hex, ReportStyle.background) >= 4.5, "\(colour.name)")
        }
        // The formula itself: black on white is 21:1, a colour on itself 1:1.
        #expect(abs(ReportStyle.contrast("#000000", "#ffffff") - 21) < 0.01)
        #expect(ReportStyle.contrast("#777777", "#777777") == 1)
        #expect(ReportStyle.contrast("#777777", "#ffffff") < 4.5)
    }

    @Test("Text is escaped wherever it goes")
    func escaping() {
        #expect(
            HTMLText.escape("<script>alert('x') & \"y\"</script>")
                == "&lt;script&gt;alert(&#39;x&#39;) &amp; &quot;y&quot;&lt;/script&gt;")
    }

    @Test("A result without report data still renders every section, saying what is missing")
    func withoutInsights() throws {
        var result = try ReportFixture.sample.get().result
        result.insights = nil
        let page = ReportPage.render(result, audience: .coordinator)
        #expect(page.contains("Run tandem match again to fill this section."))
        #expect(page.contains("<h2 id=\"fairness-h\">"))
    }

    @Test("Rule relaxations not worked out are said to be, with what to do instead")
    func withoutRelaxations() throws {
        var result = try ReportFixture.sample.get().result
        #expect(ReportPage.render(result, audience: .coordinator).contains("id=\"fig-relax\""))
        result.insights?.relaxations = nil
        let page = ReportPage.render(result, audience: .coordinator)
        #expect(page.contains("Not worked out for this cohort"))
        #expect(!page.contains("id=\"fig-relax\""))
    }
}
