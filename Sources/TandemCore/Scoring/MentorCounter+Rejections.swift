extension MentorCounter {
    /// Each mentor's pairs by the rule that rejected them (`mentor * reasons + rejection`), from
    /// the outcomes counted while scoring.
    ///
    /// Every mentor–mentee pair ends in exactly one rejection or in the mentee's list, so the
    /// common case, no common time, is what the counted outcomes leave over.
    /// - Parameters:
    ///   - counts: per mentor, its ``MentorCounter`` counts (`mentor * allCases.count + counter`).
    ///   - listLengths: per mentor, how many mentees' lists it is in, when lists are cut to a
    ///     length (the pairs beyond are then counted as ``PairRejection/beyondListLength``).
    static func rejections(
        counts: ContiguousArray<Int32>, capacities: [Int32], menteeCount: Int, listLengths: ContiguousArray<Int32>? = nil
    ) -> ContiguousArray<Int32> {
        let reasons = PairRejection.allCases.count
        var rejections = ContiguousArray<Int32>(repeating: 0, count: capacities.count * reasons)
        for mentor in capacities.indices {
            func count(_ counter: MentorCounter) -> Int32 { counts[mentor * allCases.count + counter.rawValue] }
            func set(_ rejection: PairRejection, _ value: Int32) { rejections[mentor * reasons + rejection.rawValue] = value }
            if capacities[mentor] == 0 {
                set(.mentorCapacityZero, Int32(menteeCount))
                continue
            }
            set(.sameOrganisation, count(.sameOrganisation))
            set(.excluded, count(.excluded))
            set(.incompatibleFormat, count(.incompatibleFormat))
            let screened = count(.sameOrganisation) + count(.excluded) + count(.incompatibleFormat) + count(.passed)
            set(.noCommonTime, Int32(menteeCount) - screened)
            set(.belowMinimumScore, count(.belowMinimumScore))
            if let listLengths {
                set(.beyondListLength, count(.passed) - count(.belowMinimumScore) - listLengths[mentor])
            }
        }
        return rejections
    }
}
