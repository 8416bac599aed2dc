/// How much one side cares about each criterion (any non-negative numbers; only ratios matter).
public struct CriterionWeights: Sendable, Hashable {
    /// Indexed by ``Criterion/index``.
    public private(set) var values: [Double]

    public init(_ weights: [Criterion: Double] = [:]) {
        values = Criterion.allCases.map { weights[$0] ?? 0 }
    }

    public subscript(criterion: Criterion) -> Double {
        get { values[criterion.index] }
        set { values[criterion.index] = newValue }
    }

    /// Mentees: themes first, then time, language and stated choices.
    public static let menteeDefault = CriterionWeights([
        .themes: 5, .availability: 3, .language: 2, .format: 1, .town: 1, .preference: 3,
    ])

    /// Mentors: similar, with more weight on language and meeting close to home.
    public static let mentorDefault = CriterionWeights([
        .themes: 4, .availability: 3, .language: 3, .format: 1, .town: 2, .preference: 3,
    ])
}
