import Testing

@testable import StableMatching

/// ``UnitDinic`` against Dinic's algorithm on the unit network built as a ``FlowNetwork``.
@Suite("UnitDinic")
struct UnitDinicTests {
    /// The maximum matching of Dinic's algorithm on the built network source → residents →
    /// hospitals → sink (pair arcs in entry order, then source arcs, then sink arcs), after
    /// pushing `start`'s acceptable pairs that fit, in resident order.
    static func builtNetworkMatching(_ instance: MatchingInstance, start: Matching?) -> Matching {
        let residents = instance.residentCount
        let entries = instance.entryCount
        let source = residents + instance.hospitalCount
        let sink = source + 1
        var network = FlowNetwork(nodeCount: sink + 1)
        for resident in 0..<residents {
            for entry in Int(instance.residentListStart[resident])..<Int(instance.residentListStart[resident + 1]) {
                network.addArc(from: resident, to: residents + Int(instance.residentLists[entry]), capacity: 1)
            }
        }
        for resident in 0..<residents { network.addArc(from: source, to: resident, capacity: 1) }
        for hospital in 0..<instance.hospitalCount {
            network.addArc(from: residents + hospital, to: sink, capacity: Int64(instance.capacities[hospital]))
        }
        for resident in 0..<min(residents, start?.hospitalOfResident.count ?? 0) {
            guard let hospital = start.map({ Int($0.hospitalOfResident[resident]) }), hospital >= 0,
                hospital < instance.hospitalCount,
                let rank = instance.rank(ofHospital: hospital, forResident: resident)
            else { continue }
            let arcs = [
                2 * (Int(instance.residentListStart[resident]) + rank), 2 * (entries + resident),
                2 * (entries + residents + hospital),
            ]
            guard network.capacities[arcs[2]] > 0 else { continue }
            for arc in arcs {
                network.capacities[arc] -= 1
                network.capacities[arc ^ 1] += 1
            }
        }
        _ = network.maximumFlow(source: source, sink: sink)
        var hospitalOfResident = ContiguousArray<Int32>(repeating: -1, count: residents)
        for resident in 0..<residents {
            for entry in Int(instance.residentListStart[resident])..<Int(instance.residentListStart[resident + 1])
            where network.capacities[2 * entry] == 0 {
                hospitalOfResident[resident] = instance.residentLists[entry]
            }
        }
        return Matching(hospitalOfResident: hospitalOfResident)
    }

    @Test(
        "the same matching as Dinic on the built network, from nothing, a stable matching and a bogus start",
        arguments: 0..<40 as Range<UInt64>)
    func sameAsBuiltNetwork(seed: UInt64) throws {
        let instances = [
            try CoverageMatchingTests.mediumMarket(seed: seed, residents: 60 + Int(seed), hospitals: 20),
            try RandomMarket.large(seed: seed, residents: 300, hospitals: 40, listLength: 6).instance(),
            try RandomMarket.small(seed: seed).instance(),
        ]
        for instance in instances {
            var random = SeededGenerator(seed: seed + 7)
            let bogus = Matching(
                hospitalOfResident: ContiguousArray(
                    (0..<instance.residentCount).map { _ in
                        Int32.random(in: -1...Int32(instance.hospitalCount), using: &random)
                    }))
            let starts: [Matching?] = [
                nil, DeferredAcceptance.solve(instance, optimal: .residentOptimal),
                DeferredAcceptance.solve(instance, optimal: .hospitalOptimal), bogus,
            ]
            for start in starts {
                let expected = Self.builtNetworkMatching(instance, start: start)
                let found = CoverageMatching.maximumMatching(instance, start: start)
                #expect(found == expected)
                #expect(StabilityVerifier.verify(found, in: instance).isValid)
            }
        }
    }
}
