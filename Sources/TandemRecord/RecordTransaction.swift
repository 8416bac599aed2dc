import Foundation
import GRDB
import TandemCore

/// What a command reads from and writes to the record, inside one transaction.
package struct RecordTransaction {
    let db: Database

    // MARK: Reading

    /// The active pairs, oldest first, each with its series as last issued.
    package func activePairs() throws(TandemFailure) -> [ActivePair] {
        try records { db in
            try Row.fetchAll(db, sql: "SELECT * FROM pair WHERE status = 'active' ORDER BY id").map { row in
                try activePair(row, in: db)
            }
        }
    }

    /// Pairs the coordinator ended (`tandem withdraw --pair`, or a person's withdrawal), as
    /// `(mentor, mentee)`: they are not made again. Pairs ended by `--rematch` may be.
    package func endedPairs() throws(TandemFailure) -> [(mentor: String, mentee: String)] {
        try records { db in
            try Row.fetchAll(
                db, sql: "SELECT mentor_id, mentee_id FROM pair WHERE status = 'ended' AND ended_reason != ? ORDER BY id",
                arguments: [Self.rematchReason]
            ).map { ($0["mentor_id"], $0["mentee_id"]) }
        }
    }

    /// Why `--rematch` ends every pair.
    package static let rematchReason = "matched afresh (--rematch)"

    /// People who withdrew from the programme.
    package func withdrawnPeople() throws(TandemFailure) -> Set<String> {
        try records { db in Set(try String.fetchAll(db, sql: "SELECT id FROM person WHERE status = 'withdrawn'")) }
    }

    /// Series revisions not yet sent to their two people: new series, and ended or cancelled
    /// ones (which a matching run then sends as updates or cancellations).
    /// - Parameter cohort: sign-ups not recorded yet (``recordPeople(of:run:)`` comes later in
    ///   the run): the names and addresses of the people in it are taken from it, as the record
    ///   will hold them.
    package func unsentSeries(signedUp cohort: Cohort? = nil) throws(TandemFailure) -> [UnsentSeries] {
        var unsent = try recordedUnsentSeries()
        guard let cohort, !unsent.isEmpty else { return unsent }
        var people: [String: CalendarPerson] = [:]
        for mentor in cohort.mentors { people[mentor.id] = CalendarPerson(id: mentor.id, name: mentor.name, email: mentor.email) }
        for mentee in cohort.mentees { people[mentee.id] = CalendarPerson(id: mentee.id, name: mentee.name, email: mentee.email) }
        for index in unsent.indices {
            unsent[index].series.mentor = people[unsent[index].series.mentor.id] ?? unsent[index].series.mentor
            unsent[index].series.mentee = people[unsent[index].series.mentee.id] ?? unsent[index].series.mentee
        }
        return unsent
    }

    private func recordedUnsentSeries() throws(TandemFailure) -> [UnsentSeries] {
        try records { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT series.pair_id, series.status, series.sent_sequence, pair.status AS pair_status
                    FROM series JOIN pair ON pair.id = series.pair_id
                    WHERE series.sent_sequence IS NULL OR series.sent_sequence < series.sequence
                    ORDER BY series.pair_id
                    """
            ).compactMap { row in
                let id: Int64 = row["pair_id"]
                guard let series = try series(ofPair: id, in: db) else { return nil }
                let status: String = row["status"]
                return UnsentSeries(
                    series: series, isCancelled: status == "cancelled", wasSent: (row["sent_sequence"] as Int?) != nil,
                    pairIsActive: (row["pair_status"] as String) == "active")
            }
        }
    }

    // MARK: Writing

    /// Starts a run of `command` on `runDate` (a date in `timeZone`), returning its number.
    package func beginRun(command: String, runDate: LocalDate, timeZone: String, startedAt: Date) throws(TandemFailure) -> Int64 {
        try records { db in
            try db.execute(
                sql: "INSERT INTO run (command, run_date, time_zone, started_at) VALUES (?, ?, ?, ?)",
                arguments: [command, runDate.iso, timeZone, UTCText.text(startedAt)])
            return db.lastInsertedRowID
        }
    }

    /// The programme's time zone as the last run knew it; `nil` before the first run.
    package func lastTimeZone() throws(TandemFailure) -> String? {
        try records { db in try String.fetchOne(db, sql: "SELECT time_zone FROM run ORDER BY id DESC LIMIT 1") }
    }

    /// Adds the people of `cohort` not yet recorded and refreshes the names and e-mail
    /// addresses of those who are.
    package func recordPeople(of cohort: Cohort, run: Int64) throws(TandemFailure) {
        let people =
            cohort.mentors.map { ($0.id, "mentor", $0.name, $0.email) }
            + cohort.mentees.map { ($0.id, "mentee", $0.name, $0.email) }
        try records { db in
            try Self.inBatches(people, in: db) { count in
                """
                INSERT INTO person (id, side, name, email, status, first_run, last_run) VALUES \(
                    repeatElement("(?, ?, ?, ?, 'active', ?, ?)", count: count).joined(separator: ", "))
                ON CONFLICT(id) DO UPDATE SET name = excluded.name, email = excluded.email, last_run = excluded.last_run
                """
            } arguments: { rows in
                var arguments = StatementArguments()
                for (id, side, name, email) in rows { arguments += [id, side, name, email, run, run] }
                return arguments
            }
        }
    }

    /// Rows (or ids) in one statement of ``inBatches(_:in:sql:arguments:)``: 6 values each for
    /// the people, well below SQLite's limit of 32,766 values a statement.
    static let rowsPerStatement = 256

    /// Executes the statement `sql` writes for a number of rows, for up to ``rowsPerStatement``
    /// of `rows` at a time: a national cohort has 125,000 people and a first run sends a series
    /// per new pair, and each statement executed costs more than the row it adds.
    private static func inBatches<Row>(
        _ rows: [Row], in db: Database, sql: (_ count: Int) -> String,
        arguments: (ArraySlice<Row>) -> StatementArguments
    ) throws {
        for batch in stride(from: 0, to: rows.count, by: rowsPerStatement) {
            let part = rows[batch..<min(rows.count, batch + rowsPerStatement)]
            try db.cachedStatement(sql: sql(part.count)).execute(arguments: arguments(part))
        }
    }

    /// `column IN (?, …)` for `count` values.
    private static func isAny(of column: String, count: Int) -> String {
        "\(column) IN (\(repeatElement("?", count: count).joined(separator: ", ")))"
    }

    /// Records a new pair made on `runDate`, with its series and planned sessions.
    package func addPair(_ pair: MatchResult.Pair, run: Int64, runDate: LocalDate) throws(TandemFailure) {
        try records { db in
            try db.cachedStatement(
                sql: """
                    INSERT INTO pair (mentor_id, mentee_id, status, made_run, made_on, score, mentee_rank, mentor_rank)
                    VALUES (?, ?, 'active', ?, ?, ?, ?, ?)
                    """
            ).execute(
                arguments: [
                    pair.mentor.id, pair.mentee.id, run, runDate.iso, pair.score, pair.menteeRank, pair.mentorRank,
                ])
            let pairID = db.lastInsertedRowID
            try log(
                db, run: run, kind: "pair made", person: nil, pair: pairID, detail: "\(pair.mentor.id) with \(pair.mentee.id)")
            guard let series = pair.series else { return }
            try insert(series, pair: pairID, status: "confirmed", in: db)
        }
    }

    /// Ends the active pairs `which` selects from `date` (sessions before it held, the rest
    /// cancelled) as a new revision of each series issued at `issued`; returns the pairs ended.
    package func endPairs(
        _ which: PairSelection, from date: LocalDate, reason: String, run: Int64, issued: Date
    ) throws(TandemFailure) -> [ActivePair] {
        try records { db in
            let (condition, arguments): (String, StatementArguments) =
                switch which {
                case .all: ("1", [])
                case .person(let id): ("(mentor_id = ? OR mentee_id = ?)", [id, id])
                case .pair(let mentor, let mentee): ("mentor_id = ? AND mentee_id = ?", [mentor, mentee])
                }
            let rows = try Row.fetchAll(
                db, sql: "SELECT * FROM pair WHERE status = 'active' AND \(condition) ORDER BY id", arguments: arguments)
            var ended: [ActivePair] = []
            for row in rows {
                let id: Int64 = row["id"]
                let pair = try activePair(row, in: db)
                let series = pair.series
                try db.execute(
                    sql: "UPDATE pair SET status = 'ended', ended_on = ?, ended_reason = ? WHERE id = ?",
                    arguments: [date.iso, reason, id])
                if let series {
                    try db.execute(
                        sql: "UPDATE session SET status = 'held' WHERE pair_id = ? AND status = 'planned' AND start < ?",
                        arguments: [id, date.iso])
                    try db.execute(
                        sql: "UPDATE session SET status = 'cancelled' WHERE pair_id = ? AND status = 'planned' AND start >= ?",
                        arguments: [id, date.iso])
                    if let shortened = series.ended(from: date, issued: issued) {
                        try db.execute(
                            sql: """
                                UPDATE series SET status = 'ended', sequence = ?, issued_at = ?, occurrence_count = ? WHERE pair_id = ?
                                """,
                            arguments: [shortened.sequence, UTCText.text(issued), shortened.occurrenceCount, id])
                        try db.execute(
                            sql: "DELETE FROM session WHERE pair_id = ? AND status = 'skipped' AND start > ?",
                            arguments: [id, shortened.sessions.last?.isoLocal ?? ""])
                    } else {
                        try db.execute(
                            sql:
                                "UPDATE series SET status = 'cancelled', sequence = sequence + 1, issued_at = ? WHERE pair_id = ?",
                            arguments: [UTCText.text(issued), id])
                    }
                }
                try log(
                    db, run: run, kind: "pair ended", person: nil, pair: id, detail: "\(pair.label) from \(date.iso): \(reason)")
                ended.append(pair)
            }
            return ended
        }
    }

    /// Marks `id` as withdrawn from `date`.
    /// - Returns: whether the record knows the person.
    package func withdraw(person id: String, from date: LocalDate, reason: String, run: Int64) throws(TandemFailure) -> Bool {
        try records { db in
            try db.execute(
                sql: "UPDATE person SET status = 'withdrawn', withdrawn_from = ?, withdrawn_reason = ? WHERE id = ?",
                arguments: [date.iso, reason, id])
            guard db.changesCount > 0 else { return false }
            try log(db, run: run, kind: "withdrawn", person: id, pair: nil, detail: "from \(date.iso): \(reason)")
            return true
        }
    }

    /// `series`' UID, or, when an earlier series of the same two people already has it (they
    /// were matched again after their pair ended), a new one: a calendar must never take a
    /// new series for a revision of the old.
    package func unusedUID(for series: SessionSeries, programme: String) throws(TandemFailure) -> String {
        try records { db in
            var uid = series.uid
            var incarnation = 1
            let count = try db.cachedStatement(sql: "SELECT COUNT(*) FROM series WHERE uid = ?")
            while try Int.fetchOne(count, arguments: [uid]) != 0 {
                incarnation += 1
                uid = SeriesIdentity.uid(
                    programme: programme, mentorID: series.mentor.id, menteeID: series.mentee.id + "#" + String(incarnation))
            }
            return uid
        }
    }

    /// `events` with when each was first issued: from the record, or `now` for an event it
    /// records here for the first time (so that a calendar's unchanged events keep their bytes).
    package func issue(_ events: [CohortEvent], now: Date) throws(TandemFailure) -> [CohortEvent] {
        try records { db in
            try events.map { event in
                var event = event
                if let known = try String.fetchOne(
                    db, sql: "SELECT issued_at FROM cohort_event WHERE uid = ?", arguments: [event.uid])
                {
                    event.issued = UTCText.date(known)
                } else {
                    try db.execute(
                        sql: "INSERT INTO cohort_event (uid, title, start, issued_at) VALUES (?, ?, ?, ?)",
                        arguments: [event.uid, event.title, event.start.isoLocal, UTCText.text(now)])
                    event.issued = now
                }
                return event
            }
        }
    }

    /// Of `people`, those never sent the cohort events (people the record does not hold yet
    /// among them).
    package func notInvitedToEvents(_ people: [String]) throws(TandemFailure) -> Set<String> {
        try records { db in
            let invited = Set(try String.fetchAll(db, sql: "SELECT id FROM person WHERE invited_to_events"))
            return Set(people.filter { !invited.contains($0) })
        }
    }

    /// Notes that `people` were sent the cohort events.
    package func markInvitedToEvents(_ people: some Sequence<String>) throws(TandemFailure) {
        try records { db in
            try Self.inBatches(Array(people), in: db) { count in
                "UPDATE person SET invited_to_events = 1 WHERE \(Self.isAny(of: "id", count: count))"
            } arguments: {
                StatementArguments($0)
            }
        }
    }

    /// Notes that the current revision of each series of `uids` was sent.
    package func markSent(uids: [String]) throws(TandemFailure) {
        try records { db in
            try Self.inBatches(uids, in: db) { count in
                "UPDATE series SET sent_sequence = sequence WHERE \(Self.isAny(of: "uid", count: count))"
            } arguments: {
                StatementArguments($0)
            }
        }
    }

    // MARK: Rows

    private func log(_ db: Database, run: Int64, kind: String, person: String?, pair: Int64?, detail: String) throws {
        try db.cachedStatement(sql: "INSERT INTO change (run_id, kind, person_id, pair_id, detail) VALUES (?, ?, ?, ?, ?)")
            .execute(arguments: [run, kind, person, pair, detail])
    }

    private func insert(_ series: SessionSeries, pair: Int64, status: String, in db: Database) throws {
        let (cadence, step): (String, Int) =
            switch series.cadence {
            case .weekly(let interval): ("weekly", interval)
            case .monthly(let ordinal): ("monthly", ordinal)
            }
        try db.cachedStatement(
            sql: """
                INSERT INTO series (pair_id, uid, sequence, sent_sequence, issued_at, status, weekday, start_time, cadence,
                    cadence_step, duration_minutes, first_start, occurrence_count, location, online)
                VALUES (?, ?, ?, NULL, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """
        ).execute(
            arguments: [
                pair, series.uid, series.sequence, UTCText.text(series.issued ?? Date(timeIntervalSince1970: 0)), status,
                series.slot.weekday.name, AvailabilityWindow.clock(series.slot.startMinute), cadence, step,
                series.durationMinutes, series.firstStart.isoLocal, series.occurrenceCount, series.location, series.isOnline,
            ])
        // The series' sessions in one statement: each statement executed costs more than its row.
        let sessions = series.sessions.map { ($0, "planned") } + series.skipped.map { ($0, "skipped") }
        guard !sessions.isEmpty else { return }
        var arguments = StatementArguments()
        for (start, state) in sessions { arguments += [pair, start.isoLocal, state] }
        try db.cachedStatement(
            sql: "INSERT INTO session (pair_id, start, status) VALUES "
                + repeatElement("(?, ?, ?)", count: sessions.count).joined(separator: ", ")
        ).execute(arguments: arguments)
    }

    /// The pair of a `pair` row, with its series as last issued.
    private func activePair(_ row: Row, in db: Database) throws -> ActivePair {
        ActivePair(
            mentorID: row["mentor_id"], menteeID: row["mentee_id"], score: row["score"], menteeRank: row["mentee_rank"],
            mentorRank: row["mentor_rank"], series: try series(ofPair: row["id"], in: db))
    }

    /// The series of pair `id` as last issued, from its rows.
    private func series(ofPair id: Int64, in db: Database) throws -> SessionSeries? {
        guard
            let row = try Row.fetchOne(
                db.cachedStatement(
                    sql: """
                        SELECT series.*, mentor.name AS mentor_name, mentor.email AS mentor_email, pair.mentor_id,
                            mentee.name AS mentee_name, mentee.email AS mentee_email, pair.mentee_id
                        FROM series JOIN pair ON pair.id = series.pair_id
                            JOIN person AS mentor ON mentor.id = pair.mentor_id JOIN person AS mentee ON mentee.id = pair.mentee_id
                        WHERE series.pair_id = ?
                        """), arguments: [id])
        else { return nil }
        let sessions = try Row.fetchAll(
            db.cachedStatement(sql: "SELECT start, status FROM session WHERE pair_id = ? ORDER BY start"), arguments: [id])
        func time(_ text: String) throws -> LocalDateTime {
            guard let time = LocalDateTime(isoLocal: text) else {
                throw RecordError(pair: id, message: "'\(text)' is not a local time like 2027-01-14T18:00")
            }
            return time
        }
        let weekdayName: String = row["weekday"]
        let startText: String = row["start_time"]
        guard let weekday = Weekday(fileName: weekdayName), let startMinute = AvailabilityWindow.minute(ofClock: startText) else {
            throw RecordError(pair: id, message: "'\(weekdayName) \(startText)' is not a slot like Tuesday 18:00")
        }
        let step: Int = row["cadence_step"]
        let cadence: Cadence = (row["cadence"] as String) == "monthly" ? .monthly(ordinal: step) : .weekly(interval: step)
        var held: [LocalDateTime] = []
        var skipped: [LocalDateTime] = []
        let status: String = row["status"]
        for session in sessions {
            // A cancelled series keeps its plan (the cancellation names what is called off).
            switch (session["status"] as String, status) {
            case ("skipped", _): skipped.append(try time(session["start"]))
            case ("planned", _), ("held", _), ("cancelled", "cancelled"): held.append(try time(session["start"]))
            default: break
            }
        }
        var series = SessionSeries(
            uid: row["uid"], mentor: CalendarPerson(id: row["mentor_id"], name: row["mentor_name"], email: row["mentor_email"]),
            mentee: CalendarPerson(id: row["mentee_id"], name: row["mentee_name"], email: row["mentee_email"]),
            slot: WeeklySlot(weekday: weekday, startMinute: startMinute), cadence: cadence,
            durationMinutes: row["duration_minutes"], firstStart: try time(row["first_start"]),
            occurrenceCount: row["occurrence_count"], skipped: skipped,
            sessions: held, location: row["location"], isOnline: row["online"])
        series.sequence = row["sequence"]
        series.issued = UTCText.date(row["issued_at"])
        return series
    }

    /// Runs `body` on the transaction's connection, turning SQLite's errors into Tandem's.
    private func records<Result>(_ body: (Database) throws -> Result) throws(TandemFailure) -> Result {
        do {
            return try body(db)
        } catch let failure as TandemFailure {
            throw failure
        } catch {
            throw TandemFailure(.software, "the programme record could not be read or written: \(error)")
        }
    }
}

/// A row the record cannot hold (written by hand, or by a different program).
struct RecordError: Error, CustomStringConvertible {
    var pair: Int64
    var message: String
    var description: String { "pair \(pair): \(message)" }
}

/// Which active pairs to end.
package enum PairSelection: Sendable, Hashable {
    /// Every active pair.
    case all
    /// Every active pair of this person.
    case person(String)
    /// The one pair of this mentor and mentee.
    case pair(mentor: String, mentee: String)
}

/// A series revision the two people have not been sent yet.
package struct UnsentSeries: Sendable, Hashable {
    package var series: SessionSeries
    /// The whole series is called off (no session was held).
    package var isCancelled: Bool
    /// An earlier revision was sent (so this one is an update, not an invitation).
    package var wasSent: Bool
    package var pairIsActive: Bool
}
