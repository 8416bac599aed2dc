import StableMatching

/// Which side a person is on.
public enum CohortSide: String, Sendable, Hashable, Codable {
    case mentor, mentee
}

/// One pair of the matching, by index into the compiled cohort, with its numbers and reasons.
public struct MatchedPair: Sendable, Hashable {
    public var mentor: Int
    public var mentee: Int
    /// The mean of both sides' scores, 0...1.
    public var score: Double
    /// Where the mentee ranked this mentor (1 = first choice).
    public var menteeRank: Int
    /// Where the mentor ranked this mentee (1 = first choice).
    public var mentorRank: Int
    public var reasons: [PairReason]
}

/// Someone left without a partner, and why.
public struct UnmatchedPerson: Sendable, Hashable {
    public var side: CohortSide
    public var index: Int
    public var reason: UnmatchedReason
}

/// A mentor whose places were reduced to what their availability can hold.
public struct CapacityCap: Sendable, Hashable {
    public var mentor: Int
    public var offered: Int
    public var usable: Int
}

/// Everything one matching run produced.
public struct MatchOutcome: Sendable {
    package let compiled: CompiledCohort
    /// The scored instance the matching solves: without the pairs of ``withoutSlot``.
    package let scored: ScoredInstance
    public let optimal: StableChoice
    public let matching: Matching
    /// The independent verifier's findings on `matching` against the full instance.
    public let report: StabilityReport
    /// Sorted by mentor, then by the mentor's ranking.
    public let pairs: [MatchedPair]
    /// Mentees first, then mentors, each in input order.
    public internal(set) var unmatched: [UnmatchedPerson]

    /// Stable (by ``optimal``) or the most pairs.
    public var objective: MatchObjective = .stable
    /// Every alternative, for the coordinator's choice.
    public var tradeOff: TradeOff?

    /// Mentors offering more places than their availability can hold sessions for.
    public var capacityCaps: [CapacityCap] = []
    /// The sessions of each pair (keyed by index into ``pairs``), when a schedule was configured.
    public var schedule: SessionScheduler.Outcome?
    /// Pairs a matching made that could get no slot, in the order they were found: each was
    /// made unacceptable and the matching solved again, so none of them is in ``pairs``, and
    /// ``scored`` (which ``report`` verifies against) no longer lists them.
    package var withoutSlot: [SessionScheduler.Unscheduled] = []

    /// The pairs relaxing each rule would add, when counted with the matching (for the report).
    package var ruleRelaxations: [RuleRelaxation]?

    /// The check of ``matching`` against every acceptable pair of the cohort, when ``scored``
    /// holds only part of them (the exact method for large cohorts).
    public var allPairs: AllPairsCheck?
    /// What the exact method's passes did, when it was used.
    package var exactPasses: ExactPasses?

    /// Acceptable pairs the stability check covered, when it covered all of them (`nil` when
    /// `max_list_length` cut the lists).
    public var checkedAcceptablePairs: Int? {
        if let allPairs { return allPairs.acceptablePairs }
        return compiled.policy.maxListLength == nil ? scored.instance.entryCount : nil
    }

    public var isStable: Bool { report.isStable && (allPairs?.isStable ?? true) }

    /// Mentor places left free (capacity minus assigned, over mentors taking part).
    public var spareMentorPlaces: Int {
        var assigned = [Int](repeating: 0, count: compiled.mentorCount)
        for pair in pairs { assigned[pair.mentor] += 1 }
        return zip(compiled.capacities, assigned).reduce(0) { $0 + max(0, Int($1.0) - $1.1) }
    }

    /// The mean pair score, or 0 with no pairs.
    public var meanScore: Double {
        pairs.isEmpty ? 0 : pairs.reduce(0) { $0 + $1.score } / Double(pairs.count)
    }
}
