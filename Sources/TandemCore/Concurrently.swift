import Dispatch

/// Runs two independent pieces of work at the same time and returns both results.
public enum Concurrently {
    public static func run<First: Sendable, Second: Sendable>(
        _ first: @Sendable () -> First, _ second: @Sendable () -> Second
    ) -> (First, Second) {
        // Each iteration writes only its own slot; concurrentPerform returns after both.
        let firstSlot = UnsafeMutablePointer<First?>.allocate(capacity: 1)
        let secondSlot = UnsafeMutablePointer<Second?>.allocate(capacity: 1)
        firstSlot.initialize(to: nil)
        secondSlot.initialize(to: nil)
        defer {
            firstSlot.deinitialize(count: 1).deallocate()
            secondSlot.deinitialize(count: 1).deallocate()
        }
        nonisolated(unsafe) let sharedFirst = firstSlot
        nonisolated(unsafe) let sharedSecond = secondSlot
        DispatchQueue.concurrentPerform(iterations: 2) { part in
            if part == 0 { sharedFirst.pointee = first() } else { sharedSecond.pointee = second() }
        }
        // concurrentPerform runs every iteration before it returns, so both slots are filled.
        return (firstSlot.pointee ?? first(), secondSlot.pointee ?? second())
    }
}
