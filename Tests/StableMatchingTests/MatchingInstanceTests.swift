import Testing

@testable import StableMatching

@Suite("MatchingInstance")
struct MatchingInstanceTests {
    @Test("one-sided entries are dropped and the order of kept entries is preserved")
    func dropsOneSidedEntries() throws {
        // r0 lists h1 but h1 does not list r0; h0 lists r2 but r2 does not list h0.
        let instance = try MatchingInstance(
            residentPreferences: [[1, 0], [0, 1], [1]],
            hospitalPreferences: [[2, 1, 0], [1, 2]],
            capacities: [1, 2])
        #expect(instance.residentCount == 3)
        #expect(instance.hospitalCount == 2)
        #expect(Array(instance.residentListStart) == [0, 1, 3, 4])
        #expect(Array(instance.residentLists) == [0, 0, 1, 1])
        #expect(Array(instance.hospitalListStart) == [0, 2, 4])
        #expect(Array(instance.hospitalLists) == [1, 0, 1, 2])
        #expect(instance.entryCount == 4)
        #expect(instance.droppedEntryCount == 2)
        #expect(Array(instance.hospitals(preferredBy: 1)) == [0, 1])
        #expect(Array(instance.residents(preferredBy: 0)) == [1, 0])
    }

    @Test("ranks are 0-based positions, nil when the pair is not mutually acceptable")
    func ranks() throws {
        let instance = try MatchingInstance(
            residentPreferences: [[1, 0], [0, 1], [1]],
            hospitalPreferences: [[2, 1, 0], [1, 2]],
            capacities: [1, 2])
        #expect(instance.rank(ofHospital: 1, forResident: 1) == 1)
        #expect(instance.rank(ofHospital: 0, forResident: 1) == 0)
        #expect(instance.rank(ofHospital: 1, forResident: 0) == nil)
        #expect(instance.rank(ofHospital: 9, forResident: 0) == nil)
        #expect(instance.rank(ofResident: 0, forHospital: 0) == 1)
        #expect(instance.rank(ofResident: 2, forHospital: 0) == nil)
        #expect(instance.rank(ofResident: 2, forHospital: 1) == 1)
    }

    @Test("empty markets and empty lists are valid")
    func emptyMarkets() throws {
        let none = try MatchingInstance(
            residentPreferences: [], hospitalPreferences: [], capacities: [])
        #expect(none.residentCount == 0 && none.hospitalCount == 0 && none.entryCount == 0)
        #expect(Array(none.residentListStart) == [0])
        let lonely = try MatchingInstance(
            residentPreferences: [[], []], hospitalPreferences: [[]], capacities: [0])
        #expect(lonely.entryCount == 0)
        #expect(lonely.hospitals(preferredBy: 1).isEmpty)
        #expect(Array(lonely.residentListStart) == [0, 0, 0])
    }

    @Test("CSR and per-person construction agree", arguments: 0..<40 as Range<UInt64>)
    func csrAgreesWithLists(seed: UInt64) throws {
        let market = RandomMarket.small(seed: seed)
        let fromLists = try market.instance()
        func offsets(_ lists: [[Int32]]) -> ContiguousArray<Int32> {
            var total: Int32 = 0
            return [0]
                + lists.map { list in
                    total += Int32(list.count)
                    return total
                }
        }
        let residentStart = offsets(market.residentPreferences)
        let hospitalStart = offsets(market.hospitalPreferences)
        let fromCSR = try MatchingInstance(
            residentListStart: residentStart,
            residentLists: ContiguousArray(market.residentPreferences.joined()),
            hospitalListStart: hospitalStart,
            hospitalLists: ContiguousArray(market.hospitalPreferences.joined()),
            capacities: ContiguousArray(market.capacities))
        #expect(fromCSR == fromLists)
    }

    @Test("kept pairs are exactly the mutually listed ones", arguments: 0..<40 as Range<UInt64>)
    func keepsExactlyMutualPairs(seed: UInt64) throws {
        let market = RandomMarket.small(seed: seed)
        let instance = try market.instance()
        var dropped = 0
        for r in 0..<market.residentCount {
            let expected = market.residentPreferences[r].filter {
                market.hospitalPreferences[Int($0)].contains(Int32(r))
            }
            dropped += market.residentPreferences[r].count - expected.count
            #expect(Array(instance.hospitals(preferredBy: r)) == expected)
        }
        for h in 0..<market.hospitalCount {
            let expected = market.hospitalPreferences[h].filter {
                market.residentPreferences[Int($0)].contains(Int32(h))
            }
            dropped += market.hospitalPreferences[h].count - expected.count
            #expect(Array(instance.residents(preferredBy: h)) == expected)
        }
        #expect(instance.droppedEntryCount == dropped)
    }
}
