import ArgumentParser
import Foundation
import TandemCommands

/// Runs `tandem` in-process and paths to the repository's sample data and scratch folders.
enum CLI {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let data = repository.appendingPathComponent("Data")

    /// The exit status `tandem arguments...` ends with (0 on success).
    static func run(_ arguments: [String]) -> Int32 {
        do {
            var command = try TandemCommand.parseAsRoot(arguments)
            try command.run()
            return 0
        } catch {
            return TandemCommand.exitCode(for: error).rawValue
        }
    }

    /// A fresh, empty scratch folder.
    static func scratch(_ name: String = #function) -> URL {
        let folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("tandem-tests-\(getpid())-\(name.filter { $0.isLetter || $0.isNumber })-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    static func write(_ text: String, to url: URL) {
        try? Data(text.utf8).write(to: url)
    }

    static func json(_ url: URL) -> [String: Any]? {
        (try? Data(contentsOf: url)).flatMap { try? JSONSerialization.jsonObject(with: $0) as? [String: Any] }
    }
}
