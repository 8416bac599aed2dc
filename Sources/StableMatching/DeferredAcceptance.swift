import CAtomic
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
    /// cache, so the layout is chosen for cache misses: a proposal reads the hospital and the
    /// resident's rank there side by side in two arrays read in list order (the lists
    /// themselves and the ranks the instance found while building, so nothing is copied); a
    /// hospital's list start, free places, worst pointer and lock sit together in 16 bytes (one
    /// miss, not four); and `held` is a bit set (1.25 MB for 10^7 entries, small enough to stay
    /// in cache).
    ///
    /// Large markets are solved by two threads, each starting from half of the residents. The
    /// result is the same: every order of proposals gives the resident-optimal matching, and
    /// here each proposal is one step under its hospital's lock while a resident is only ever
    /// in one thread's hands (the one that started it or displaced it), so a run is some order
    /// of whole proposals.
    /// - Parameters:
    ///   - threads: 1 or 2; by default 2 from ``parallelEntryCount`` entries on (tests choose).
    ///   - queued: Whether residents in hand wait in a queue (see `proposeQueued`); by default
    ///     from ``queuedEntryCount`` entries on (tests choose).
    static func residentsPropose(_ instance: MatchingInstance, threads: Int? = nil, queued: Bool? = nil) -> Matching {
        let residentCount = instance.residentCount
        let threads = threads ?? (instance.entryCount >= Self.parallelEntryCount ? 2 : 1)
        let queued = queued ?? (instance.entryCount >= Self.queuedEntryCount)
        let ranks = Self.ranks(instance, threads: threads)
        var hospitals = ContiguousArray<HospitalState>()
        hospitals.reserveCapacity(instance.hospitalCount)
        for hospital in 0..<instance.hospitalCount {
            let start = instance.hospitalListStart[hospital]
            hospitals.append(
                HospitalState(
                    start: start, free: instance.capacities[hospital],
                    worst: instance.hospitalListStart[hospital + 1] &- start &- 1, lock: 0))
        }
        var held = ContiguousArray<UInt64>(repeating: 0, count: (instance.entryCount + 63) / 64)
        var next = instance.residentListStart
        var hospitalOfResident = ContiguousArray<Int32>(repeating: -1, count: residentCount)

        instance.residentListStart.withUnsafeBufferPointer { residentStart in
            instance.hospitalLists.withUnsafeBufferPointer { hospitalLists in
                instance.residentLists.withUnsafeBufferPointer { listed in
                    ranks.withUnsafeBufferPointer { ranks in
                        hospitals.withUnsafeMutableBufferPointer { hospitals in
                            held.withUnsafeMutableBufferPointer { held in
                                next.withUnsafeMutableBufferPointer { next in
                                    hospitalOfResident.withUnsafeMutableBufferPointer { hospitalOf in
                                        let market = ProposalMarket(
                                            residentStart: residentStart, listed: listed, ranks: ranks,
                                            hospitalLists: hospitalLists,
                                            hospitals: hospitals, held: held, next: next, hospitalOf: hospitalOf)
                                        if threads == 1 {
                                            market.propose(from: 0..<residentCount, queued: queued, locking: NoLocks.self)
                                        } else {
                                            let middle = residentCount / 2
                                            Concurrently.forEach(2) { half in
                                                market.propose(
                                                    from: half == 0 ? 0..<middle : middle..<residentCount, queued: queued,
                                                    locking: SpinLocks.self)
                                            }
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        return Matching(hospitalOfResident: hospitalOfResident)
    }

    /// Every resident entry's rank at the hospital it names: the ranks the instance found while
    /// building when it has them, else computed here (on `threads` threads, or as many as its
    /// size calls for).
    static func ranks(_ instance: MatchingInstance, threads: Int? = nil) -> ContiguousArray<Int32> {
        instance.rankAtHospital
            ?? crossRanks(
                ownStart: instance.residentListStart, ownLists: instance.residentLists,
                otherStart: instance.hospitalListStart, otherLists: instance.hospitalLists, halves: threads)
    }

    /// What residents-propose keeps per hospital, packed into 16 bytes.
    struct HospitalState {
        /// Where the hospital's list starts in `hospitalLists`.
        var start: Int32
        /// How many more residents it can hold.
        var free: Int32
        /// A rank no better than its worst held resident's: the scan for the worst starts here.
        var worst: Int32
        /// The spin lock of a two-thread run (0: free).
        var lock: Int32
    }

    /// The state of residents-propose, shared by the threads that run it.
    ///
    /// Per hospital, `hospitals` and the hospital's range of `held` bits change only under its
    /// lock; per resident, `next` and `hospitalOf` change only in the thread that has the
    /// resident in hand, or under the lock of the hospital holding it.
    private struct ProposalMarket: @unchecked Sendable {
        let residentStart: UnsafeBufferPointer<Int32>
        /// By resident entry: the hospital (the residents' lists)...
        let listed: UnsafeBufferPointer<Int32>
        /// ...and the resident's rank there.
        let ranks: UnsafeBufferPointer<Int32>
        let hospitalLists: UnsafeBufferPointer<Int32>
        let hospitals: UnsafeMutableBufferPointer<HospitalState>
        /// One bit per hospital-list position: whether that resident is held there.
        let held: UnsafeMutableBufferPointer<UInt64>
        /// Each resident's next entry to propose to.
        let next: UnsafeMutableBufferPointer<Int32>
        let hospitalOf: UnsafeMutableBufferPointer<Int32>

        /// What became of an offer: the resident displaced to make room (0 or more), or one of these.
        static let held = -1
        static let rejected = -2

        /// `resident` offers itself to `hospital`, where it has `rank`: returns ``held``,
        /// ``rejected``, or the resident it displaced, who is now in this thread's hands.
        @inline(__always)
        func offer<Locking: HospitalLocking>(
            _ resident: Int, to hospital: Int, rank: Int, states: UnsafeMutablePointer<HospitalState>,
            bits: UnsafeMutablePointer<UInt64>, locking: Locking.Type
        ) -> Int {
            let state = states + hospital
            Locking.lock(state)
            let base = Int(state.pointee.start)
            if state.pointee.free > 0 {
                state.pointee.free &-= 1
                Locking.insert(base &+ rank, in: bits)
                hospitalOf[resident] = Int32(truncatingIfNeeded: hospital)
                Locking.unlock(state)
                return Self.held
            }
            var worstRank = Int(state.pointee.worst)
            while worstRank >= 0 && !Locking.contains(base &+ worstRank, in: bits) { worstRank &-= 1 }
            guard rank < worstRank else {
                state.pointee.worst = Int32(truncatingIfNeeded: worstRank)
                Locking.unlock(state)
                return Self.rejected
            }
            Locking.insert(base &+ rank, in: bits)
            Locking.remove(base &+ worstRank, in: bits)
            hospitalOf[resident] = Int32(truncatingIfNeeded: hospital)
            let displaced = Int(hospitalLists[base &+ worstRank])
            hospitalOf[displaced] = -1
            // The proposer now sits above the old worst, so this scan stops by `rank`.
            worstRank &-= 1
            while !Locking.contains(base &+ worstRank, in: bits) { worstRank &-= 1 }
            state.pointee.worst = Int32(truncatingIfNeeded: worstRank)
            Locking.unlock(state)
            return displaced
        }

        /// Lets each resident of `firstProposers` propose, and every resident it displaces,
        /// until everyone this thread has in hand is held or has run out of list.
        @inline(__always)
        func propose<Locking: HospitalLocking>(from firstProposers: Range<Int>, queued: Bool, locking: Locking.Type) {
            if queued {
                proposeQueued(from: firstProposers, locking: locking)
            } else {
                proposeInTurn(from: firstProposers, locking: locking)
            }
        }

        /// Each first proposer in turn, then the chain of residents it displaces, one after
        /// another: the fastest order when the market's arrays fit in cache.
        @inline(__always)
        func proposeInTurn<Locking: HospitalLocking>(from firstProposers: Range<Int>, locking: Locking.Type) {
            guard let states = hospitals.baseAddress, let bits = held.baseAddress else { return }
            for firstProposer in firstProposers {
                // The resident `lookahead` places on will first propose to its first choice:
                // start loading that hospital's state now, so the miss overlaps this work.
                let ahead = firstProposer &+ DeferredAcceptance.lookahead
                if ahead < firstProposers.upperBound {
                    let start = Int(residentStart[ahead])
                    if start < Int(residentStart[ahead &+ 1]) {
                        tandem_prefetch(states + Int(listed[start]))
                    }
                }
                var resident = firstProposer
                while true {
                    let position = Int(next[resident])
                    guard position < Int(residentStart[resident &+ 1]) else { break }
                    next[resident] = Int32(truncatingIfNeeded: position &+ 1)
                    let outcome = offer(
                        resident, to: Int(listed[position]), rank: Int(ranks[position]), states: states, bits: bits,
                        locking: locking)
                    if outcome == Self.rejected { continue }
                    if outcome == Self.held { break }
                    resident = outcome
                }
            }
        }

        /// Each proposal needs up to three dependent memory reads that are rarely in cache in
        /// a large market: the resident's next position, the entry there, the hospital's
        /// state. Residents in hand wait in a small queue and take one of those steps per
        /// turn, the read of the next step started (prefetched) before going to the back of
        /// the queue, so that the misses of `queueSize` residents overlap instead of being paid
        /// one after another. The order of proposals changes; the matching does not.
        @inline(__always)
        func proposeQueued<Locking: HospitalLocking>(from firstProposers: Range<Int>, locking: Locking.Type) {
            guard let states = hospitals.baseAddress, let bits = held.baseAddress,
                let nextBase = next.baseAddress, let startBase = residentStart.baseAddress,
                let listedBase = listed.baseAddress, let rankBase = ranks.baseAddress
            else { return }
            let queue = UnsafeMutablePointer<InHand>.allocate(capacity: DeferredAcceptance.queueSize)
            defer { queue.deallocate() }
            let mask = DeferredAcceptance.queueSize &- 1
            var head = 0
            var count = 0
            @inline(__always) func push(_ item: InHand) {
                (queue + ((head &+ count) & mask)).initialize(to: item)
                count &+= 1
            }
            @inline(__always) func pushResident(_ resident: Int) {
                tandem_prefetch(nextBase + resident)
                tandem_prefetch(startBase + (resident &+ 1))
                push(InHand(resident: Int32(truncatingIfNeeded: resident), step: .position, value: 0))
            }
            var firstProposer = firstProposers.lowerBound
            while true {
                while count < DeferredAcceptance.queueSize && firstProposer < firstProposers.upperBound {
                    pushResident(firstProposer)
                    firstProposer &+= 1
                }
                guard count > 0 else { return }
                var item = queue[head]
                head = (head &+ 1) & mask
                count &-= 1
                let resident = Int(item.resident)
                switch item.step {
                case .position:
                    let position = Int(next[resident])
                    guard position < Int(residentStart[resident &+ 1]) else { continue }
                    next[resident] = Int32(truncatingIfNeeded: position &+ 1)
                    tandem_prefetch(listedBase + position)
                    tandem_prefetch(rankBase + position)
                    item.step = .entry
                    item.value = UInt64(truncatingIfNeeded: position)
                    push(item)
                case .entry:
                    let position = Int(item.value)
                    let hospital = UInt32(bitPattern: listed[position])
                    tandem_prefetch(states + Int(hospital))
                    item.step = .proposal
                    item.value = UInt64(hospital) | UInt64(UInt32(bitPattern: ranks[position])) << 32
                    push(item)
                case .proposal:
                    let outcome = offer(
                        resident, to: Int(UInt32(truncatingIfNeeded: item.value)), rank: Int(item.value >> 32),
                        states: states, bits: bits, locking: locking)
                    if outcome == Self.rejected {
                        pushResident(resident)
                    } else if outcome != Self.held {
                        pushResident(outcome)
                    }
                }
            }
        }
    }

    /// How many residents ahead residents-propose (in turn) prefetches a first choice: far
    /// enough for a memory access to complete meanwhile, near enough that the line is still in
    /// cache.
    static let lookahead = 8

    /// From this many entries residents-propose keeps residents in a queue: below it the
    /// market's arrays mostly fit in cache and the queue's extra turns cost more than they hide
    /// (docs/performance.md).
    static let queuedEntryCount = 1 << 20

    /// From this many entries residents-propose (and ``crossRanks(ownStart:ownLists:otherStart:otherLists:halves:)``)
    /// run on two threads. Later than building the instance
    /// (``MatchingInstance/parallelEntryCount``): when the market fits in cache, the two threads
    /// contend for the same hospitals' locks and held bits, and take longer overall
    /// (docs/performance.md).
    static let parallelEntryCount = 1 << 20

    /// How many residents one thread of residents-propose keeps in hand at once (a power of
    /// two): enough cache misses in flight to hide memory latency, few enough that the lines
    /// they loaded are still in cache when their turn comes.
    static let queueSize = 16

    /// A resident in hand and the step its next proposal is at.
    private struct InHand {
        enum Step: UInt8 {
            /// `next[resident]` is being loaded.
            case position
            /// `value` is the position; its entry is being loaded.
            case entry
            /// `value` is the hospital (low 32 bits) and the resident's rank there (high 32);
            /// the hospital's state is being loaded.
            case proposal
        }
        var resident: Int32
        var step: Step
        var value: UInt64
    }

    /// How residents-propose guards a hospital's state and its `held` bits: not at all on one
    /// thread, with spin locks and atomic bit changes on two. Generic so that the one-thread
    /// run pays nothing for the other.
    private protocol HospitalLocking {
        static func lock(_ state: UnsafeMutablePointer<HospitalState>)
        static func unlock(_ state: UnsafeMutablePointer<HospitalState>)
        static func contains(_ position: Int, in bits: UnsafeMutablePointer<UInt64>) -> Bool
        static func insert(_ position: Int, in bits: UnsafeMutablePointer<UInt64>)
        static func remove(_ position: Int, in bits: UnsafeMutablePointer<UInt64>)
    }

    /// The bit of `position` within its word.
    @inline(__always)
    private static func bitMask(_ position: Int) -> UInt64 {
        1 &<< UInt64(truncatingIfNeeded: position & 63)
    }

    private enum NoLocks: HospitalLocking {
        @inline(__always) static func lock(_ state: UnsafeMutablePointer<HospitalState>) {}
        @inline(__always) static func unlock(_ state: UnsafeMutablePointer<HospitalState>) {}

        @inline(__always)
        static func contains(_ position: Int, in bits: UnsafeMutablePointer<UInt64>) -> Bool {
            bits[position &>> 6] & DeferredAcceptance.bitMask(position) != 0
        }

        @inline(__always)
        static func insert(_ position: Int, in bits: UnsafeMutablePointer<UInt64>) {
            bits[position &>> 6] |= DeferredAcceptance.bitMask(position)
        }

        @inline(__always)
        static func remove(_ position: Int, in bits: UnsafeMutablePointer<UInt64>) {
            bits[position &>> 6] &= ~DeferredAcceptance.bitMask(position)
        }
    }

    /// Neighbouring hospitals' ranges of `held` share words at their ends, so bits change by
    /// atomic or/and; everything else a hospital has is ordered by its lock.
    private enum SpinLocks: HospitalLocking {
        // The lock is reached by its address (`pointer(to:)`), not as `&state.pointee.lock`: that
        // is a Swift write access, and threads contending for the lock would break exclusivity.
        @inline(__always)
        static func lock(_ state: UnsafeMutablePointer<HospitalState>) {
            if let lock = state.pointer(to: \HospitalState.lock) {
                tandem_spin_lock(lock)
            } else {
                withUnsafeMutablePointer(to: &state.pointee.lock) { tandem_spin_lock($0) }
            }
        }

        @inline(__always)
        static func unlock(_ state: UnsafeMutablePointer<HospitalState>) {
            if let lock = state.pointer(to: \HospitalState.lock) {
                tandem_spin_unlock(lock)
            } else {
                withUnsafeMutablePointer(to: &state.pointee.lock) { tandem_spin_unlock($0) }
            }
        }

        @inline(__always)
        static func contains(_ position: Int, in bits: UnsafeMutablePointer<UInt64>) -> Bool {
            tandem_load_relaxed(bits + (position &>> 6)) & DeferredAcceptance.bitMask(position) != 0
        }

        @inline(__always)
        static func insert(_ position: Int, in bits: UnsafeMutablePointer<UInt64>) {
            tandem_or_relaxed(bits + (position &>> 6), DeferredAcceptance.bitMask(position))
        }

        @inline(__always)
        static func remove(_ position: Int, in bits: UnsafeMutablePointer<UInt64>) {
            tandem_and_not_relaxed(bits + (position &>> 6), DeferredAcceptance.bitMask(position))
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
