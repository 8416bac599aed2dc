/// The sizes every benchmark runs at: mentees, with a quarter as many mentors.
package enum BenchmarkSize: Int, CaseIterable, Sendable {
    case n1k = 1_000
    case n10k = 10_000
    case n100k = 100_000

    /// The size in benchmark names: `n1k`, `n10k`, `n100k`.
    package var label: String { "\(self)" }
    package var mentees: Int { rawValue }
    package var mentors: Int { rawValue / 4 }
}
