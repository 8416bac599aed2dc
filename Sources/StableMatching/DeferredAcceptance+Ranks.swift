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
        var rankWithOther = ContiguousArray<Int32>(repeating: 0, count: otherCount)
        for own in 0..<ownCount {
            let range = Int(ownStart[own])..<Int(ownStart[own + 1])
            for slot in range {
                let value = collected[slot]
                rankWithOther[Int(value >> 32)] = Int32(truncatingIfNeeded: value)
            }
            for position in range { ranks[position] = rankWithOther[Int(ownLists[position])] }
        }
        return ranks
    }
}
