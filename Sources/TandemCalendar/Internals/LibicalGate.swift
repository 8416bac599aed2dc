import CLibical
import Foundation

/// The single door into libical.
///
/// libical is not thread-safe: time zones expand their transitions lazily into shared arrays,
/// the first use of a built-in zone races, errors live in a global, components keep iterators
/// inside themselves, and the non-`_r` string functions share a ring buffer. Every call into
/// libical in this module therefore runs inside ``run(_:)``, which holds one process-wide lock:
/// libical is used by one thread at a time, whatever the callers' concurrency. No libical
/// object (component, property, zone) outlives the closure that made it or crosses threads.
enum LibicalGate {
    private static let lock: NSLock = {
        // Errors must come back as values we can report, never as an abort inside the library.
        icalerror_set_errors_are_fatal(0)
        return NSLock()
    }()

    /// Runs `body` while holding the libical lock. Not reentrant: `body` must not call `run`.
    static func run<Result, Failure: Error>(_ body: () throws(Failure) -> Result) throws(Failure) -> Result {
        lock.lock()
        defer { lock.unlock() }
        tandem_clear_error()
        return try body()
    }

    /// libical's description of its last error, for messages.
    static var lastError: String {
        guard let text = tandem_last_error() else { return "unknown libical error" }
        return String(cString: text)
    }
}

/// Takes a string libical allocated for the caller (the `_r` functions), copies it and frees it.
func takeLibicalString(_ buffer: UnsafeMutablePointer<CChar>?) -> String? {
    guard let buffer else { return nil }
    defer { icalmemory_free_buffer(buffer) }
    return String(cString: buffer)
}
