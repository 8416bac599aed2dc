/// Which hard rules are enforced. Capacity 0 and "a common window of one session" always are.
public struct HardConstraints: Sendable, Hashable {
    /// Same employer or community group is a conflict of interest.
    public var sameOrganisation: Bool
    /// Either person naming the other (by id or organisation) excludes the pair.
    public var exclusions: Bool
    /// Online-only and in-person-only cannot be paired.
    public var format: Bool

    public init(sameOrganisation: Bool = true, exclusions: Bool = true, format: Bool = true) {
        self.sameOrganisation = sameOrganisation
        self.exclusions = exclusions
        self.format = format
    }
}

/// Which of the stable matchings to return.
public enum StableChoice: String, Sendable, Hashable, Codable, CaseIterable {
    /// The largest total score (both sides' scores of every pair) of all stable matchings.
    case weighted
    /// The smallest sum of both sides' ranks: nobody's preferences count more than anyone's.
    case egalitarian
    /// The smallest worst rank anyone gets.
    case minRegret = "min-regret"
    /// Every mentee gets the best mentor they can have in any stable matching.
    case mentee
    /// Every mentor gets the best mentees they can have in any stable matching.
    case mentor

    /// How reports name it.
    public var title: String {
        switch self {
        case .weighted: "weighted-optimal stable"
        case .egalitarian: "egalitarian stable"
        case .minRegret: "minimum-regret stable"
        case .mentee: "mentee-optimal stable"
        case .mentor: "mentor-optimal stable"
        }
    }
}

/// Whether to keep stability or match as many people as possible.
public enum MatchObjective: String, Sendable, Hashable, Codable, CaseIterable {
    /// A stable matching (chosen by ``StableChoice``): no pair would rather be together.
    case stable
    /// The most pairs any matching can make, then the largest total score; may have blocking pairs.
    case coverage
}

/// Everything that decides how a cohort is scored and matched.
public struct MatchingPolicy: Sendable, Hashable {
    public var menteeWeights: CriterionWeights
    public var mentorWeights: CriterionWeights
    public var constraints: HardConstraints
    /// Pairs whose score (mean of both sides' scores, 0...1) is below this are not acceptable.
    public var minimumScore: Double
    /// Each mentee keeps only their best `maxListLength` acceptable mentors; `nil` = unlimited.
    public var maxListLength: Int?
    /// Preference-criterion value by rank: index 0 for a first choice, and so on.
    public var preferenceBonus: [Double]
    /// Criteria that read special-category answers: scored only when both people consented.
    public var sensitiveCriteria: Set<Criterion>
    public var sessionMinutes: Int
    /// Common weekly minutes that earn full marks for availability.
    public var availabilityTargetMinutes: Int
    /// Seeds the tie-break between equal scores.
    public var seed: UInt64
    public var optimal: StableChoice
    public var objective: MatchObjective

    public init(
        menteeWeights: CriterionWeights = .menteeDefault, mentorWeights: CriterionWeights = .mentorDefault,
        constraints: HardConstraints = HardConstraints(), minimumScore: Double = 0, maxListLength: Int? = nil,
        preferenceBonus: [Double] = [1.0, 0.8, 0.6, 0.4, 0.2], sensitiveCriteria: Set<Criterion> = [.themes],
        sessionMinutes: Int = 60, availabilityTargetMinutes: Int = 180, seed: UInt64 = 0,
        optimal: StableChoice = .weighted, objective: MatchObjective = .stable
    ) {
        self.menteeWeights = menteeWeights
        self.mentorWeights = mentorWeights
        self.constraints = constraints
        self.minimumScore = minimumScore
        self.maxListLength = maxListLength
        self.preferenceBonus = preferenceBonus
        self.sensitiveCriteria = sensitiveCriteria
        self.sessionMinutes = sessionMinutes
        self.availabilityTargetMinutes = availabilityTargetMinutes
        self.seed = seed
        self.optimal = optimal
        self.objective = objective
    }
}
