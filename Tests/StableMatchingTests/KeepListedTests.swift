import Testing

@testable import StableMatching

/// Building an instance keeps only mutual entries; when nothing is dropped the lists are kept
/// as given, and only when something is dropped are kept lists written. Both must give the
/// lists and ranks of the definition, on one thread and (from
/// ``MatchingInstance/parallelEntryCount`` entries on) on two.
@Suite("MatchingInstance keeps mutual entries")
struct KeepListedTests {
    static let residentCount = 1 << 19
    static let hospitalCount = 1 << 10

    /// Resident r lists hospital r % H (and, if `residentExtras`, every fifth resident first
    /// lists hospital (r + 1) % H, which does not list it); hospital h lists its residents in
    /// increasing order, every third hospital after first listing resident h + 2, who does not
    /// list it. The mutual entries alone are the lists of `MatchingInstanceParallelCheckTests`.
    static func lists(residentExtras: Bool) -> (residents: [[Int32]], hospitals: [[Int32]]) {
        let residents = (0..<residentCount).map { resident -> [Int32] in
            let own = Int32(resident % hospitalCount)
            return residentExtras && resident % 5 == 0 ? [Int32((resident + 1) % hospitalCount), own] : [own]
        }
        let hospitals = (0..<hospitalCount).map { hospital -> [Int32] in
            let own = stride(from: hospital, to: residentCount, by: hospitalCount).map { Int32($0) }
            return hospital % 3 == 0 ? [Int32(hospital + 2)] + own : own
        }
        return (residents, hospitals)
    }

    @Test(arguments: [false, true])
    func largeInputsKeepExactlyTheMutualEntries(residentExtras: Bool) throws {
        let (residents, hospitals) = Self.lists(residentExtras: residentExtras)
        let instance = try MatchingInstance(
            residentPreferences: residents, hospitalPreferences: hospitals,
            capacities: [Int32](repeating: 2, count: Self.hospitalCount))
        #expect(instance.entryCount * 2 >= MatchingInstance.parallelEntryCount)
        let residentDrops = residentExtras ? (Self.residentCount + 4) / 5 : 0
        let hospitalDrops = (Self.hospitalCount + 2) / 3
        #expect(instance.droppedEntryCount == residentDrops + hospitalDrops)
        let sameResidents = Array(instance.residentLists) == (0..<Self.residentCount).map { Int32($0 % Self.hospitalCount) }
        #expect(sameResidents)
        #expect(Array(instance.residentListStart) == (0...Self.residentCount).map { Int32($0) })
        let sameHospitals =
            Array(instance.hospitalLists)
            == (0..<Self.hospitalCount).flatMap { hospital in
                stride(from: hospital, to: Self.residentCount, by: Self.hospitalCount).map { Int32($0) }
            }
        #expect(sameHospitals)
        let perHospital = Int32(Self.residentCount / Self.hospitalCount)
        #expect(Array(instance.hospitalListStart) == (0...Int32(Self.hospitalCount)).map { $0 * perHospital })
        // Ranks found while building are kept only when no resident entry moved: each
        // resident's rank in its hospital's kept list, r / H (not its position in the list as
        // given, one further on where the hospital listed someone first).
        if residentExtras {
            #expect(instance.rankAtHospital == nil)
        } else {
            let expected = (0..<Self.residentCount).map { Int32($0 / Self.hospitalCount) }
            let sameRanks = instance.rankAtHospital.map(Array.init) == expected
            #expect(sameRanks)
        }
    }

    /// `keepListed` called directly on a large input (two threads): every entry of the other
    /// side that is not listed back keeps rank -1, in both halves of the rank table.
    @Test func largeKeepListedLeavesMinusOneWhereNotListedBack() {
        let (residents, hospitals) = Self.lists(residentExtras: true)
        func csr(_ lists: [[Int32]]) -> (start: ContiguousArray<Int32>, lists: ContiguousArray<Int32>) {
            var start = ContiguousArray<Int32>([0])
            for list in lists { start.append(start[start.count - 1] + Int32(list.count)) }
            return (start, ContiguousArray(lists.flatMap { $0 }))
        }
        let residentSide = csr(residents)
        let hospitalSide = csr(hospitals)
        let listedBy = MatchingInstance.transposeWithPositions(
            start: residentSide.start, lists: residentSide.lists, targetCount: Self.hospitalCount, halves: 2)
        let kept = MatchingInstance.keepListed(
            start: hospitalSide.start, lists: hospitalSide.lists, listedByStart: listedBy.start, listedBy: listedBy.entries,
            otherCount: Self.residentCount, otherEntryCount: residentSide.lists.count)
        #expect(residentSide.lists.count + hospitalSide.lists.count >= MatchingInstance.parallelEntryCount)
        // Every fifth resident's first entry is not listed back; the other is rank r / H.
        let expected = (0..<Self.residentCount).flatMap { resident -> [Int32] in
            (resident % 5 == 0 ? [-1] : []) + [Int32(resident / Self.hospitalCount)]
        }
        let sameRanks = Array(kept.rankAtTarget) == expected
        #expect(sameRanks)
    }

    /// `keepListed` called directly, on a small input with drops on one thread: the kept lists,
    /// their starts and the ranks.
    @Test func keepListedOnASmallInputWithDrops() {
        // The other side: 0 lists [0], 1 lists [1], 2 lists [1, 0] (entries at positions 0 to
        // 3). Person 0 lists 2, 1, 0 and keeps 2 and 0 (1 does not list it); person 1 lists 0, 2
        // and keeps 2. Ranks are in the kept lists: 0 is second in person 0's.
        let listedBy = MatchingInstance.transposeWithPositions(
            start: [0, 1, 2, 4], lists: [0, 1, 1, 0], targetCount: 2)
        let kept = MatchingInstance.keepListed(
            start: [0, 3, 5], lists: [2, 1, 0, 0, 2], listedByStart: listedBy.start, listedBy: listedBy.entries,
            otherCount: 3, otherEntryCount: 4)
        #expect(Array(kept.start) == [0, 2, 3])
        #expect(Array(kept.lists) == [2, 0, 2])
        #expect(Array(kept.rankAtTarget) == [1, -1, 0, 0])
    }
}
