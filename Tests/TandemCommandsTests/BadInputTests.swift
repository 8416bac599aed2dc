import Foundation
import Testing

@Suite("Bad input: clear errors, sysexits codes, nothing half-written")
struct BadInputTests {
    static let mentorHeader =
        "id,name,email,organisation,town,languages,themes_offered,themes_declined,availability,format,capacity,exclusions,preferred_mentees,consent_sensitive"
    static let menteeHeader =
        "id,name,email,organisation,job_title,town,languages,themes_wanted,availability,format,exclusions,preferred_mentors,consent_sensitive"
    static let goodMentee = menteeHeader + "\nE1,Jo,jo@example.org,Council,,,English,Housing,Tue 18:00-20:00,,,,yes\n"
    static let goodMentor = mentorHeader + "\nM1,Amrit,a@example.org,Group,,English,Housing,,Tue 18:00-20:00,either,1,,,yes\n"

    /// Writes the two files into a scratch folder and runs `match` (or `validate`) on them.
    func run(_ command: String = "match", mentors: String?, mentees: String? = goodMentee, out: URL? = nil) -> (Int32, URL) {
        let folder = CLI.scratch()
        let mentorFile = folder.appendingPathComponent("mentors.csv")
        let menteeFile = folder.appendingPathComponent("mentees.csv")
        if let mentors { CLI.write(mentors, to: mentorFile) }
        if let mentees { CLI.write(mentees, to: menteeFile) }
        let output = out ?? folder.appendingPathComponent("out")
        var arguments = [command, "--mentors", mentorFile.path, "--mentees", menteeFile.path]
        if command == "match" { arguments += ["--out", output.path, "--quiet"] }
        return (CLI.run(arguments), output)
    }

    @Test func goodFilesMatch() throws {
        let (status, out) = run(mentors: Self.goodMentor)
        #expect(status == 0)
        #expect(try CLI.pairs(inMatchesCSV: out.appendingPathComponent("matches.csv")) == [CLI.Pair(mentor: "M1", mentee: "E1")])
        #expect(run("validate", mentors: Self.goodMentor).0 == 0)
    }

    @Test(
        arguments: [
            ("missing file", nil, 66),
            ("empty file", "", 65),
            ("missing required column", "id,name\nM1,A\n", 65),
            ("duplicate id", mentorHeader + "\nE1,Amrit,a@example.org,Group,,,Housing,,Tue 18:00-20:00,either,1,,,yes\n", 65),
            ("hour out of range", mentorHeader + "\nM1,A,a@example.org,G,,,Housing,,Mon 25:00-26:00,either,1,,,yes\n", 65),
            ("unknown day", mentorHeader + "\nM1,A,a@example.org,G,,,Housing,,Funday 10:00-11:00,either,1,,,yes\n", 65),
            ("end before start", mentorHeader + "\nM1,A,a@example.org,G,,,Housing,,Mon 12:00-11:00,either,1,,,yes\n", 65),
            ("negative capacity", mentorHeader + "\nM1,A,a@example.org,G,,,Housing,,Tue 18:00-20:00,either,-1,,,yes\n", 65),
            ("capacity in words", mentorHeader + "\nM1,A,a@example.org,G,,,Housing,,Tue 18:00-20:00,either,lots,,,yes\n", 65),
            ("unknown format", mentorHeader + "\nM1,A,a@example.org,G,,,Housing,,Tue 18:00-20:00,telepathy,1,,,yes\n", 65),
            ("binary garbage", "\u{0}\u{1}\u{2}PK\u{3}\u{4}", 65),
        ] as [(String, String?, Int32)])
    func badMentorFileFailsWithStatus(name: String, mentors: String?, status: Int32) {
        #expect(run(mentors: mentors).0 == status, "\(name)")
        #expect(run("validate", mentors: mentors).0 == status, "\(name) (validate)")
    }

    @Test func failedRunKeepsTheEarlierResults() throws {
        let folder = CLI.scratch()
        let out = folder.appendingPathComponent("out")
        #expect(run(mentors: Self.goodMentor, out: out).0 == 0)
        let before = try Data(contentsOf: out.appendingPathComponent("matches.json"))
        #expect(run(mentors: "id,name\nM1,A\n", out: out).0 == 65)
        #expect(try Data(contentsOf: out.appendingPathComponent("matches.json")) == before)
        // No staging folders are left behind next to it.
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter {
            $0.hasPrefix(".out") && $0 != ".out.lock"
        }
        #expect(leftovers.isEmpty)
    }

    @Test func refusesToReplaceAFolderTandemDidNotWrite() throws {
        let folder = CLI.scratch()
        let precious = folder.appendingPathComponent("thesis.docx")
        CLI.write("precious", to: precious)
        #expect(run(mentors: Self.goodMentor, out: folder).0 == 73)
        // Untouched, and nothing written beside it.
        #expect(try CLI.files(under: folder) == ["thesis.docx": Data("precious".utf8)])
    }

    @Test func largeFileIsHandledWithoutCrashing() throws {
        // ~100 MB of one unbroken line: not a sign-up file, and must be refused cleanly.
        let folder = CLI.scratch()
        let big = folder.appendingPathComponent("big.csv")
        let line = Data(repeating: UInt8(ascii: "x"), count: 100 * 1_048_576)
        try line.write(to: big)
        let status = CLI.run(["validate", "--mentors", big.path, "--mentees", big.path])
        #expect(status == 65)
    }

    @Test func unknownOptionIsAUsageError() {
        #expect(CLI.run(["match", "--colour", "blue"]) == 64)
    }
}
