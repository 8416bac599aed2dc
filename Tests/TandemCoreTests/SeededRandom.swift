import StableMatching

/// The tests' seeded generator (the library's SplitMix64 under a test-local name).
typealias SeededRandom = SeededGenerator
