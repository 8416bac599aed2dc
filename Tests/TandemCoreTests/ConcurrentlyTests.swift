import Dispatch
import Foundation
import Synchronization
import Testing

@testable import TandemCore

@Suite("Running two pieces of work side by side")
struct ConcurrentlyTests {
    @Test func returnsBothResultsInOrder() {
        let (first, second) = Concurrently.run({ (1...1000).reduce(0, +) }, { "second" })
        #expect(first == 500_500)
        #expect(second == "second")
    }

    @Test func bothPiecesRunAtTheSameTime() {
        // Each piece signals its own semaphore and waits for the other's: run one after the
        // other, the first to run would time out.
        let firstStarted = DispatchSemaphore(value: 0)
        let secondStarted = DispatchSemaphore(value: 0)
        let (first, second) = Concurrently.run(
            {
                firstStarted.signal()
                return secondStarted.wait(timeout: .now() + 10) == .success
            },
            {
                secondStarted.signal()
                return firstStarted.wait(timeout: .now() + 10) == .success
            })
        #expect(first && second)
    }

    /// Inside a `DispatchQueue.concurrentPerform` libdispatch runs a nested one on fewer
    /// threads; the calendar files and the rank tables are rendered that way inside one piece.
    @Test(.enabled(if: ProcessInfo.processInfo.activeProcessorCount >= 2))
    func workInsideAPieceStillUsesSeveralThreads() {
        let (nestedInParallel, _) = Concurrently.run(
            {
                let arrived = (DispatchSemaphore(value: 0), DispatchSemaphore(value: 0))
                let met = Mutex(0)
                DispatchQueue.concurrentPerform(iterations: 2) { part in
                    let (mine, other) = part == 0 ? arrived : (arrived.1, arrived.0)
                    mine.signal()
                    if other.wait(timeout: .now() + 10) == .success { met.withLock { $0 += 1 } }
                }
                return met.withLock { $0 } == 2
            },
            { 0 })
        #expect(nestedInParallel)
    }
}
