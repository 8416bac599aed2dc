import CLibical
import Synchronization

/// The single door into libical.
///
/// libical is not thread-safe: time zones expand their transitions lazily into shared arrays,
/// the first use of a built-in zone races, errors live in a global, components keep iterators
/// inside themselves, and the non-`_r` string functions share a ring buffer. Every call into
/// libical in this module therefore runs inside ``run(_:)``, which holds one process-wide lock:
/// libical is used by one thread at a time, whatever the callers' concurrency. No libical
/// object (component, property, zone) outlives the closure that made it or crosses threads.
///
/// The exception is ``runUnshared(_:)``, for writing a calendar (see there).
enum LibicalGate {
    private static let isSetUp: Bool = {
        // Errors must come back as values we can report, never as an abort inside the library.
        icalerror_set_errors_are_fatal(0)
        // The UTC zone, and the list of built-in zones that libical loads with it on first use,
        // are set up here, once, before any thread can reach libical (Swift runs this
        // initialiser once, with the needed memory ordering), so that later uses only read them.
        _ = icaltimezone_get_utc_timezone()
        return true
    }()

    private static let lock = Mutex(())

    /// Runs `body` while holding the libical lock. Not reentrant: `body` must not call `run`.
    static func run<Result, Failure: Error>(_ body: () throws(Failure) -> Result) throws(Failure) -> Result {
        _ = isSetUp
        return try lock.withLock { _ throws(Failure) -> Result in
            tandem_clear_error()
            return try body()
        }
    }

    /// Runs `body` as ``run(_:)`` does if no other thread holds the lock; otherwise returns
    /// `nil` at once without running it.
    static func runIfAvailable<Result: Sendable>(_ body: () -> Result) -> Result? {
        _ = isSetUp
        return lock.withLockIfAvailable { _ -> Result in
            tandem_clear_error()
            return body()
        }
    }

    /// Runs `body` without the lock, alongside other threads' libical work: only for building
    /// and serialising a calendar from scratch (``CalendarPlan/serialised(sharing:)``), which is
    /// most of the libical time of an export.
    ///
    /// That work touches no libical state another thread can reach, given how Debian builds
    /// libical 3.0 (with pthreads): every component and property it uses is made and freed
    /// inside `body` and never shared (only their serialised text is); its only zone is UTC
    /// (never a built-in one, whose first use races), set up once by `isSetUp`; it
    /// converts no time between zones, so no zone expands its transitions; the error number
    /// and the ring buffer of the non-`_r` string functions are per thread in that build (a
    /// pthread key each); and everything else it reads, such as the property and restriction
    /// tables, is constant. Parsing, checking, expanding rules and offset lookups stay behind
    /// ``run(_:)``.
    static func runUnshared<Result, Failure: Error>(_ body: () throws(Failure) -> Result) throws(Failure) -> Result {
        _ = isSetUp
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
