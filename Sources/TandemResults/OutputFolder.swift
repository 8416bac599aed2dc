import CFileSync
import Foundation
import TandemCore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Writes a set of result files into a folder that is complete at every moment, replacing
/// only files Tandem wrote.
///
/// The files go into a fresh hidden sibling (`.out.partial-XXXXXXXX`) with a manifest of their
/// SHA-256 digests (``FolderManifest``); the finished folder then takes the old one's place in
/// one step (`renameat2` with `RENAME_EXCHANGE` on Linux, `RENAME_SWAP` on macOS), and the old
/// one, now under the hidden name, is deleted. Before anything is written, every file in the
/// old folder must be one the manifest lists, unchanged; any other file stops the run. A lock
/// file beside the folder (`.out.lock`) keeps a second run out while one writes.
///
/// A symbolic link given as the folder is followed: the folder it points to is replaced and the
/// link is kept.
public enum OutputFolder {
    /// Who may read the files written.
    public enum Sharing: Sendable {
        /// Files 0600 and folders 0700, whatever the umask.
        case owner
        /// Files 0640 and folders 0750: the owner's group may read them too.
        case group

        var fileMode: mode_t { self == .owner ? 0o600 : 0o640 }
        var folderMode: mode_t { self == .owner ? 0o700 : 0o750 }
    }

    /// Points between the steps of a write, where a test can stop it as if the process had been
    /// killed there.
    package enum Step: Sendable {
        /// The staging folder holds the manifest but not yet the files.
        case staging
        /// The staging folder is complete; the old folder is still in place.
        case staged
        /// Only without an atomic exchange: the old folder is moved aside, the new one not yet in place.
        case movedAside
        /// The new folder is in place; the old one is still under the staging name.
        case switched
    }

    public struct Options: Sendable {
        public var sharing: Sharing
        /// How long to wait for another run writing the same folder.
        package var lockWait: TimeInterval = 5
        /// Tests only: return at this point, leaving everything as a killed process would.
        package var stop: Step?
        /// Tests only: runs when the new folder is written, before it takes the old one's place.
        package var beforeSwitch: (@Sendable () -> Void)?
        /// Tests only: false uses the two-rename fallback of systems without an atomic exchange.
        package var exchanges = true

        public init(sharing: Sharing = .owner) {
            self.sharing = sharing
        }
    }

    public struct Outcome: Sendable {
        /// A line for each leftover of an interrupted run removed or kept, if there were any.
        public var notice: String?
    }

    /// Makes `path` a folder holding exactly `files` and their manifest.
    /// - Parameters:
    ///   - writer: the command, as in `tandem match`: a folder another command wrote is not replaced.
    /// - Throws: ``TandemFailure`` `.cannotCreate` when the folder holds files Tandem did not write
    ///   (or that changed since) or cannot be written; `.busy` when another run keeps writing it.
    @discardableResult
    public static func write(
        _ files: [(name: String, data: Data)], to path: String, writer: String, options: Options = Options()
    ) throws(TandemFailure) -> Outcome {
        for file in files where file.name.contains("\n") || file.name == FolderManifest.fileName {
            throw TandemFailure(.software, "cannot write a result file named \(file.name.debugDescription)")
        }
        let target = try resolvedTarget(path)
        let parent = (target as NSString).deletingLastPathComponent
        let name = (target as NSString).lastPathComponent
        do {
            try FileManager.default.createDirectory(atPath: parent, withIntermediateDirectories: true)
        } catch {
            throw TandemFailure(.cannotCreate, "cannot create the folder \(parent): \(error.localizedDescription)")
        }
        // calendars/ inside a results folder shares that folder's lock: both runs would change it.
        let enclosing = FolderManifest.read(in: parent)
        let lockPath =
            enclosing == nil
            ? parent + "/." + name + ".lock"
            : (parent as NSString).deletingLastPathComponent + "/." + (parent as NSString).lastPathComponent + ".lock"
        let lock = try FolderLock(path: lockPath, folder: path, mode: options.sharing.fileMode, wait: options.lockWait)
        defer { lock.hold() }

        if FileKind.of(target) == .folder {
            let obstacles = FolderCheck.obstacles(in: target, name: name, writer: writer, enclosing: enclosing)
            if !obstacles.isEmpty { throw FolderCheck.failure(obstacles, folder: path, writer: writer) }
        }
        let leftovers = FolderCheck.leftovers(of: name, in: parent)

        let staging = try makeStagingFolder(for: name, in: parent, mode: options.sharing.folderMode)
        do {
            let manifest = FolderManifest(writer: writer, files: files)
            try StagedFiles.writeAll(
                [(FolderManifest.fileName, manifest.rendered)], into: staging, sharing: options.sharing, flushes: false)
            if options.stop == .staging { return Outcome() }
            try StagedFiles.writeAll(files, into: staging, sharing: options.sharing)
        } catch {
            try? FileManager.default.removeItem(atPath: staging)
            throw TandemFailure(.cannotCreate, "cannot write results next to \(path): \(error.localizedDescription)")
        }
        if options.stop == .staged { return Outcome() }
        options.beforeSwitch?()

        let switched = try switchFolders(staging, target, path: path, options: options)
        if case .stopped = switched { return Outcome() }
        syncFolder(parent)
        if options.stop == .switched { return Outcome() }

        var notices: [String] = []
        if case .replaced(let previous) = switched {
            // Checked before writing; checked again for a file put there while the run wrote.
            let late = FolderCheck.obstacles(in: previous, name: name, writer: writer, enclosing: enclosing)
            if late.isEmpty {
                try? FileManager.default.removeItem(atPath: previous)
            } else {
                notices.append(
                    "kept the previous results in \(previous): files Tandem did not write appeared there during this run ("
                        + FolderCheck.list(late, folder: previous, writer: writer)
                        + "); move what you need out of it, then delete it")
            }
        }
        var removed: [String] = []
        var kept: [String] = []
        for leftover in leftovers {
            let copy = parent + "/" + leftover
            if FolderCheck.isDisposable(copy), (try? FileManager.default.removeItem(atPath: copy)) != nil {
                removed.append(leftover)
            } else {
                kept.append(copy)
            }
        }
        if !removed.isEmpty {
            notices.append(
                "removed the unfinished copies an interrupted run left beside \(path): " + removed.joined(separator: ", "))
        }
        if !kept.isEmpty {
            notices.append(
                "kept the copies an interrupted run left, as they hold files Tandem did not write: "
                    + kept.joined(separator: ", ") + "; move what you need out of them, then delete them")
        }
        return Outcome(notice: notices.isEmpty ? nil : notices.joined(separator: "\n"))
    }

    /// The failure ``write(_:to:writer:options:)`` would meet in the folder as it is now, if
    /// any, so that a long run stops before it starts rather than after (the write checks again).
    public static func check(_ path: String, writer: String) -> TandemFailure? {
        let target: String
        do {
            target = try resolvedTarget(path)
        } catch {
            return error
        }
        guard FileKind.of(target) == .folder else { return nil }
        let parent = (target as NSString).deletingLastPathComponent
        let obstacles = FolderCheck.obstacles(
            in: target, name: (target as NSString).lastPathComponent, writer: writer, enclosing: FolderManifest.read(in: parent))
        return obstacles.isEmpty ? nil : FolderCheck.failure(obstacles, folder: path, writer: writer)
    }

    /// The folder `path` names, with symbolic links followed: the lock and the staging folder
    /// belong beside the real folder, whichever way a run names it.
    private static func resolvedTarget(_ path: String) throws(TandemFailure) -> String {
        var standardized = URL(fileURLWithPath: path).standardizedFileURL.path
        let parent = (standardized as NSString).deletingLastPathComponent
        if let resolved = realpath(parent, nil) {
            standardized = (String(cString: resolved) as NSString).appendingPathComponent(
                (standardized as NSString).lastPathComponent)
            free(resolved)
        }
        switch FileKind.of(standardized) {
        case .missing, .folder:
            return standardized
        case .symbolicLink:
            guard let resolved = realpath(standardized, nil) else {
                throw TandemFailure(
                    .cannotCreate,
                    "\(path) is a symbolic link to a folder that does not exist; create that folder or choose another --out folder"
                )
            }
            defer { free(resolved) }
            let destination = String(cString: resolved)
            guard FileKind.of(destination) == .folder else {
                throw TandemFailure(
                    .cannotCreate,
                    "\(path) is a symbolic link to \(destination), which is not a folder; choose another --out folder")
            }
            return destination
        case .file, .other:
            throw TandemFailure(.cannotCreate, "\(path) exists and is a file; choose another --out folder")
        }
    }

    /// Creates an empty staging folder of a name no other file has (mkdir fails on an existing name).
    private static func makeStagingFolder(for name: String, in parent: String, mode: mode_t) throws(TandemFailure) -> String {
        for _ in 0..<100 {
            let candidate =
                parent + "/" + FolderCheck.stagingPrefix(of: name) + String(UInt32.random(in: .min ... .max), radix: 16)
            if mkdir(candidate, 0o700) == 0 {
                chmod(candidate, mode)
                return candidate
            }
            guard errno == EEXIST else {
                throw TandemFailure(.cannotCreate, "cannot create \(candidate): \(String(cString: strerror(errno)))")
            }
        }
        throw TandemFailure(.cannotCreate, "cannot find a free name for a staging folder in \(parent)")
    }

    private enum Switch {
        case created
        /// The old folder is at `previous`.
        case replaced(previous: String)
        /// A test stopped the switch at ``Step/movedAside``.
        case stopped
    }

    /// Puts `staging` at `target`.
    private static func switchFolders(
        _ staging: String, _ target: String, path: String, options: Options
    ) throws(TandemFailure) -> Switch {
        func failure(_ code: Int32) -> TandemFailure {
            try? FileManager.default.removeItem(atPath: staging)
            return TandemFailure(.cannotCreate, "cannot replace \(path): \(String(cString: strerror(code)))")
        }
        func cannotExchange(_ code: Int32) -> Bool { code == ENOSYS || code == EINVAL || code == ENOTSUP }

        if FileKind.of(target) == .missing {
            if tandem_rename_unless_exists(staging, target) == 0 { return .created }
            guard cannotExchange(errno), rename(staging, target) == 0 else { throw failure(errno) }
            return .created
        }
        if options.exchanges {
            // The old folder is now under the staging name.
            if tandem_exchange_paths(staging, target) == 0 { return .replaced(previous: staging) }
            guard cannotExchange(errno) else { throw failure(errno) }
        }
        // Two renames: for a moment there is no folder at `target`.
        let aside = staging + "-previous"
        guard rename(target, aside) == 0 else { throw failure(errno) }
        if options.stop == .movedAside { return .stopped }
        guard rename(staging, target) == 0 else {
            let code = errno
            rename(aside, target)
            throw failure(code)
        }
        return .replaced(previous: aside)
    }

    /// Makes the renames in `folder` durable.
    private static func syncFolder(_ folder: String) {
        let descriptor = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { return }
        fsync(descriptor)
        close(descriptor)
    }
}
