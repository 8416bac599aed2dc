import Dispatch
import Foundation
import Synchronization
import Testing

@testable import StableMatching

@Suite("Running pieces of work side by side")
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

    /// The record's database connection belongs to the thread that opened the transaction:
    /// work given for the calling thread must run there, and still beside the other piece.
    @Test func workForTheCallingThreadRunsThereBesideTheOther() {
        let caller = pthread_self()
        let started = (DispatchSemaphore(value: 0), DispatchSemaphore(value: 0))
        let (here, elsewhere) = Concurrently.run(
            onCallingThread: {
                started.0.signal()
                let met = started.1.wait(timeout: .now() + 10) == .success
                return (met, pthread_equal(pthread_self(), caller) != 0)
            },
            beside: {
                started.1.signal()
                let met = started.0.wait(timeout: .now() + 10) == .success
                return (met, pthread_equal(pthread_self(), caller) != 0)
            })
        #expect(here.0 && elsewhere.0)
        #expect(here.1)
        #expect(!elsewhere.1)
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

    /// Each half waits for the other to start: only halves that run at the same time both
    /// finish in time (run one after the other, the first waits in vain).
    @Test func twoHalvesRunAtTheSameTime() {
        let started = [DispatchSemaphore(value: 0), DispatchSemaphore(value: 0)]
        let metOther = UnsafeMutablePointer<Bool>.allocate(capacity: 2)
        metOther.initialize(repeating: false, count: 2)
        defer { metOther.deinitialize(count: 2).deallocate() }
        nonisolated(unsafe) let met = metOther
        Concurrently.forEach(2) { half in
            started[half].signal()
            met[half] = started[1 - half].wait(timeout: .now() + 5) == .success
        }
        #expect(metOther[0] && metOther[1])
    }

    @Test func oneHalfRunsOnlyHalfZero() {
        let seen = UnsafeMutablePointer<Int>.allocate(capacity: 1)
        seen.initialize(to: -1)
        defer { seen.deallocate() }
        nonisolated(unsafe) let shared = seen
        Concurrently.forEach(1) { half in shared.pointee = half }
        #expect(seen.pointee == 0)
    }

    /// Work inside a half may split in halves again (the verifier inside a piece of
    /// `Concurrently.run`, say): the inner halves run at the same time too.
    @Test func nestedHalvesRunAtTheSameTime() {
        let results = UnsafeMutablePointer<Bool>.allocate(capacity: 4)
        results.initialize(repeating: false, count: 4)
        defer { results.deinitialize(count: 4).deallocate() }
        nonisolated(unsafe) let shared = results
        Concurrently.forEach(2) { outer in
            let started = [DispatchSemaphore(value: 0), DispatchSemaphore(value: 0)]
            Concurrently.forEach(2) { inner in
                started[inner].signal()
                shared[outer * 2 + inner] = started[1 - inner].wait(timeout: .now() + 5) == .success
            }
        }
        #expect((0..<4).allSatisfy { results[$0] })
    }

    @Test(
        "Spread over a few threads, every index runs exactly once",
        arguments: [(0, 4), (1, 4), (7, 1), (100, 3), (5, 8)])
    func everyIndexRunsOnce(count: Int, threads: Int) {
        let runs = Mutex([Int](repeating: 0, count: count))
        Concurrently.forEach(count, threads: threads) { index in runs.withLock { $0[index] += 1 } }
        #expect(runs.withLock { $0 } == [Int](repeating: 1, count: count))
    }

    @Test(
        "Mapped over a few threads, each index's result is in its place",
        arguments: [(0, 4), (1, 4), (7, 1), (100, 3), (5, 8)])
    func mapKeepsIndexOrder(count: Int, threads: Int) {
        let strings = Concurrently.map(count, threads: threads) { index in String(repeating: "x", count: index) }
        #expect(strings == (0..<count).map { String(repeating: "x", count: $0) })
    }
}
