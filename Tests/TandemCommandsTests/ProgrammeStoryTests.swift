import Foundation
import TandemCalendar
import TandemCore
import TandemRecord
import Testing

/// A programme over its months, through the commands: a first match, a mentor who withdraws
/// in month two, a pair ended before it met, a mentee who leaves the sign-ups, two late
/// sign-ups and a capacity change, then a second match.
@Suite("A programme over time")
struct ProgrammeStoryTests {
    /// 2026-12-01 and 2027-03-14, 00:00 UTC.
    static let december = ["SOURCE_DATE_EPOCH": "1796083200"]
    static let march = ["SOURCE_DATE_EPOCH": "1804982400"]

    /// The sample cohort copied into `folder`, so that the story can change it.
    struct Programme {
        let folder: URL
        var out: URL { folder.appendingPathComponent("out") }
        var record: URL { folder.appendingPathComponent("out.record.sqlite") }
        var mentors: URL { folder.appendingPathComponent("mentors.csv") }
        var mentees: URL { folder.appendingPathComponent("mentees.csv") }

        init(_ folder: URL) throws {
            self.folder = folder
            for name in ["mentors.csv", "mentees.csv", "tandem.yaml", "bank-holidays.json"] {
                try FileManager.default.copyItem(
                    at: CLI.data.appendingPathComponent(name), to: folder.appendingPathComponent(name))
            }
        }

        func match(_ environment: [String: String], extra: [String] = []) -> Int32 {
            CLI.run(
                [
                    "match", "--mentors", mentors.path, "--mentees", mentees.path, "--config",
                    folder.appendingPathComponent("tandem.yaml").path, "--out", out.path, "--quiet",
                ] + extra, environment: environment)
        }

        func withdraw(_ arguments: [String], _ environment: [String: String]) -> Int32 {
            CLI.run(["withdraw"] + arguments + ["--out", out.path, "--quiet"], environment: environment)
        }

        /// Rewrites a sign-up file's rows: `change` gets the header and the rows and returns the rows to keep.
        func edit(_ file: URL, _ change: ([String], [[String]]) -> [[String]]) throws {
            let lines = try String(contentsOf: file, encoding: .utf8).replacingOccurrences(of: "\u{FEFF}", with: "")
                .split(whereSeparator: \.isNewline).map(String.init)
            let rows = lines.map(Self.fields)
            let kept = change(rows[0], Array(rows.dropFirst()))
            let text = ([rows[0]] + kept).map { $0.map(Self.quoted).joined(separator: ",") }.joined(separator: "\n") + "\n"
            try Data(text.utf8).write(to: file)
        }

        /// A CSV line's fields (quotes allowed, no line breaks inside them).
        static func fields(_ line: String) -> [String] {
            var fields: [String] = []
            var field = ""
            var quoted = false
            var characters = Array(line).makeIterator()
            while let character = characters.next() {
                switch (character, quoted) {
                case ("\"", true): quoted = false
                case ("\"", false): quoted = true
                case (",", false):
                    fields.append(field)
                    field = ""
                default: field.append(character)
                }
            }
            return fields + [field]
        }

        static func quoted(_ field: String) -> String {
            field.contains(",") || field.contains("\"") ? "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : field
        }
    }

    /// A pair as matches.json lists it.
    struct Pair {
        var mentor: String
        var mentee: String
        var uid: String
        var slot: [String: String]
        var starts: [String]
        var kept: Bool

        static func all(in out: URL) throws -> [Pair] {
            let matches = try #require(CLI.json(out.appendingPathComponent("matches.json")))
            return try #require(matches["pairs"] as? [[String: Any]]).map { pair in
                Pair(
                    mentor: pair["mentor"] as? String ?? "", mentee: pair["mentee"] as? String ?? "",
                    uid: pair["uid"] as? String ?? "", slot: pair["slot"] as? [String: String] ?? [:],
                    starts: (pair["sessions"] as? [[String: String]] ?? []).compactMap { $0["start"] },
                    kept: pair["kept"] as? Bool ?? false)
            }
        }

        var label: String { mentor + ":" + mentee }
    }

    @Test func aSecondRunKeepsPairsAndSendsOnlyWhatChanged() throws {
        let programme = try Programme(CLI.scratch())
        #expect(programme.match(Self.december) == 0)
        let first = try Pair.all(in: programme.out)
        let firstFiles = try CLI.files(under: programme.out)
        #expect(first.count == 41)
        // Everything is new on the first run: one invitation per pair.
        let firstInvitations = try String(contentsOf: programme.out.appendingPathComponent("invitations.csv"), encoding: .utf8)
        #expect(firstInvitations.contains(",changes/M01_E24.ics,new"))
        #expect(!firstInvitations.contains(",updated") && !firstInvitations.contains(",unchanged"))

        // Month two: M01 falls ill; M03 and E19 part before they ever met; E04 leaves the
        // sign-ups; two late sign-ups; M06 offers a third place.
        #expect(programme.withdraw(["M01", "--from", "2027-03-01", "--reason", "ill"], Self.march) == 0)
        #expect(programme.withdraw(["--pair", "M03:E19", "--from", "2027-01-01"], Self.march) == 0)
        try programme.edit(programme.mentees) { header, rows in
            let late = rows.filter { ["E05", "E13"].contains($0[0]) }.enumerated().map { index, row in
                var row = row
                row[0] = "E6\(index + 1)"
                row[header.firstIndex(of: "name") ?? 1] = "Late Sign-up \(index + 1)"
                row[header.firstIndex(of: "email") ?? 2] = "late\(index + 1)@example.org"
                return row
            }
            return rows.filter { $0[0] != "E04" } + late
        }
        try programme.edit(programme.mentors) { header, rows in
            rows.map { row in
                guard row[0] == "M06", let column = header.firstIndex(of: "capacity") else { return row }
                var row = row
                row[column] = "3"
                return row
            }
        }
        #expect(programme.match(Self.march) == 0)
        let second = try Pair.all(in: programme.out)
        let secondFiles = try CLI.files(under: programme.out)

        // Kept: every pair but the three that ended, with the same UID, slot and sessions, and
        // their mentees' calendar files byte for byte.
        let ended: Set<String> = ["M01:E24", "M03:E19", "M06:E04"]
        let firstByLabel = Dictionary(uniqueKeysWithValues: first.map { ($0.label, $0) })
        let kept = second.filter(\.kept)
        #expect(Set(kept.map(\.label)) == Set(first.map(\.label)).subtracting(ended))
        for pair in kept {
            let before = try #require(firstByLabel[pair.label])
            #expect(pair.uid == before.uid && pair.slot == before.slot && pair.starts == before.starts, "\(pair.label)")
            let file = "calendars/mentees/\(pair.mentee).ics"
            #expect(secondFiles[file] == firstFiles[file], "\(file)")
        }
        // M03 and E19 are not paired again; the new pairs start after the run date.
        let new = second.filter { !$0.kept }
        #expect(!new.isEmpty)
        #expect(!new.contains { $0.label == "M03:E19" })
        for pair in new {
            #expect(pair.starts.allSatisfy { $0 > "2027-03-15" }, "\(pair.label)")
            #expect(pair.uid != firstByLabel[pair.label]?.uid)
        }
        // No mentor has two sessions at once, kept or new.
        for (mentor, pairs) in Dictionary(grouping: second, by: \.mentor) {
            let starts = pairs.flatMap(\.starts)
            #expect(Set(starts).count == starts.count, "\(mentor) is double-booked")
        }

        // The ended series, as updates and a cancellation.
        let m01 = try #require(firstByLabel["M01:E24"])
        let m01Update = try #require(secondFiles["changes/M01_E24.ics"])
        let update = try #require(CalendarCheck.contents(of: m01Update))
        #expect(CalendarCheck.problems(in: m01Update) == [])
        #expect(update.method == "REQUEST")
        #expect(update.events.map(\.uid) == [m01.uid])
        #expect(update.events.first?.sequence == 1)
        let heldStarts = m01.starts.filter { $0 < "2027-03-01" }
        #expect(heldStarts.count == 2)
        #expect(update.events.first?.rule?.contains("COUNT=\(heldStarts.count)") == true)
        #expect(CalendarCheck.expandedStarts(in: m01Update)[m01.uid]?.count == heldStarts.count)

        let cancellation = try #require(secondFiles["changes/M03_E19.ics"])
        let cancelled = try #require(CalendarCheck.contents(of: cancellation))
        #expect(CalendarCheck.problems(in: cancellation) == [])
        #expect(cancelled.method == "CANCEL")
        #expect(cancelled.events.map(\.uid) == [firstByLabel["M03:E19"]?.uid ?? ""])
        #expect(cancelled.events.first?.status == "CANCELLED")
        #expect(cancelled.events.first?.sequence == 1)

        let leaverFile = try #require(secondFiles["changes/M06_E04.ics"])
        let leaver = try #require(CalendarCheck.contents(of: leaverFile))
        #expect(leaver.events.first?.sequence == 1)

        // Each change file carries one UID.
        for (name, data) in secondFiles where name.hasPrefix("changes/") {
            #expect(Set(CalendarCheck.contents(of: data)?.events.map(\.uid) ?? []).count == 1, "\(name)")
        }

        // The mail-merge list: who gets which file, and why.
        let invitations = try String(contentsOf: programme.out.appendingPathComponent("invitations.csv"), encoding: .utf8)
            .replacingOccurrences(of: "\u{FEFF}", with: "").split(whereSeparator: \.isNewline).dropFirst()
            .map { Programme.fields(String($0)) }
        #expect(invitations.allSatisfy { ["new", "updated", "cancelled", "unchanged"].contains($0[5]) })
        #expect(invitations.allSatisfy { secondFiles[$0[4]] != nil })
        func change(_ id: String, _ file: String) -> String? { invitations.first { $0[0] == id && $0[4] == file }?[5] }
        #expect(change("M01", "changes/M01_E24.ics") == "updated")
        #expect(change("E24", "changes/M01_E24.ics") == "updated")
        #expect(change("E19", "changes/M03_E19.ics") == "cancelled")
        #expect(change("E04", "changes/M06_E04.ics") == "updated")
        for pair in new {
            #expect(invitations.contains { $0[0] == pair.mentee && $0[5] == "new" })
        }
        // The closing event goes only to people who never had it; the kick-off is past.
        let eventRows = invitations.filter { $0[4].hasPrefix("changes/event-") }
        #expect(eventRows.allSatisfy { $0[4].contains("Closing") })
        let hadEvents = Set(first.flatMap { [$0.mentor, $0.mentee] })
        #expect(!eventRows.isEmpty)
        #expect(eventRows.allSatisfy { !hadEvents.contains($0[0]) })
        let untouched = try #require(kept.first { pair in !new.contains { $0.mentor == pair.mentor } && pair.mentor != "M06" })
        #expect(change(untouched.mentee, "calendars/mentees/\(untouched.mentee).ics") == "unchanged")

        // The residual market is stable, and the record holds what the files say.
        let matches = try #require(CLI.json(programme.out.appendingPathComponent("matches.json")))
        #expect(matches["stable"] as? Bool == true)
        #expect((matches["summary"] as? [String: Any])?["kept_pairs"] as? Int == kept.count)
        let record = try ProgrammeRecord(path: programme.record.path)
        let active = try record.change { transaction throws(TandemFailure) in try transaction.activePairs() }
        #expect(Set(active.map(\.label)) == Set(second.map(\.label)))

        // A third run with nothing changed sends nothing and rewrites every calendar as it was.
        #expect(programme.match(Self.march) == 0)
        let third = try CLI.files(under: programme.out)
        #expect(!third.keys.contains { $0.hasPrefix("changes/") })
        for (name, data) in third where name.hasPrefix("calendars/") {
            #expect(data == secondFiles[name], "\(name)")
        }
    }

    @Test func aMentorOfferingFewerPlacesThanTheirPairsStopsTheRunAndNamesThePairs() throws {
        let programme = try Programme(CLI.scratch())
        #expect(programme.match(Self.december) == 0)
        let pairs = try Pair.all(in: programme.out).filter { $0.mentor == "M06" }
        #expect(pairs.count == 2)
        try programme.edit(programme.mentors) { header, rows in
            rows.map { row in
                guard row[0] == "M06", let column = header.firstIndex(of: "capacity") else { return row }
                var row = row
                row[column] = "1"
                return row
            }
        }
        let record = try Data(contentsOf: programme.record)
        let results = try CLI.files(under: programme.out)
        let (status, message) = try CLI.capturingStandardError {
            programme.match(Self.march)
        }
        #expect(status == 65)
        for pair in pairs { #expect(message.contains(pair.label)) }
        #expect(message.contains("tandem withdraw --pair"))
        #expect(try Data(contentsOf: programme.record) == record)
        #expect(try CLI.files(under: programme.out) == results)
    }

    @Test func withdrawingSomeoneUnknownChangesNothing() throws {
        let programme = try Programme(CLI.scratch())
        #expect(programme.match(Self.december) == 0)
        let record = try Data(contentsOf: programme.record)
        #expect(programme.withdraw(["E999"], Self.march) == 65)
        #expect(programme.withdraw(["--pair", "M01:E01"], Self.march) == 65)
        #expect(try Data(contentsOf: programme.record) == record)
    }

    @Test func rematchEndsEveryPairAndMatchesEveryoneAfresh() throws {
        let programme = try Programme(CLI.scratch())
        #expect(programme.match(Self.december) == 0)
        let first = try Pair.all(in: programme.out)
        #expect(programme.match(Self.march, extra: ["--rematch"]) == 0)
        let second = try Pair.all(in: programme.out)
        let files = try CLI.files(under: programme.out)
        #expect(second.allSatisfy { !$0.kept })
        // Every old series gets a new revision (cancelled, or stopped at the last session held
        // before 14 March), and every new one is an invitation with a UID of its own.
        let oldUIDs = Set(first.map(\.uid))
        #expect(second.allSatisfy { !oldUIDs.contains($0.uid) })
        let sent = files.filter { $0.key.hasPrefix("changes/") && !$0.key.hasPrefix("changes/event-") }.values
            .compactMap { CalendarCheck.contents(of: $0) }
        let revised = sent.filter { oldUIDs.contains($0.events.first?.uid ?? "") }
        #expect(revised.count == first.count)
        #expect(revised.allSatisfy { $0.events.first?.sequence == 1 })
        #expect(sent.count - revised.count == second.count)
        #expect(second.allSatisfy { pair in pair.starts.allSatisfy { $0 > "2027-03-15" } })
    }

    @Test func noRecordMatchesAfreshAndWritesNoRecord() throws {
        let programme = try Programme(CLI.scratch())
        #expect(programme.match(Self.december, extra: ["--no-record"]) == 0)
        #expect(!FileManager.default.fileExists(atPath: programme.record.path))
        #expect(!FileManager.default.fileExists(atPath: programme.out.appendingPathComponent("changes").path))
    }
}
