import Testing

@testable import StableMatching

/// Maximum-cardinality, maximum-weight matchings against enumeration and simple references.
@Suite("CoverageMatching")
struct CoverageMatchingTests {
    /// The weight of an assignment, looked up in the instance's lists.
    static func weight(_ assignment: [Int32], _ weights: PairWeights?, _ instance: MatchingInstance) -> Double {
        guard let weights else { return 0 }
        return OptimalStableMatchingTests.weight(assignment, weights, instance)
    }

    @Test(
        "the most pairs, then the largest weight, of all matchings; blocking pairs as defined",
        arguments: 0..<300 as Range<UInt64>)
    func againstEnumeration(seed: UInt64) throws {
        let market = RandomMarket.small(seed: seed)
        let instance = try market.instance()
        let oracle = BruteForceOracle(market)
        let all = oracle.allMatchings()
        var mostPairs = 0
        for assignment in all { mostPairs = max(mostPairs, assignment.filter { $0 >= 0 }.count) }
        for weights in [nil, OptimalStableMatchingTests.randomWeights(instance, seed: seed)] {
            let result = CoverageMatching.solve(instance, weights: weights)
            let assignment = Array(result.hospitalOfResident)
            let report = StabilityVerifier.verify(result, in: instance)
            #expect(report.isValid, "\(market)")
            #expect(result.pairCount == mostPairs, "\(market)")
            #expect(report.blockingPairs == oracle.blockingPairs(assignment), "\(market)")
            guard weights != nil else { continue }
            let best =
                all.filter { $0.filter { $0 >= 0 }.count == mostPairs }
                .map { Self.weight($0, weights, instance) }.max() ?? 0
            let tolerance = seed % 2 == 0 ? 0 : 1e-9 * max(1, best.magnitude)
            #expect(Self.weight(assignment, weights, instance) >= best - tolerance, "\(market)")
        }
    }

    /// A market of `residents` with short random lists and capacities 0–4.
    static func mediumMarket(seed: UInt64, residents: Int, hospitals: Int) throws -> MatchingInstance {
        var random = SeededGenerator(seed: seed)
        var residentLists: [[Int32]] = []
        var listers = [[Int32]](repeating: [], count: hospitals)
        for r in 0..<residents {
            let length = Int.random(in: 0...6, using: &random)
            let list = (0..<Int32(hospitals)).shuffled(using: &random).prefix(length)
            for h in list { listers[Int(h)].append(Int32(r)) }
            residentLists.append(Array(list))
        }
        return try MatchingInstance(
            residentPreferences: residentLists,
            hospitalPreferences: listers.map { $0.shuffled(using: &random) },
            capacities: (0..<hospitals).map { _ in Int32.random(in: 0...4, using: &random) })
    }

    /// The size of a maximum matching by plain augmenting paths (Ford–Fulkerson with
    /// depth-first search on the residual graph, one resident at a time).
    static func augmentingPathCount(_ instance: MatchingInstance) -> Int {
        var holders = [[Int]](repeating: [], count: instance.hospitalCount)
        var hospitalOf = [Int](repeating: -1, count: instance.residentCount)
        func augment(_ resident: Int, _ visited: inout Set<Int>) -> Bool {
            for hospital in instance.hospitals(preferredBy: resident).map(Int.init)
            where visited.insert(hospital).inserted {
                if holders[hospital].count < Int(instance.capacities[hospital]) {
                    holders[hospital].append(resident)
                    hospitalOf[resident] = hospital
                    return true
                }
                for (index, holder) in holders[hospital].enumerated() where augment(holder, &visited) {
                    holders[hospital][index] = resident
                    hospitalOf[resident] = hospital
                    return true
                }
            }
            return false
        }
        var count = 0
        for resident in 0..<instance.residentCount {
            var visited = Set<Int>()
            if augment(resident, &visited) { count += 1 }
        }
        return count
    }

    /// The best (pairs, total weight) by successive shortest paths with Bellman–Ford on costs
    /// `-(big + w)`: every augmenting path is then negative, so the flow is maximum, and of
    /// minimum cost for its value. Integer weights only, so the arithmetic is exact.
    static func minimumCostReference(_ instance: MatchingInstance, _ weights: [Int]) -> (pairs: Int, weight: Int) {
        let big = 1_000_000
        let residentCount = instance.residentCount
        let source = residentCount + instance.hospitalCount
        let sink = source + 1
        var heads: [Int] = []
        var capacity: [Int] = []
        var cost: [Int] = []
        var tails: [Int] = []
        func add(_ from: Int, _ to: Int, _ cap: Int, _ price: Int) {
            tails += [from, to]
            heads += [to, from]
            capacity += [cap, 0]
            cost += [price, -price]
        }
        for resident in 0..<residentCount {
            add(source, resident, 1, 0)
            let first = Int(instance.residentListStart[resident])
            for entry in first..<Int(instance.residentListStart[resident + 1]) {
                add(resident, residentCount + Int(instance.residentLists[entry]), 1, -(big + weights[entry]))
            }
        }
        for hospital in 0..<instance.hospitalCount {
            add(residentCount + hospital, sink, Int(instance.capacities[hospital]), 0)
        }
        var pairs = 0
        var total = 0
        while true {
            var distance = [Int](repeating: Int.max, count: sink + 1)
            var through = [Int](repeating: -1, count: sink + 1)
            distance[source] = 0
            var changed = true
            while changed {
                changed = false
                for arc in heads.indices where capacity[arc] > 0 && distance[tails[arc]] != Int.max {
                    let candidate = distance[tails[arc]] + cost[arc]
                    if candidate < distance[heads[arc]] {
                        distance[heads[arc]] = candidate
                        through[heads[arc]] = arc
                        changed = true
                    }
                }
            }
            guard distance[sink] < 0 else { break }
            var node = sink
            while node != source {
                let arc = through[node]
                capacity[arc] -= 1
                capacity[arc ^ 1] += 1
                node = tails[arc]
            }
            pairs += 1
            total += distance[sink]
        }
        return (pairs, -(total + big * pairs))
    }

    @Test(
        "medium markets: as many pairs as augmenting paths give, and the reference's weight", arguments: 0..<12 as Range<UInt64>)
    func againstReferences(seed: UInt64) throws {
        let instance = try Self.mediumMarket(seed: seed, residents: 60, hospitals: 20)
        var random = SeededGenerator(seed: seed + 1_000)
        let integers = (0..<instance.entryCount).map { _ in Int.random(in: -5...5, using: &random) }
        let weights = PairWeights(residentEntryWeights: ContiguousArray(integers.map(Double.init)))
        let reference = Self.minimumCostReference(instance, integers)
        let expectedPairs = Self.augmentingPathCount(instance)
        #expect(reference.pairs == expectedPairs)

        let unweighted = CoverageMatching.solve(instance, weights: nil)
        let weighted = CoverageMatching.solve(instance, weights: weights)
        for result in [unweighted, weighted] {
            #expect(StabilityVerifier.verify(result, in: instance).isValid)
            #expect(result.pairCount == expectedPairs)
        }
        #expect(Self.weight(Array(weighted.hospitalOfResident), weights, instance) == Double(reference.weight))
        #expect(CoverageMatching.solve(instance, weights: weights) == weighted, "deterministic")
        let stable = DeferredAcceptance.solve(instance, optimal: .residentOptimal)
        #expect(stable.pairCount <= weighted.pairCount)
    }

    @Test(
        "grown from a stable matching: still maximum and valid, and every resident it matched stays matched",
        arguments: 0..<12 as Range<UInt64>)
    func grownFromAStableMatching(seed: UInt64) throws {
        let instance = try Self.mediumMarket(seed: seed, residents: 60, hospitals: 20)
        let expectedPairs = Self.augmentingPathCount(instance)
        for end in [StableEnd.residentOptimal, .hospitalOptimal] {
            let stable = DeferredAcceptance.solve(instance, optimal: end)
            let grown = CoverageMatching.solve(instance, weights: nil, start: stable)
            #expect(StabilityVerifier.verify(grown, in: instance).isValid)
            #expect(grown.pairCount == expectedPairs)
            // Augmenting paths re-pair people but never unmatch anyone.
            for resident in 0..<instance.residentCount where stable.hospitalOfResident[resident] >= 0 {
                #expect(grown.hospitalOfResident[resident] >= 0)
            }
            #expect(CoverageMatching.solve(instance, weights: nil, start: stable) == grown, "deterministic")
        }
        // A start that is not a matching of this instance is ignored, not trusted.
        let bogus = Matching(hospitalOfResident: ContiguousArray(repeating: 0, count: instance.residentCount))
        let fromBogus = CoverageMatching.solve(instance, weights: nil, start: bogus)
        #expect(StabilityVerifier.verify(fromBogus, in: instance).isValid)
        #expect(fromBogus.pairCount == expectedPairs)
    }

    @Test("larger markets: maximum, valid, deterministic, and at least as large as stable")
    func largerMarket() throws {
        let market = RandomMarket.large(seed: 5, residents: 800, hospitals: 200, listLength: 10)
        let instance = try market.instance()
        let expectedPairs = Self.augmentingPathCount(instance)
        for weights in [nil, .rankSum(instance), OptimalStableMatchingTests.randomWeights(instance, seed: 5)] {
            let result = CoverageMatching.solve(instance, weights: weights)
            #expect(StabilityVerifier.verify(result, in: instance).isValid)
            #expect(result.pairCount == expectedPairs)
            #expect(CoverageMatching.solve(instance, weights: weights) == result)
        }
        let stable = DeferredAcceptance.solve(instance, optimal: .residentOptimal)
        #expect(stable.pairCount <= expectedPairs)
    }

    @Test("huge, zero and equal-weight capacities")
    func edgeCases() throws {
        let instance = try MatchingInstance(
            residentPreferences: [[0, 1], [0, 1], [1], []], hospitalPreferences: [[0, 1], [2, 1, 0]],
            capacities: [.max, 0])
        let weights = PairWeights(residentEntryWeights: [5, 1, 7, 2])
        #expect(CoverageMatching.solve(instance, weights: weights).hospitalOfResident == [0, 0, -1, -1])
        #expect(CoverageMatching.solve(instance, weights: nil).pairCount == 2)
        let equal = PairWeights(residentEntryWeights: [3, 3, 3, 3, 3])
        #expect(CoverageMatching.solve(instance, weights: equal).pairCount == 2)
        let empty = try MatchingInstance(residentPreferences: [], hospitalPreferences: [], capacities: [])
        #expect(CoverageMatching.solve(empty, weights: nil).hospitalOfResident.isEmpty)
        #expect(OptimalStableMatching.solve(empty, objective: .minimumRegret).hospitalOfResident.isEmpty)
    }

    @Test("weight decides which residents are left out")
    func weightChoosesResidents() throws {
        // One place; r1 weighs more, so r1 gets it although r0 comes first.
        let instance = try MatchingInstance(
            residentPreferences: [[0], [0]], hospitalPreferences: [[0, 1]], capacities: [1])
        let result = CoverageMatching.solve(instance, weights: PairWeights(residentEntryWeights: [1, 2]))
        #expect(result.hospitalOfResident == [-1, 0])
        // Cardinality first: r0 alone weighs 10, but r1 + r2 are two pairs.
        let two = try MatchingInstance(
            residentPreferences: [[0, 1], [0], [1]], hospitalPreferences: [[0, 1], [0, 2]],
            capacities: [1, 1])
        let chosen = CoverageMatching.solve(two, weights: PairWeights(residentEntryWeights: [10, 10, 1, 1]))
        #expect(chosen.pairCount == 2)
        #expect(chosen.hospitalOfResident == [0, -1, 1] || chosen.hospitalOfResident == [1, 0, -1])
    }
}
