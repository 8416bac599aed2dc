import Testing

@testable import StableMatching

/// Inputs of at least `MatchingInstance.parallelEntryCount` entries are checked on two threads;
/// the result and the error reported must be those of checking in order.
@Suite("MatchingInstance checks on large inputs")
struct MatchingInstanceParallelCheckTests {
    static let residentCount = 1 << 19
    static let hospitalCount = 1 << 10

    /// Resident r lists hospital r % H; hospital h lists its residents in increasing order, so
    /// every pair is mutual and there are 2 × 2^19 = 2^20 entries.
    static func lists() -> (residents: [[Int32]], hospitals: [[Int32]]) {
        let residents = (0..<residentCount).map { [Int32($0 % hospitalCount)] }
        let hospitals = (0..<hospitalCount).map { hospital in
            stride(from: hospital, to: residentCount, by: hospitalCount).map { Int32($0) }
        }
        return (residents, hospitals)
    }

    @Test func aValidLargeInstanceIsBuiltAsGiven() throws {
        let (residents, hospitals) = Self.lists()
        #expect(residents.count + hospitals.reduce(0) { $0 + $1.count } >= MatchingInstance.parallelEntryCount)
        let instance = try MatchingInstance(
            residentPreferences: residents, hospitalPreferences: hospitals,
            capacities: [Int32](repeating: 2, count: Self.hospitalCount))
        #expect(instance.droppedEntryCount == 0)
        #expect(Array(instance.residentLists) == residents.flatMap { $0 })
        #expect(Array(instance.hospitalLists) == hospitals.flatMap { $0 })
    }

    /// The transpose in two halves of the persons is the plain one: per target, the persons
    /// listing it in increasing order, with their entries' positions.
    @Test(arguments: [1, 2, 3] as [UInt64])
    func theTransposeInHalvesIsTheTranspose(seed: UInt64) {
        var random = SeededGenerator(seed: seed)
        let targetCount = 50
        let lists = (0..<400).map { _ in
            Array((0..<Int32(targetCount)).shuffled(using: &random).prefix(Int.random(in: 0...12, using: &random)))
        }
        var start = ContiguousArray<Int32>([0])
        for list in lists { start.append(start[start.count - 1] + Int32(list.count)) }
        let flat = ContiguousArray(lists.flatMap { $0 })
        var expected = [[UInt64]](repeating: [], count: targetCount)
        for (person, list) in lists.enumerated() {
            for (offset, target) in list.enumerated() {
                expected[Int(target)].append(UInt64(person) << 32 | UInt64(Int(start[person]) + offset))
            }
        }
        for halves in [1, 2] {
            let (targetStart, entries) = MatchingInstance.transposeWithPositions(
                start: start, lists: flat, targetCount: targetCount, halves: halves)
            let byTarget = (0..<targetCount).map { Array(entries[Int(targetStart[$0])..<Int(targetStart[$0 + 1])]) }
            #expect(byTarget == expected, "halves: \(halves)")
        }
    }

    /// Ranks computed by two threads (the input is large enough) are each person's ranks.
    @Test func crossRanksOnALargeInstance() throws {
        let (residents, hospitals) = Self.lists()
        let instance = try MatchingInstance(
            residentPreferences: residents, hospitalPreferences: hospitals,
            capacities: [Int32](repeating: 2, count: Self.hospitalCount))
        #expect(instance.entryCount * 2 >= MatchingInstance.parallelEntryCount)
        // Resident r is at r / H in the list of hospital r % H; each hospital is first for its residents.
        let atHospital = DeferredAcceptance.crossRanks(
            ownStart: instance.residentListStart, ownLists: instance.residentLists,
            otherStart: instance.hospitalListStart, otherLists: instance.hospitalLists)
        #expect(Array(atHospital) == (0..<Self.residentCount).map { Int32($0 / Self.hospitalCount) })
        let atResident = DeferredAcceptance.crossRanks(
            ownStart: instance.hospitalListStart, ownLists: instance.hospitalLists,
            otherStart: instance.residentListStart, otherLists: instance.residentLists)
        #expect(atResident.allSatisfy { $0 == 0 })
        #expect(MatchingInstance.firstPerson(from: [0, 2, 2, 5], atEntry: 2) == 1)
        #expect(MatchingInstance.firstPerson(from: [0, 2, 2, 5], atEntry: 3) == 3)
        #expect(MatchingInstance.firstPerson(from: [0, 2, 2, 5], atEntry: 0) == 0)
    }

    @Test func theResidentsErrorComesFirstWhenBothSidesHaveOne() {
        var (residents, hospitals) = Self.lists()
        residents[1000] = [Int32(Self.hospitalCount)]
        hospitals[7].append(hospitals[7][0])
        #expect(throws: MatchingInstanceError.indexOutOfRange(side: .resident, person: 1000, entry: Int32(Self.hospitalCount))) {
            try MatchingInstance(
                residentPreferences: residents, hospitalPreferences: hospitals,
                capacities: [Int32](repeating: 2, count: Self.hospitalCount))
        }
    }

    @Test func aHospitalsErrorAloneIsReported() {
        var (residents, hospitals) = Self.lists()
        hospitals[7].append(hospitals[7][0])
        #expect(throws: MatchingInstanceError.duplicateEntry(side: .hospital, person: 7, entry: 7)) {
            try MatchingInstance(
                residentPreferences: residents, hospitalPreferences: hospitals,
                capacities: [Int32](repeating: 2, count: Self.hospitalCount))
        }
        residents[3] = [0, 0]
        #expect(throws: MatchingInstanceError.duplicateEntry(side: .resident, person: 3, entry: 0)) {
            try MatchingInstance(
                residentPreferences: residents, hospitalPreferences: hospitals,
                capacities: [Int32](repeating: 2, count: Self.hospitalCount))
        }
    }
}
