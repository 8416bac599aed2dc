import Foundation
import TandemCore
import TandemTestSupport
import Testing

@testable import TandemResults

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

@Suite("Replacing only Tandem's files, atomically, one run at a time")
struct OutputFolderSafetyTests {
    static let old: [(name: String, data: Data)] = [
        ("matches.csv", Data("old\r\n".utf8)), ("calendars/programme.ics", Data("old ics".utf8)),
    ]
    static let new: [(name: String, data: Data)] = [
        ("matches.csv", Data("new\r\n".utf8)), ("unmatched.csv", Data("none\r\n".utf8)),
    ]

    func scratch(_ name: String = #function) throws -> String {
        ScratchFolder.make("safety-\(name.filter { $0.isLetter })").path
    }

    /// The folder's files (not its manifest), by relative path.
    func contents(of folder: String) -> [String: Data] {
        var files: [String: Data] = [:]
        for path in FileManager.default.subpaths(atPath: folder) ?? [] where path != FolderManifest.fileName {
            var isFolder: ObjCBool = false
            if FileManager.default.fileExists(atPath: folder + "/" + path, isDirectory: &isFolder), !isFolder.boolValue {
                files[path] = FileManager.default.contents(atPath: folder + "/" + path)
            }
        }
        return files
    }

    func dictionary(_ files: [(name: String, data: Data)]) -> [String: Data] {
        Dictionary(uniqueKeysWithValues: files.map { ($0.name, $0.data) })
    }

    func mode(_ path: String) -> mode_t {
        var status = stat()
        return lstat(path, &status) == 0 ? status.st_mode & 0o777 : 0
    }

    @Test func sha256GivesTheStandardDigests() {
        #expect(FileDigest.hex(of: Data()) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(FileDigest.hex(of: Data("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        // 56 bytes: the padding takes a second block.
        #expect(
            FileDigest.hex(of: Data("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8))
                == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
        #expect(
            FileDigest.hex(of: Data(repeating: UInt8(ascii: "a"), count: 1000))
                == "41edece42d63e8d9bf515a9ba6932e1c20cbc9f5a5d134645adb5db1b9737ea3")
    }

    @Test func theManifestListsEveryFileWithItsDigest() throws {
        let out = try scratch() + "/out"
        try OutputFolder.write(Self.old, to: out, writer: "tandem test")
        let manifest = try #require(FolderManifest.read(in: out))
        #expect(manifest.writer == "tandem test")
        #expect(manifest.digests == dictionary(Self.old).mapValues(FileDigest.hex(of:)))
    }

    @Test func manyFilesAreHashedOnTwoThreadsWithEachFilesDigest() {
        let files = (0..<(3 * StagedFiles.parallelFileCount)).map { ("p\($0).ics", Data("file \($0)".utf8)) }
        let manifest = FolderManifest(writer: "tandem test", files: files)
        #expect(manifest.digests == Dictionary(uniqueKeysWithValues: files.map { ($0.0, FileDigest.hex(of: $0.1)) }))
    }

    @Test(arguments: ["notes.txt", "calendars/notes.txt", ".hidden"])
    func aFileTandemDidNotWriteStopsTheRun(name: String) throws {
        let out = try scratch() + "/out"
        try OutputFolder.write(Self.old, to: out, writer: "tandem test")
        try #require(FileManager.default.createFile(atPath: out + "/" + name, contents: Data("mine".utf8)))
        #expect {
            try OutputFolder.write(Self.new, to: out, writer: "tandem test")
        } throws: { error in
            let failure = error as? TandemFailure
            return failure?.kind == .cannotCreate
                && failure?.summary.contains(out + "/" + name + " (not written by Tandem)") == true
        }
        #expect(contents(of: out) == dictionary(Self.old).merging([name: Data("mine".utf8)]) { $1 })
    }

    @Test(arguments: ["drafts", "calendars/drafts", "drafts/inner"])
    func anEmptyFolderTandemDidNotMakeStopsTheRunAndIsKept(folder: String) throws {
        let out = try scratch() + "/out"
        try OutputFolder.write(Self.old, to: out, writer: "tandem test")
        try FileManager.default.createDirectory(atPath: out + "/" + folder, withIntermediateDirectories: true)
        let top = String(folder.prefix { $0 != "/" })
        let reported = folder.hasPrefix("calendars/") ? folder : top
        #expect {
            try OutputFolder.write(Self.new, to: out, writer: "tandem test")
        } throws: { error in
            (error as? TandemFailure)?.summary.contains(out + "/" + reported + "/ (not written by Tandem)") == true
        }
        #expect(FileKind.of(out + "/" + folder) == .folder)
        #expect(OutputFolder.check(out, writer: "tandem test") != nil)
    }

    @Test func theEarlyCheckPassesAFolderTandemWroteAndAMissingOne() throws {
        let out = try scratch() + "/out"
        #expect(OutputFolder.check(out, writer: "tandem test") == nil)
        try OutputFolder.write(Self.old, to: out, writer: "tandem test")
        #expect(OutputFolder.check(out, writer: "tandem test") == nil)
        #expect(OutputFolder.check(out, writer: "tandem other")?.kind == .cannotCreate)
    }

    @Test func anEditedFileStopsTheRun() throws {
        let out = try scratch() + "/out"
        try OutputFolder.write(Self.old, to: out, writer: "tandem test")
        try Data("edited\r\n".utf8).write(to: URL(fileURLWithPath: out + "/matches.csv"))
        #expect {
            try OutputFolder.write(Self.new, to: out, writer: "tandem test")
        } throws: { error in
            (error as? TandemFailure)?.summary.contains(out + "/matches.csv (changed since Tandem wrote it)") == true
        }
        #expect(FileManager.default.contents(atPath: out + "/matches.csv") == Data("edited\r\n".utf8))
    }

    /// A folder of many files is checked on several threads: every edited, missing-from-the-
    /// manifest and unchanged file is still told apart, and reported in the folder's order.
    @Test func inAFolderOfManyFilesEachEditedOrUnknownFileIsReportedInOrder() throws {
        let out = try scratch() + "/out"
        let files = (0..<(4 * StagedFiles.parallelFileCount)).map { index in
            (name: String(format: "calendars/p%04d.ics", index), data: Data("file \(index)\r\n".utf8))
        }
        try OutputFolder.write(files, to: out, writer: "tandem test")
        for index in [3, 100, 250] {
            try Data("edited\r\n".utf8).write(to: URL(fileURLWithPath: out + "/" + files[index].name))
        }
        try Data().write(to: URL(fileURLWithPath: out + "/calendars/p0150-notes.txt"))
        let obstacles = FolderCheck.obstacles(in: out, name: "out", writer: "tandem test", enclosing: nil)
        #expect(
            obstacles == [
                .init(path: "calendars/p0003.ics", reason: .changed), .init(path: "calendars/p0100.ics", reason: .changed),
                .init(path: "calendars/p0150-notes.txt", reason: .notWritten),
                .init(path: "calendars/p0250.ics", reason: .changed),
            ])
    }

    @Test func anotherCommandsFolderIsNotReplaced() throws {
        let out = try scratch() + "/out"
        try OutputFolder.write(Self.old, to: out, writer: "tandem generate")
        #expect {
            try OutputFolder.write(Self.new, to: out, writer: "tandem match")
        } throws: { error in
            (error as? TandemFailure)?.summary.contains("matches.csv (written by tandem generate, not tandem match)") == true
        }
        #expect(contents(of: out) == dictionary(Self.old))
    }

    @Test func aFolderWithOnlyTheOldMarkerIsReplacedButNotOneWithFilesBesideIt() throws {
        let root = try scratch()
        let empty = root + "/marked"
        try FileManager.default.createDirectory(atPath: empty, withIntermediateDirectories: true)
        try #require(FileManager.default.createFile(atPath: empty + "/" + FolderManifest.oldMarker, contents: Data()))
        try OutputFolder.write(Self.new, to: empty, writer: "tandem test")
        #expect(contents(of: empty) == dictionary(Self.new))

        let full = root + "/full"
        try FileManager.default.createDirectory(atPath: full, withIntermediateDirectories: true)
        try #require(FileManager.default.createFile(atPath: full + "/" + FolderManifest.oldMarker, contents: Data()))
        try #require(FileManager.default.createFile(atPath: full + "/matches.csv", contents: Data("old".utf8)))
        #expect {
            try OutputFolder.write(Self.new, to: full, writer: "tandem test")
        } throws: { error in
            (error as? TandemFailure)?.summary.contains("matches.csv (in a folder an earlier Tandem wrote") == true
        }
        #expect(FileManager.default.contents(atPath: full + "/matches.csv") == Data("old".utf8))
    }

    /// Stops a write at `step` as if the process were killed there: the folder is whole (old or
    /// new results), and the next run removes what was left and says so.
    @Test(arguments: [OutputFolder.Step.staging, .staged, .movedAside, .switched])
    func aRunKilledBetweenStepsLeavesACompleteFolder(step: OutputFolder.Step) throws {
        let root = try scratch()
        let out = root + "/out"
        try OutputFolder.write(Self.old, to: out, writer: "tandem test")
        var options = OutputFolder.Options()
        options.stop = step
        try OutputFolder.write(Self.new, to: out, writer: "tandem test", options: options)
        let after = contents(of: out)
        // With an atomic exchange there is no moment with the old folder moved aside.
        #expect(after == (step == .switched || step == .movedAside ? dictionary(Self.new) : dictionary(Self.old)))
        let left = try FileManager.default.contentsOfDirectory(atPath: root).filter { $0.hasPrefix(".out.partial-") }
        #expect(left.count == (step == .movedAside ? 0 : 1))

        let final: [(name: String, data: Data)] = [("matches.csv", Data("final\r\n".utf8))]
        let outcome = try OutputFolder.write(final, to: out, writer: "tandem test")
        #expect(contents(of: out) == dictionary(final))
        #expect(try FileManager.default.contentsOfDirectory(atPath: root).sorted() == [".out.lock", "out"])
        #expect(outcome.notice == left.first.map { "removed the unfinished copies an interrupted run left beside \(out): \($0)" })
    }

    @Test func aFilePutThereDuringTheRunKeepsThePreviousFolderAndItsLeftoverCopy() throws {
        let root = try scratch()
        let out = root + "/out"
        try OutputFolder.write(Self.old, to: out, writer: "tandem test")
        var options = OutputFolder.Options()
        options.beforeSwitch = { _ = FileManager.default.createFile(atPath: out + "/notes.txt", contents: Data("mine".utf8)) }
        let outcome = try OutputFolder.write(Self.new, to: out, writer: "tandem test", options: options)
        #expect(contents(of: out) == dictionary(Self.new))
        let copies = try FileManager.default.contentsOfDirectory(atPath: root).filter { $0.hasPrefix(".out.partial-") }
        try #require(copies.count == 1)
        let previous = root + "/" + copies[0]
        #expect(contents(of: previous) == dictionary(Self.old).merging(["notes.txt": Data("mine".utf8)]) { $1 })
        #expect(outcome.notice?.hasPrefix("kept the previous results in \(previous)") == true)
        #expect(outcome.notice?.contains(previous + "/notes.txt (not written by Tandem)") == true)

        // The next run keeps it too, and says so again.
        let next = try OutputFolder.write(Self.old, to: out, writer: "tandem test")
        #expect(FileManager.default.contents(atPath: previous + "/notes.txt") == Data("mine".utf8))
        #expect(next.notice?.contains("kept the copies an interrupted run left") == true)
        #expect(next.notice?.contains(previous) == true)
    }

    /// `tandem calendar` killed while writing out/calendars leaves its copy inside out/: the next
    /// `tandem match` replaces it with out/, unless someone put a file of their own into it.
    @Test(arguments: [false, true])
    func aCalendarRunsLeftoverInsideTheResultsIsTandems(holdsANote: Bool) throws {
        let root = try scratch()
        let out = root + "/out"
        try OutputFolder.write(Self.old, to: out, writer: "tandem match")
        var options = OutputFolder.Options()
        options.stop = .staging
        try OutputFolder.write(
            [("programme.ics", Data("complete".utf8))], to: out + "/calendars", writer: "tandem calendar", options: options)
        let copies = try FileManager.default.contentsOfDirectory(atPath: out).filter { $0.hasPrefix(".calendars.partial-") }
        try #require(copies.count == 1)
        let copy = out + "/" + copies[0]
        try #require(FileManager.default.createFile(atPath: copy + "/programme.ics", contents: Data("half".utf8)))
        if holdsANote { try #require(FileManager.default.createFile(atPath: copy + "/notes.txt", contents: Data("mine".utf8))) }

        if holdsANote {
            #expect {
                try OutputFolder.write(Self.new, to: out, writer: "tandem match")
            } throws: { error in
                (error as? TandemFailure)?.summary.contains(copy + "/notes.txt (not written by Tandem)") == true
            }
            #expect(FileManager.default.contents(atPath: copy + "/notes.txt") == Data("mine".utf8))
        } else {
            try OutputFolder.write(Self.new, to: out, writer: "tandem match")
            #expect(contents(of: out) == dictionary(Self.new))
        }
    }

    @Test func withoutAnAtomicExchangeTwoRenamesReplaceTheFolder() throws {
        let root = try scratch()
        let out = root + "/out"
        try OutputFolder.write(Self.old, to: out, writer: "tandem test")
        var options = OutputFolder.Options()
        options.exchanges = false
        try OutputFolder.write(Self.new, to: out, writer: "tandem test", options: options)
        #expect(contents(of: out) == dictionary(Self.new))
        // Killed between the renames: no folder for a moment; the next run writes it and cleans up.
        options.stop = .movedAside
        try OutputFolder.write(Self.old, to: out, writer: "tandem test", options: options)
        #expect(!FileManager.default.fileExists(atPath: out))
        let outcome = try OutputFolder.write(Self.new, to: out, writer: "tandem test")
        #expect(contents(of: out) == dictionary(Self.new))
        #expect(try FileManager.default.contentsOfDirectory(atPath: root).sorted() == [".out.lock", "out"])
        #expect(outcome.notice?.contains("-previous") == true)
    }

    @Test func aFolderThatOnlyLooksLikeALeftoverIsKept() throws {
        let root = try scratch()
        let lookalike = root + "/.out.partial-1234"
        try FileManager.default.createDirectory(atPath: lookalike, withIntermediateDirectories: true)
        try #require(FileManager.default.createFile(atPath: lookalike + "/mine.txt", contents: Data("mine".utf8)))
        let outcome = try OutputFolder.write(Self.new, to: root + "/out", writer: "tandem test")
        #expect(outcome.notice == nil)
        #expect(FileManager.default.contents(atPath: lookalike + "/mine.txt") == Data("mine".utf8))
    }

    @Test func aSecondRunWaitsForTheFirstThenStops() throws {
        let root = try scratch()
        let out = root + "/out"
        // The first run, holding the lock.
        let held = open(root + "/.out.lock", O_RDONLY | O_CREAT | O_CLOEXEC, 0o600)
        #expect(flock(held, LOCK_EX) == 0)
        var options = OutputFolder.Options()
        options.lockWait = 0.3
        let started = Date()
        #expect {
            try OutputFolder.write(Self.new, to: out, writer: "tandem test", options: options)
        } throws: { ($0 as? TandemFailure)?.kind == .busy }
        #expect(Date().timeIntervalSince(started) >= 0.3)
        #expect(!FileManager.default.fileExists(atPath: out))

        // Released while the second waits: it goes ahead.
        let release = Thread {
            usleep(300_000); close(held)
        }
        release.start()
        options.lockWait = 10
        try OutputFolder.write(Self.new, to: out, writer: "tandem test", options: options)
        #expect(contents(of: out) == dictionary(Self.new))
    }

    @Test func calendarsInAResultsFolderShareThatFoldersLock() throws {
        let root = try scratch()
        try OutputFolder.write(Self.old, to: root + "/out", writer: "tandem match")
        let held = open(root + "/.out.lock", O_RDONLY | O_CLOEXEC)
        defer { close(held) }
        #expect(flock(held, LOCK_EX) == 0)
        var options = OutputFolder.Options()
        options.lockWait = 0.2
        #expect {
            try OutputFolder.write(Self.new, to: root + "/out/calendars", writer: "tandem calendar", options: options)
        } throws: { ($0 as? TandemFailure)?.kind == .busy }
        #expect(!FileManager.default.fileExists(atPath: root + "/out/.calendars.lock"))
    }

    @Test func aSymbolicLinkIsFollowedAndKept() throws {
        let root = try scratch()
        let real = root + "/real"
        let link = root + "/out"
        try FileManager.default.createDirectory(atPath: real, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: real)
        try OutputFolder.write(Self.old, to: link, writer: "tandem test")
        try OutputFolder.write(Self.new, to: link, writer: "tandem test")
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link) == real)
        #expect(contents(of: real) == dictionary(Self.new))
        #expect(try FileManager.default.contentsOfDirectory(atPath: root).sorted() == [".real.lock", "out", "real"])
    }

    @Test(
        arguments: [mode_t(0o022), 0o077], [(OutputFolder.Sharing.owner, mode_t(0o600), mode_t(0o700)), (.group, 0o640, 0o750)])
    func filesAndFoldersGetTheirModesWhateverTheUmask(
        mask: mode_t, modes: (sharing: OutputFolder.Sharing, file: mode_t, folder: mode_t)
    ) throws {
        let (sharing, file, folder) = modes
        let out = try scratch() + "/out"
        let previous = umask(mask)
        defer { umask(previous) }
        try OutputFolder.write(Self.old, to: out, writer: "tandem test", options: .init(sharing: sharing))
        #expect(mode(out) == folder)
        #expect(mode(out + "/calendars") == folder)
        #expect(mode(out + "/matches.csv") == file)
        #expect(mode(out + "/calendars/programme.ics") == file)
        #expect(mode(out + "/" + FolderManifest.fileName) == file)
    }
}
