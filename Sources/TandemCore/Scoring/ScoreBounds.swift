/// One mentee's coefficients for bounds on a pair's scores from its theme and time criteria
/// alone (see ``MentorScreen/menteeScoreBound(_:_:_:)``), worked out once per mentee: each
/// bound is then a sum of two products, with no division per pair.
///
/// The bounds are weighted means with the other criteria at full marks (upper) or at zero
/// with all of them applying (lower), in millionths. They depend on the pair only through
/// whether both consented and whether the mentor stated mentees: four variants, indexed by
/// those two bits.
struct ScoreBounds {
    /// Per wanted theme covered, per unit of the availability criterion, and constant: lanes
    /// 0–3 the mentee's upper bound, 4–7 the mentor's, by variant.
    private var upperTheme = SIMD8<Double>()
    private var upperAvailability = SIMD8<Double>()
    private var upperConstant = SIMD8<Double>()
    /// The two sides' lower bounds summed, by variant.
    private var lowTheme = SIMD4<Double>()
    private var lowAvailability = SIMD4<Double>()

    init() {}

    /// - Parameters:
    ///   - statesMentors: whether the mentee stated mentors (has a preference criterion).
    init(themeCount: Int, statesMentors: Bool, policy: ScoringPolicy) {
        for side in 0..<2 {
            let weights = side == 0 ? policy.menteeWeights : policy.mentorWeights
            for variant in 0..<4 {
                let consented = variant & 1 != 0
                let states = side == 0 ? statesMentors : variant & 2 != 0
                let shared: UInt8 = consented ? 0b1_1111 : ~policy.sensitiveMask
                let themeOn = themeCount > 0 && shared & 0b1 != 0
                let timeOn = shared & 0b10 != 0
                let optional = weights[2] + weights[3] + weights[4] + (states ? weights[5] : 0)
                let weightSum = (themeOn ? weights[0] : 0) + (timeOn ? weights[1] : 0) + optional
                guard weightSum > 0 else { continue }
                let lane = side * 4 + variant
                let theme = themeOn ? weights[0] / Double(themeCount) / weightSum * 1_000_000 : 0
                let time = timeOn ? weights[1] / weightSum * 1_000_000 : 0
                upperTheme[lane] = theme
                upperAvailability[lane] = time
                upperConstant[lane] = optional / weightSum * 1_000_000
                lowTheme[variant] += theme
                lowAvailability[variant] += time
            }
        }
    }

    /// Side 0 is the mentee's upper bound, side 1 the mentor's.
    @inline(__always)
    func bound(_ measures: PairMeasures, _ availability: Double, side: Int, variant: Int) -> Double {
        let lane = side * 4 + variant
        return Double(measures.covered) * upperTheme[lane] + availability * upperAvailability[lane]
            + upperConstant[lane]
    }

    /// The sum of the two sides' lower bounds.
    @inline(__always)
    func lowSum(_ measures: PairMeasures, _ availability: Double, variant: Int) -> Double {
        Double(measures.covered) * lowTheme[variant] + availability * lowAvailability[variant]
    }
}
