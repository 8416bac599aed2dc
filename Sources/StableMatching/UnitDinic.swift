/// Dinic's algorithm on the unit network source → residents → hospitals → sink of a matching
/// instance, run on the instance's own lists instead of a built ``FlowNetwork``.
///
/// It makes the choices ``FlowNetwork/maximumFlow(source:sink:)`` makes on that network when
/// the pair arcs come first in entry order, then the source arcs, then the sink arcs (a
/// resident's arcs are its list in order; a hospital's are the residents it holds in index
/// order, then the sink), so it finds the same maximum matching. It is faster because a
/// hospital's residual arcs are the few residents it holds, not the reverse arcs of its whole
/// list, and nothing is built: at 10,000 × 2,500 (2.1 million entries), grown from the stable
/// matching, about 0.35 s of processor time with the built network against 0.04 s (perf
/// samples).
///
/// Bottlenecks are all 1 (each source arc carries one unit), so every augmenting path saturates
/// its source arc and the next search starts again from the source.
struct UnitDinic {
    let residentCount: Int
    let hospitalCount: Int
    let listStart: ContiguousArray<Int32>
    let lists: ContiguousArray<Int32>
    let capacities: ContiguousArray<Int32>

    /// Each resident's hospital, or -1.
    var hospitalOf: ContiguousArray<Int32>
    /// How many residents each hospital holds.
    var load: ContiguousArray<Int32>

    // One phase's layered network and search state.
    var residentLevel: ContiguousArray<Int32>
    var hospitalLevel: ContiguousArray<Int32>
    var sinkLevel: Int32 = -1
    /// The residents each hospital holds at the start of the phase, in index order (CSR). Those
    /// it gains during a phase lead back a level, so they could not be used before the next one.
    var heldStart: ContiguousArray<Int32>
    var held: ContiguousArray<Int32>
    /// The next list entry each resident tries.
    var residentCursor: ContiguousArray<Int32>
    /// The next held resident each hospital tries; the count of its held residents stands for
    /// its arc to the sink.
    var hospitalCursor: ContiguousArray<Int32>
    var residentFrontier = ContiguousArray<Int32>()
    var hospitalFrontier = ContiguousArray<Int32>()
    /// The search path: residents as themselves, hospitals as `residentCount + hospital`.
    var path = ContiguousArray<Int32>()

    /// Starts from `start`'s pairs, in resident order, where they are acceptable and fit: the
    /// pairs a flow pushed along them in that order would hold.
    init(_ instance: MatchingInstance, start: Matching?) {
        residentCount = instance.residentCount
        hospitalCount = instance.hospitalCount
        listStart = instance.residentListStart
        lists = instance.residentLists
        capacities = instance.capacities
        hospitalOf = ContiguousArray(repeating: -1, count: residentCount)
        load = ContiguousArray(repeating: 0, count: hospitalCount)
        residentLevel = ContiguousArray(repeating: -1, count: residentCount)
        hospitalLevel = ContiguousArray(repeating: -1, count: hospitalCount)
        heldStart = ContiguousArray(repeating: 0, count: hospitalCount + 1)
        held = ContiguousArray(repeating: 0, count: residentCount)
        residentCursor = ContiguousArray(repeating: 0, count: residentCount)
        hospitalCursor = ContiguousArray(repeating: 0, count: hospitalCount)
        guard let start else { return }
        for resident in 0..<min(residentCount, start.hospitalOfResident.count) {
            let hospital = Int(start.hospitalOfResident[resident])
            guard hospital >= 0, hospital < hospitalCount, load[hospital] < capacities[hospital],
                instance.rank(ofHospital: hospital, forResident: resident) != nil
            else { continue }
            hospitalOf[resident] = Int32(truncatingIfNeeded: hospital)
            load[hospital] &+= 1
        }
    }

    /// Augments to a maximum matching, one blocking flow per phase.
    mutating func solve() -> Matching {
        while layer() { blockingFlow() }
        return Matching(hospitalOfResident: hospitalOf)
    }

    /// Labels nodes with their residual distance from the source, stopping at the sink's
    /// layer as the built network's search does; returns whether the sink was reached.
    mutating func layer() -> Bool {
        for hospital in 0..<hospitalCount { heldStart[hospital + 1] = 0 }
        for resident in 0..<residentCount where hospitalOf[resident] >= 0 {
            heldStart[Int(hospitalOf[resident]) + 1] &+= 1
        }
        for hospital in 0..<hospitalCount { heldStart[hospital + 1] &+= heldStart[hospital] }
        for hospital in 0..<hospitalCount { hospitalCursor[hospital] = heldStart[hospital] }
        for resident in 0..<residentCount where hospitalOf[resident] >= 0 {
            let hospital = Int(hospitalOf[resident])
            held[Int(hospitalCursor[hospital])] = Int32(truncatingIfNeeded: resident)
            hospitalCursor[hospital] &+= 1
        }

        for hospital in 0..<hospitalCount { hospitalLevel[hospital] = -1 }
        sinkLevel = -1
        residentFrontier.removeAll(keepingCapacity: true)
        for resident in 0..<residentCount {
            let free = hospitalOf[resident] < 0
            residentLevel[resident] = free ? 1 : -1
            if free { residentFrontier.append(Int32(truncatingIfNeeded: resident)) }
        }
        var level: Int32 = 1
        var labelled = 0
        while !residentFrontier.isEmpty {
            hospitalFrontier.removeAll(keepingCapacity: true)
            for resident in residentFrontier {
                // Once every hospital has its level, no list can add one.
                if labelled == hospitalCount { break }
                let own = hospitalOf[Int(resident)]
                for entry in Int(listStart[Int(resident)])..<Int(listStart[Int(resident) + 1]) {
                    let hospital = lists[entry]
                    if hospitalLevel[Int(hospital)] < 0 && hospital != own {
                        hospitalLevel[Int(hospital)] = level &+ 1
                        hospitalFrontier.append(hospital)
                        labelled &+= 1
                    }
                }
            }
            if hospitalFrontier.isEmpty { return false }
            residentFrontier.removeAll(keepingCapacity: true)
            for hospital in hospitalFrontier {
                if load[Int(hospital)] < capacities[Int(hospital)] { sinkLevel = level &+ 2 }
                for index in Int(heldStart[Int(hospital)])..<Int(heldStart[Int(hospital) + 1]) {
                    let resident = Int(held[index])
                    if residentLevel[resident] < 0 {
                        residentLevel[resident] = level &+ 2
                        residentFrontier.append(Int32(truncatingIfNeeded: resident))
                    }
                }
            }
            if sinkLevel >= 0 { return true }
            level &+= 2
        }
        return false
    }

    /// Finds augmenting paths along level-increasing arcs until none is left, depth first,
    /// each node resuming at the arc it last took and dropping out of the layers at a dead end.
    mutating func blockingFlow() {
        for resident in 0..<residentCount { residentCursor[resident] = listStart[resident] }
        for hospital in 0..<hospitalCount { hospitalCursor[hospital] = 0 }
        path.removeAll(keepingCapacity: true)
        var sourceCursor = 0
        while true {
            guard let top = path.last else {
                while sourceCursor < residentCount,
                    hospitalOf[sourceCursor] >= 0 || residentLevel[sourceCursor] != 1
                {
                    sourceCursor &+= 1
                }
                guard sourceCursor < residentCount else { return }
                path.append(Int32(truncatingIfNeeded: sourceCursor))
                continue
            }
            let node = Int(top)
            if node < residentCount {
                let wanted = residentLevel[node] &+ 1
                let own = hospitalOf[node]
                let end = Int(listStart[node + 1])
                var entry = Int(residentCursor[node])
                while entry < end {
                    let hospital = lists[entry]
                    if hospital != own && hospitalLevel[Int(hospital)] == wanted { break }
                    entry &+= 1
                }
                residentCursor[node] = Int32(truncatingIfNeeded: entry)
                if entry < end {
                    path.append(Int32(truncatingIfNeeded: residentCount &+ Int(lists[entry])))
                    continue
                }
                residentLevel[node] = -1
            } else {
                let hospital = node &- residentCount
                let wanted = hospitalLevel[hospital] &+ 1
                let first = Int(heldStart[hospital])
                let count = Int(heldStart[hospital + 1]) &- first
                var position = Int(hospitalCursor[hospital])
                while position < count {
                    let resident = Int(held[first &+ position])
                    if hospitalOf[resident] == Int32(truncatingIfNeeded: hospital) && residentLevel[resident] == wanted {
                        break
                    }
                    position &+= 1
                }
                hospitalCursor[hospital] = Int32(truncatingIfNeeded: position)
                if position < count {
                    path.append(held[first &+ position])
                    continue
                }
                if load[hospital] < capacities[hospital] && sinkLevel == wanted {
                    augment()
                    continue
                }
                hospitalCursor[hospital] = Int32(truncatingIfNeeded: count &+ 1)
                hospitalLevel[hospital] = -1
            }
            // A dead end: back up, and the node before it moves past the arc that led here.
            path.removeLast()
            if let previous = path.last {
                if Int(previous) < residentCount {
                    residentCursor[Int(previous)] &+= 1
                } else {
                    hospitalCursor[Int(previous) &- residentCount] &+= 1
                }
            } else {
                sourceCursor &+= 1
            }
        }
    }

    /// Moves each resident on the path to the hospital after it; the last hospital takes one
    /// more. The search restarts at the source, whose arc to the first resident is now full.
    mutating func augment() {
        var index = 0
        while index &+ 1 < path.count {
            hospitalOf[Int(path[index])] = path[index &+ 1] &- Int32(truncatingIfNeeded: residentCount)
            index &+= 2
        }
        load[Int(path[path.count &- 1]) &- residentCount] &+= 1
        path.removeAll(keepingCapacity: true)
    }
}
