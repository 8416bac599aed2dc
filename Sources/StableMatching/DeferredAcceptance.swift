import CPrefetch

/// Many-to-one Gale–Shapley deferred acceptance over a ``MatchingInstance``.
///
/// With ``StableEnd/residentOptimal`` residents propose down their lists and each hospital
/// holds its best offers up to capacity; with ``StableEnd/hospitalOptimal`` each hospital
/// offers down its list while it has free places and each resident keeps its best offer.
/// Either way the result is stable, and it is the named end of the lattice of stable matchings.
///
/// The implementation is linear in the total list length: ranks of every entry in the other
/// side's list are precomputed, a full hospital's "worst held" pointer only moves down its list,
/// and free proposers are processed iteratively (no recursion, no dictionaries, no allocation
/// per step).
public enum DeferredAcceptance {
    /// Computes the resident-optimal or hospital-optimal stable matching.
    ///
    /// - Parameters:
    ///   - instance: The market; lists are mutual by construction.
    ///   - optimal: Which end of the lattice of stable matchings to return.
    /// - Returns: A stable matching with one hospital index (or `-1`) per resident.
    /// - Complexity: O(R + H + L) time and memory, where L is ``MatchingInstance/entryCount``.
    public static func solve(_ instance: MatchingInstance, optimal: StableEnd) -> Matching {
        switch optimal {
        case .residentOptimal: residentsPropose(instance)
        case .hospitalOptimal: hospitalsPropose(instance)
        }
    }

    /// Residents propose; each hospital keeps its best `capacity` proposers.
    ///
    /// `held` flags positions in the hospitals' lists. Once a hospital is full it stays full,
    /// and each later acceptance replaces its worst held resident by a better one, so the
    /// pointer to the worst held position only ever moves towards the front: amortised O(L).
    ///
    /// With 10^6 residents nearly every proposal goes to a hospital whose state is not in
    /// cache, so the layout is chosen for cache misses: a hospital's list start, capacity, fill
    /// and worst pointer sit together in 16 bytes (one miss, not four), and `held` is a bit set
    /// (1.25 MB for 10^7 entries, small enough to stay in cache).
    static func residentsPropose(_ instance: MatchingInstance) -> Matching {
        let residentStart = instance.residentListStart
        let residentLists = instance.residentLists
        let hospitalStart = instance.hospitalListStart
        let hospitalLists = instance.hospitalLists
        let rankAtHospital = crossRanks(
            ownStart: residentStart, ownLists: residentLists,
            otherStart: hospitalStart, otherLists: hospitalLists)

        var hospitals = ContiguousArray<HospitalState>()
        hospitals.reserveCapacity(instance.hospitalCount)
        for hospital in 0..<instance.hospitalCount {
            hospitals.append(
                HospitalState(
                    start: hospitalStart[hospital], capacity: instance.capacities[hospital], fill: 0,
                    worst: hospitalStart[hospital + 1] &- hospitalStart[hospital] &- 1))
        }
        var held = BitSet(count: instance.entryCount)
        var next = residentStart
        var hospitalOfResident = ContiguousArray<Int32>(
            repeating: -1, count: instance.residentCount)

        let residentCount = instance.residentCount
        hospitals.withUnsafeMutableBufferPointer { hospitals in
            for firstProposer in 0..<residentCount {
                // The resident `lookahead` places on will first propose to its first choice:
                // start loading that hospital's state now, so the miss overlaps this work.
                let ahead = firstProposer &+ Self.lookahead
                if ahead < residentCount, let hospitalBase = hospitals.baseAddress {
                    let start = Int(residentStart[ahead])
                    if start < Int(residentStart[ahead &+ 1]) { tandem_prefetch(hospitalBase + Int(residentLists[start])) }
                }
                // Follow the chain of displaced residents until someone is held or runs out.
                var resident = firstProposer
                while true {
                    let position = Int(next[resident])
                    guard position < Int(residentStart[resident + 1]) else { break }
                    next[resident] = Int32(truncatingIfNeeded: position &+ 1)
                    let hospital = Int(residentLists[position])
                    let rank = Int(rankAtHospital[position])
                    var state = hospitals[hospital]
                    let base = Int(state.start)
                    if state.fill < state.capacity {
                        state.fill &+= 1
                        hospitals[hospital] = state
                        held.insert(base &+ rank)
                        hospitalOfResident[resident] = Int32(truncatingIfNeeded: hospital)
                        break
                    }
                    var worstRank = Int(state.worst)
                    while worstRank >= 0 && !held.contains(base &+ worstRank) { worstRank &-= 1 }
                    guard rank < worstRank else {
                        hospitals[hospital].worst = Int32(truncatingIfNeeded: worstRank)
                        continue
                    }
                    held.insert(base &+ rank)
                    held.remove(base &+ worstRank)
                    hospitalOfResident[resident] = Int32(truncatingIfNeeded: hospital)
                    let displaced = Int(hospitalLists[base &+ worstRank])
                    hospitalOfResident[displaced] = -1
                    // The proposer now sits above the old worst, so this scan stops by `rank`.
                    worstRank &-= 1
                    while !held.contains(base &+ worstRank) { worstRank &-= 1 }
                    hospitals[hospital].worst = Int32(truncatingIfNeeded: worstRank)
                    resident = displaced
                }
            }
        }
        return Matching(hospitalOfResident: hospitalOfResident)
    }

    /// How many residents ahead residents-propose prefetches a first choice: far enough for a
    /// memory access to complete meanwhile, near enough that the line is still in cache.
    static let lookahead = 8

    /// What residents-propose keeps per hospital, packed into 16 bytes.
    struct HospitalState {
        /// Where the hospital's list starts in `hospitalLists`.
        var start: Int32
        var capacity: Int32
        /// How many residents it holds.
        var fill: Int32
        /// A rank no better than its worst held resident's: the scan for the worst starts here.
        var worst: Int32
    }

    /// A fixed-size set of positions, one bit each.
    struct BitSet {
        private var words: ContiguousArray<UInt64>

        init(count: Int) {
            words = ContiguousArray(repeating: 0, count: (count + 63) / 64)
        }

        @inline(__always)
        func contains(_ position: Int) -> Bool {
            words[position &>> 6] & (1 &<< UInt64(truncatingIfNeeded: position & 63)) != 0
        }

        @inline(__always)
        mutating func insert(_ position: Int) {
            words[position &>> 6] |= 1 &<< UInt64(truncatingIfNeeded: position & 63)
        }

        @inline(__always)
        mutating func remove(_ position: Int) {
            words[position &>> 6] &= ~(1 &<< UInt64(truncatingIfNeeded: position & 63))
        }
    }

    /// Hospitals propose; each resident keeps its best offer.
    ///
    /// A hospital that loses a resident to a better offer goes back on the stack of hospitals
    /// with free places and resumes offering where it stopped, so every list entry is offered
    /// at most once: O(L).
    static func hospitalsPropose(_ instance: MatchingInstance) -> Matching {
        let hospitalStart = instance.hospitalListStart
        let hospitalLists = instance.hospitalLists
        let capacities = instance.capacities
        let rankAtResident = crossRanks(
            ownStart: hospitalStart, ownLists: hospitalLists,
            otherStart: instance.residentListStart, otherLists: instance.residentLists)

        var next = hospitalStart
        var fill = ContiguousArray<Int32>(repeating: 0, count: instance.hospitalCount)
        var hospitalOfResident = ContiguousArray<Int32>(
            repeating: -1, count: instance.residentCount)
        var heldRank = ContiguousArray<Int32>(repeating: .max, count: instance.residentCount)
        var isWaiting = ContiguousArray<Bool>(repeating: true, count: instance.hospitalCount)
        var waiting = ContiguousArray<Int32>()
        waiting.reserveCapacity(instance.hospitalCount)
        // Reversed so that hospital 0 offers first; the result does not depend on the order.
        for hospital in (0..<instance.hospitalCount).reversed() {
            waiting.append(Int32(truncatingIfNeeded: hospital))
        }

        while let popped = waiting.popLast() {
            let hospital = Int(popped)
            isWaiting[hospital] = false
            let end = Int(hospitalStart[hospital + 1])
            var position = Int(next[hospital])
            while fill[hospital] < capacities[hospital] && position < end {
                let resident = Int(hospitalLists[position])
                let rank = rankAtResident[position]
                position &+= 1
                guard rank < heldRank[resident] else { continue }
                let previous = Int(hospitalOfResident[resident])
                hospitalOfResident[resident] = popped
                heldRank[resident] = rank
                fill[hospital] &+= 1
                if previous >= 0 {
                    fill[previous] &-= 1
                    if !isWaiting[previous] {
                        isWaiting[previous] = true
                        waiting.append(Int32(truncatingIfNeeded: previous))
                    }
                }
            }
            next[hospital] = Int32(truncatingIfNeeded: position)
        }
        return Matching(hospitalOfResident: hospitalOfResident)
    }
}
