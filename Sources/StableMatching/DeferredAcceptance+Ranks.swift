import Dispatch

extension DeferredAcceptance {
    /// For every entry of one side's lists, the rank its owner has in the listed person's list.
    ///
    /// Entry `p` of `ownLists` belongs to person `a` and names `b = ownLists[p]`; the result at
    /// `p` is the 0-based position of `a` in `b`'s list. This turns "does `b` prefer `a`?" into
    /// one array read during proposals.
    ///
    /// Each `a` first collects, in its own slot range, the ranks it has with the people listing
    /// it (packed with who they are, so the scattered writes touch one array), in the other
    /// side's index order; a per-person scratch array then reorders them into `a`'s preference
    /// order. Lists must be mutual, which ``MatchingInstance`` guarantees, so `a`'s slot range
    /// is exactly its list range.
    ///
    /// - Complexity: O(persons on both sides + entries) time; 12 bytes per entry.
    static func crossRanks(
        ownStart: ContiguousArray<Int32>,
        ownLists: ContiguousArray<Int32>,
        otherStart: ContiguousArray<Int32>,
        otherLists: ContiguousArray<Int32>
    ) -> ContiguousArray<Int32> {
        let ownCount = ownStart.count - 1
        let otherCount = otherStart.count - 1
        // Upper 32 bits: the other person; lower 32 bits: the own person's rank in its list.
        var collected = ContiguousArray<UInt64>(repeating: 0, count: ownLists.count)
        var cursor = ownStart
        for other in 0..<otherCount {
            let first = Int(otherStart[other])
            let tag = UInt64(truncatingIfNeeded: other) << 32
            for position in first..<Int(otherStart[other + 1]) {
                let own = Int(otherLists[position])
                let slot = Int(cursor[own])
                cursor[own] = Int32(truncatingIfNeeded: slot &+ 1)
                collected[slot] = tag | UInt64(truncatingIfNeeded: position &- first)
            }
        }
        var ranks = ContiguousArray<Int32>(repeating: 0, count: ownLists.count)
        // The reordering is independent per person: on large inputs two threads take halves.
        let halves = ownLists.count >= MatchingInstance.parallelEntryCount ? 2 : 1
        let collectedCopy = collected
        ranks.withUnsafeMutableBufferPointer { ranks in
            nonisolated(unsafe) let output = ranks
            DispatchQueue.concurrentPerform(iterations: halves) { half in
                // Persons split where the entries are halved (lists are in person order).
                let middle = halves == 1 ? ownCount : Self.firstPerson(from: ownStart, atEntry: ownLists.count / 2)
                let persons = half == 0 ? 0..<middle : middle..<ownCount
                var rankWithOther = ContiguousArray<Int32>(repeating: 0, count: otherCount)
                for own in persons {
                    let range = Int(ownStart[own])..<Int(ownStart[own + 1])
                    for slot in range {
                        let value = collectedCopy[slot]
                        rankWithOther[Int(value >> 32)] = Int32(truncatingIfNeeded: value)
                    }
                    for position in range { output[position] = rankWithOther[Int(ownLists[position])] }
                }
            }
        }
        return ranks
    }

    /// The first person whose list starts at or after entry `entry` (`start.count - 1` if none).
    static func firstPerson(from start: ContiguousArray<Int32>, atEntry entry: Int) -> Int {
        var low = 0
        var high = start.count - 1
        while low < high {
            let middle = (low + high) / 2
            if Int(start[middle]) < entry { low = middle + 1 } else { high = middle }
        }
        return low
    }
}
