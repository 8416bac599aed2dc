import Foundation
import TandemCore
import Testing

@testable import TandemInput

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

@Suite("Input files: kinds and limits")
struct InputFileTests {
    /// What ``InputFile/readStandardInput(descriptor:limit:name:expected:)`` makes of `bytes`
    /// written into a pipe.
    static func readPipe(_ bytes: [UInt8], limit: Int) throws -> Result<Data, TandemFailure> {
        var ends: [Int32] = [0, 0]
        try #require(pipe(&ends) == 0)
        defer { close(ends[0]) }
        let writing = ends[1]
        // Written from another thread: the pipe holds only 64 KB.
        let writer = Thread {
            var offset = 0
            while offset < bytes.count {
                let written = bytes[offset...].withUnsafeBufferPointer { write(writing, $0.baseAddress, $0.count) }
                if written <= 0 { break }
                offset += written
            }
            close(writing)
        }
        writer.start()
        return Result { () throws(TandemFailure) in
            try InputFile.readStandardInput(descriptor: ends[0], limit: limit, name: "standard input", expected: "JSON")
        }
    }

    @Test func inputUpToTheLimitIsReadWhole() throws {
        let bytes = (0..<200_000).map { UInt8(truncatingIfNeeded: $0) }
        #expect(try Self.readPipe(bytes, limit: 200_000).get() == Data(bytes))
        #expect(try Self.readPipe([], limit: 10).get() == Data())
    }

    @Test func inputOverTheLimitIsADataError() throws {
        let result = try Self.readPipe([UInt8](repeating: 0x20, count: 3 * 1_048_576 + 1), limit: 3 * 1_048_576)
        guard case .failure(let failure) = result else {
            Issue.record("read \(result) past the limit")
            return
        }
        #expect(failure.kind == .dataError)
        #expect(
            failure.description == "standard input: error: holds more than 3 MB, the most that is read; is this the right input?")
    }

    @Test func aFolderIsNotRead() throws {
        let descriptor = open(FileManager.default.temporaryDirectory.path, O_RDONLY)
        try #require(descriptor >= 0)
        defer { close(descriptor) }
        let result = Result { () throws(TandemFailure) in
            try InputFile.readStandardInput(descriptor: descriptor, limit: 10, name: "standard input", expected: "JSON")
        }
        guard case .failure(let failure) = result else {
            Issue.record("read \(result) from a folder")
            return
        }
        #expect(failure.kind == .noInput)
        #expect(failure.description == "standard input: error: is a folder, not JSON")
    }

    @Test func kindsOtherThanRegularFilesAreNamed() throws {
        #expect(InputFile.kindProblem(path: "/dev/null", expected: "a CSV file")?.hasPrefix("is a character device") == true)
        #expect(InputFile.kindProblem(path: "/", expected: "a CSV file")?.hasPrefix("is a folder") == true)
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("input-file-\(UUID().uuidString).csv")
        try Data("id\n".utf8).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        #expect(InputFile.kindProblem(path: file.path, expected: "a CSV file") == nil)
    }
}
