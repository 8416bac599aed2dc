import Testing

@testable import StableMatching

@Suite("StabilityVerifier on hand-made matchings")
struct StabilityVerifierTests {
    /// The 3x3 Latin-square market: three stable matchings, [0,1,2], [1,2,0] and [2,0,1].
    static func latinSquare() throws -> MatchingInstance {
        try MatchingInstance(
            residentPreferences: [[0, 1, 2], [1, 2, 0], [2, 0, 1]],
            hospitalPreferences: [[1, 2, 0], [2, 0, 1], [0, 1, 2]],
            capacities: [1, 1, 1])
    }

    @Test("an unstable matching reports exactly its blocking pair")
    func singleBlockingPair() throws {
        // r2 prefers h0 to its h1, and h0 prefers r2 to its r0; every other candidate is
        // refused by one side.
        let report = StabilityVerifier.verify(
            Matching(hospitalOfResident: [0, 2, 1]), in: try Self.latinSquare())
        #expect(report.blockingPairs == [BlockingPair(resident: 2, hospital: 0)])
        #expect(report.isValid)
        #expect(!report.isStable)
    }

    @Test(
        "all three stable matchings of the Latin square pass",
        arguments: [[0, 1, 2], [1, 2, 0], [2, 0, 1]] as [[Int32]])
    func stableMatchingsPass(assignment: [Int32]) throws {
        let report = StabilityVerifier.verify(
            Matching(hospitalOfResident: ContiguousArray(assignment)), in: try Self.latinSquare())
        #expect(report == StabilityReport())
        #expect(report.isStable)
    }

    @Test("the empty matching is blocked by every acceptable pair, in order")
    func emptyMatching() throws {
        let report = StabilityVerifier.verify(
            Matching(unmatchedResidentCount: 3), in: try Self.latinSquare())
        let everyPair = (0..<3 as Range<Int32>).flatMap { r in
            (0..<3 as Range<Int32>).map { h in BlockingPair(resident: r, hospital: h) }
        }
        #expect(report.blockingPairs == everyPair)
    }

    @Test("a free place blocks; a full hospital blocks only with a worse resident")
    func freePlacesAndWorstResident() throws {
        // h0 (capacity 2) ranks r0 > r1 > r2; h1 (capacity 1) ranks r2 > r1.
        let instance = try MatchingInstance(
            residentPreferences: [[0], [0, 1], [1, 0]],
            hospitalPreferences: [[0, 1, 2], [2, 1]],
            capacities: [2, 1])
        // h0 holds only r2 and has a free place: r0 and r1 both block with it.
        let underfull = StabilityVerifier.verify(
            Matching(hospitalOfResident: [-1, -1, 0]), in: instance)
        #expect(
            underfull.blockingPairs == [
                BlockingPair(resident: 0, hospital: 0), BlockingPair(resident: 1, hospital: 0),
                BlockingPair(resident: 1, hospital: 1), BlockingPair(resident: 2, hospital: 1),
            ])
        // h0 is full with r1 and r2; it prefers r0 to r2, so (r0, h0) blocks. r1 has its first
        // choice; r2 would rather have the empty h1.
        let full = StabilityVerifier.verify(Matching(hospitalOfResident: [-1, 0, 0]), in: instance)
        #expect(
            full.blockingPairs == [
                BlockingPair(resident: 0, hospital: 0), BlockingPair(resident: 2, hospital: 1),
            ])
    }

    @Test("over-capacity hospitals are reported")
    func overCapacity() throws {
        let instance = try MatchingInstance(
            residentPreferences: [[0], [0], [1]], hospitalPreferences: [[0, 1], [2]],
            capacities: [1, 0])
        let report = StabilityVerifier.verify(
            Matching(hospitalOfResident: [0, 0, 1]), in: instance)
        #expect(report.capacityViolations == [0, 1])
        #expect(report.unacceptablePairs.isEmpty)
        #expect(!report.isValid && !report.isStable)
    }

    @Test("unacceptable and out-of-range assignments are reported")
    func unacceptablePairs() throws {
        // r0 lists h1 one-sidedly, so (r0, h1) is not acceptable.
        let instance = try MatchingInstance(
            residentPreferences: [[0, 1], [0], [1]], hospitalPreferences: [[0, 1], [2]],
            capacities: [2, 1])
        let report = StabilityVerifier.verify(
            Matching(hospitalOfResident: [1, 7, -4, 0]), in: instance)
        #expect(
            report.unacceptablePairs == [
                BlockingPair(resident: 0, hospital: 1), BlockingPair(resident: 1, hospital: 7),
                BlockingPair(resident: 2, hospital: -4), BlockingPair(resident: 3, hospital: 0),
            ])
        #expect(report.capacityViolations.isEmpty)
        // Bad assignments count as worse than anything listed: r0 and r1 block with h0, and
        // h1, holding r0 whom it does not list, would rather have r2.
        #expect(
            report.blockingPairs == [
                BlockingPair(resident: 0, hospital: 0), BlockingPair(resident: 1, hospital: 0),
                BlockingPair(resident: 2, hospital: 1),
            ])
        #expect(!report.isValid)
    }

    @Test("residents missing from a short matching count as unmatched")
    func shortMatching() throws {
        let report = StabilityVerifier.verify(
            Matching(hospitalOfResident: [1]), in: try Self.latinSquare())
        #expect(report.isValid)
        #expect(report.blockingPairs.contains(BlockingPair(resident: 2, hospital: 2)))
    }
}
