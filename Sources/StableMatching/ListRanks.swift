/// Each list entry's rank in the person's complete list, for an instance whose lists hold only
/// part of everyone's acceptable partners.
///
/// A reduced instance (one that keeps only the pairs between each person's extreme stable
/// partners, say) has the same stable matchings as the complete one, but its list positions
/// are not the ranks people gave: the egalitarian and minimum-regret objectives, which count
/// ranks, must read them from here to choose what they would choose over the complete lists.
public struct ListRanks: Sendable, Hashable {
    /// The 0-based rank, in the resident's complete list, of each entry of `residentLists`.
    public var residentEntryRanks: ContiguousArray<Int32>
    /// The 0-based rank, in the hospital's complete list, of each entry of `hospitalLists`.
    public var hospitalEntryRanks: ContiguousArray<Int32>

    /// Creates ranks from one value per entry on each side; each person's ranks must increase
    /// along their list.
    ///
    /// - Complexity: O(1).
    public init(residentEntryRanks: ContiguousArray<Int32>, hospitalEntryRanks: ContiguousArray<Int32>) {
        self.residentEntryRanks = residentEntryRanks
        self.hospitalEntryRanks = hospitalEntryRanks
    }

    /// The ranks an instance's own lists give: each entry's position in its list.
    ///
    /// - Complexity: O(R + H + L).
    public static func positions(_ instance: MatchingInstance) -> ListRanks {
        func positions(_ start: ContiguousArray<Int32>, count: Int) -> ContiguousArray<Int32> {
            var ranks = ContiguousArray<Int32>(repeating: 0, count: count)
            for person in 0..<(start.count - 1) {
                for position in Int(start[person])..<Int(start[person + 1]) {
                    ranks[position] = Int32(truncatingIfNeeded: position) &- start[person]
                }
            }
            return ranks
        }
        return ListRanks(
            residentEntryRanks: positions(instance.residentListStart, count: instance.entryCount),
            hospitalEntryRanks: positions(instance.hospitalListStart, count: instance.hospitalLists.count))
    }

    /// The egalitarian weights under these ranks: minus the sum of both sides' 1-based ranks
    /// of each resident-side entry (``PairWeights/rankSum(_:)`` when the ranks are positions).
    ///
    /// - Complexity: O(R + H + L).
    public func rankSum(_ instance: MatchingInstance) -> PairWeights {
        let atHospital = DeferredAcceptance.ranks(instance)
        var weights = ContiguousArray<Double>(repeating: 0, count: instance.entryCount)
        for position in 0..<instance.entryCount {
            let hospital = Int(instance.residentLists[position])
            let hospitalEntry = Int(instance.hospitalListStart[hospital]) &+ Int(atHospital[position])
            weights[position] = -Double(Int(residentEntryRanks[position]) &+ Int(hospitalEntryRanks[hospitalEntry]) &+ 2)
        }
        return PairWeights(residentEntryWeights: weights)
    }

    /// The first position of `start[person]..<start[person + 1]` whose rank is above `bound`,
    /// or the end of the list.
    func firstPosition(after bound: Int32, person: Int, start: ContiguousArray<Int32>, ranks: ContiguousArray<Int32>)
        -> Int
    {
        var low = Int(start[person])
        var high = Int(start[person + 1])
        while low < high {
            let middle = (low &+ high) / 2
            if ranks[middle] <= bound { low = middle &+ 1 } else { high = middle }
        }
        return low
    }
}
