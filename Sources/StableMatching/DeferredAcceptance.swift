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
    static func residentsPropose(_ instance: MatchingInstance) -> Matching {
        let residentStart = instance.residentListStart
        let residentLists = instance.residentLists
        let hospitalStart = instance.hospitalListStart
        let hospitalLists = instance.hospitalLists
        let capacities = instance.capacities
        let rankAtHospital = crossRanks(
            ownStart: residentStart, ownLists: residentLists,
            otherStart: hospitalStart, otherLists: hospitalLists)

        var held = ContiguousArray<Bool>(repeating: false, count: instance.entryCount)
        var fill = ContiguousArray<Int32>(repeating: 0, count: instance.hospitalCount)
        var worst = ContiguousArray<Int32>(repeating: 0, count: instance.hospitalCount)
        for hospital in 0..<instance.hospitalCount {
            worst[hospital] = hospitalStart[hospital + 1] &- hospitalStart[hospital] &- 1
        }
        var next = residentStart
        var hospitalOfResident = ContiguousArray<Int32>(
            repeating: -1, count: instance.residentCount)

        for firstProposer in 0..<instance.residentCount {
            // Follow the chain of displaced residents until someone is held or runs out.
            var resident = firstProposer
            while true {
                let position = Int(next[resident])
                guard position < Int(residentStart[resident + 1]) else { break }
                next[resident] = Int32(truncatingIfNeeded: position &+ 1)
                let hospital = Int(residentLists[position])
                let rank = Int(rankAtHospital[position])
                let base = Int(hospitalStart[hospital])
                if fill[hospital] < capacities[hospital] {
                    fill[hospital] &+= 1
                    held[base &+ rank] = true
                    hospitalOfResident[resident] = Int32(truncatingIfNeeded: hospital)
                    break
                }
                var worstRank = Int(worst[hospital])
                while worstRank >= 0 && !held[base &+ worstRank] { worstRank &-= 1 }
                guard rank < worstRank else {
                    worst[hospital] = Int32(truncatingIfNeeded: worstRank)
                    continue
                }
                held[base &+ rank] = true
                held[base &+ worstRank] = false
                hospitalOfResident[resident] = Int32(truncatingIfNeeded: hospital)
                let displaced = Int(hospitalLists[base &+ worstRank])
                hospitalOfResident[displaced] = -1
                // The proposer now sits above the old worst, so this scan stops by `rank`.
                worstRank &-= 1
                while !held[base &+ worstRank] { worstRank &-= 1 }
                worst[hospital] = Int32(truncatingIfNeeded: worstRank)
                resident = displaced
            }
        }
        return Matching(hospitalOfResident: hospitalOfResident)
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
