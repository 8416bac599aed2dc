import Foundation
import TandemCore
import TandemTestSupport
import Testing

@testable import TandemResults

@Suite("Writing the results folder")
struct OutputFolderTests {
    func temporaryFolder() throws -> URL {
        ScratchFolder.make("output")
    }

    @Test func writesNestedFilesAndReplacesThePreviousResults() throws {
        let root = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let out = root.appendingPathComponent("out").path
        let big = Data((0..<300_000).map { UInt8(truncatingIfNeeded: $0) })
        try OutputFolder.write(
            [
                ("matches.csv", Data("a,b\r\n".utf8)), ("calendars/people/ਹਰਪ੍ਰੀਤ.ics", Data("ics".utf8)),
                ("calendars/people/M1.ics", big), ("empty.json", Data()),
            ], to: out, writer: "tandem test")
        let manager = FileManager.default
        #expect(manager.contents(atPath: out + "/matches.csv") == Data("a,b\r\n".utf8))
        #expect(manager.contents(atPath: out + "/calendars/people/ਹਰਪ੍ਰੀਤ.ics") == Data("ics".utf8))
        #expect(manager.contents(atPath: out + "/calendars/people/M1.ics") == big)
        #expect(manager.contents(atPath: out + "/empty.json") == Data())
        #expect(manager.fileExists(atPath: out + "/" + FolderManifest.fileName))

        try OutputFolder.write([("matches.csv", Data("c\r\n".utf8))], to: out, writer: "tandem test")
        #expect(try manager.contentsOfDirectory(atPath: out).sorted() == [FolderManifest.fileName, "matches.csv"])
        #expect(manager.contents(atPath: out + "/matches.csv") == Data("c\r\n".utf8))
    }

    @Test func aFailedWriteKeepsThePreviousResults() throws {
        let root = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let out = root.appendingPathComponent("out").path
        try OutputFolder.write([("matches.csv", Data("old\r\n".utf8))], to: out, writer: "tandem test")
        // "x" is a file, so "x/y" cannot be written.
        #expect {
            try OutputFolder.write([("x", Data("1".utf8)), ("x/y", Data("2".utf8))], to: out, writer: "tandem test")
        } throws: { ($0 as? TandemFailure)?.kind == .cannotCreate }
        #expect(FileManager.default.contents(atPath: out + "/matches.csv") == Data("old\r\n".utf8))
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: root.path).filter {
            $0.hasPrefix(".") && $0 != ".out.lock"
        }
        #expect(leftovers.isEmpty)
    }

    @Test func manyFilesAreWrittenOnTwoThreadsWithTheirContents() throws {
        let root = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let count = 3 * StagedFiles.parallelFileCount
        let files = (0..<count).map { index in
            ("calendars/\(index % 2 == 0 ? "mentors" : "mentees")/p\(index).ics", Data("file \(index)\r\n".utf8))
        }
        try StagedFiles.writeAll(files, into: root.path)
        for (name, data) in files {
            #expect(FileManager.default.contents(atPath: root.path + "/" + name) == data)
        }
        let written = try FileManager.default.subpathsOfDirectory(atPath: root.path).filter { $0.hasSuffix(".ics") }
        #expect(written.count == count)
    }

    @Test func theManifestOfManyFilesHasEachFilesOwnDigest() {
        let files = (0..<(3 * StagedFiles.parallelFileCount)).map { index in
            ("f\(index)", Data(repeating: UInt8(index % 251), count: index % 7 == 0 ? 10_000 + index : index))
        }
        let manifest = FolderManifest(writer: "tandem test", files: files)
        #expect(manifest.digests.count == files.count)
        #expect(files.allSatisfy { manifest.digests[$0.0] == FileDigest.hex(of: $0.1) })
    }

    @Test func withManyFilesTheErrorIsTheFirstFailingFilesInFileOrder() throws {
        let root = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let count = 2 * StagedFiles.parallelFileCount
        var files = (0..<count).map { ("f\($0)", Data("\($0)".utf8)) }
        // "early" and "late" are folders (for the files inside them), so the files of those
        // names cannot be written: one failure in each half of the list.
        files[1] = ("early/inside", Data())
        files[2] = ("late/inside", Data())
        files[count / 2 - 3] = ("early", Data())
        files[count - 3] = ("late", Data())
        #expect {
            try StagedFiles.writeAll(files, into: root.path)
        } throws: { ($0 as? StagedFiles.WriteError)?.path == root.path + "/early" }
        // Only the file order decides: with the failures the other way round, "late" comes first.
        files[count / 2 - 3] = ("late", Data())
        files[count - 3] = ("early", Data())
        #expect {
            try StagedFiles.writeAll(files, into: root.path)
        } throws: { ($0 as? StagedFiles.WriteError)?.path == root.path + "/late" }
    }
}
