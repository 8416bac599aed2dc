import Testing

@testable import StableMatching

/// Every objective against the best of all stable matchings, enumerated by brute force.
@Suite("OptimalStableMatching against brute force")
struct OptimalStableMatchingTests {
    static let seeds = RotationPosetTests.seeds

    /// Random weights: small integers (many ties, exact sums) for even seeds, reals otherwise.
    static func randomWeights(_ instance: MatchingInstance, seed: UInt64) -> PairWeights {
        var random = SeededGenerator(seed: seed &* 0x9E37_79B9 &+ 11)
        var weights = ContiguousArray<Double>()
        for _ in 0..<instance.entryCount {
            weights.append(
                seed % 2 == 0
                    ? Double(Int.random(in: -3...3, using: &random))
                    : Double.random(in: -10...10, using: &random))
        }
        return PairWeights(residentEntryWeights: weights)
    }

    /// The weight of an assignment, looked up in the instance's lists.
    static func weight(_ assignment: [Int32], _ weights: PairWeights, _ instance: MatchingInstance) -> Double {
        var total = 0.0
        for (resident, hospital) in assignment.enumerated() where hospital >= 0 {
            let first = Int(instance.residentListStart[resident])
            let rank = instance.rank(ofHospital: Int(hospital), forResident: resident) ?? 0
            total += weights.residentEntryWeights[first + rank]
        }
        return total
    }

    /// Checks that `result` is stable, optimal by `score` (lower is better) among `stable`,
    /// and, when `exact`, the residents' favourite among the optimal ones.
    static func expectOptimal(
        _ result: Matching, among stable: [[Int32]], in market: RandomMarket, instance: MatchingInstance,
        enumerator: StableEnumerator, exact: Bool, score: ([Int32]) -> Double, _ label: String
    ) {
        let assignment = Array(result.hospitalOfResident)
        #expect(StabilityVerifier.verify(result, in: instance).isStable, "\(label): \(market)")
        #expect(stable.contains(assignment), "\(label): \(market)")
        let best = stable.map(score).min() ?? 0
        let tolerance = exact ? 0 : 1e-9 * max(1, best.magnitude)
        #expect(score(assignment) <= best + tolerance, "\(label): \(market)")
        if exact {
            for other in stable where score(other) == best {
                #expect(enumerator.residentsWeaklyPrefer(assignment, other), "\(label) tie-break: \(market)")
            }
        }
    }

    @Test("each objective's matching is stable and optimal", arguments: seeds)
    func objectivesAreOptimal(seed: UInt64) throws {
        let market = RandomMarket.lattice(seed: seed)
        let instance = try market.instance()
        let enumerator = StableEnumerator(market)
        let stable = enumerator.stableMatchings()
        let poset = RotationPoset(instance)

        #expect(
            OptimalStableMatching.solve(instance, objective: .residentOptimal)
                == DeferredAcceptance.solve(instance, optimal: .residentOptimal))
        #expect(
            OptimalStableMatching.solve(instance, objective: .hospitalOptimal)
                == DeferredAcceptance.solve(instance, optimal: .hospitalOptimal))

        let weights = Self.randomWeights(instance, seed: seed)
        let weighted = OptimalStableMatching.solve(instance, objective: .weighted, weights: weights)
        Self.expectOptimal(
            weighted, among: stable, in: market, instance: instance, enumerator: enumerator,
            exact: seed % 2 == 0,
            score: { -Self.weight($0, weights, instance) }, "weighted")

        let egalitarian = OptimalStableMatching.solve(instance, objective: .egalitarian)
        Self.expectOptimal(
            egalitarian, among: stable, in: market, instance: instance, enumerator: enumerator,
            exact: true,
            score: { Double(enumerator.rankSum($0)) }, "egalitarian")
        let viaWeights = OptimalStableMatching.solve(
            instance, objective: .weighted, weights: .rankSum(instance))
        #expect(viaWeights == egalitarian, "\(market)")

        let minimumRegret = OptimalStableMatching.solve(poset, objective: .minimumRegret)
        Self.expectOptimal(
            minimumRegret, among: stable, in: market, instance: instance, enumerator: enumerator,
            exact: true,
            score: { Double(enumerator.regret($0)) }, "minimum regret")

        // No weights: every stable matching weighs 0, and the residents' favourite wins.
        #expect(OptimalStableMatching.solve(instance, objective: .weighted) == poset.residentOptimal)
    }

    @Test("rank-sum weights are minus the 1-based ranks on both sides")
    func rankSumWeights() throws {
        let instance = try MatchingInstance(
            residentPreferences: [[1, 0], [0]], hospitalPreferences: [[1, 0], [0]],
            capacities: [2, 1])
        // r0: h1 (rank 1, r0 is 1st of h1), h0 (rank 2, r0 is 2nd of h0); r1: h0 (1, 1).
        #expect(PairWeights.rankSum(instance).residentEntryWeights == [-2, -4, -2])
    }

    @Test("non-finite and missing weights count as 0")
    func nonFiniteWeights() throws {
        let market = RandomMarket.lattice(seed: 7)
        let instance = try market.instance()
        var values = ContiguousArray<Double>(repeating: .nan, count: instance.entryCount)
        if !values.isEmpty { values[0] = .infinity }
        let odd = PairWeights(residentEntryWeights: values)
        let short = PairWeights(residentEntryWeights: [])
        #expect(!short.isAligned(with: instance) || instance.entryCount == 0)
        #expect(odd.isAligned(with: instance))
        let resident = DeferredAcceptance.solve(instance, optimal: .residentOptimal)
        #expect(OptimalStableMatching.solve(instance, objective: .weighted, weights: odd) == resident)
        #expect(OptimalStableMatching.solve(instance, objective: .weighted, weights: short) == resident)
    }

    @Test("huge and tiny weights keep their order after quantisation")
    func quantisation() {
        let weights: ContiguousArray<Double> = [1e300, -1e300, 3, 0, 1e-300]
        let quantized = PairWeights.quantized(weights, termCount: 1_000)
        #expect(quantized[0] > 0 && quantized[1] < 0 && quantized[1] == -quantized[0])
        #expect(quantized[2] == 0 && quantized[3] == 0)
        let small = PairWeights.quantized([1, -2, 3, .leastNonzeroMagnitude], termCount: 10)
        // Integers stay exact multiples of one power-of-two scale.
        #expect(small[1] == -2 * small[0] && small[2] == 3 * small[0])
        let tiny = PairWeights.quantized([1e-300, 0, -1e-300], termCount: 1)
        #expect(tiny[0] > 0 && tiny[1] == 0 && tiny[2] == -tiny[0])
    }

    @Test("on larger markets the optima beat every prefix of the rotation order", arguments: [3, 4] as [UInt64])
    func largerMarkets(seed: UInt64) throws {
        let instance = try RotationPosetTests.circleMarket(
            seed: seed, residents: 600, capacity: 3, listLength: 12)
        let poset = RotationPoset(instance)
        #expect(poset.rotationCount >= 10)
        let weights = Self.randomWeights(instance, seed: seed)
        let rankSum = PairWeights.rankSum(instance)
        let weighted = OptimalStableMatching.solve(poset, objective: .weighted, weights: weights)
        let egalitarian = OptimalStableMatching.solve(poset, objective: .egalitarian)
        let regret = OptimalStableMatching.solve(poset, objective: .minimumRegret)
        for matching in [weighted, egalitarian, regret] {
            #expect(StabilityVerifier.verify(matching, in: instance).isStable)
        }
        func total(_ matching: Matching, _ weights: PairWeights) -> Double {
            Self.weight(Array(matching.hospitalOfResident), weights, instance)
        }
        func worstRank(_ matching: Matching) -> Int {
            var worst = 0
            for (resident, hospital) in matching.hospitalOfResident.enumerated() where hospital >= 0 {
                worst = max(
                    worst, instance.rank(ofHospital: Int(hospital), forResident: resident) ?? 0,
                    instance.rank(ofResident: resident, forHospital: Int(hospital)) ?? 0)
            }
            return worst
        }
        var flags = ContiguousArray(repeating: false, count: poset.rotationCount)
        var candidates = [poset.residentOptimal]
        for rotation in 0..<poset.rotationCount {
            flags[rotation] = true
            candidates.append(poset.matching(eliminating: flags))
        }
        for candidate in candidates {
            #expect(total(weighted, weights) >= total(candidate, weights) - 1e-9)
            #expect(total(egalitarian, rankSum) >= total(candidate, rankSum))
            #expect(worstRank(regret) <= worstRank(candidate))
        }
    }
}
