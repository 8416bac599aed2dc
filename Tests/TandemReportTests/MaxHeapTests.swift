import Testing

@testable import TandemCore

@Suite("The heap what would help takes mentors from")
struct MaxHeapTests {
    @Test("Pops every word, largest first", arguments: [0, 1, 2, 7, 100])
    func popsInOrder(count: Int) {
        var generator = SeededNumbers(seed: UInt64(count) + 1)
        let words = (0..<count).map { _ in generator.next() % 50 }
        var heap = MaxHeap(words)
        var popped: [UInt64] = []
        while let word = heap.popMax() { popped.append(word) }
        #expect(popped == words.sorted(by: >))
    }

    /// A small seeded generator (SplitMix64), so the test is the same every run.
    struct SeededNumbers {
        var state: UInt64
        init(seed: UInt64) { state = seed }
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }
}
