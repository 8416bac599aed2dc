import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

@Suite("Commands replace only the files Tandem wrote")
struct OutputFolderCommandTests {
    func mode(_ path: String) -> mode_t {
        var status = stat()
        return lstat(path, &status) == 0 ? status.st_mode & 0o777 : 0
    }

    @Test func matchingIntoTheGeneratedFolderKeepsTheInputsAndStops() throws {
        let folder = CLI.scratch().appendingPathComponent("g")
        #expect(CLI.run(["generate", "--mentees", "6", "--mentors", "3", "--out", folder.path]) == 0)
        let before = try CLI.files(under: folder)
        let (status, message) = try CLI.capturingStandardError {
            CLI.run([
                "match", "--mentors", folder.appendingPathComponent("mentors.csv").path,
                "--mentees", folder.appendingPathComponent("mentees.csv").path, "--out", folder.path, "--no-record",
                "--quiet",
            ])
        }
        #expect(status == 73)
        #expect(message.contains(folder.path + "/mentees.csv (written by tandem generate, not tandem match)"))
        #expect(try CLI.files(under: folder) == before)
    }

    /// The folder is checked before the sign-ups are read, so a long run does not end in it.
    @Test func aFolderTandemMayNotReplaceStopsMatchBeforeTheSignupsAreRead() throws {
        let folder = CLI.scratch().appendingPathComponent("notes")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try Data("mine".utf8).write(to: folder.appendingPathComponent("notes.txt"))
        let (status, message) = try CLI.capturingStandardError {
            CLI.run(["match", "--mentors", "/nonexistent/m.csv", "--mentees", "/nonexistent/e.csv", "--out", folder.path])
        }
        #expect(status == 73)
        #expect(message.contains(folder.path + "/notes.txt (not written by Tandem)"))
        #expect(!message.contains("m.csv"))
    }

    @Test func aNoteInCalendarsStopsTandemCalendarUntilItIsMoved() throws {
        let scratch = CLI.scratch()
        let out = scratch.appendingPathComponent("out")
        let match = ["match"] + CLI.sampleCohort + ["--out", out.path, "--quiet"]
        #expect(CLI.run(match, environment: CLI.fixedTimestamp) == 0)
        let notes = out.appendingPathComponent("calendars/notes.txt")
        CLI.write("call M02 on Friday", to: notes)
        let calendar = ["calendar", "--matches", out.appendingPathComponent("matches.json").path, "--quiet"]
        let (status, message) = try CLI.capturingStandardError { CLI.run(calendar, environment: CLI.fixedTimestamp) }
        #expect(status == 73)
        #expect(message.contains(notes.path + " (not written by Tandem)"))
        #expect(try Data(contentsOf: notes) == Data("call M02 on Friday".utf8))

        // Moved out: the calendars are written, and the next match replaces them as Tandem's own.
        try FileManager.default.moveItem(at: notes, to: scratch.appendingPathComponent("notes.txt"))
        #expect(CLI.run(calendar, environment: CLI.fixedTimestamp) == 0)
        #expect(CLI.run(match, environment: CLI.fixedTimestamp) == 0)
        #expect(try FileManager.default.contentsOfDirectory(atPath: out.path).filter { $0.hasPrefix(".calendars") }.isEmpty)
    }

    @Test func aSecondRunWaitsThenStopsWithStatus75() throws {
        let scratch = CLI.scratch()
        let out = scratch.appendingPathComponent("g")
        let held = open(scratch.appendingPathComponent(".g.lock").path, O_RDONLY | O_CREAT | O_CLOEXEC, 0o600)
        defer { close(held) }
        #expect(flock(held, LOCK_EX) == 0)
        let started = Date()
        let (status, message) = try CLI.capturingStandardError {
            CLI.run(["generate", "--mentees", "4", "--mentors", "2", "--out", out.path])
        }
        #expect(status == 75)
        #expect(Date().timeIntervalSince(started) >= 4.5)
        #expect(message.contains("another tandem command has been writing \(out.path) for over 5 s"))
        #expect(!FileManager.default.fileExists(atPath: out.path))
    }

    @Test func aSymbolicLinkedOutKeepsTheLinkAndReplacesItsTarget() throws {
        let scratch = CLI.scratch()
        let real = scratch.appendingPathComponent("real")
        let link = scratch.appendingPathComponent("g")
        try FileManager.default.createDirectory(at: real, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(at: link, withDestinationURL: real)
        #expect(CLI.run(["generate", "--mentees", "4", "--mentors", "2", "--out", link.path]) == 0)
        #expect(CLI.run(["generate", "--mentees", "5", "--mentors", "2", "--out", link.path]) == 0)
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link.path) == real.path)
        let mentees = try String(contentsOf: real.appendingPathComponent("mentees.csv"), encoding: .utf8)
        #expect(mentees.split(whereSeparator: \.isNewline).count == 6)
    }

    @Test(arguments: [([String](), mode_t(0o600), mode_t(0o700)), (["--group-readable"], 0o640, 0o750)])
    func theFilesAreReadableByTheOwnerOrTheGroup(options: [String], file: mode_t, folder: mode_t) throws {
        let out = CLI.scratch().appendingPathComponent("g")
        let previous = umask(0o022)
        defer { umask(previous) }
        #expect(CLI.run(["generate", "--mentees", "4", "--mentors", "2", "--out", out.path] + options) == 0)
        #expect(mode(out.path) == folder)
        #expect(mode(out.appendingPathComponent("mentors.csv").path) == file)
        #expect(mode(out.appendingPathComponent(".tandem-manifest").path) == file)
    }
}
