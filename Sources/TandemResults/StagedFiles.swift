import Foundation
import StableMatching
import Synchronization
import TandemCore

#if os(Linux)
    import CFileSync
#endif

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Writes the files of an output folder into its staging folder and makes them durable with
/// one flush, before ``OutputFolder`` renames the folder into place.
///
/// `Data.write(to:)` calls `fsync` after every file, and a run with calendars writes a file per
/// person: thousands of flushes one after another. Here files are written with plain `write`
/// calls and, on Linux, one `syncfs` flushes them all, so the folder is durable when renamed
/// (elsewhere each file is flushed on its own). docs/performance.md has the measurements.
///
/// Files and folders get the modes of the ``OutputFolder/Sharing`` exactly, whatever the umask:
/// the results hold personal data.
enum StagedFiles {
    struct WriteError: LocalizedError {
        var path: String
        var code: Int32
        var errorDescription: String? { "\(path): \(String(cString: strerror(code)))" }
    }

    /// Below this many files one thread writes them all: a thread costs more than it saves.
    static let parallelFileCount = 64

    /// The threads that write, hash or read `fileCount` files: every core from
    /// ``parallelFileCount`` files, else one.
    static func threads(for fileCount: Int) -> Int {
        fileCount < parallelFileCount ? 1 : Concurrently.processorCount
    }

    /// - Parameter flushes: false leaves the flush to a later call on the same folder.
    static func writeAll(
        _ files: [(name: String, data: Data)], into folder: String, sharing: OutputFolder.Sharing = .owner,
        flushes: Bool = true
    ) throws {
        let fileMode = sharing.fileMode
        // Folders first, in order; then the files, on every core when there are many: creating
        // a file is mostly the file system's own work (finding a free inode, adding the directory
        // entry), which threads do in parallel. Each thread takes the next file, so that the
        // large ones (preferences.json, matches.json) do not hold up one thread's share.
        var folders: Set<String> = [folder]
        var paths: [String] = []
        paths.reserveCapacity(files.count)
        for file in files {
            let destination = folder + "/" + file.name
            // calendars/ and its subfolders hold thousands of files: create each folder once.
            let parent = (destination as NSString).deletingLastPathComponent
            if !folders.contains(parent) { try makeFolder(parent, mode: sharing.folderMode, known: &folders) }
            paths.append(destination)
        }
        let destinations = paths
        // Set on the first failure so that no new file is started.
        let failed = Atomic<Bool>(false)
        let failures = Concurrently.map(files.count, threads: threads(for: files.count)) { index -> WriteError? in
            guard !failed.load(ordering: .relaxed) else { return nil }
            do throws(WriteError) {
                try Self.store(files[index].data, at: destinations[index], mode: fileMode)
                return nil
            } catch {
                failed.store(true, ordering: .relaxed)
                return error
            }
        }
        // The first failure in file order among the files tried.
        if let failure = failures.lazy.compactMap({ $0 }).first { throw failure }
        #if os(Linux)
            if flushes { try flush(folder) }
        #endif
    }

    /// Creates `path` and any missing folders above it with `mode`; `known` holds folders that exist.
    private static func makeFolder(_ path: String, mode: mode_t, known: inout Set<String>) throws {
        let parent = (path as NSString).deletingLastPathComponent
        if !known.contains(parent) { try makeFolder(parent, mode: mode, known: &known) }
        if mkdir(path, mode) == 0 {
            // mkdir applies the umask; the mode must be exact.
            guard chmod(path, mode) == 0 else { throw WriteError(path: path, code: errno) }
        } else {
            let code = errno
            guard code == EEXIST, FileKind.of(path) == .folder else {
                throw WriteError(path: path, code: code == EEXIST ? ENOTDIR : code)
            }
        }
        known.insert(path)
    }

    private static func store(_ data: Data, at path: String, mode: mode_t) throws(WriteError) {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, mode)
        guard descriptor >= 0 else { throw WriteError(path: path, code: errno) }
        // open applies the umask; the mode must be exact.
        var failure: Int32 = fchmod(descriptor, mode) == 0 ? 0 : errno
        data.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count, let base = buffer.baseAddress {
                let written = write(descriptor, base + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    failure = errno
                    return
                }
                offset += written
            }
        }
        #if !os(Linux)
            // No syncfs: flush each file, as Data.write(to:) did.
            if failure == 0, fsync(descriptor) != 0 { failure = errno }
        #endif
        // A failed close can be the first report of a failed write (NFS, quotas).
        if close(descriptor) != 0, failure == 0 { failure = errno }
        if failure != 0 { throw WriteError(path: path, code: failure) }
    }

    #if os(Linux)
        /// Flushes everything written on the folder's file system to disk.
        private static func flush(_ folder: String) throws {
            let descriptor = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
            guard descriptor >= 0 else { throw WriteError(path: folder, code: errno) }
            defer { close(descriptor) }
            guard tandem_syncfs(descriptor) == 0 else { throw WriteError(path: folder, code: errno) }
        }
    #endif
}
