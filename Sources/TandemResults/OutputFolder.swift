import Foundation
import TandemCore

/// Writes a set of result files so that they appear complete or not at all.
///
/// Files go into a fresh sibling folder first; only when all are written is the old output
/// moved aside and the new folder renamed into place. A failed run leaves the previous
/// results untouched.
public enum OutputFolder {
    /// Marks a folder as Tandem's, so that replacing it can never delete someone else's files.
    static let marker = ".tandem-output"

    /// Replaces `path` with a folder holding exactly `files` (plus the marker).
    /// - Throws: ``TandemFailure`` `.cannotCreate` when the folder cannot be created or replaced.
    public static func write(_ files: [(name: String, data: Data)], to path: String) throws(TandemFailure) {
        let manager = FileManager.default
        let target = URL(fileURLWithPath: path).standardizedFileURL
        let parent = target.deletingLastPathComponent()
        var isDirectory: ObjCBool = false
        if manager.fileExists(atPath: target.path, isDirectory: &isDirectory) {
            guard isDirectory.boolValue else {
                throw TandemFailure(.cannotCreate, "\(path) exists and is a file; choose another --out folder")
            }
            let contents = (try? manager.contentsOfDirectory(atPath: target.path)) ?? []
            // A folder inside a Tandem output (calendars/ in out/) is Tandem's too.
            let insideOutput = manager.fileExists(atPath: parent.appendingPathComponent(marker).path)
            guard contents.isEmpty || contents.contains(marker) || insideOutput else {
                throw TandemFailure(
                    .cannotCreate,
                    "\(path) already holds files that Tandem did not write; choose an empty or new --out folder")
            }
        }
        do {
            try manager.createDirectory(at: parent, withIntermediateDirectories: true)
        } catch {
            throw TandemFailure(.cannotCreate, "cannot create the folder \(parent.path): \(error.localizedDescription)")
        }
        let staging = parent.appendingPathComponent(".\(target.lastPathComponent).partial-\(getpid())")
        let retired = parent.appendingPathComponent(".\(target.lastPathComponent).previous-\(getpid())")
        try? manager.removeItem(at: staging)
        do {
            try manager.createDirectory(at: staging, withIntermediateDirectories: false)
            try StagedFiles.writeAll([(marker, Data())] + files, into: staging)
        } catch {
            try? manager.removeItem(at: staging)
            throw TandemFailure(.cannotCreate, "cannot write results next to \(path): \(error.localizedDescription)")
        }
        do {
            if manager.fileExists(atPath: target.path) {
                try? manager.removeItem(at: retired)
                try manager.moveItem(at: target, to: retired)
            }
            try manager.moveItem(at: staging, to: target)
            try? manager.removeItem(at: retired)
        } catch {
            // Put the previous results back if they were moved aside.
            if !manager.fileExists(atPath: target.path), manager.fileExists(atPath: retired.path) {
                try? manager.moveItem(at: retired, to: target)
            }
            try? manager.removeItem(at: staging)
            throw TandemFailure(.cannotCreate, "cannot replace \(path): \(error.localizedDescription)")
        }
    }
}
