/// Picks the best stable matching for an objective: an end of the lattice, the maximum-weight,
/// the egalitarian or the minimum-regret one.
///
/// The ends come from ``DeferredAcceptance``. The others are optimised over the closed sets of
/// the ``RotationPoset``:
/// - ``StableObjective/weighted`` and ``StableObjective/egalitarian``: each rotation changes
///   the total weight by a fixed amount, so the best stable matching is a maximum-weight
///   closure of the poset, found as a minimum cut (Irving, Leather & Gusfield 1987) with
///   Dinic's maximum flow.
/// - ``StableObjective/minimumRegret``: for a bound `k`, a stable matching has regret at most
///   `k` exactly when its closed set contains the rotation that lifts each hospital's worst
///   resident to rank `k` and none that pushes a resident below rank `k`; the smallest such `k`
///   is found by binary search.
///
/// Ties are broken the same way for every objective: of all optimal stable matchings the one
/// returned is the best for the residents (the smallest optimal closed set, which is unique
/// because optimal closed sets are closed under intersection). The result is deterministic.
public enum OptimalStableMatching {
    /// Computes the stable matching that is best for `objective`.
    ///
    /// - Parameters:
    ///   - instance: The market; lists are mutual by construction.
    ///   - objective: What to optimise.
    ///   - weights: For ``StableObjective/weighted``, one weight per resident-side entry
    ///     (higher is better); `nil` means all zero, which gives the resident-optimal matching.
    ///     Ignored by the other objectives (``StableObjective/egalitarian`` uses
    ///     ``PairWeights/rankSum(_:)``).
    /// - Returns: A stable matching of `instance`.
    /// - Complexity: The ends: O(R + H + L). The others: O(R + H + L) to build the poset, then
    ///   for the weighted objectives one maximum flow on a network of at most L + 2 nodes and
    ///   3L arcs (Dinic: O(V²E) worst case, near-linear on these shallow networks), and for
    ///   minimum regret O((R + H + L) log Δ), where Δ is the longest list.
    public static func solve(
        _ instance: MatchingInstance, objective: StableObjective, weights: PairWeights? = nil
    ) -> Matching {
        switch objective {
        case .residentOptimal: DeferredAcceptance.solve(instance, optimal: .residentOptimal)
        case .hospitalOptimal: DeferredAcceptance.solve(instance, optimal: .hospitalOptimal)
        case .weighted, .egalitarian, .minimumRegret:
            solve(RotationPoset(instance), objective: objective, weights: weights)
        }
    }

    /// Computes the stable matching that is best for `objective`, reusing a built poset.
    ///
    /// Useful when several objectives are wanted for the same instance.
    ///
    /// - Parameters:
    ///   - poset: The rotation poset of the instance.
    ///   - objective: What to optimise.
    ///   - weights: As in ``solve(_:objective:weights:)``.
    /// - Returns: A stable matching of `poset.instance`.
    /// - Complexity: As ``solve(_:objective:weights:)`` without building the poset.
    public static func solve(
        _ poset: RotationPoset, objective: StableObjective, weights: PairWeights? = nil
    ) -> Matching {
        solve(poset, objective: objective, weights: weights, ranks: nil)
    }

    /// Computes the stable matching that is best for `objective`, counting ranks as `ranks`
    /// gives them instead of by list position.
    ///
    /// For a reduced instance (same stable matchings, shorter lists) with the ranks of the
    /// complete lists, this returns what the complete instance would return: the rotations,
    /// their gains and the regret bounds are the same.
    ///
    /// - Parameters:
    ///   - poset: The rotation poset of the instance.
    ///   - objective: What to optimise.
    ///   - weights: As in ``solve(_:objective:weights:)``.
    ///   - ranks: Each entry's rank in its person's complete list; `nil` means list positions.
    /// - Returns: A stable matching of `poset.instance`.
    public static func solve(
        _ poset: RotationPoset, objective: StableObjective, weights: PairWeights?, ranks: ListRanks?
    ) -> Matching {
        switch objective {
        case .residentOptimal: poset.residentOptimal
        case .hospitalOptimal: poset.hospitalOptimal
        case .weighted:
            maximumWeight(
                poset,
                weights: weights?.entryWeights(for: poset.instance)
                    ?? ContiguousArray(repeating: 0, count: poset.instance.entryCount))
        case .egalitarian:
            maximumWeight(
                poset,
                weights: (ranks?.rankSum(poset.instance) ?? PairWeights.rankSum(poset.instance)).residentEntryWeights)
        case .minimumRegret:
            minimumRegret(poset, ranks: ranks ?? ListRanks.positions(poset.instance))
        }
    }

    /// The resident-best stable matching of largest total weight.
    ///
    /// Weights are quantised by ``PairWeights/quantized(_:termCount:)`` so every rotation's
    /// gain is an exact `Int64` and all gains sum to less than 2^61; the result is optimal for
    /// the quantised weights (exact for integer weights of moderate size).
    ///
    /// The closure network: source → rotation with its gain if positive, rotation → sink with
    /// its loss if negative, rotation → each recorded predecessor unbounded. The rotations on
    /// the source side of the minimum cut form the best closed set.
    static func maximumWeight(
        _ poset: RotationPoset, weights: ContiguousArray<Double>
    ) -> Matching {
        let rotationCount = poset.rotationCount
        let quantized = PairWeights.quantized(weights, termCount: 2 &* max(poset.moveCount, 1))
        var gains = ContiguousArray<Int64>(repeating: 0, count: rotationCount)
        var hasGain = false
        for rotation in 0..<rotationCount {
            var gain: Int64 = 0
            for move in poset.moves(of: rotation) {
                gain &+= quantized[Int(poset.moveToEntries[move])]
                gain &-= quantized[Int(poset.moveFromEntries[move])]
            }
            gains[rotation] = gain
            if gain > 0 { hasGain = true }
        }
        guard hasGain else { return poset.residentOptimal }

        let source = rotationCount
        let sink = rotationCount &+ 1
        var network = FlowNetwork(nodeCount: rotationCount &+ 2)
        network.heads.reserveCapacity(2 &* (rotationCount &+ poset.precedenceCount))
        network.capacities.reserveCapacity(2 &* (rotationCount &+ poset.precedenceCount))
        for rotation in 0..<rotationCount {
            let gain = gains[rotation]
            if gain > 0 {
                network.addArc(from: source, to: rotation, capacity: gain)
            } else if gain < 0 {
                network.addArc(from: rotation, to: sink, capacity: -gain)
            }
            for predecessor in poset.predecessors(of: rotation) {
                network.addArc(
                    from: rotation, to: Int(predecessor), capacity: FlowNetwork.unbounded)
            }
        }
        var sourceSide = network.maximumFlow(source: source, sink: sink).sourceSide
        sourceSide.removeLast(2)
        return poset.matching(eliminating: sourceSide)
    }

    /// The resident-best stable matching whose worst rank, on either side, is smallest.
    static func minimumRegret(_ poset: RotationPoset, ranks: ListRanks) -> Matching {
        let search = RegretSearch(poset, ranks: ranks)
        var low = search.lowerBound
        var high = search.upperBound
        var best = ContiguousArray<Bool>(repeating: false, count: poset.rotationCount)
        // Invariant: a bound of `high` is feasible with the closed set `best`.
        while low < high {
            let middle = low &+ (high &- low) / 2
            if let closed = search.closedSet(regretAtMost: middle) {
                high = middle
                best = closed
            } else {
                low = middle &+ 1
            }
        }
        return poset.matching(eliminating: best)
    }
}

/// The feasibility test behind ``OptimalStableMatching`` minimum regret.
struct RegretSearch {
    let poset: RotationPoset
    /// 0-based rank of each matched resident at both ends (-1 if unmatched).
    var rankAtBest = ContiguousArray<Int32>()
    var rankAtWorst = ContiguousArray<Int32>()
    /// 0-based rank of each hospital's worst resident at both ends (-1 if it holds none).
    var worstAtResidentOptimal = ContiguousArray<Int32>()
    var worstAtHospitalOptimal = ContiguousArray<Int32>()

    /// Each entry's rank (list positions, or the complete lists' ranks of a reduced instance).
    let ranks: ListRanks

    init(_ poset: RotationPoset, ranks: ListRanks) {
        self.poset = poset
        self.ranks = ranks
        let instance = poset.instance
        rankAtBest = Self.residentRanks(poset.residentOptimal, instance, ranks: ranks)
        rankAtWorst = Self.residentRanks(poset.hospitalOptimal, instance, ranks: ranks)
        worstAtResidentOptimal = Self.worstRanks(poset.residentOptimal, instance, ranks: ranks)
        worstAtHospitalOptimal = Self.worstRanks(poset.hospitalOptimal, instance, ranks: ranks)
    }

    /// No stable matching does better: residents are best off, hospitals worst off, at the
    /// ends.
    var lowerBound: Int32 { max(rankAtBest.max() ?? -1, worstAtHospitalOptimal.max() ?? -1) }

    /// The regret of the resident-optimal matching.
    var upperBound: Int32 { max(rankAtBest.max() ?? -1, worstAtResidentOptimal.max() ?? -1) }

    /// The smallest closed set whose stable matching has regret at most `bound`, or `nil`.
    ///
    /// - Complexity: O(R + H + rotations + precedence pairs).
    func closedSet(regretAtMost bound: Int32) -> ContiguousArray<Bool>? {
        let instance = poset.instance
        let rotationCount = poset.rotationCount
        var required = ContiguousArray<Bool>(repeating: false, count: rotationCount)
        for hospital in 0..<instance.hospitalCount where worstAtResidentOptimal[hospital] > bound {
            guard worstAtHospitalOptimal[hospital] <= bound else { return nil }
            let position = ranks.firstPosition(
                after: bound, person: hospital, start: instance.hospitalListStart, ranks: ranks.hospitalEntryRanks)
            guard position < Int(instance.hospitalListStart[hospital + 1]) else { return nil }
            let rotation = Int(poset.hospitalCrossing[position])
            guard rotation >= 0 else { return nil }
            required[rotation] = true
        }
        let closed = poset.downwardClosure(of: required)
        for resident in 0..<instance.residentCount where rankAtWorst[resident] > bound {
            guard rankAtBest[resident] <= bound else { return nil }
            let position = ranks.firstPosition(
                after: bound, person: resident, start: instance.residentListStart, ranks: ranks.residentEntryRanks)
            guard position < Int(instance.residentListStart[resident + 1]) else { return nil }
            let rotation = Int(poset.residentCrossing[position])
            if rotation >= 0 && closed[rotation] { return nil }
        }
        return closed
    }

    static func residentRanks(_ matching: Matching, _ instance: MatchingInstance, ranks: ListRanks)
        -> ContiguousArray<Int32>
    {
        let start = instance.residentListStart
        let entries = RotationPoset.Builder.entries(
            of: matching, start: start, lists: instance.residentLists)
        var residentRanks = ContiguousArray<Int32>(repeating: -1, count: instance.residentCount)
        for resident in 0..<instance.residentCount where entries[resident] >= 0 {
            residentRanks[resident] = ranks.residentEntryRanks[Int(entries[resident])]
        }
        return residentRanks
    }

    static func worstRanks(_ matching: Matching, _ instance: MatchingInstance, ranks: ListRanks)
        -> ContiguousArray<Int32>
    {
        var worst = ContiguousArray<Int32>(repeating: -1, count: instance.hospitalCount)
        let start = instance.hospitalListStart
        for hospital in 0..<instance.hospitalCount {
            let target = Int32(truncatingIfNeeded: hospital)
            for position in Int(start[hospital])..<Int(start[hospital + 1])
            where matching.hospitalOfResident[Int(instance.hospitalLists[position])] == target {
                worst[hospital] = ranks.hospitalEntryRanks[position]
            }
        }
        return worst
    }
}
