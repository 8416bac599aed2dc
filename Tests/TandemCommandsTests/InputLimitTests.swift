import Foundation
import Testing

@testable import TandemCommands

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Serialised: one test points the process's standard input at a folder for a moment.
@Suite("Input limits: every input has a limit and a clear error", .serialized)
struct InputLimitTests {
    static let mentorHeader = BadInputTests.mentorHeader
    static let menteeHeader = BadInputTests.menteeHeader

    /// The exit status and standard error of `tandem arguments...`.
    static func run(_ arguments: [String], environment: [String: String]? = nil) throws -> (status: Int32, errors: String) {
        let captured = try CLI.capturingStandardError {
            if let environment { return CLI.run(arguments, environment: environment) }
            return CLI.run(arguments)
        }
        return (captured.result, captured.text)
    }

    /// Runs `validate` on a mentors file holding `mentors` and the usual one-mentee file.
    static func validate(mentors: String, mentees: String = BadInputTests.goodMentee) throws -> (status: Int32, errors: String) {
        let folder = CLI.scratch()
        let mentorFile = folder.appendingPathComponent("mentors.csv")
        let menteeFile = folder.appendingPathComponent("mentees.csv")
        CLI.write(mentors, to: mentorFile)
        CLI.write(mentees, to: menteeFile)
        return try run(["validate", "--mentors", mentorFile.path, "--mentees", menteeFile.path])
    }

    // MARK: tandem solve's input

    @Test func solveWithAFolderOnStandardInputIsAnError() throws {
        let folder = CLI.scratch()
        let descriptor = open(folder.path, O_RDONLY)
        try #require(descriptor >= 0)
        let saved = dup(STDIN_FILENO)
        try #require(saved >= 0)
        dup2(descriptor, STDIN_FILENO)
        let result = try Self.run(["solve", "-"])
        dup2(saved, STDIN_FILENO)
        close(saved)
        close(descriptor)
        #expect(result.status == 66)
        #expect(result.errors == "standard input: error: is a folder, not a JSON instance\n")
    }

    @Test func solveWithADeviceAsItsFileIsAnError() throws {
        let result = try Self.run(["solve", "/dev/zero"])
        #expect(result.status == 66)
        #expect(result.errors.hasPrefix("/dev/zero: error: is a character device"))
    }

    @Test func solveRefusesARepeatedCapacity() throws {
        let file = CLI.scratch().appendingPathComponent("instance.json")
        CLI.write(#"{"mentees": {"e1": ["m1"]}, "mentors": {"m1": ["e1"]}, "capacities": {"m1": 1, "m1": 2}}"#, to: file)
        let result = try Self.run(["solve", file.path])
        #expect(result.status == 65)
        #expect(result.errors == "\(file.path): error: mentor 'm1' appears twice in \"capacities\"\n")
    }

    // MARK: devices, pipes and folders as input files

    @Test func aDeviceAsASignupFileIsNamedAsOne() throws {
        let result = try Self.run(
            ["validate", "--mentors", "/dev/zero", "--mentees", CLI.data.appendingPathComponent("mentees.csv").path])
        #expect(result.status == 66)
        #expect(
            result.errors.contains("/dev/zero: error: is a character device (such as /dev/zero or a terminal), not a CSV file"))
        #expect(!result.errors.contains("permissions"))
    }

    @Test func aNamedPipeAsASignupFileIsNamedAsOne() throws {
        let pipe = CLI.scratch().appendingPathComponent("mentors.csv")
        try #require(mkfifo(pipe.path, 0o600) == 0)
        let result = try Self.run(
            ["validate", "--mentors", pipe.path, "--mentees", CLI.data.appendingPathComponent("mentees.csv").path])
        #expect(result.status == 66)
        #expect(result.errors.contains("\(pipe.path): error: is a named pipe (FIFO), not a CSV file"))
    }

    @Test func aFolderAsTheConfigurationIsNamedAsOne() throws {
        let folder = CLI.scratch()
        let arguments = [
            "validate", "--mentors", CLI.data.appendingPathComponent("mentors.csv").path, "--mentees",
            CLI.data.appendingPathComponent("mentees.csv").path, "--config", folder.path,
        ]
        let result = try Self.run(arguments)
        #expect(result.status == 66)
        #expect(result.errors.contains("\(folder.path): error: is a folder, not a configuration file"))
    }

    @Test(arguments: [("/dev/zero", "a character device (such as /dev/zero or a terminal)"), ("/tmp", "a folder")])
    func aDeviceOrFolderAsTheBankHolidaysIsNamedAsOne(path: String, what: String) throws {
        let sample = try String(contentsOf: CLI.data.appendingPathComponent("tandem.yaml"), encoding: .utf8)
        let config = CLI.scratch().appendingPathComponent("tandem.yaml")
        CLI.write(
            sample.replacingOccurrences(of: "bank_holidays: bank-holidays.json", with: "bank_holidays: \(path)"), to: config)
        let result = try Self.run([
            "validate", "--mentors", CLI.data.appendingPathComponent("mentors.csv").path, "--mentees",
            CLI.data.appendingPathComponent("mentees.csv").path, "--config", config.path,
        ])
        #expect(result.status == 66)
        #expect(result.errors.contains("\(path): error: is \(what), not a bank-holidays.json file"))
    }

    // MARK: warnings

    @Test func warningsOfOneKindAreListedUpToTwentyThenCounted() throws {
        let exclusions = (1...30).map { "X\($0)" }.joined(separator: ";")
        let mentees = Self.menteeHeader + "\nE1,Jo,jo@example.org,Council,,,English,Housing,Tue 18:00-20:00,,\(exclusions),,yes\n"
        let result = try Self.validate(mentors: BadInputTests.goodMentor, mentees: mentees)
        #expect(result.status == 0)
        let lines = result.errors.split(separator: "\n").map(String.init)
        #expect(lines.count == 21)
        #expect(lines.prefix(20).allSatisfy { $0.contains("field 'exclusions': 'X") })
        #expect(lines.last?.hasSuffix("warning: field 'exclusions': 10 more warning(s) like the 20 above, not listed") == true)
    }

    @Test func twentyWarningsAreAllListed() throws {
        let exclusions = (1...20).map { "X\($0)" }.joined(separator: ";")
        let mentees = Self.menteeHeader + "\nE1,Jo,jo@example.org,Council,,,English,Housing,Tue 18:00-20:00,,\(exclusions),,yes\n"
        let result = try Self.validate(mentors: BadInputTests.goodMentor, mentees: mentees)
        #expect(result.errors.split(separator: "\n").count == 20)
        #expect(!result.errors.contains("more warning(s)"))
    }

    // MARK: long cells

    @Test func aCellOverTheLimitIsAnErrorWithItsLineAndColumn() throws {
        let name = String(repeating: "a", count: 10_001)
        let mentors = Self.mentorHeader + "\nM1,\(name),a@example.org,Group,,English,Housing,,Tue 18:00-20:00,either,1,,,yes\n"
        let result = try Self.validate(mentors: mentors)
        #expect(result.status == 65)
        #expect(
            result.errors.contains(
                "mentors.csv:2: error: field 'name': is 10001 characters long, over the limit of 10000 for a cell"))
        let longest = String(repeating: "é", count: 10_000)
        let accepted =
            Self.mentorHeader + "\nM1,\(longest),a@example.org,Group,,English,Housing,,Tue 18:00-20:00,either,1,,,yes\n"
        #expect(try Self.validate(mentors: accepted).status == 0)
    }

    // MARK: SOURCE_DATE_EPOCH

    @Test(arguments: ["253402300799", "-1", "7258118400"])
    func aTimestampOutsideTheCalendarsYearsIsAUsageError(epoch: String) throws {
        let out = CLI.scratch().appendingPathComponent("out")
        let result = try Self.run(
            ["match"] + CLI.sampleCohort + ["--out", out.path, "--quiet", "--no-record"],
            environment: ["SOURCE_DATE_EPOCH": epoch])
        #expect(result.status == 64)
        #expect(result.errors.split(separator: "\n").count == 1)
        #expect(result.errors.hasPrefix("SOURCE_DATE_EPOCH must be from 0 (1970) to 7258118399 (the end of 2199)"))
    }

    @Test func theLastSecondOf2199IsAccepted() throws {
        let out = CLI.scratch().appendingPathComponent("out")
        let arguments = ["match"] + CLI.sampleCohort + ["--out", out.path, "--quiet", "--no-record"]
        #expect(CLI.run(arguments, environment: ["SOURCE_DATE_EPOCH": "7258118399"]) == 0)
        let programme = try String(
            decoding: Data(contentsOf: out.appendingPathComponent("calendars/programme.ics")), as: UTF8.self)
        #expect(programme.contains("DTSTAMP:21991231T235959Z"))
    }

    // MARK: text written to results and calendars

    @Test func directionMarksAreDroppedFromResultsAndCalendars() throws {
        let folder = CLI.scratch()
        let mentors = try String(decoding: Data(contentsOf: CLI.data.appendingPathComponent("mentors.csv")), as: UTF8.self)
            .replacingOccurrences(
                of: "M01,Gurpreet Kaur Sandhu,", with: "M01,\"Gurpreet\u{202E}Kaur\u{2066}\u{200F} Sandhu\u{202C}\",")
        try #require(mentors.contains("\u{202E}"))
        let mentorFile = folder.appendingPathComponent("mentors.csv")
        CLI.write(mentors, to: mentorFile)
        let out = folder.appendingPathComponent("out")
        let arguments = [
            "match", "--mentors", mentorFile.path, "--mentees", CLI.data.appendingPathComponent("mentees.csv").path, "--config",
            CLI.data.appendingPathComponent("tandem.yaml").path, "--out", out.path, "--quiet", "--no-record",
        ]
        #expect(CLI.run(arguments, environment: CLI.fixedTimestamp) == 0)
        let matches = try String(decoding: Data(contentsOf: out.appendingPathComponent("matches.csv")), as: UTF8.self)
        #expect(matches.contains(",GurpreetKaur Sandhu,"))
        let calendar = try String(
            decoding: Data(contentsOf: out.appendingPathComponent("calendars/mentors/M01.ics")), as: UTF8.self)
        #expect(calendar.contains("GurpreetKaur Sandhu"))
        for text in [matches, calendar] {
            #expect(!text.unicodeScalars.contains { [0x202E, 0x2066, 0x200F, 0x202C].contains($0.value) })
        }
    }
}
