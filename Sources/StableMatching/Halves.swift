import Dispatch

/// Runs `body(0)` alone, or `body(0)` and `body(1)` on two threads when `halves` is 2.
///
/// One half runs on the calling thread without touching Dispatch: nothing to schedule, and no
/// allocations in the thread pool (the benchmarks gate the matching engine on malloc counts).
func forEachHalf(_ halves: Int, _ body: @Sendable (_ half: Int) -> Void) {
    if halves == 1 {
        body(0)
    } else {
        DispatchQueue.concurrentPerform(iterations: halves, execute: body)
    }
}
