/// One weight per mutually acceptable pair, higher is better.
///
/// The weights are aligned with the resident side of the CSR lists: the weight of resident `r`
/// with the hospital at `instance.residentLists[p]` is `residentEntryWeights[p]`, for `p` in
/// `instance.residentListStart[r]..<instance.residentListStart[r + 1]`.
///
/// Solvers treat a weight that is NaN or infinite as 0, and round the others to a common
/// binary grid so that sums are exact 64-bit integers (see ``OptimalStableMatching`` and
/// ``CoverageMatching``); integer weights of moderate size are used exactly.
public struct PairWeights: Sendable, Hashable {
    /// The weight of each resident-side list entry.
    public var residentEntryWeights: ContiguousArray<Double>

    /// Creates weights from one value per resident-side list entry.
    ///
    /// - Parameter residentEntryWeights: One weight per entry of the instance's
    ///   `residentLists`, in the same order; its count must equal `instance.entryCount`.
    /// - Complexity: O(1).
    public init(residentEntryWeights: ContiguousArray<Double>) {
        self.residentEntryWeights = residentEntryWeights
    }

    /// Whether there is exactly one weight per list entry of `instance`.
    ///
    /// Solvers accept other counts (missing weights count as 0, extra ones are ignored), so
    /// check this where weights come from outside.
    ///
    /// - Complexity: O(1).
    public func isAligned(with instance: MatchingInstance) -> Bool {
        residentEntryWeights.count == instance.entryCount
    }

    /// The egalitarian weights: minus the sum of both sides' 1-based ranks.
    ///
    /// The pair of resident `r` and hospital `h` weighs `-(i + j)`, where `i` is the 1-based
    /// position of `h` in `r`'s list and `j` the 1-based position of `r` in `h`'s list, both in
    /// the instance's (mutually acceptable) lists. Maximising the total weight minimises the sum
    /// of ranks; because every stable matching has the same number of pairs, the 1-based choice
    /// does not change which stable matching is best.
    ///
    /// - Complexity: O(R + H + L) time and memory.
    public static func rankSum(_ instance: MatchingInstance) -> PairWeights {
        let rankAtHospital = DeferredAcceptance.ranks(instance)
        var weights = ContiguousArray<Double>(repeating: 0, count: instance.entryCount)
        let start = instance.residentListStart
        for resident in 0..<instance.residentCount {
            let first = Int(start[resident])
            for position in first..<Int(start[resident + 1]) {
                let ranks = (position &- first) &+ Int(rankAtHospital[position]) &+ 2
                weights[position] = -Double(ranks)
            }
        }
        return PairWeights(residentEntryWeights: weights)
    }

    /// The weights of `instance`'s entries, with missing or non-finite values read as 0.
    ///
    /// A count that differs from `instance.entryCount` is a programming error; rather than
    /// trap on it, entries beyond the given weights weigh 0.
    ///
    /// - Complexity: O(L).
    func entryWeights(for instance: MatchingInstance) -> ContiguousArray<Double> {
        var weights = ContiguousArray<Double>(repeating: 0, count: instance.entryCount)
        for position in 0..<min(weights.count, residentEntryWeights.count) {
            let weight = residentEntryWeights[position]
            if weight.isFinite { weights[position] = weight }
        }
        return weights
    }
}

extension PairWeights {
    /// Rounds weights to integers on a power-of-two grid so that `termCount` terms of magnitude
    /// at most the largest weight sum to less than 2^60 in magnitude.
    ///
    /// The scale is a power of two (so scaling is exact) and at most what keeps the largest
    /// weight within 2^52, beyond which a `Double` has no more integer precision. Integer
    /// weights whose largest magnitude times `termCount` stays below 2^60 are kept exactly.
    ///
    /// - Complexity: O(weights.count).
    static func quantized(
        _ weights: ContiguousArray<Double>, termCount: Int
    ) -> ContiguousArray<Int64> {
        var largest = 0.0
        for weight in weights { largest = max(largest, weight.magnitude) }
        var quantized = ContiguousArray<Int64>(repeating: 0, count: weights.count)
        guard largest > 0 else { return quantized }
        let budget = min(0x1p52, 0x1p60 / Double(max(termCount, 1)))
        // The largest power of two with largest * scale <= budget (capped for tiny weights).
        let ratio = budget / largest
        let exponent = ratio.isFinite ? min(ratio.exponent, 1_000) : 1_000
        let scale = Double(sign: .plus, exponent: exponent, significand: 1)
        for index in weights.indices {
            // Half away from zero by truncation: `rounded()` would pull in libm's `rint`, which
            // a client linking only this module does not get on Linux.
            let scaled = weights[index] * scale
            quantized[index] = Int64(scaled < 0 ? scaled - 0.5 : scaled + 0.5)
        }
        return quantized
    }
}
