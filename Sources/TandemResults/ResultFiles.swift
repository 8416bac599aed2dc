import Foundation
import StableMatching
import TandemCore
import TandemReport

/// The files `tandem match` writes, rendered in memory so that nothing is written unless all
/// of them could be produced.
public enum ResultFiles {
    /// File name → contents: matches.csv, unmatched.csv, matches.json, the given
    /// `preferences.json` (the `tandem solve` input of the same instance), and the two report pages.
    /// - Parameters:
    ///   - zone: the programme's zone, to write session times with their UTC offsets.
    ///   - report: false leaves out the report pages.
    public static func render(_ result: MatchResult, zone: ZoneRules?, preferencesJSON: Data, report: Bool = true)
        throws(TandemFailure) -> [(name: String, data: Data)]
    {
        // matches.json beside the rest: at 10,000 mentees it and the report pages take about
        // 0.2 s and 0.13 s of processor time, and they end a run with a report.
        let (json, others) = Concurrently.run(
            { Result { () throws(TandemFailure) in try MatchesFile(result, zone: zone).encoded() } },
            { (matchesCSV(result), unmatchedCSV(result), report ? ReportPage.files(result) : []) })
        return [
            ("matches.csv", others.0),
            ("unmatched.csv", others.1),
            ("matches.json", try json.get()),
            (preferencesName, preferencesJSON),
        ] + others.2
    }

    /// The name of the `tandem solve` input among the files.
    public static let preferencesName = "preferences.json"

    static func matchesCSV(_ result: MatchResult) -> Data {
        let scheduled = result.schedule != nil
        let header =
            ["mentor_id", "mentor_name", "mentee_id", "mentee_name", "score", "mentee_rank", "mentor_rank", "reasons"]
            + (scheduled ? ["slot", "first_session", "last_session", "sessions", "location"] : [])
        let rows = result.pairs.map { pair in
            var row = [
                pair.mentor.id, pair.mentor.name, pair.mentee.id, pair.mentee.name, formatScore(pair.score),
                String(pair.menteeRank), String(pair.mentorRank), pair.reasonTexts.joined(separator: "; "),
            ]
            if scheduled {
                if let series = pair.series {
                    row += [
                        slotText(series), series.sessions.first?.date.iso ?? "", series.sessions.last?.date.iso ?? "",
                        String(series.sessions.count), series.location,
                    ]
                } else {
                    row += ["not scheduled", "", "", "0", ""]
                }
            }
            return row
        }
        return CSVText.render(header: header, rows: rows)
    }

    static func unmatchedCSV(_ result: MatchResult) -> Data {
        let rows = result.unmatched.map { person in
            [person.person.id, person.person.name, person.side.rawValue, result.text(of: person)]
        }
        return CSVText.render(header: ["id", "name", "side", "reason"], rows: rows)
    }

    /// The slot as people say it, with its cadence: `2nd Tuesday of each month, 18:00`,
    /// `Every other Monday, 12:30` (``SessionSeries/slotDescription``). Text to read, not to
    /// parse: `matches.json` keeps the weekday and time as separate fields.
    static func slotText(_ series: SessionSeries) -> String {
        series.slotDescription
    }

    /// Three decimals: enough to tell pairs apart, few enough to read.
    static func formatScore(_ score: Double) -> String {
        String(format: "%.3f", score)
    }
}
