import Foundation
import GRDB
import TandemCore
import TandemTestSupport
import Testing

@testable import TandemRecord

@Suite("The programme record")
struct ProgrammeRecordTests {
    static func scratchPath(_ name: String = #function) -> String {
        ScratchFolder.make("record").appendingPathComponent("\(name.filter(\.isLetter)).sqlite").path
    }

    static let runDate = LocalDate(year: 2027, month: 1, day: 4)
    static let issued = Date(timeIntervalSince1970: 1_783_000_000)

    static let cohort = Cohort(
        mentors: [Mentor(id: "M1", name: "Amrit Kaur", email: "amrit@example.org")],
        mentees: [
            Mentee(id: "E1", name: "Jo Bloggs", email: "jo@example.org"),
            Mentee(id: "E2", name: "Sam Lee", email: "sam@example.org"),
        ])

    /// Monthly on the 2nd Tuesday at 18:00, February to June 2027, the April one skipped.
    static func series(mentee: String) -> SessionSeries {
        let sessions = [(2, 9), (3, 9), (5, 11), (6, 8)].map { LocalDateTime(year: 2027, month: $0.0, day: $0.1, hour: 18) }
        var series = SessionSeries(
            uid: "uid-\(mentee)", mentor: CalendarPerson(id: "M1", name: "Amrit Kaur", email: "amrit@example.org"),
            mentee: CalendarPerson(id: mentee, name: mentee == "E1" ? "Jo Bloggs" : "Sam Lee", email: "\(mentee)@example.org"),
            slot: WeeklySlot(weekday: .tuesday, startMinute: 18 * 60), cadence: .monthly(ordinal: 2), durationMinutes: 60,
            firstStart: sessions[0], occurrenceCount: 5, skipped: [LocalDateTime(year: 2027, month: 4, day: 13, hour: 18)],
            sessions: sessions, location: "Southall Community Hub", isOnline: false)
        series.issued = issued
        return series
    }

    static func pair(mentee: String) -> MatchResult.Pair {
        MatchResult.Pair(
            mentor: PersonName(id: "M1", name: "Amrit Kaur"), mentee: PersonName(id: mentee, name: "x"), score: 0.75,
            menteeRank: 1, mentorRank: 2, reasons: [], series: series(mentee: mentee))
    }

    /// A record after one run that made M1's pairs with E1 and E2.
    static func recordWithTwoPairs(_ path: String) throws -> ProgrammeRecord {
        let record = try ProgrammeRecord(path: path)
        try record.change { transaction throws(TandemFailure) in
            let run = try transaction.beginRun(command: "match", runDate: runDate, timeZone: "Europe/London", startedAt: issued)
            try transaction.recordPeople(of: cohort, run: run)
            try transaction.addPair(pair(mentee: "E1"), run: run, runDate: runDate)
            try transaction.addPair(pair(mentee: "E2"), run: run, runDate: runDate)
        }
        return record
    }

    /// People are written many to a statement: every one of a cohort larger than a statement
    /// is recorded once, keeps the run they joined in, and has their latest name and address.
    @Test func everyPersonIsRecordedOnceWithTheirLatestDetails() throws {
        let record = try ProgrammeRecord(path: Self.scratchPath())
        func cohort(mentees: Int, renamed: Bool) -> Cohort {
            Cohort(
                mentors: [Mentor(id: "M1", name: "Amrit Kaur", email: "amrit@example.org")],
                mentees: (0..<mentees).map { index in
                    let name = renamed && index.isMultiple(of: 100) ? "Renamed \(index)" : "Mentee \(index)"
                    return Mentee(id: "E\(index)", name: name, email: "e\(index)@example.org")
                })
        }
        let first = RecordTransaction.rowsPerStatement * 2 + 7
        let rows = try record.change { transaction throws(TandemFailure) in
            let run1 = try transaction.beginRun(
                command: "match", runDate: Self.runDate, timeZone: "Europe/London", startedAt: Self.issued)
            try transaction.recordPeople(of: cohort(mentees: first, renamed: false), run: run1)
            let run2 = try transaction.beginRun(
                command: "match", runDate: Self.runDate, timeZone: "Europe/London", startedAt: Self.issued)
            try transaction.recordPeople(of: cohort(mentees: first + 50, renamed: true), run: run2)
            return (try? Row.fetchAll(transaction.db, sql: "SELECT id, name, first_run, last_run FROM person")) ?? []
        }
        #expect(rows.count == first + 51)
        let byID = Dictionary(uniqueKeysWithValues: rows.map { ($0["id"] as String, $0) })
        #expect(byID["E100"]?["name"] == "Renamed 100")
        #expect(byID["E101"]?["name"] == "Mentee 101")
        #expect(byID["E5"]?["first_run"] == 1 && byID["E5"]?["last_run"] == 2)
        #expect(byID["E\(first + 10)"]?["first_run"] == 2)
        #expect(byID["M1"]?["first_run"] == 1 && byID["M1"]?["last_run"] == 2)
    }

    /// Series are marked sent many to a statement: every one named, over several statements, and
    /// only those, is sent.
    @Test func markingSeriesSentMarksExactlyThoseNamed() throws {
        let record = try ProgrammeRecord(path: Self.scratchPath())
        let count = RecordTransaction.rowsPerStatement * 2 + 5
        let mentees = (0..<count).map { "E\($0)" }
        let unsent = try record.change { transaction throws(TandemFailure) in
            let run = try transaction.beginRun(
                command: "match", runDate: Self.runDate, timeZone: "Europe/London", startedAt: Self.issued)
            try transaction.recordPeople(
                of: Cohort(mentors: Self.cohort.mentors, mentees: mentees.map { Mentee(id: $0, name: $0) }), run: run)
            for mentee in mentees { try transaction.addPair(Self.pair(mentee: mentee), run: run, runDate: Self.runDate) }
            // All but the last three.
            try transaction.markSent(uids: mentees.dropLast(3).map { "uid-\($0)" })
            return try transaction.unsentSeries()
        }
        #expect(unsent.map(\.series.uid) == mentees.suffix(3).map { "uid-\($0)" })
    }

    /// People are marked as sent the cohort events many to a statement: every one named, over
    /// several statements, and only those.
    @Test func markingPeopleInvitedMarksExactlyThoseNamed() throws {
        let record = try ProgrammeRecord(path: Self.scratchPath())
        let mentees = (0..<(RecordTransaction.rowsPerStatement * 2 + 5)).map { "E\($0)" }
        let notInvited = try record.change { transaction throws(TandemFailure) in
            let run = try transaction.beginRun(
                command: "match", runDate: Self.runDate, timeZone: "Europe/London", startedAt: Self.issued)
            try transaction.recordPeople(
                of: Cohort(mentors: Self.cohort.mentors, mentees: mentees.map { Mentee(id: $0, name: $0) }), run: run)
            try transaction.markInvitedToEvents(mentees.dropLast(3))
            return try transaction.notInvitedToEvents(mentees + ["M1"])
        }
        #expect(notInvited == Set(mentees.suffix(3) + ["M1"]))
    }

    @Test func aPairsSeriesReadsBackAsItWasIssued() throws {
        let record = try Self.recordWithTwoPairs(Self.scratchPath())
        let active = try record.change { transaction throws(TandemFailure) in try transaction.activePairs() }
        #expect(active.map(\.label) == ["M1:E1", "M1:E2"])
        var expected = Self.series(mentee: "E1")
        expected.mentee.email = "jo@example.org"  // people's addresses come from their rows
        #expect(active[0].series == expected)
        #expect(active[0].score == 0.75 && active[0].menteeRank == 1 && active[0].mentorRank == 2)
        let unsent = try record.change { transaction throws(TandemFailure) in try transaction.unsentSeries() }
        #expect(unsent.map(\.series.uid) == ["uid-E1", "uid-E2"])
        #expect(unsent.allSatisfy { !$0.wasSent && !$0.isCancelled && $0.pairIsActive })
    }

    @Test func endingAPairHoldsThePastCancelsTheRestAndRevisesTheSeries() throws {
        let record = try Self.recordWithTwoPairs(Self.scratchPath())
        let later = Date(timeIntervalSince1970: 1_790_000_000)
        try record.change { transaction throws(TandemFailure) in
            try transaction.markSent(uids: try transaction.unsentSeries().map(\.series.uid))
            let run = try transaction.beginRun(
                command: "withdraw", runDate: LocalDate(year: 2027, month: 4, day: 1), timeZone: "Europe/London", startedAt: later
            )
            // E1's pair ends in April: February and March held. E2's ends before it began.
            let first = try transaction.endPairs(
                .pair(mentor: "M1", mentee: "E1"), from: LocalDate(year: 2027, month: 4, day: 1), reason: "moved away", run: run,
                issued: later)
            let second = try transaction.endPairs(
                .person("E2"), from: LocalDate(year: 2027, month: 1, day: 31), reason: "withdrew", run: run, issued: later)
            #expect(first.map(\.label) == ["M1:E1"])
            #expect(second.map(\.label) == ["M1:E2"])
        }
        let (active, unsent) = try record.change { transaction throws(TandemFailure) in
            (try transaction.activePairs(), try transaction.unsentSeries())
        }
        #expect(active.isEmpty)
        #expect(unsent.count == 2)
        let ended = try #require(unsent.first { $0.series.uid == "uid-E1" })
        #expect(!ended.isCancelled && ended.wasSent && !ended.pairIsActive)
        #expect(ended.series.sequence == 1)
        #expect(ended.series.issued == later)
        #expect(ended.series.sessions.map(\.month) == [2, 3])
        #expect(ended.series.skipped.isEmpty)
        #expect(ended.series.occurrenceCount == 2)
        let cancelled = try #require(unsent.first { $0.series.uid == "uid-E2" })
        #expect(cancelled.isCancelled && cancelled.wasSent)
        #expect(cancelled.series.sequence == 1)
        // A cancellation names the whole plan it calls off.
        #expect(cancelled.series.sessions.count == 4)
    }

    /// A run reads the revisions to send before it records the people of its sign-ups: an
    /// update goes to the name and address the sign-ups give now, as once they are recorded.
    @Test func unsentRevisionsTakeThePeoplesDetailsFromTheSignupsNotYetRecorded() throws {
        let record = try Self.recordWithTwoPairs(Self.scratchPath())
        var signedUp = Self.cohort
        signedUp.mentees[0].name = "Jo Bloggs-Smith"
        signedUp.mentees[0].email = "jo.new@example.org"
        signedUp.mentees.removeLast()
        let (read, recorded) = try record.change { transaction throws(TandemFailure) in
            let read = try transaction.unsentSeries(signedUp: signedUp)
            let run = try transaction.beginRun(
                command: "match", runDate: Self.runDate, timeZone: "Europe/London", startedAt: Self.issued)
            try transaction.recordPeople(of: signedUp, run: run)
            return (read, try transaction.unsentSeries())
        }
        #expect(read == recorded)
        #expect(read.map(\.series.mentee.email) == ["jo.new@example.org", "sam@example.org"])
        #expect(read.first?.series.mentee.name == "Jo Bloggs-Smith")
    }

    @Test func aFailedChangeLeavesTheRecordAsItWas() throws {
        let path = Self.scratchPath()
        let record = try Self.recordWithTwoPairs(path)
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        #expect(throws: TandemFailure.self) {
            try record.change { transaction throws(TandemFailure) in
                let run = try transaction.beginRun(
                    command: "withdraw", runDate: Self.runDate, timeZone: "Europe/London", startedAt: Self.issued)
                _ = try transaction.endPairs(.person("M1"), from: Self.runDate, reason: "ill", run: run, issued: Self.issued)
                throw TandemFailure(.dataError, "the output could not be written")
            }
        }
        let active = try record.change { transaction throws(TandemFailure) in try transaction.activePairs() }
        #expect(active.count == 2)
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
    }

    @Test func aSecondCommandWaitsThenStopsWithAMessage() throws {
        let path = Self.scratchPath()
        let first = try Self.recordWithTwoPairs(path)
        let second = try ProgrammeRecord(path: path, wait: 0.2)
        let started = Date()
        let outcome = try first.change { _ throws(TandemFailure) in
            Result { () throws(TandemFailure) in
                try second.change { transaction throws(TandemFailure) in
                    _ = try transaction.beginRun(
                        command: "match", runDate: Self.runDate, timeZone: "Europe/London", startedAt: Self.issued)
                }
            }
        }
        guard case .failure(let failure) = outcome else {
            Issue.record("the second command wrote while the first held the record")
            return
        }
        #expect(failure.kind == .busy)
        #expect(failure.description.contains("another tandem command"))
        #expect(Date().timeIntervalSince(started) >= 0.15)
    }

    @Test func theRecordIsReadableByItsOwnerOnlyUnlessShared() throws {
        let owner = Self.scratchPath("owner")
        _ = try ProgrammeRecord(path: owner)
        let shared = Self.scratchPath("shared")
        _ = try ProgrammeRecord(path: shared, groupReadable: true)
        func mode(_ path: String) throws -> Int {
            try #require(FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int)
        }
        #expect(try mode(owner) == 0o600)
        #expect(try mode(shared) == 0o640)
    }

    @Test func withdrawingMarksThePersonAndSaysWhetherTheyWereKnown() throws {
        let record = try Self.recordWithTwoPairs(Self.scratchPath())
        let (known, unknown, withdrawn) = try record.change { transaction throws(TandemFailure) in
            let run = try transaction.beginRun(
                command: "withdraw", runDate: Self.runDate, timeZone: "Europe/London", startedAt: Self.issued)
            return (
                try transaction.withdraw(person: "E2", from: Self.runDate, reason: "new job", run: run),
                try transaction.withdraw(person: "E9", from: Self.runDate, reason: "?", run: run),
                try transaction.withdrawnPeople()
            )
        }
        #expect(known && !unknown)
        #expect(withdrawn == ["E2"])
    }
}

extension LocalDateTime {
    fileprivate var month: Int { date.month }
}
