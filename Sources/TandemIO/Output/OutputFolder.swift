import Foundation
import Synchronization

/// Writes a set of result files so that they appear complete or not at all.
///
/// Files go into a fresh sibling folder first; only when all are written is the old output
/// moved aside and the new folder renamed into place. A failed run leaves the previous
/// results untouched.
public enum OutputFolder {
    /// Marks a folder as Tandem's, so that replacing it can never delete someone else's files.
    static let marker = ".tandem-output"

    /// Replaces `path` with a folder holding exactly `files` (plus the marker).
    /// - Throws: ``TandemFailure`` with status 73 when the folder cannot be created or replaced.
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
            try Data().write(to: staging.appendingPathComponent(marker))
            let destinations = files.map { staging.appendingPathComponent($0.name) }
            // Each folder once, before any file in it is written.
            var folders = Set<URL>()
            for destination in destinations where folders.insert(destination.deletingLastPathComponent()).inserted {
                try manager.createDirectory(at: destination.deletingLastPathComponent(), withIntermediateDirectories: true)
            }
            try writeConcurrently(files.map(\.data), to: destinations)
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

    /// Writes each file (Foundation's write, which syncs each file to disk) with several writers
    /// at once. A calendar run creates thousands of small files, and creating and syncing a file
    /// is mostly waiting for the kernel and the disk: writers on threads of their own (not the
    /// dispatch pool, which keeps to one thread per core) overlap those waits.
    /// - Throws: the first error in file order, once every writer has stopped.
    private static func writeConcurrently(_ contents: [Data], to destinations: [URL]) throws {
        let errors = Mutex<[Int: any Error]>([:])
        let next = Atomic<Int>(0)
        let finished = DispatchGroup()
        for _ in 0..<min(8, destinations.count) {
            finished.enter()
            Thread {
                defer { finished.leave() }
                // Files are claimed in order and a writer stops after any error, so every file
                // before a failed one has been written or has failed too.
                while errors.withLock({ $0.isEmpty }) {
                    let index = next.wrappingAdd(1, ordering: .relaxed).oldValue
                    guard index < destinations.count else { return }
                    do {
                        try contents[index].write(to: destinations[index])
                    } catch {
                        errors.withLock { $0[index] = error }
                    }
                }
            }.start()
        }
        finished.wait()
        if let first = errors.withLock({ $0.min { $0.key < $1.key } }) { throw first.value }
    }
}
