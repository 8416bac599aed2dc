import GRDB
import TandemCore

extension RecordTransaction {
    /// What the record says about the programme so far, for the report: runs, pairs ended early
    /// by reason, people paired again after a pair ended, and people who joined after the first run.
    package func history() throws(TandemFailure) -> ProgrammeHistory {
        do {
            let runs = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM run") ?? 0
            let ended = try Row.fetchAll(
                db,
                sql: """
                    SELECT COALESCE(ended_reason, '') AS reason, COUNT(*) AS n FROM pair WHERE status = 'ended'
                    GROUP BY reason ORDER BY n DESC, reason
                    """
            ).map { row in
                let reason: String = row["reason"]
                return ProgrammeHistory.ReasonCount(reason: reason.isEmpty ? "no reason given" : reason, count: row["n"])
            }
            // Paired again: a pair of theirs ended and a later pair (a higher id) was made for
            // them, that is, their last pair is newer than their first ended one. One pass over
            // the pairs, grouped by person, so the count stays cheap with thousands of pairs.
            let rematched =
                try Int.fetchOne(
                    db,
                    sql: """
                        SELECT COUNT(*) FROM (
                          SELECT MIN(CASE WHEN status = 'ended' THEN id END) AS first_ended, MAX(id) AS last_made
                          FROM (SELECT id, status, mentor_id AS person FROM pair UNION ALL SELECT id, status, mentee_id FROM pair)
                          GROUP BY person)
                        WHERE last_made > first_ended
                        """) ?? 0
            let late =
                try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM person WHERE first_run > (SELECT MIN(id) FROM run)") ?? 0
            return ProgrammeHistory(runs: runs, endedEarly: ended, rematched: rematched, lateJoiners: late)
        } catch {
            throw TandemFailure(.software, "the programme record could not be read: \(error)")
        }
    }
}
