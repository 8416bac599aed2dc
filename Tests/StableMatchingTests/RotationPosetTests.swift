import Testing

@testable import StableMatching

/// The rotation poset against exhaustive enumeration of stable matchings.
@Suite("RotationPoset against brute force")
struct RotationPosetTests {
    static let seeds = Array(0..<1_500 as Range<UInt64>)

    /// Every predecessor-closed set of rotations, as flags, by include/exclude in index order
    /// (an elimination order, so a rotation's predecessors are decided before it).
    static func closedSets(_ poset: RotationPoset) -> [ContiguousArray<Bool>] {
        var result: [ContiguousArray<Bool>] = []
        var flags = ContiguousArray<Bool>(repeating: false, count: poset.rotationCount)
        func extend(_ rotation: Int) {
            guard rotation < poset.rotationCount else {
                result.append(flags)
                return
            }
            flags[rotation] = false
            extend(rotation + 1)
            if poset.predecessors(of: rotation).allSatisfy({ flags[Int($0)] }) {
                flags[rotation] = true
                extend(rotation + 1)
                flags[rotation] = false
            }
        }
        extend(0)
        return result
    }

    @Test("the pruned enumerator finds exactly the oracle's stable matchings", arguments: 0..<200 as Range<UInt64>)
    func enumeratorMatchesOracle(seed: UInt64) {
        let market = RandomMarket.small(seed: seed)
        let oracle = BruteForceOracle(market)
        let expected = Set(oracle.allMatchings().filter(oracle.isStable))
        let found = StableEnumerator(market).stableMatchings()
        #expect(Set(found) == expected, "\(market)")
        #expect(found.count == expected.count, "no duplicates: \(market)")
    }

    @Test(
        "closed sets of rotations are exactly the stable matchings, and the rotations are the join-irreducibles",
        arguments: seeds)
    func closedSetsAreStableMatchings(seed: UInt64) throws {
        let market = RandomMarket.lattice(seed: seed)
        let instance = try market.instance()
        let poset = RotationPoset(instance)
        let enumerator = StableEnumerator(market)
        let stable = enumerator.stableMatchings()

        #expect(poset.rotationCount == enumerator.joinIrreducibleCount(stable), "\(market)")
        let fromPoset = Self.closedSets(poset).map { Array(poset.matching(eliminating: $0).hospitalOfResident) }
        #expect(fromPoset.count == stable.count, "\(market)")
        #expect(Set(fromPoset) == Set(stable), "\(market)")

        #expect(poset.residentOptimal == DeferredAcceptance.solve(instance, optimal: .residentOptimal))
        #expect(poset.hospitalOptimal == DeferredAcceptance.solve(instance, optimal: .hospitalOptimal))
        let all = ContiguousArray(repeating: true, count: poset.rotationCount)
        #expect(poset.matching(eliminating: all) == poset.hospitalOptimal, "\(market)")
        for rotation in 0..<poset.rotationCount {
            #expect(poset.moves(of: rotation).count >= 2, "a rotation moves at least two residents")
            for move in poset.moves(of: rotation) {
                #expect(poset.moveToEntries[move] > poset.moveFromEntries[move])
            }
            #expect(poset.predecessors(of: rotation).allSatisfy { Int($0) < rotation })
        }
        #expect(poset.moveCount <= instance.entryCount)
        #expect(poset.precedenceCount <= 2 * instance.entryCount)
    }

    @Test("the lattice markets are not degenerate")
    func latticeMarketsAreVaried() throws {
        var withSeveralRotations = 0
        var withCapacity = 0
        var withPrecedence = 0
        var maximumRotations = 0
        var maximumClosedSets = 0
        for seed in Self.seeds {
            let market = RandomMarket.lattice(seed: seed)
            let poset = RotationPoset(try market.instance())
            if poset.rotationCount >= 2 { withSeveralRotations += 1 }
            if market.capacities.contains(where: { $0 > 1 }) && poset.rotationCount > 0 { withCapacity += 1 }
            if poset.precedenceCount > 0 { withPrecedence += 1 }
            maximumRotations = max(maximumRotations, poset.rotationCount)
            if poset.rotationCount >= 8 { maximumClosedSets = max(maximumClosedSets, Self.closedSets(poset).count) }
        }
        // Measured: 491 seeds with two or more rotations, 203 with capacities above 1 and a
        // rotation, 442 with precedence, at most 17 rotations and 36 stable matchings.
        #expect(withSeveralRotations >= 400)
        #expect(withCapacity >= 150)
        #expect(withPrecedence >= 350)
        #expect(maximumRotations >= 12)
        #expect(maximumClosedSets >= 36)
    }

    @Test("on larger markets every prefix of the rotation order is a stable matching", arguments: [1, 2] as [UInt64])
    func prefixesAreStable(seed: UInt64) throws {
        let instance = try Self.circleMarket(seed: seed, residents: 600, capacity: 3, listLength: 12)
        let poset = RotationPoset(instance)
        #expect(poset.rotationCount >= 20)
        var flags = ContiguousArray(repeating: false, count: poset.rotationCount)
        var previous = poset.residentOptimal
        for rotation in 0..<poset.rotationCount {
            flags[rotation] = true
            let matching = poset.matching(eliminating: flags)
            #expect(StabilityVerifier.verify(matching, in: instance).isStable)
            #expect(matching != previous)
            previous = matching
        }
        #expect(previous == poset.hospitalOptimal)
    }

    @Test("a rotation through 100,000 hospitals is found without recursion")
    func longRotation() throws {
        // Resident i lists hospitals i and i + 1; hospital j prefers resident j - 1 to j. The
        // two stable matchings differ by one rotation that moves every resident.
        let count = 100_000
        let residents = (0..<count).map { [Int32($0), Int32(($0 + 1) % count)] }
        let hospitals = (0..<count).map { [Int32(($0 + count - 1) % count), Int32($0)] }
        let instance = try MatchingInstance(
            residentPreferences: residents, hospitalPreferences: hospitals,
            capacities: [Int32](repeating: 1, count: count))
        let poset = RotationPoset(instance)
        #expect(poset.rotationCount == 1)
        #expect(poset.moveCount == count)
        let egalitarian = OptimalStableMatching.solve(poset, objective: .egalitarian)
        #expect(StabilityVerifier.verify(egalitarian, in: instance).isStable)
    }

    /// People on a circle with conflicting tastes (see ``RandomMarket/lattice(seed:)``), built
    /// directly for sizes too large for the brute-force markets.
    static func circleMarket(
        seed: UInt64, residents: Int, capacity: Int32, listLength: Int
    ) throws -> MatchingInstance {
        var random = SeededGenerator(seed: seed)
        let hospitals = residents / Int(capacity)
        var residentLists: [[Int32]] = []
        var listers = [[(Int32, Double)]](repeating: [], count: hospitals)
        for r in 0..<residents {
            let x = Double.random(in: 0..<1, using: &random)
            let first = Int((x * Double(hospitals)).rounded(.up)) % hospitals
            var list: [(Int32, Double)] = []
            for step in 0..<min(listLength, hospitals) {
                let h = (first + step) % hospitals
                var ahead = Double(h) / Double(hospitals) - x
                if ahead < 0 { ahead += 1 }
                let blur = 3 / Double(hospitals)
                list.append((Int32(h), ahead + blur * Double.random(in: 0..<1, using: &random)))
                listers[h].append((Int32(r), -ahead + blur * Double.random(in: 0..<1, using: &random)))
            }
            residentLists.append(list.sorted { $0.1 < $1.1 }.map(\.0))
        }
        return try MatchingInstance(
            residentPreferences: residentLists,
            hospitalPreferences: listers.map { $0.sorted { $0.1 < $1.1 }.map(\.0) },
            capacities: [Int32](repeating: capacity, count: hospitals))
    }
}
