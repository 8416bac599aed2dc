import Foundation
import StableMatching
import TandemCore

/// The files `tandem match` writes, rendered in memory so that nothing is written unless all
/// of them could be produced.
public enum ResultFiles {
    /// File name → contents.
    public static func render(_ outcome: MatchOutcome, seed: UInt64) throws(TandemFailure) -> [(name: String, data: Data)] {
        [
            ("matches.csv", try matchesCSV(outcome)),
            ("unmatched.csv", try unmatchedCSV(outcome)),
            ("matches.json", try json(MatchesDocument(outcome, seed: seed))),
            ("preferences.json", try json(SolveInput(outcome.scored.instance, cohort: outcome.compiled.cohort))),
        ]
    }

    static func matchesCSV(_ outcome: MatchOutcome) throws(TandemFailure) -> Data {
        let cohort = outcome.compiled.cohort
        let header = [
            "mentor_id", "mentor_name", "mentee_id", "mentee_name", "score", "mentee_rank", "mentor_rank", "reasons",
        ]
        let rows = outcome.pairs.map { pair in
            [
                cohort.mentors[pair.mentor].id, cohort.mentors[pair.mentor].name,
                cohort.mentees[pair.mentee].id, cohort.mentees[pair.mentee].name,
                formatScore(pair.score), String(pair.menteeRank), String(pair.mentorRank),
                pair.reasons.joined(separator: "; "),
            ]
        }
        return try CSVText.render(header: header, rows: rows)
    }

    static func unmatchedCSV(_ outcome: MatchOutcome) throws(TandemFailure) -> Data {
        let cohort = outcome.compiled.cohort
        let rows = outcome.unmatched.map { person in
            let (id, name) =
                person.side == .mentor
                ? (cohort.mentors[person.index].id, cohort.mentors[person.index].name)
                : (cohort.mentees[person.index].id, cohort.mentees[person.index].name)
            return [id, name, person.side.rawValue, person.reason]
        }
        return try CSVText.render(header: ["id", "name", "side", "reason"], rows: rows)
    }

    /// Three decimals: enough to tell pairs apart, few enough to read.
    static func formatScore(_ score: Double) -> String {
        String(format: "%.3f", score)
    }

    static func json(_ value: some Encodable) throws(TandemFailure) -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        do {
            var data = try encoder.encode(value)
            data.append(0x0A)
            return data
        } catch {
            throw TandemFailure(.software, "could not encode JSON: \(error)")
        }
    }
}

/// The shape of `matches.json`.
struct MatchesDocument: Encodable {
    struct Pair: Encodable {
        var mentor: String
        var mentorName: String
        var mentee: String
        var menteeName: String
        var score: Double
        var menteeRank: Int
        var mentorRank: Int
        var reasons: [String]

        enum CodingKeys: String, CodingKey {
            case mentor, mentee, score, reasons
            case mentorName = "mentor_name", menteeName = "mentee_name", menteeRank = "mentee_rank", mentorRank = "mentor_rank"
        }
    }

    struct Unmatched: Encodable {
        var id: String
        var name: String
        var side: String
        var reason: String
    }

    var algorithm: String
    var seed: UInt64
    var stable: Bool
    var blockingPairs: Int
    var pairs: [Pair]
    var unmatched: [Unmatched]
    var summary: [String: Double]

    enum CodingKeys: String, CodingKey {
        case algorithm, seed, stable, pairs, unmatched, summary
        case blockingPairs = "blocking_pairs"
    }

    init(_ outcome: MatchOutcome, seed: UInt64) {
        let cohort = outcome.compiled.cohort
        algorithm = "deferred-acceptance/\(outcome.optimal.rawValue)-optimal"
        self.seed = seed
        stable = outcome.isStable
        blockingPairs = outcome.report.blockingPairs.count
        pairs = outcome.pairs.map { pair in
            Pair(
                mentor: cohort.mentors[pair.mentor].id, mentorName: cohort.mentors[pair.mentor].name,
                mentee: cohort.mentees[pair.mentee].id, menteeName: cohort.mentees[pair.mentee].name,
                score: (pair.score * 1000).rounded() / 1000, menteeRank: pair.menteeRank, mentorRank: pair.mentorRank,
                reasons: pair.reasons)
        }
        unmatched = outcome.unmatched.map { person in
            let (id, name) =
                person.side == .mentor
                ? (cohort.mentors[person.index].id, cohort.mentors[person.index].name)
                : (cohort.mentees[person.index].id, cohort.mentees[person.index].name)
            return Unmatched(id: id, name: name, side: person.side.rawValue, reason: person.reason)
        }
        summary = [
            "pairs": Double(outcome.pairs.count),
            "mentors": Double(cohort.mentors.count),
            "mentees": Double(cohort.mentees.count),
            "unmatched_mentees": Double(outcome.unmatched.filter { $0.side == .mentee }.count),
            "unmatched_mentors": Double(outcome.unmatched.filter { $0.side == .mentor }.count),
            "spare_mentor_places": Double(outcome.spareMentorPlaces),
            "mean_score": (outcome.meanScore * 1000).rounded() / 1000,
        ]
    }
}
