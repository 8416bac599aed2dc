import Testing

@testable import StableMatching

@Suite("DeferredAcceptance on larger seeded markets")
struct LargeMarketPropertyTests {
    @Test(
        "both ends are stable, residents prefer their optimal end, and the ends agree on who is matched",
        arguments: [1, 2, 3] as [UInt64])
    func largeMarket(seed: UInt64) throws {
        let market = RandomMarket.large(
            seed: seed, residents: 2_000, hospitals: 500, listLength: 20)
        let instance = try market.instance()
        #expect(instance.droppedEntryCount > 0)
        let residentOptimal = DeferredAcceptance.solve(instance, optimal: .residentOptimal)
        let hospitalOptimal = DeferredAcceptance.solve(instance, optimal: .hospitalOptimal)
        #expect(StabilityVerifier.verify(residentOptimal, in: instance) == StabilityReport())
        #expect(StabilityVerifier.verify(hospitalOptimal, in: instance) == StabilityReport())
        #expect(residentOptimal.pairCount > 1_000)

        var strictlyBetter = 0
        for resident in 0..<instance.residentCount {
            let best = residentOptimal.hospital(of: resident)
            let worst = hospitalOptimal.hospital(of: resident)
            // Rural hospitals: the same residents are matched at both ends.
            #expect((best == nil) == (worst == nil))
            guard let best, let worst else { continue }
            let bestRank = try #require(instance.rank(ofHospital: Int(best), forResident: resident))
            let worstRank = try #require(
                instance.rank(ofHospital: Int(worst), forResident: resident))
            #expect(bestRank <= worstRank)
            if bestRank < worstRank { strictlyBetter += 1 }
        }
        #expect(
            residentOptimal.assignmentsByHospital(hospitalCount: instance.hospitalCount).map(
                \.count)
                == hospitalOptimal.assignmentsByHospital(hospitalCount: instance.hospitalCount).map(
                    \.count))
        // Not a theorem, but if the ends never differ the market tests little.
        #expect(strictlyBetter > 0)
    }
}
