import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Scratch folders for tests, all inside one folder per test process that is removed when the
/// process exits, so that test runs do not pile up folders in the temporary directory. Set
/// `TANDEM_KEEP_SCRATCH=1` to keep them for a look after a failure.
public enum ScratchFolder {
    /// The folder of this process's scratch folders.
    public static let root: URL = {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("tandem-tests-\(getpid())")
        try? FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        if ProcessInfo.processInfo.environment["TANDEM_KEEP_SCRATCH"] == nil {
            atexit { try? FileManager.default.removeItem(at: ScratchFolder.root) }
        }
        return root
    }()

    /// A new, empty folder whose name starts with `prefix`.
    public static func make(_ prefix: String) -> URL {
        let folder = root.appendingPathComponent("\(prefix)-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }
}
