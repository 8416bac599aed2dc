import Foundation
import TandemCalendar
import Testing

/// Which person's calendar is which file: one file per id, named from the id alone, and
/// written down in matches.json.
@Suite("Calendar file names through tandem match and tandem calendar")
struct CalendarFileNameTests {
    /// Ids that sanitise alike, with an ordinary one.
    static let mentors = ["a/b", "a_b", "a_b-2", "M01"]
    static let mentees = ["E01", "E02", "E03", "E04"]

    /// Each id's file under the results folder.
    static let expected = [
        "a/b": "calendars/mentors/a_b-3ec69c85.ics", "a_b": "calendars/mentors/a_b-eb2980a5.ics",
        "a_b-2": "calendars/mentors/a_b-2-9180e042.ics", "M01": "calendars/mentors/M01.ics",
        "E01": "calendars/mentees/E01.ics", "E02": "calendars/mentees/E02.ics", "E03": "calendars/mentees/E03.ics",
        "E04": "calendars/mentees/E04.ics",
    ]

    /// Runs `tandem match` on a cohort of these ids, one place per mentor and everyone free at
    /// the same time, so that everyone is paired; returns the exit status and results folder.
    func match(mentors: [String], mentees: [String], name: String = #function) -> (status: Int32, out: URL) {
        let folder = CLI.scratch(name)
        let mentorRows = mentors.enumerated().map { index, id in
            "\(id),Mentor \(index),mentor\(index)@example.org,Group \(index),,English,Housing,,Tue 18:00-20:00,either,1,,,yes"
        }
        let menteeRows = mentees.enumerated().map { index, id in
            "\(id),Mentee \(index),mentee\(index)@example.org,Council \(index),,,English,Housing,Tue 18:00-20:00,,,,yes"
        }
        let paths = ["mentors.csv", "mentees.csv", "tandem.yaml"].map { folder.appendingPathComponent($0) }
        CLI.write(([BadInputTests.mentorHeader] + mentorRows).joined(separator: "\n") + "\n", to: paths[0])
        CLI.write(([BadInputTests.menteeHeader] + menteeRows).joined(separator: "\n") + "\n", to: paths[1])
        CLI.write(
            """
            programme:
              coordinator: {name: Co Ordinator, email: co@example.org}
            schedule:
              start_date: 2027-01-04
              end_date: 2027-12-31
            """, to: paths[2])
        let out = folder.appendingPathComponent("out")
        let status = CLI.run(
            [
                "match", "--mentors", paths[0].path, "--mentees", paths[1].path, "--config", paths[2].path, "--out", out.path,
                "--quiet",
            ], environment: CLI.fixedTimestamp)
        return (status, out)
    }

    /// Each person's file as matches.json names it, by id, and each file's pair UIDs.
    func namedFiles(in out: URL) throws -> (files: [String: String], uids: [String: Set<String>]) {
        let matches = try #require(CLI.json(out.appendingPathComponent("matches.json")))
        let pairs = try #require(matches["pairs"] as? [[String: Any]])
        var files: [String: String] = [:]
        var uids: [String: Set<String>] = [:]
        for pair in pairs {
            let uid = try #require(pair["uid"] as? String)
            for side in ["mentor", "mentee"] {
                let id = try #require(pair[side] as? String)
                let file = try #require(pair[side + "_file"] as? String, "\(side) \(id) has no file")
                #expect(files.updateValue(file, forKey: id) ?? file == file, "\(id) has two files")
                uids[file, default: []].insert(uid)
            }
        }
        return (files, uids)
    }

    /// The person files on disk, relative to the results folder.
    func personFiles(in out: URL) throws -> [String: Data] {
        try CLI.files(under: out).filter { $0.key.hasPrefix("calendars/mentors/") || $0.key.hasPrefix("calendars/mentees/") }
    }

    @Test func hostileIdsEachGetTheirOwnFileAndMatchesJSONNamesIt() throws {
        let run = match(mentors: Self.mentors, mentees: Self.mentees)
        #expect(run.status == 0)
        let (files, uids) = try namedFiles(in: run.out)
        // Sanitised ids that changed get a hash; ordinary ids keep their names.
        #expect(files == Self.expected)
        #expect(Set(files.values.map { $0.lowercased() }).count == 8)
        // The files named are the files written, and each holds its own person's series only.
        let written = try personFiles(in: run.out)
        #expect(Set(written.keys) == Set(files.values))
        for (file, data) in written {
            let held = Set(CalendarCheck.contents(of: data)?.events.map(\.uid) ?? [])
            #expect(held == uids[file], "\(file)")
        }
        // `tandem calendar` writes the same files again, byte for byte.
        let again = CLI.scratch().appendingPathComponent("again")
        #expect(
            CLI.run(
                ["calendar", "--matches", run.out.appendingPathComponent("matches.json").path, "--out", again.path, "--quiet"],
                environment: CLI.fixedTimestamp) == 0)
        #expect(try personFiles(in: again) == written)
    }

    @Test func reorderingTheSignUpsKeepsEveryIdsFile() throws {
        let forward = match(mentors: Self.mentors, mentees: Self.mentees)
        let reversed = match(mentors: Self.mentors.reversed(), mentees: Self.mentees.reversed())
        #expect(forward.status == 0 && reversed.status == 0)
        let before = try namedFiles(in: forward.out).files
        let after = try namedFiles(in: reversed.out).files
        #expect(before.count == 8)
        #expect(after == before)
        #expect(Set(try personFiles(in: reversed.out).keys) == Set(try personFiles(in: forward.out).keys))
    }

    /// `A_B` and `a_b` cannot sign up together (ids are unique ignoring case), but their files
    /// differ ignoring case, so neither could overwrite the other's on macOS or Windows.
    @Test func idsDifferingOnlyInCaseGetDifferentFiles() throws {
        let run = match(mentors: ["A_B", "a/b", "a_b-2", "M01"], mentees: Self.mentees)
        #expect(run.status == 0)
        let files = try namedFiles(in: run.out).files
        #expect(files["A_B"] == "calendars/mentors/A_B.ics")
        #expect(files["A_B"]?.lowercased() != Self.expected["a_b"]?.lowercased())
        #expect(files["a/b"] == Self.expected["a/b"])
        #expect(Set(try personFiles(in: run.out).keys) == Set(files.values))
    }

    /// Two ids whose safe forms and 32-bit hashes are the same (found by search): the run
    /// stops, naming both, rather than give one person's calendar to the other.
    @Test func idsThatWouldShareAFileAreRefused() throws {
        let (result, text) = try CLI.capturingStandardError {
            match(mentors: ["p/.{[;", "p/%<<]"], mentees: ["E01", "E02"])
        }
        #expect(result.status == 65)
        #expect(text.contains("'p/.{[;'") && text.contains("'p/%<<]'") && text.contains("mentors/p_____-588a1eb8.ics"))
        #expect(!FileManager.default.fileExists(atPath: result.out.path))
    }
}
