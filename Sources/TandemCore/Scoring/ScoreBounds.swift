/// Coefficients for bounds on a pair's scores from its theme and time criteria alone (see
/// ``MentorScreen/menteeScoreBound(_:_:_:)``), worked out once per kind of mentee: each
/// bound is then a sum of two products, with no division per pair.
///
/// The bounds are weighted means with the other criteria at full marks (upper) or at zero
/// with all of them applying (lower), in millionths. They depend on the mentee only through
/// how many themes they want and whether they stated mentors (a row of the table, see
/// ``MenteeView/boundRow``), and on the pair through whether both consented and whether the
/// mentor stated mentees (four variants, indexed by those two bits). The coefficients are
/// read from memory by row and variant: indexing a vector held by each mentee's view made
/// the compiler copy it to the stack for every pair. Owns its memory (free with
/// ``release()``).
struct ScoreBounds {
    /// Doubles per row: per wanted theme covered, per unit of the availability criterion,
    /// and constant, for the mentee's upper bound (4 variants) and the mentor's (4), then the
    /// two sides' lower bounds summed, per theme and per unit of availability (4 each).
    static let rowSize = 32
    private static let menteeUpper = 0
    private static let mentorUpper = 12
    private static let lower = 24

    private let table: UnsafeMutablePointer<Double>

    /// - Parameter mostWanted: the most themes any mentee wants.
    init(mostWanted: Int, policy: ScoringPolicy) {
        let rows = 2 * (mostWanted + 1)
        table = .allocate(capacity: rows * Self.rowSize)
        table.initialize(repeating: 0, count: rows * Self.rowSize)
        for themeCount in 0...mostWanted {
            for statesMentors in [false, true] {
                Self.fill(
                    table + MenteeView.boundRow(themeCount: themeCount, statesMentors: statesMentors),
                    themeCount: themeCount, statesMentors: statesMentors, policy: policy)
            }
        }
    }

    func release() { table.deallocate() }

    private static func fill(
        _ row: UnsafeMutablePointer<Double>, themeCount: Int, statesMentors: Bool, policy: ScoringPolicy
    ) {
        for side in 0..<2 {
            let weights = side == 0 ? policy.menteeWeights : policy.mentorWeights
            let upper = row + (side == 0 ? menteeUpper : mentorUpper)
            for variant in 0..<4 {
                let consented = variant & 1 != 0
                let states = side == 0 ? statesMentors : variant & 2 != 0
                let shared: UInt8 = consented ? 0b1_1111 : ~policy.sensitiveMask
                let themeOn = themeCount > 0 && shared & 0b1 != 0
                let timeOn = shared & 0b10 != 0
                let optional = weights[2] + weights[3] + weights[4] + (states ? weights[5] : 0)
                let weightSum = (themeOn ? weights[0] : 0) + (timeOn ? weights[1] : 0) + optional
                guard weightSum > 0 else { continue }
                let theme = themeOn ? weights[0] / Double(themeCount) / weightSum * 1_000_000 : 0
                let time = timeOn ? weights[1] / weightSum * 1_000_000 : 0
                upper[variant] = theme
                upper[4 + variant] = time
                upper[8 + variant] = optional / weightSum * 1_000_000
                row[lower + variant] += theme
                row[lower + 4 + variant] += time
            }
        }
    }

    /// The mentee's upper bound (side 0) or the mentor's (side 1).
    @inline(__always)
    func bound(_ measures: PairMeasures, _ availability: Double, row: Int, side: Int, variant: Int) -> Double {
        let upper = table + row + (side == 0 ? Self.menteeUpper : Self.mentorUpper) + variant
        return Double(measures.covered) * upper[0] + availability * upper[4] + upper[8]
    }

    /// The sum of the two sides' lower bounds.
    @inline(__always)
    func lowSum(_ measures: PairMeasures, _ availability: Double, row: Int, variant: Int) -> Double {
        let lower = table + row + Self.lower + variant
        return Double(measures.covered) * lower[0] + availability * lower[4]
    }
}
