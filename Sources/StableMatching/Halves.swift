import Dispatch

/// Runs `body(0)` alone, or `body(0)` and `body(1)` on two threads when `halves` is 2.
///
/// One half runs on the calling thread without touching Dispatch, so a small input allocates
/// exactly the same every run (the benchmarks gate the matching engine on exact malloc counts,
/// and a one-iteration `concurrentPerform` sometimes allocated in the thread pool).
func forEachHalf(_ halves: Int, _ body: @Sendable (_ half: Int) -> Void) {
    if halves == 1 {
        body(0)
    } else {
        DispatchQueue.concurrentPerform(iterations: halves, execute: body)
    }
}
