import Testing

@testable import StableMatching

/// Exhaustive comparisons with ``BruteForceOracle`` on hundreds of tiny seeded markets.
@Suite("DeferredAcceptance and StabilityVerifier against a brute-force oracle")
struct OraclePropertyTests {
    static let seeds = Array(0..<400 as Range<UInt64>)

    /// How much resident `r` likes assignment `h` (lower is better; unmatched is worst).
    static func cost(_ oracle: BruteForceOracle, _ r: Int, _ h: Int32) -> Int {
        oracle.residentCost(r, h)
    }

    @Test(
        "both ends are stable and are the residents' best and worst stable matchings",
        arguments: seeds)
    func lattice(seed: UInt64) throws {
        let market = RandomMarket.small(seed: seed)
        let instance = try market.instance()
        let oracle = BruteForceOracle(market)
        let stable = oracle.allMatchings().filter(oracle.isStable)
        try #require(!stable.isEmpty, "every market has a stable matching: \(market)")

        let residentOptimal = DeferredAcceptance.solve(instance, optimal: .residentOptimal)
        let hospitalOptimal = DeferredAcceptance.solve(instance, optimal: .hospitalOptimal)
        for matching in [residentOptimal, hospitalOptimal] {
            #expect(StabilityVerifier.verify(matching, in: instance).isStable, "\(market)")
            #expect(oracle.isStable(Array(matching.hospitalOfResident)), "\(market)")
        }

        let residents = 0..<market.residentCount
        let best = stable.filter { candidate in
            stable.allSatisfy { other in
                residents.allSatisfy {
                    Self.cost(oracle, $0, candidate[$0]) <= Self.cost(oracle, $0, other[$0])
                }
            }
        }
        let worst = stable.filter { candidate in
            stable.allSatisfy { other in
                residents.allSatisfy {
                    Self.cost(oracle, $0, candidate[$0]) >= Self.cost(oracle, $0, other[$0])
                }
            }
        }
        #expect(best == [Array(residentOptimal.hospitalOfResident)], "\(market)")
        #expect(worst == [Array(hospitalOptimal.hospitalOfResident)], "\(market)")
    }

    @Test(
        "every stable matching matches the same residents and fills each hospital alike",
        arguments: seeds)
    func ruralHospitals(seed: UInt64) throws {
        let market = RandomMarket.small(seed: seed)
        let oracle = BruteForceOracle(market)
        let stable = oracle.allMatchings().filter(oracle.isStable)
        let first = try #require(stable.first)
        func fills(_ assignment: [Int32]) -> [Int] {
            (0..<market.hospitalCount).map { h in assignment.filter { $0 == Int32(h) }.count }
        }
        for other in stable.dropFirst() {
            #expect(other.map { $0 >= 0 } == first.map { $0 >= 0 }, "\(market)")
            #expect(fills(other) == fills(first), "\(market)")
            // A hospital below capacity gets the very same residents in every stable matching.
            for h in 0..<market.hospitalCount where fills(first)[h] < market.capacities[h] {
                #expect(
                    other.indices.filter { other[$0] == Int32(h) }
                        == first.indices.filter { first[$0] == Int32(h) })
            }
        }
    }

    @Test("the verifier's blocking pairs equal the oracle's on valid matchings", arguments: seeds)
    func verifierOnValidMatchings(seed: UInt64) throws {
        let market = RandomMarket.small(seed: seed)
        let instance = try market.instance()
        let oracle = BruteForceOracle(market)
        let all = oracle.allMatchings()
        var random = SeededGenerator(seed: ~seed)
        let sample =
            all.count <= 40
            ? all : (0..<40).map { _ in all[Int.random(in: 0..<all.count, using: &random)] }
        for assignment in sample {
            let report = StabilityVerifier.verify(
                Matching(hospitalOfResident: ContiguousArray(assignment)), in: instance)
            #expect(report.isValid)
            #expect(
                report.blockingPairs == oracle.blockingPairs(assignment),
                "\(assignment) in \(market)")
            #expect(report.isStable == oracle.isStable(assignment))
        }
    }

    @Test(
        "the verifier agrees with the oracle on arbitrary, mostly invalid assignments",
        arguments: seeds)
    func verifierOnArbitraryAssignments(seed: UInt64) throws {
        let market = RandomMarket.small(seed: seed)
        let instance = try market.instance()
        let oracle = BruteForceOracle(market)
        var random = SeededGenerator(seed: seed &* 31 &+ 7)
        for _ in 0..<20 {
            let assignment = (0..<market.residentCount).map { _ in
                Int32.random(in: -2...Int32(market.hospitalCount), using: &random)
            }
            // In one half and in two (the conventions for invalid matchings apply inside them).
            let matching = Matching(hospitalOfResident: ContiguousArray(assignment))
            let report = StabilityVerifier.verify(matching, in: instance, halves: 2)
            #expect(StabilityVerifier.verify(matching, in: instance, halves: 1) == report, "\(assignment) in \(market)")
            #expect(
                report.capacityViolations == oracle.capacityViolations(assignment),
                "\(assignment) in \(market)")
            #expect(
                report.unacceptablePairs == oracle.unacceptablePairs(assignment),
                "\(assignment) in \(market)")
            #expect(
                report.blockingPairs == oracle.blockingPairs(assignment),
                "\(assignment) in \(market)")
        }
    }

    @Test("the random markets are not degenerate")
    func marketsAreVaried() throws {
        var differentEnds = 0
        var withZeroCapacity = 0
        var withDroppedEntries = 0
        for seed in Self.seeds {
            let market = RandomMarket.small(seed: seed)
            let instance = try market.instance()
            if DeferredAcceptance.solve(instance, optimal: .residentOptimal)
                != DeferredAcceptance.solve(instance, optimal: .hospitalOptimal)
            {
                differentEnds += 1
            }
            if market.capacities.contains(0) { withZeroCapacity += 1 }
            if instance.droppedEntryCount > 0 { withDroppedEntries += 1 }
        }
        // Measured: 55, 137 and 192 of the 400 markets.
        #expect(differentEnds >= 40)
        #expect(withZeroCapacity >= 80)
        #expect(withDroppedEntries >= 120)
    }
}
