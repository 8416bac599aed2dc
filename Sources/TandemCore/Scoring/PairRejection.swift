/// Why a mentor–mentee pair is not acceptable, in the order the rules are checked.
public enum PairRejection: Int, Sendable, Hashable, CaseIterable, Codable {
    case mentorCapacityZero
    case sameOrganisation
    case excluded
    case incompatibleFormat
    case noCommonTime
    case belowMinimumScore
    /// Acceptable, but not among the mentee's best `max_list_length` mentors.
    case beyondListLength
    /// On a re-run, a mentor whose places are all taken by pairs kept from earlier runs (scoring
    /// counts them as capacity 0; the explanation tells them apart).
    case mentorFull
}
