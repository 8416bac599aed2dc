// Public, not package: the Benchmarks package (which sees only public API) seeds its markets with it.
/// A small, fast, seedable random number generator (SplitMix64).
///
/// Tie-breaks, synthetic cohorts and property tests must give the same values for the same
/// seed on every machine and every run, which `SystemRandomNumberGenerator` cannot promise.
public struct SeededGenerator: RandomNumberGenerator, Sendable {
    private var state: UInt64

    /// Creates a generator whose whole output is determined by `seed`.
    public init(seed: UInt64) {
        state = seed
    }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        return Self.mix(state)
    }

    /// The SplitMix64 finaliser: a bijective scrambling of 64 bits, usable as a keyed hash.
    @inlinable
    public static func mix(_ value: UInt64) -> UInt64 {
        var z = value
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
