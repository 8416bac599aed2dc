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
    /// - Parameter ranks: each entry's rank in the complete lists, when `scored` holds part of
    ///   them (the stable range and the unmatched mentees' best mentors); the most-pairs
    ///   matching is then searched among those pairs only.
    static func compute(
        scored: ScoredInstance, poset: RotationPoset, chosen: Matching, chosenChoice: StableChoice?, weights: PairWeights,
        ranks: ListRanks? = nil
    ) -> (tradeOff: TradeOff, coverage: Matching) {
        let instance = scored.instance
        var options: [TradeOffOption] = []
        // Stable alternatives often coincide (all of them when the lattice has one element):
        // summarise, and verify, each distinct matching once.
        var summarised: [(matching: Matching, option: TradeOffOption)] = []
        for choice in StableChoice.allCases {
            let matching = choice == chosenChoice ? chosen : solve(choice, poset: poset, weights: weights, ranks: ranks)
            var option =
                summarised.first { $0.matching.hospitalOfResident == matching.hospitalOfResident }?.option
                ?? summary(matching, name: choice.title, isChosen: false, scored: scored, ranks: ranks)
            summarised.append((matching, option))
            option.name = choice.title
            option.isChosen = choice == chosenChoice
            options.append(option)
        }
        let limitExceeded = instance.entryCount > weightedCoverageLimit
        let coverage = CoverageMatching.solve(instance, weights: limitExceeded ? nil : weights, start: chosen)
        let coverageName = ranks == nil ? "most pairs (not stable)" : "more pairs (not stable)"
        options.append(summary(coverage, name: coverageName, isChosen: chosenChoice == nil, scored: scored, ranks: ranks))
        return (TradeOff(options: options, maximumPairs: coverage.pairCount, coverageMaximisesScore: !limitExceeded), coverage)
    }

    static func solve(_ choice: StableChoice, poset: RotationPoset, weights: PairWeights, ranks: ListRanks? = nil)
        -> Matching
    {
        switch choice {
        case .weighted: OptimalStableMatching.solve(poset, objective: .weighted, weights: weights)
        case .egalitarian: OptimalStableMatching.solve(poset, objective: .egalitarian, weights: nil, ranks: ranks)
        case .minRegret: OptimalStableMatching.solve(poset, objective: .minimumRegret, weights: nil, ranks: ranks)
        case .mentee: poset.residentOptimal
        case .mentor: poset.hospitalOptimal
        }
    }

    static func summary(_ matching: Matching, name: String, isChosen: Bool, scored: ScoredInstance, ranks: ListRanks? = nil)
        -> TradeOffOption
    {
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
            let mentorRank = instance.rank(ofResident: resident, forHospital: hospital) ?? 0
            if let ranks {
                menteeRanks += Int(ranks.residentEntryRanks[entry]) + 1
                mentorRanks += Int(ranks.hospitalEntryRanks[Int(instance.hospitalListStart[hospital]) + mentorRank]) + 1
            } else {
                menteeRanks += rank + 1
                mentorRanks += mentorRank + 1
            }
        }
        let count = Double(max(pairs, 1))
        return TradeOffOption(
            name: name, pairs: pairs, blockingPairs: StabilityVerifier.verify(matching, in: instance).blockingPairs.count,
            totalScore: total, meanScore: pairs == 0 ? 0 : total / count,
            meanMenteeRank: pairs == 0 ? 0 : Double(menteeRanks) / count,
            meanMentorRank: pairs == 0 ? 0 : Double(mentorRanks) / count, isChosen: isChosen)
    }
}
