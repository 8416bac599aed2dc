// The stable-matching engine on its own: deferred acceptance (both ends), the independent
// verifier, the rotation poset and the weighted-optimal stable matching, on seeded synthetic
// markets of 1,000 / 10,000 / 100,000 mentees (residents) and a quarter as many mentors
// (hospitals) with capacities 1-3. No scoring, no I/O: the instance is built directly in CSR
// form, so these numbers are the engine's alone.

import Benchmark
import BenchmarkSizes
import StableMatching

let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .instructions, .mallocCountTotal],
        warmupIterations: 1,
        maxDuration: .seconds(3),
        thresholds: [
            // Tolerances at p50 (baseline against baseline) and p90 (what `thresholds check`
            // compares with the committed Thresholds/). Wall-clock p90 on this shared 2-core VM
            // moved by up to 76 % between two runs of unchanged code, so only a doubling fails.
            .wallClock: BenchmarkThresholds(relative: [.p50: 50.0, .p90: 100.0]),
            // Deterministic for a given build where perf counters exist (not on every VM).
            .instructions: BenchmarkThresholds(relative: [.p50: 5.0, .p90: 5.0]),
            // The engine allocates a fixed number of flat arrays, but at 10k the p90 count moved
            // by 2 between runs of unchanged code (three runs on 2026-11-27; the 1k and 100k
            // counts never moved), so only a change of 3 or more fails the check.
            .mallocCountTotal: BenchmarkThresholds(absolute: [.p50: 2, .p90: 2]),
        ]
    )

    for size in BenchmarkSize.allCases {
        let label = size.label
        // Sub-millisecond runs need many samples for a steady p90 (what the static check reads).
        let iterations = Benchmark.Configuration(maxIterations: size == .n1k ? 500 : size == .n10k ? 100 : 20)

        Benchmark("Matching.menteeOptimal.\(label)", configuration: iterations) {
            (benchmark: Benchmark, instance: MatchingInstance) in
            for _ in benchmark.scaledIterations {
                blackHole(DeferredAcceptance.solve(instance, optimal: .residentOptimal))
            }
        } setup: {
            SyntheticMarket.instance(size)
        }

        Benchmark("Matching.mentorOptimal.\(label)", configuration: iterations) {
            (benchmark: Benchmark, instance: MatchingInstance) in
            for _ in benchmark.scaledIterations {
                blackHole(DeferredAcceptance.solve(instance, optimal: .hospitalOptimal))
            }
        } setup: {
            SyntheticMarket.instance(size)
        }

        Benchmark("Matching.verify.\(label)", configuration: iterations) { (benchmark: Benchmark, input: SolvedMarket) in
            for _ in benchmark.scaledIterations {
                blackHole(StabilityVerifier.verify(input.matching, in: input.instance))
            }
        } setup: {
            let instance = SyntheticMarket.instance(size)
            return SolvedMarket(instance: instance, matching: DeferredAcceptance.solve(instance, optimal: .residentOptimal))
        }

        Benchmark("Matching.rotationPoset.\(label)", configuration: iterations) {
            (benchmark: Benchmark, instance: MatchingInstance) in
            for _ in benchmark.scaledIterations {
                blackHole(RotationPoset(instance))
            }
        } setup: {
            SyntheticMarket.instance(size)
        }

        Benchmark("Matching.weightedOptimal.\(label)", configuration: iterations) {
            (benchmark: Benchmark, input: WeightedMarket) in
            for _ in benchmark.scaledIterations {
                blackHole(OptimalStableMatching.solve(input.instance, objective: .weighted, weights: input.weights))
            }
        } setup: {
            let instance = SyntheticMarket.instance(size)
            return WeightedMarket(instance: instance, weights: SyntheticMarket.weights(for: instance))
        }
    }
}

struct SolvedMarket {
    let instance: MatchingInstance
    let matching: Matching
}

struct WeightedMarket {
    let instance: MatchingInstance
    let weights: PairWeights
}
