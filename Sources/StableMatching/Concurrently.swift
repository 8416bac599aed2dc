import Dispatch
import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Runs pieces of work at the same time: two that return results, or indexed pieces on a thread
/// each or spread over the cores.
///
/// Piece 0 runs on the calling thread. On Linux the others run on plain threads started and
/// joined here, not in libdispatch's pool: libdispatch runs an apply nested inside another apply
/// with its width divided by the outer one's, so work inside a piece (the calendar files, the
/// halves of the rank tables, …) would run on one thread only, while work inside a plain thread
/// keeps every core; and a plain thread leaves nothing running after it. One piece alone touches
/// no thread machinery (the benchmarks gate the matching engine on malloc counts). Elsewhere the
/// other pieces run on libdispatch's global queue.
package enum Concurrently {
    /// The processors online: the width of work spread over the cores.
    package static let processorCount = max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))))

    /// Runs two independent pieces of work at the same time and returns both results.
    package static func run<First: Sendable, Second: Sendable>(
        _ first: @Sendable () -> First, _ second: @Sendable () -> Second
    ) -> (First, Second) {
        run(onCallingThread: first, beside: second)
    }

    /// Runs `here` on the calling thread while `elsewhere` runs on another, and returns both
    /// results: for work bound to its thread (a database connection is) beside work that is not.
    package static func run<First, Second: Sendable>(
        onCallingThread here: () -> First, beside elsewhere: @Sendable () -> Second
    ) -> (First, Second) {
        // Piece 0 is the calling thread's, so `here` never leaves it. Each piece writes only
        // its own result; both have run when `forEach` returns.
        nonisolated(unsafe) let here = here
        nonisolated(unsafe) var firstResult: First?
        nonisolated(unsafe) var secondResult: Second?
        forEach(2) { piece in
            if piece == 0 { firstResult = here() } else { secondResult = elsewhere() }
        }
        guard let firstResult, let secondResult else { preconditionFailure("a piece of work finished without a result") }
        return (firstResult, secondResult)
    }

    /// Calls `body` with every index in `0..<count` on `count` threads at the same time (the
    /// calling one among them), so that the pieces may wait for each other; returns when all
    /// calls have returned.
    package static func forEach(_ count: Int, _ body: @Sendable (_ index: Int) -> Void) {
        forEach(count, threads: count, body)
    }

    /// Calls `body` with every index in `0..<count` on `min(count, threads)` threads at the same
    /// time (the calling one among them), each taking the next index not yet taken; returns when
    /// all calls have returned.
    package static func forEach(_ count: Int, threads: Int, _ body: @Sendable (_ index: Int) -> Void) {
        let width = min(count, threads)
        guard width > 1 else {
            for index in 0..<max(count, 0) { body(index) }
            return
        }
        withoutActuallyEscaping(body) { body in
            let pieces = Pieces(count: count, body: body)
            #if canImport(Glibc)
                let helpers = width - 1
                withUnsafeTemporaryAllocation(of: pthread_t.self, capacity: helpers) { threads in
                    var attributes = pthread_attr_t()
                    pthread_attr_init(&attributes)
                    defer { pthread_attr_destroy(&attributes) }
                    // The main thread's size: the pieces may be whole phases of a run.
                    pthread_attr_setstacksize(&attributes, 8 << 20)
                    var started = 0
                    for _ in 0..<helpers {
                        let context = Unmanaged.passRetained(pieces)
                        let result = pthread_create(
                            &threads[started], &attributes,
                            { context in
                                guard let context else { return nil }
                                Unmanaged<Pieces>.fromOpaque(context).takeRetainedValue().runRemaining()
                                return nil
                            }, context.toOpaque())
                        // No thread to be had (resource limits): its pieces run on the others.
                        if result == 0 { started += 1 } else { context.release() }
                    }
                    body(0)
                    pieces.runRemaining()
                    for thread in threads[..<started] { pthread_join(thread, nil) }
                }
            #else
                // Not `concurrentPerform`, which may give index 0 to another thread.
                let group = DispatchGroup()
                for _ in 1..<width { DispatchQueue.global().async(group: group) { pieces.runRemaining() } }
                body(0)
                pieces.runRemaining()
                group.wait()
            #endif
        }
    }

    /// `transform` of every index in `0..<count`, in index order, computed as
    /// ``forEach(_:threads:_:)`` calls its body: on `min(count, threads)` threads, each taking
    /// the next index not yet taken.
    package static func map<Element: Sendable>(
        _ count: Int, threads: Int, _ transform: @Sendable (_ index: Int) -> Element
    ) -> [Element] {
        [Element](unsafeUninitializedCapacity: max(count, 0)) { buffer, initialized in
            // Each index writes only its own element; all have been written when `forEach` returns.
            nonisolated(unsafe) let shared = buffer
            forEach(count, threads: threads) { index in shared.initializeElement(at: index, to: transform(index)) }
            initialized = max(count, 0)
        }
    }

    /// The work and the next index to take (index 0 is the caller's).
    private final class Pieces: Sendable {
        let count: Int
        let body: @Sendable (Int) -> Void
        private let next = Atomic(1)

        init(count: Int, body: @escaping @Sendable (Int) -> Void) {
            self.count = count
            self.body = body
        }

        func runRemaining() {
            while true {
                let index = next.wrappingAdd(1, ordering: .relaxed).oldValue
                guard index < count else { return }
                body(index)
            }
        }
    }
}
