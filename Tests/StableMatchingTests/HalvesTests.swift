import Foundation
import Testing

@testable import StableMatching

@Suite("forEachHalf")
struct HalvesTests {
    /// Each half waits for the other to start: only halves that run at the same time both
    /// finish in time (run one after the other, the first waits in vain).
    @Test func twoHalvesRunAtTheSameTime() {
        let started = [DispatchSemaphore(value: 0), DispatchSemaphore(value: 0)]
        let metOther = UnsafeMutablePointer<Bool>.allocate(capacity: 2)
        metOther.initialize(repeating: false, count: 2)
        defer { metOther.deinitialize(count: 2).deallocate() }
        nonisolated(unsafe) let met = metOther
        forEachHalf(2) { half in
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
        forEachHalf(1) { half in shared.pointee = half }
        #expect(seen.pointee == 0)
    }

    /// Work inside a half may split in halves again (the verifier inside a piece of
    /// `Concurrently.run`, say): the inner halves run at the same time too.
    @Test func nestedHalvesRunAtTheSameTime() {
        let results = UnsafeMutablePointer<Bool>.allocate(capacity: 4)
        results.initialize(repeating: false, count: 4)
        defer { results.deinitialize(count: 4).deallocate() }
        nonisolated(unsafe) let shared = results
        forEachHalf(2) { outer in
            let started = [DispatchSemaphore(value: 0), DispatchSemaphore(value: 0)]
            forEachHalf(2) { inner in
                started[inner].signal()
                shared[outer * 2 + inner] = started[1 - inner].wait(timeout: .now() + 5) == .success
            }
        }
        #expect((0..<4).allSatisfy { results[$0] })
    }
}
