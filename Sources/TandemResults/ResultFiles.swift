import Foundation
import StableMatching
import TandemCore
import TandemSolve

/// The files `tandem match` writes, rendered in memory so that nothing is written unless all
/// of them could be produced.
public enum ResultFiles {
    /// File name → contents.
    /// - Parameters:
    ///   - zone: the programme's zone, to write session times with their UTC offsets.
    ///   - seriesUID: the calendar UID of a pair's series, recorded so files can be cross-checked.
    public static func render(
        _ outcome: MatchOutcome, programme: Programme, seed: UInt64, zone: ZoneRules?,
        seriesUID: (SessionSeries) -> String = { _ in "" }
    ) throws(TandemFailure) -> [(name: String, data: Data)] {
        // The document is built here, where `seriesUID` may be called; the two JSON files are
        // most of the rendering and independent, so they are written side by side.
        let document = MatchesDocument(outcome, programme: programme, seed: seed, zone: zone, seriesUID: seriesUID)
        let (matchesJSON, preferencesJSON) = Concurrently.run(
            { () -> Result<Data, TandemFailure> in Result { () throws(TandemFailure) in try MatchesJSON.render(document) } },
            { PreferencesJSON.render(outcome.scored.instance, cohort: outcome.compiled.cohort) })
        return [
            ("matches.csv", matchesCSV(outcome)),
            ("unmatched.csv", unmatchedCSV(outcome)),
            ("matches.json", try matchesJSON.get()),
            ("preferences.json", preferencesJSON),
        ]
    }

    static func matchesCSV(_ outcome: MatchOutcome) -> Data {
        let cohort = outcome.compiled.cohort
        let header =
            [
                "mentor_id", "mentor_name", "mentee_id", "mentee_name", "score", "mentee_rank", "mentor_rank", "reasons",
            ] + (outcome.schedule == nil ? [] : ["slot", "first_session", "last_session", "sessions", "location"])
        let rows = outcome.pairs.enumerated().map { index, pair in
            var row = [
                cohort.mentors[pair.mentor].id, cohort.mentors[pair.mentor].name,
                cohort.mentees[pair.mentee].id, cohort.mentees[pair.mentee].name,
                formatScore(pair.score), String(pair.menteeRank), String(pair.mentorRank),
                pair.reasons.joined(separator: "; "),
            ]
            if let schedule = outcome.schedule {
                if let series = schedule.series[index] {
                    row += [
                        slotText(series.slot), series.sessions.first?.date.iso ?? "", series.sessions.last?.date.iso ?? "",
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

    static func unmatchedCSV(_ outcome: MatchOutcome) -> Data {
        let cohort = outcome.compiled.cohort
        let rows = outcome.unmatched.map { person in
            let (id, name) = cohort.identity(of: person)
            return [id, name, person.side.rawValue, person.reason]
        }
        return CSVText.render(header: ["id", "name", "side", "reason"], rows: rows)
    }

    /// `Tuesday 18:00`.
    static func slotText(_ slot: WeeklySlot) -> String {
        slot.weekday.name + " " + AvailabilityWindow.clock(slot.startMinute)
    }

    /// Three decimals: enough to tell pairs apart, few enough to read.
    static func formatScore(_ score: Double) -> String {
        String(format: "%.3f", score)
    }
}
