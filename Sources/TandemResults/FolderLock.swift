import Foundation
import TandemCore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// An exclusive `flock` on a lock file beside an output folder, held while one run replaces
/// the folder; the kernel releases it when the run ends, however it ends.
struct FolderLock: ~Copyable {
    private let descriptor: Int32

    /// Takes the lock at `path` (creating the empty file), waiting up to `wait` seconds for
    /// another run that holds it.
    /// - Parameter folder: the output folder, for the messages.
    /// - Throws: ``TandemFailure`` `.busy` when another run holds the lock for longer,
    ///   `.cannotCreate` when the lock file cannot be opened.
    init(path: String, folder: String, mode: mode_t, wait: TimeInterval) throws(TandemFailure) {
        // Read-only is enough for flock, and lets a group member lock a group-readable file.
        let descriptor = open(path, O_RDONLY | O_CREAT | O_CLOEXEC, mode)
        guard descriptor >= 0 else {
            throw TandemFailure(
                .cannotCreate, "cannot create the lock file \(path): \(String(cString: strerror(errno)))")
        }
        let deadline = Date().addingTimeInterval(wait)
        while flock(descriptor, LOCK_EX | LOCK_NB) != 0 {
            let code = errno
            if code == EINTR { continue }
            guard code == EWOULDBLOCK, Date() < deadline else {
                close(descriptor)
                if code == EWOULDBLOCK {
                    throw TandemFailure(
                        .busy,
                        "another tandem command has been writing \(folder) for over \(Int(wait.rounded(.up))) s"
                            + " (it holds \(path)); wait for it to finish, then run this again")
                }
                throw TandemFailure(.cannotCreate, "cannot lock \(path): \(String(cString: strerror(code)))")
            }
            usleep(50_000)
        }
        self.descriptor = descriptor
    }

    /// Does nothing: a use at the end of a scope (in a `defer`) that keeps the lock held until there.
    borrowing func hold() {}

    deinit {
        close(descriptor)
    }
}
