/// One side's weighted mean of a pair's criteria, by which criteria apply: the weights with
/// those that do not apply set to zero, and their sum, for each of the 64 combinations.
///
/// Gives exactly ``CriterionValues/score(weights:forMentee:)``: the products are added in
/// the same order, and a criterion that does not apply adds +0.0, which leaves any sum of
/// non-negative products unchanged; the weight sums are added in the same order once per
/// combination. What it saves is a test and a branch per criterion and pair, which the
/// processor mispredicts whenever consent, town or format vary from one mentor to the next.
/// Owns its memory (free with ``release()``).
struct WeightedMeans {
    /// Mask bit of the side's own stated choice; bits 0–4 are the shared criteria by
    /// ``Criterion/index``.
    static let preferenceBit = 1 << Criterion.preference.index
    static let combinations = 1 << (Criterion.preference.index + 1)

    private let weights: UnsafeMutablePointer<SIMD8<Double>>
    private let sums: UnsafeMutablePointer<Double>

    init(_ sideWeights: SIMD8<Double>) {
        weights = .allocate(capacity: Self.combinations)
        sums = .allocate(capacity: Self.combinations)
        for mask in 0..<Self.combinations {
            var masked = SIMD8<Double>()
            var sum = 0.0
            for index in 0...Criterion.preference.index where mask & (1 << index) != 0 {
                masked[index] = sideWeights[index]
                sum += sideWeights[index]
            }
            (weights + mask).initialize(to: masked)
            (sums + mask).initialize(to: sum)
        }
    }

    func release() {
        weights.deallocate()
        sums.deallocate()
    }

    /// The mean of `values` (by ``Criterion/index``, the side's own choice in lane 5) over
    /// the criteria whose bits are set in `mask`; 0 when their weights sum to 0.
    @inline(__always)
    func mean(_ values: SIMD8<Double>, mask: Int) -> Double {
        let products = weights[mask] * values
        let total = ((((products[0] + products[1]) + products[2]) + products[3]) + products[4]) + products[5]
        let sum = sums[mask]
        return sum > 0 ? total / sum : 0
    }
}
