import Testing

@testable import StableMatching

/// The verifier scans the residents' lists and searches for blocking pairs in one or two
/// halves; both must give the same report, invalid matchings included (their conventions are
/// applied inside the halves). `OraclePropertyTests` checks both against the definition on
/// small markets.
@Suite("StabilityVerifier in one and two halves")
struct StabilityVerifierHalvesTests {
    /// A stable matching spoilt in every way the conventions cover: residents unmatched, moved
    /// to their last choice, to a hospital they do not list, to no hospital at all, piled onto
    /// one hospital past its capacity, and entries past the instance's residents.
    @Test func halvesAgreeOnALargeInvalidMatching() throws {
        let instance = try RandomMarket.large(seed: 11, residents: 20_000, hospitals: 4_000, listLength: 10).instance()
        var assigned = DeferredAcceptance.residentsPropose(instance, threads: 1).hospitalOfResident
        for resident in stride(from: 0, to: assigned.count, by: 7) { assigned[resident] = -1 }
        for resident in stride(from: 3, to: assigned.count, by: 11) {
            assigned[resident] = instance.hospitals(preferredBy: resident).last ?? -1
        }
        var unlisted = 0
        for resident in stride(from: 5, to: assigned.count, by: 13) {
            let listed = Set(instance.hospitals(preferredBy: resident))
            if let hospital = (0..<Int32(instance.hospitalCount)).first(where: { !listed.contains($0) }) {
                assigned[resident] = hospital
                unlisted += 1
            }
        }
        for resident in stride(from: 9, to: assigned.count, by: 101) { assigned[resident] = -5 }
        for resident in stride(from: 2, to: assigned.count, by: 97) { assigned[resident] = 17 }
        assigned.append(contentsOf: [3, -1, 40_000])
        let matching = Matching(hospitalOfResident: assigned)

        let one = StabilityVerifier.verify(matching, in: instance, halves: 1)
        let two = StabilityVerifier.verify(matching, in: instance, halves: 2)
        #expect(unlisted > 1_000)
        #expect(one.blockingPairs.count > 1_000)
        #expect(one.unacceptablePairs.count > unlisted)
        #expect(one.capacityViolations.contains(17))
        let same = one == two
        #expect(same)
    }

    /// A hospital holding a resident it does not list ranks them after everyone it lists, so
    /// every resident it lists and who would rather have it blocks, even with no free place.
    /// The instance lists only mutual pairs, so such a resident is also missing from its own
    /// list; the report names the pair once.
    @Test(arguments: [1, 2])
    func aHeldResidentTheHospitalDoesNotListIsItsWorst(halves: Int) throws {
        // h0 (capacity 1) lists r1 then r2; r0 lists only h1; r1 and r2 list h0.
        let instance = try MatchingInstance(
            residentPreferences: [[1], [0], [0]], hospitalPreferences: [[1, 2], [0]],
            capacities: [1, 1])
        let report = StabilityVerifier.verify(Matching(hospitalOfResident: [0, -1, -1]), in: instance, halves: halves)
        #expect(report.unacceptablePairs == [BlockingPair(resident: 0, hospital: 0)])
        #expect(report.capacityViolations.isEmpty)
        #expect(
            report.blockingPairs == [
                BlockingPair(resident: 0, hospital: 1), BlockingPair(resident: 1, hospital: 0),
                BlockingPair(resident: 2, hospital: 0),
            ])
    }
}
