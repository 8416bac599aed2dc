/// The per-criterion values (0...1) of one pair, before weighting. A criterion that does not
/// apply to the pair (no consent, no themes wanted, an online pair's towns, no stated choices)
/// is left out of the weighted mean rather than counted as zero.
///
/// Fixed-size storage: scoring millions of pairs must not allocate per pair.
package struct CriterionValues: Sendable, Hashable {
    /// Indexed by ``Criterion/index``; the preference lane is unused (it differs by side).
    package var shared = SIMD8<Double>()
    /// Bit ``Criterion/index`` set when that shared criterion applies.
    package var appliesMask: UInt8 = 0b1_1111
    /// The mentee's own ranked choice of this mentor; `nil` when the mentee stated none.
    package var menteePreference: Double?
    /// The mentor's own ranked choice of this mentee; `nil` when the mentor stated none.
    package var mentorPreference: Double?

    package init() {}

    package mutating func setApplies(_ criterion: Criterion, _ applies: Bool) {
        let bit: UInt8 = 1 << UInt8(criterion.index)
        appliesMask = applies ? appliesMask | bit : appliesMask & ~bit
    }

    /// The value of `criterion` from one side's view; `nil` when it does not apply.
    package func value(of criterion: Criterion, forMentee: Bool) -> Double? {
        if criterion == .preference { return forMentee ? menteePreference : mentorPreference }
        return appliesMask & (1 << UInt8(criterion.index)) != 0 ? shared[criterion.index] : nil
    }

    /// The weighted mean over the criteria that apply; 0 when none do.
    ///
    /// Sums in ``Criterion/allCases`` order (the shared criteria, then the side's own choice)
    /// so the result does not depend on how it is called. Runs for every acceptable pair of a
    /// cohort, so it reads the weights by index rather than through optionals.
    package func score(weights: CriterionWeights, forMentee: Bool) -> Double {
        var total = 0.0
        var weightSum = 0.0
        weights.values.withUnsafeBufferPointer { weight in
            for index in 0..<Criterion.preference.index where appliesMask & (1 << UInt8(index)) != 0 {
                total += weight[index] * shared[index]
                weightSum += weight[index]
            }
            if let preference = forMentee ? menteePreference : mentorPreference {
                total += weight[Criterion.preference.index] * preference
                weightSum += weight[Criterion.preference.index]
            }
        }
        return weightSum > 0 ? total / weightSum : 0
    }
}
