import Testing

@testable import StableMatching

/// Large markets run residents-propose on two threads with locks, and their rank tables in two
/// halves. Every order of proposals gives the resident-optimal matching, so two threads must
/// give exactly what one gives, run after run.
@Suite("Deferred acceptance on two threads")
struct ParallelDeferredAcceptanceTests {
    /// How many residents the two matchings place differently (a count: printing a whole
    /// matching of 10^5 residents would bury the report).
    static func differences(_ left: Matching, _ right: Matching) -> Int {
        zip(left.hospitalOfResident, right.hospitalOfResident).count { $0 != $1 }
            + abs(left.hospitalOfResident.count - right.hospitalOfResident.count)
    }

    @Test("two threads give the one-thread matching, every time", arguments: [11, 12, 13] as [UInt64])
    func twoThreadsMatchOne(seed: UInt64) throws {
        let instance = try RandomMarket.large(seed: seed, residents: 16_000, hospitals: 3_200, listLength: 10).instance()
        let sequential = DeferredAcceptance.residentsPropose(instance, threads: 1, queued: false)
        #expect(StabilityVerifier.verify(sequential, in: instance) == StabilityReport())
        #expect(sequential.pairCount > 8_000)
        Self.expectEveryWayGives(sequential, on: instance)
    }

    /// Queued or in turn, one thread or two: the same matching as `sequential`. Races, if any,
    /// would show as a different matching in some of the five two-thread runs of each kind.
    static func expectEveryWayGives(_ sequential: Matching, on instance: MatchingInstance) {
        #expect(differences(DeferredAcceptance.residentsPropose(instance, threads: 1, queued: true), sequential) == 0)
        for _ in 0..<5 {
            for queued in [false, true] {
                let twoThreads = DeferredAcceptance.residentsPropose(instance, threads: 2, queued: queued)
                #expect(differences(twoThreads, sequential) == 0)
            }
        }
    }

    /// Crowded markets (few places, long shared lists) make long chains of displaced residents
    /// pass between the threads.
    @Test func twoThreadsMatchOneWhenPlacesAreScarce() throws {
        var market = RandomMarket.large(seed: 21, residents: 12_000, hospitals: 200, listLength: 30)
        market.capacities = market.capacities.map { min($0, 3) }
        let instance = try market.instance()
        Self.expectEveryWayGives(DeferredAcceptance.residentsPropose(instance, threads: 1, queued: false), on: instance)
    }

    @Test func rankTablesInTwoHalvesAreTheRankTables() throws {
        let instance = try RandomMarket.large(seed: 5, residents: 10_000, hospitals: 2_000, listLength: 8).instance()
        let one = DeferredAcceptance.crossRanks(
            ownStart: instance.residentListStart, ownLists: instance.residentLists,
            otherStart: instance.hospitalListStart, otherLists: instance.hospitalLists, halves: 1)
        let two = DeferredAcceptance.crossRanks(
            ownStart: instance.residentListStart, ownLists: instance.residentLists,
            otherStart: instance.hospitalListStart, otherLists: instance.hospitalLists, halves: 2)
        #expect(one == two)
        // Building found the same ranks (no resident entry of this market is one-sided).
        let market = RandomMarket.large(seed: 5, residents: 10_000, hospitals: 2_000, listLength: 8)
        let mutual = try MatchingInstance(
            residentPreferences: (0..<instance.residentCount).map { Array(instance.hospitals(preferredBy: $0)) },
            hospitalPreferences: market.hospitalPreferences, capacities: market.capacities)
        #expect(mutual == instance)
        #expect(mutual.rankAtHospital == one)
        #expect(instance.rankAtHospital == nil || instance.rankAtHospital == one)
        var checked = 0
        for resident in 0..<instance.residentCount {
            for position in Int(instance.residentListStart[resident])..<Int(instance.residentListStart[resident + 1]) {
                let hospital = Int(instance.residentLists[position])
                let rank = try #require(instance.rank(ofResident: resident, forHospital: hospital))
                #expect(Int(one[position]) == rank)
                checked += 1
            }
        }
        #expect(checked == instance.entryCount)
        // The ranks deferred acceptance reads: those building found, or computed on one thread or two.
        #expect(mutual.rankAtHospital != nil)
        #expect(DeferredAcceptance.ranks(mutual, threads: 2) == one)
        // With a resident's entry dropped, building keeps no ranks: they are computed, the same
        // on one thread or two.
        var residentLists = (0..<instance.residentCount).map { Array(instance.hospitals(preferredBy: $0)) }
        let stranger = try #require(
            (0..<instance.hospitalCount).first {
                !residentLists[0].contains(Int32($0)) && !market.hospitalPreferences[$0].contains(0)
            })
        residentLists[0].append(Int32(stranger))
        let dropped = try MatchingInstance(
            residentPreferences: residentLists, hospitalPreferences: market.hospitalPreferences, capacities: market.capacities)
        #expect(dropped.rankAtHospital == nil)
        let computed = DeferredAcceptance.crossRanks(
            ownStart: dropped.residentListStart, ownLists: dropped.residentLists, otherStart: dropped.hospitalListStart,
            otherLists: dropped.hospitalLists, halves: 1)
        #expect(DeferredAcceptance.ranks(dropped, threads: 1) == computed)
        #expect(DeferredAcceptance.ranks(dropped, threads: 2) == computed)
    }

    /// Above the threshold `solve` takes the two-thread path by itself.
    @Test func aMarketAboveTheThresholdIsSolvedOnTwoThreadsAlike() throws {
        let instance = try RandomMarket.large(seed: 3, residents: 105_000, hospitals: 21_000, listLength: 10).instance()
        #expect(instance.entryCount >= MatchingInstance.parallelEntryCount)
        let matching = DeferredAcceptance.solve(instance, optimal: .residentOptimal)
        #expect(Self.differences(matching, DeferredAcceptance.residentsPropose(instance, threads: 1, queued: false)) == 0)
        #expect(StabilityVerifier.verify(matching, in: instance) == StabilityReport())
        // Rebuilt from its own (mutual) lists, the instance finds the ranks while building,
        // on two threads at this size, and they are the ranks.
        let mutual = try MatchingInstance(
            residentListStart: instance.residentListStart, residentLists: instance.residentLists,
            hospitalListStart: instance.hospitalListStart, hospitalLists: instance.hospitalLists,
            capacities: instance.capacities)
        let sameLists = mutual.residentLists == instance.residentLists && mutual.hospitalLists == instance.hospitalLists
        #expect(sameLists && mutual.droppedEntryCount == 0)
        let ranks = DeferredAcceptance.crossRanks(
            ownStart: instance.residentListStart, ownLists: instance.residentLists,
            otherStart: instance.hospitalListStart, otherLists: instance.hospitalLists, halves: 1)
        let sameRanks = mutual.rankAtHospital == ranks
        #expect(sameRanks)
        #expect(Self.differences(DeferredAcceptance.residentsPropose(mutual), matching) == 0)
    }
}
