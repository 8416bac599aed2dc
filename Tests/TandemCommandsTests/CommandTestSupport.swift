import ArgumentParser
import Foundation
import TandemCommands
import TandemInput
import TandemTestSupport

/// Runs `tandem` in-process and paths to the repository's sample data and scratch folders.
enum CLI {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let data = repository.appendingPathComponent("Data")

    /// The options that name the sample cohort by absolute paths, so that no run depends on the
    /// working directory (the commands' defaults are relative to it).
    static let sampleCohort = [
        "--mentors", data.appendingPathComponent("mentors.csv").path,
        "--mentees", data.appendingPathComponent("mentees.csv").path,
        "--config", data.appendingPathComponent("tandem.yaml").path,
    ]

    /// An environment with a fixed calendar DTSTAMP (2026-01-01T00:00:00Z).
    static let fixedTimestamp = ["SOURCE_DATE_EPOCH": "1767225600"]

    /// The exit status `tandem arguments...` ends with (0 on success).
    static func run(_ arguments: [String]) -> Int32 {
        runWithMessage(arguments).status
    }

    /// As ``run(_:)``, with the command seeing `environment` instead of the process's.
    static func run(_ arguments: [String], environment: [String: String]) -> Int32 {
        CommandEnvironment.$environment.withValue(environment) { run(arguments) }
    }

    /// The exit status and, for an error the argument parser reports (a misspelt option, an
    /// invalid value), the message the executable prints on standard error for it; empty
    /// otherwise (failures the commands report themselves are printed as they happen).
    static func runWithMessage(_ arguments: [String]) -> (status: Int32, message: String) {
        do {
            var command = try TandemCommand.parseAsRoot(arguments)
            try command.run()
            return (0, "")
        } catch {
            return (TandemCommand.exitCode(for: error).rawValue, TandemCommand.fullMessage(for: error))
        }
    }

    /// Runs `body` with the commands' standard output going to a scratch file, and returns
    /// `body`'s result with what was written there.
    static func capturingOutput<Result>(_ body: () throws -> Result) throws -> (result: Result, output: Data) {
        let file = scratch().appendingPathComponent("standard-output")
        try Data().write(to: file)
        let handle = try FileHandle(forWritingTo: file)
        let result = try CommandEnvironment.$standardOutput.withValue(handle) { try body() }
        try handle.close()
        return (result, try Data(contentsOf: file))
    }

    /// Runs `body` with the commands' errors and warnings going to a scratch file, and returns
    /// `body`'s result with what was written there.
    static func capturingStandardError<Result>(_ body: () throws -> Result) throws -> (result: Result, text: String) {
        let file = scratch().appendingPathComponent("standard-error")
        try Data().write(to: file)
        let handle = try FileHandle(forWritingTo: file)
        let result = try CommandEnvironment.$standardError.withValue(handle) { try body() }
        try handle.close()
        return (result, String(decoding: try Data(contentsOf: file), as: UTF8.self))
    }

    /// A fresh, empty scratch folder.
    static func scratch(_ name: String = #function) -> URL {
        ScratchFolder.make(name.filter { $0.isLetter || $0.isNumber })
    }

    static func write(_ text: String, to url: URL) {
        try? Data(text.utf8).write(to: url)
    }

    /// Every file under `folder`, by its path relative to it.
    static func files(under folder: URL) throws -> [String: Data] {
        let root = folder.standardizedFileURL.path + "/"
        var files: [String: Data] = [:]
        for case let url as URL in FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil) ?? .init() {
            let path = url.standardizedFileURL.path
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), !isFolder.boolValue else { continue }
            files[String(path.dropFirst(root.count))] = try Data(contentsOf: url)
        }
        return files
    }

    static func json(_ url: URL) -> [String: Any]? {
        (try? Data(contentsOf: url)).flatMap { try? JSONSerialization.jsonObject(with: $0) as? [String: Any] }
    }

    /// A mentor and a mentee matched together, by id.
    struct Pair: Hashable, CustomStringConvertible {
        var mentor: String
        var mentee: String
        var description: String { "\(mentor)-\(mentee)" }
    }

    /// The pairs listed in a `matches.csv`.
    static func pairs(inMatchesCSV url: URL) throws -> Set<Pair> {
        let table = try CSVTable.read(path: url.path)
        guard let mentor = table.header.firstIndex(of: "mentor_id"), let mentee = table.header.firstIndex(of: "mentee_id") else {
            throw CocoaError(.fileReadCorruptFile)
        }
        return Set(table.records.map { Pair(mentor: $0.fields[mentor], mentee: $0.fields[mentee]) })
    }

    /// The pairs of the matching `tandem solve` printed.
    static func pairs(inSolveOutput data: Data) throws -> Set<Pair> {
        let object = try JSONSerialization.jsonObject(with: data) as? [String: Any]
        guard let matching = object?["matching"] as? [String: [String]] else { throw CocoaError(.fileReadCorruptFile) }
        return Set(matching.flatMap { mentor, mentees in mentees.map { Pair(mentor: mentor, mentee: $0) } })
    }
}
