import StableMatching

/// One way of matching the cohort, summarised for the coordinator's choice.
public struct TradeOffOption: Sendable, Hashable {
    /// `weighted-optimal stable`, `most pairs (not stable)`, ...
    public var name: String
    public var pairs: Int
    public var blockingPairs: Int
    /// Sum of pair scores (each 0...1).
    public var totalScore: Double
    public var meanScore: Double
    /// Mean rank each side gives its partner (1 = first choice); 0 with no pairs.
    public var meanMenteeRank: Double
    public var meanMentorRank: Double
    public var isChosen: Bool

    public init(
        name: String, pairs: Int, blockingPairs: Int, totalScore: Double, meanScore: Double, meanMenteeRank: Double,
        meanMentorRank: Double, isChosen: Bool
    ) {
        self.name = name
        self.pairs = pairs
        self.blockingPairs = blockingPairs
        self.totalScore = totalScore
        self.meanScore = meanScore
        self.meanMenteeRank = meanMenteeRank
        self.meanMentorRank = meanMentorRank
        self.isChosen = isChosen
    }
}

/// What each stable alternative gives, and what giving up stability would buy.
public struct TradeOff: Sendable, Hashable {
    public var options: [TradeOffOption]
    /// The most pairs any matching could make.
    public var maximumPairs: Int
    /// Whether the most-pairs option also maximised total score (skipped for very large
    /// instances, where only the count is computed).
    public var coverageMaximisesScore: Bool

    public init(options: [TradeOffOption], maximumPairs: Int, coverageMaximisesScore: Bool) {
        self.options = options
        self.maximumPairs = maximumPairs
        self.coverageMaximisesScore = coverageMaximisesScore
    }

    /// Above this many acceptable pairs the most-pairs matching is not also score-optimised:
    /// the weighted assignment grows roughly quadratically, while the count stays near-linear.
    static let weightedCoverageLimit = 2_000_000

    /// Summarises `chosen` against every stable alternative and the most-pairs matching.
    /// - Complexity: one rotation poset (O(L)), five stable solutions, one assignment, and a
    ///   verification and rank scan of each (O(L) each).
    static func compute(
        scored: ScoredInstance, poset: RotationPoset, chosen: Matching, chosenChoice: StableChoice?, weights: PairWeights
    ) -> (tradeOff: TradeOff, coverage: Matching) {
        let instance = scored.instance
        var options: [TradeOffOption] = []
        // Stable alternatives often coincide (all of them when the lattice has one element):
        // summarise, and verify, each distinct matching once.
        var summarised: [(matching: Matching, option: TradeOffOption)] = []
        for choice in StableChoice.allCases {
            let matching = choice == chosenChoice ? chosen : solve(choice, poset: poset, weights: weights)
            var option =
                summarised.first { $0.matching.hospitalOfResident == matching.hospitalOfResident }?.option
                ?? summary(matching, name: choice.title, isChosen: false, scored: scored)
            summarised.append((matching, option))
            option.name = choice.title
            option.isChosen = choice == chosenChoice
            options.append(option)
        }
        let limitExceeded = instance.entryCount > weightedCoverageLimit
        let coverage = CoverageMatching.solve(instance, weights: limitExceeded ? nil : weights, start: chosen)
        options.append(summary(coverage, name: "most pairs (not stable)", isChosen: chosenChoice == nil, scored: scored))
        return (TradeOff(options: options, maximumPairs: coverage.pairCount, coverageMaximisesScore: !limitExceeded), coverage)
    }

    static func solve(_ choice: StableChoice, poset: RotationPoset, weights: PairWeights) -> Matching {
        switch choice {
        case .weighted: OptimalStableMatching.solve(poset, objective: .weighted, weights: weights)
        case .egalitarian: OptimalStableMatching.solve(poset, objective: .egalitarian)
        case .minRegret: OptimalStableMatching.solve(poset, objective: .minimumRegret)
        case .mentee: poset.residentOptimal
        case .mentor: poset.hospitalOptimal
        }
    }

    static func summary(_ matching: Matching, name: String, isChosen: Bool, scored: ScoredInstance) -> TradeOffOption {
        let instance = scored.instance
        var pairs = 0
        var total = 0.0
        var menteeRanks = 0
        var mentorRanks = 0
        for resident in 0..<instance.residentCount {
            let hospital = Int(matching.hospitalOfResident[resident])
            guard hospital >= 0, let rank = instance.rank(ofHospital: hospital, forResident: resident) else { continue }
            let entry = Int(instance.residentListStart[resident]) + rank
            pairs += 1
            total += (Double(scored.menteeScores[entry]) + Double(scored.mentorScoresOfMenteeEntries[entry])) / 2_000_000
            menteeRanks += rank + 1
            mentorRanks += (instance.rank(ofResident: resident, forHospital: hospital) ?? 0) + 1
        }
        let count = Double(max(pairs, 1))
        return TradeOffOption(
            name: name, pairs: pairs, blockingPairs: StabilityVerifier.verify(matching, in: instance).blockingPairs.count,
            totalScore: total, meanScore: pairs == 0 ? 0 : total / count,
            meanMenteeRank: pairs == 0 ? 0 : Double(menteeRanks) / count,
            meanMentorRank: pairs == 0 ? 0 : Double(mentorRanks) / count, isChosen: isChosen)
    }
}
