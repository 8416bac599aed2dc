import Dispatch

#if canImport(Glibc)
    import Glibc
#endif

/// Runs `body(0)` alone, or `body(0)` and `body(1)` on two threads when `halves` is 2.
///
/// One half runs on the calling thread. On Linux the other runs on a thread of its own, started
/// and joined here, rather than in libdispatch's pool: a small run starts this a handful of
/// times, and a plain thread leaves nothing running after it; and halves inside a half run on
/// two threads too (libdispatch divides a nested apply's width by the outer one's). Half 0
/// alone touches no thread machinery (the benchmarks gate the matching engine on malloc counts).
/// Public for the other modules' two-thread loops (the mentors' lists in `TandemCore`).
public func forEachHalf(_ halves: Int, _ body: @Sendable (_ half: Int) -> Void) {
    if halves == 1 {
        body(0)
        return
    }
    #if canImport(Glibc)
        withoutActuallyEscaping(body) { body in
            let second = Unmanaged.passRetained(SecondHalf(body))
            var thread = pthread_t()
            let started = pthread_create(
                &thread, nil,
                { context in
                    guard let context else { return nil }
                    let second = Unmanaged<SecondHalf>.fromOpaque(context).takeRetainedValue()
                    second.body(1)
                    return nil
                }, second.toOpaque())
            if started != 0 {
                // No thread to be had (resource limits): the second half runs here after the first.
                second.release()
            }
            body(0)
            if started == 0 {
                pthread_join(thread, nil)
            } else {
                body(1)
            }
        }
    #else
        DispatchQueue.concurrentPerform(iterations: halves, execute: body)
    #endif
}

#if canImport(Glibc)
    /// The second half's work, handed to its thread (which releases it when done, before the join).
    private final class SecondHalf: @unchecked Sendable {
        let body: @Sendable (Int) -> Void
        init(_ body: @escaping @Sendable (Int) -> Void) { self.body = body }
    }
#endif
