import Dispatch
import Foundation

/// Runs two independent pieces of work at the same time and returns both results.
///
/// The second piece runs on a thread of its own, the first on the calling thread. Not
/// `DispatchQueue.concurrentPerform`: libdispatch runs an apply nested inside another apply
/// with its width divided by the outer one's, so every `concurrentPerform` inside either piece
/// (the calendar files, the two halves of the rank tables, …) ran on one thread only. A plain
/// thread is not an apply, so work inside either piece keeps every core.
public enum Concurrently {
    public static func run<First: Sendable, Second: Sendable>(
        _ first: @Sendable () -> First, _ second: @Sendable () -> Second
    ) -> (First, Second) {
        withoutActuallyEscaping(second) { second in
            let handoff = Handoff(second)
            let thread = Thread { handoff.run() }
            // The main thread's size: Foundation's default for new threads is smaller, and the
            // pieces are whole phases of a run.
            thread.stackSize = 8 << 20
            thread.start()
            let firstResult = first()
            return (firstResult, handoff.wait())
        }
    }

    /// The second piece of work, its result, and the signal that it is there.
    private final class Handoff<Second: Sendable>: @unchecked Sendable {
        // `work` is set before the thread starts and used by it only; `result` is written by
        // the thread before `done` is signalled and read after waiting for it.
        private var work: (() -> Second)?
        private var result: Second?
        private let done = DispatchSemaphore(value: 0)

        init(_ work: @escaping @Sendable () -> Second) {
            self.work = work
        }

        func run() {
            result = work?()
            // The work is a non-escaping closure of the caller's: let go of it before the caller
            // may return (`withoutActuallyEscaping` checks that nothing still holds it).
            work = nil
            done.signal()
        }

        func wait() -> Second {
            done.wait()
            guard let result else { preconditionFailure("the second piece of work finished without a result") }
            return result
        }
    }
}
