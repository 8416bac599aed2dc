/// What a `tandem match` run decided, keyed by person ids: built once from the engine's
/// outcome and read by every writer (result files, calendars, the console summary), and read
/// back from `matches.json` by `tandem calendar`.
public struct MatchResult: Sendable, Hashable {
    /// The programme, its ``Programme/id`` set to the key the calendar UIDs derive from.
    public var programme: Programme
    /// `stable/weighted`, `stable/mentee`, ..., or `coverage`.
    public var algorithm: String
    public var seed: UInt64
    public var stable: Bool
    public var blockingPairs: Int
    /// The acceptable pairs the stability check covered when it covered all of them; `nil`
    /// when `max_list_length` cut the lists (stability then holds within the kept lists).
    public var acceptablePairs: Int?
    /// The numbers reasons quote (session length, minimum score, list length).
    public var settings: ReasonSettings
    /// Sorted by mentor, then by the mentor's ranking.
    public var pairs: [Pair]
    /// Mentees first, then mentors, each in input order.
    public var unmatched: [Unmatched]
    public var summary: Summary
    /// Mentors whose places were cut to what their availability can hold sessions for.
    public var capacityCaps: [CapacityNote]
    public var tradeOff: TradeOff?
    /// The schedule's outcome; `nil` when no schedule was configured.
    public var schedule: Schedule?
    /// What the coordinator's report needs beyond the above; `nil` when not computed.
    public var insights: CohortInsights?

    /// One mentor–mentee pair.
    public struct Pair: Sendable, Hashable {
        public var mentor: PersonName
        public var mentee: PersonName
        /// The mean of both sides' scores, 0...1.
        public var score: Double
        /// Where the mentee ranked this mentor (1 = first choice).
        public var menteeRank: Int
        /// Where the mentor ranked this mentee (1 = first choice).
        public var mentorRank: Int
        public var reasons: [PairReason]
        /// The pair's sessions, with the calendar UID; `nil` when unscheduled or without a schedule.
        public var series: SessionSeries?
        /// A pair from an earlier run that this run kept as it was.
        public var isKept = false
        /// The longest gap between two of the pair's sessions, in weeks, when it is longer than
        /// the schedule's ``Schedule/maxGapWeeks``: no slot without one was free. `nil` otherwise.
        package var longestGapWeeks: Int?

        public init(
            mentor: PersonName, mentee: PersonName, score: Double, menteeRank: Int, mentorRank: Int, reasons: [PairReason],
            series: SessionSeries?
        ) {
            self.mentor = mentor
            self.mentee = mentee
            self.score = score
            self.menteeRank = menteeRank
            self.mentorRank = mentorRank
            self.reasons = reasons
            self.series = series
        }

        /// The reasons in plain English.
        public var reasonTexts: [String] {
            reasons.map { ReasonText.text($0, mentor: mentor.name, mentee: mentee.name) }
        }
    }

    /// Someone without a partner.
    public struct Unmatched: Sendable, Hashable {
        public var person: PersonName
        public var side: CohortSide
        public var reason: UnmatchedReason

        public init(person: PersonName, side: CohortSide, reason: UnmatchedReason) {
            self.person = person
            self.side = side
            self.reason = reason
        }
    }

    /// A pair a matching made that could get no sessions (so it was not made, see
    /// ``Schedule/withoutSlot``), or, in files of earlier versions, a pair left unscheduled.
    public struct Unscheduled: Sendable, Hashable {
        public var mentor: String
        public var mentee: String
        public var reason: UnscheduledReason

        public init(mentor: String, mentee: String, reason: UnscheduledReason) {
            self.mentor = mentor
            self.mentee = mentee
            self.reason = reason
        }
    }

    /// A mentor offering more places than their availability can hold sessions for.
    public struct CapacityNote: Sendable, Hashable {
        public var mentor: PersonName
        public var offered: Int
        public var usable: Int

        public init(mentor: PersonName, offered: Int, usable: Int) {
            self.mentor = mentor
            self.offered = offered
            self.usable = usable
        }
    }

    /// The schedule's outcome.
    public struct Schedule: Sendable, Hashable {
        /// Sessions each pair should get; a series with fewer is short.
        public var sessionsPerPair: Int
        /// Pairs kept without sessions. Always empty from ``init(_:programme:)``: a pair that
        /// cannot be given a slot is not made (``withoutSlot``). Files of earlier versions may list some.
        public var unscheduled: [Unscheduled]
        public var cohortEvents: [CohortEvent]
        /// Pairs a matching made that could get no slot, so they were not made and the matching
        /// was solved again without them, in the order they were found.
        package var withoutSlot: [Unscheduled] = []
        /// The longest gap between two sessions a pair should have, in weeks; pairs with a
        /// longer one carry it (``Pair/longestGapWeeks``). `nil` when not known (older files).
        package var maxGapWeeks: Int?

        public init(sessionsPerPair: Int, unscheduled: [Unscheduled], cohortEvents: [CohortEvent]) {
            self.sessionsPerPair = sessionsPerPair
            self.unscheduled = unscheduled
            self.cohortEvents = cohortEvents
        }
    }

    /// The headline numbers.
    public struct Summary: Sendable, Hashable {
        public var pairs: Int
        public var mentors: Int
        public var mentees: Int
        public var unmatchedMentees: Int
        public var unmatchedMentors: Int
        public var spareMentorPlaces: Int
        public var meanScore: Double
        /// Of ``pairs``, those kept from earlier runs; the rest were made by this one.
        public var keptPairs = 0
        /// Pairs a matching made that could get no slot, and so were not made.
        package var pairsWithoutSlot = 0

        public init(
            pairs: Int, mentors: Int, mentees: Int, unmatchedMentees: Int, unmatchedMentors: Int, spareMentorPlaces: Int,
            meanScore: Double
        ) {
            self.pairs = pairs
            self.mentors = mentors
            self.mentees = mentees
            self.unmatchedMentees = unmatchedMentees
            self.unmatchedMentors = unmatchedMentors
            self.spareMentorPlaces = spareMentorPlaces
            self.meanScore = meanScore
        }
    }

    public init(
        programme: Programme, algorithm: String, seed: UInt64, stable: Bool, blockingPairs: Int, settings: ReasonSettings,
        pairs: [Pair], unmatched: [Unmatched], summary: Summary, capacityCaps: [CapacityNote], tradeOff: TradeOff?,
        schedule: Schedule?
    ) {
        self.programme = programme
        self.algorithm = algorithm
        self.seed = seed
        self.stable = stable
        self.blockingPairs = blockingPairs
        self.settings = settings
        self.pairs = pairs
        self.unmatched = unmatched
        self.summary = summary
        self.capacityCaps = capacityCaps
        self.tradeOff = tradeOff
        self.schedule = schedule
    }

    /// The result of one run of the engine.
    public init(_ outcome: MatchOutcome, programme: Programme) {
        let cohort = outcome.compiled.cohort
        func mentor(_ index: Int) -> PersonName { PersonName(id: cohort.mentors[index].id, name: cohort.mentors[index].name) }
        func mentee(_ index: Int) -> PersonName { PersonName(id: cohort.mentees[index].id, name: cohort.mentees[index].name) }
        // The key is fixed here, so a file read back names the key its UIDs came from.
        self.programme = programme
        self.programme.id = programme.key
        algorithm = outcome.objective == .stable ? "stable/\(outcome.optimal.rawValue)" : "coverage"
        seed = outcome.compiled.policy.seed
        stable = outcome.isStable
        blockingPairs = max(outcome.report.blockingPairs.count, outcome.allPairs?.blockingPairs ?? 0)
        acceptablePairs = outcome.checkedAcceptablePairs
        settings = ReasonSettings(outcome.compiled.policy)
        pairs = outcome.pairs.enumerated().map { index, pair in
            var result = Pair(
                mentor: mentor(pair.mentor), mentee: mentee(pair.mentee), score: pair.score, menteeRank: pair.menteeRank,
                mentorRank: pair.mentorRank, reasons: pair.reasons, series: outcome.schedule?.series[index])
            if let schedule = outcome.schedule, let gap = result.series?.longestGapWeeks, gap > schedule.maxGapWeeks {
                result.longestGapWeeks = gap
            }
            return result
        }
        unmatched = outcome.unmatched.map { person in
            Unmatched(
                person: person.side == .mentor ? mentor(person.index) : mentee(person.index), side: person.side,
                reason: person.reason)
        }
        summary = Summary(
            pairs: outcome.pairs.count, mentors: cohort.mentors.count, mentees: cohort.mentees.count,
            unmatchedMentees: unmatched.count(where: { $0.side == .mentee }),
            unmatchedMentors: unmatched.count(where: { $0.side == .mentor }),
            spareMentorPlaces: outcome.spareMentorPlaces, meanScore: outcome.meanScore)
        summary.pairsWithoutSlot = outcome.withoutSlot.count
        capacityCaps = outcome.capacityCaps.map {
            CapacityNote(mentor: mentor($0.mentor), offered: $0.offered, usable: $0.usable)
        }
        tradeOff = outcome.tradeOff
        func unscheduled(_ item: SessionScheduler.Unscheduled) -> Unscheduled {
            Unscheduled(mentor: cohort.mentors[item.mentor].id, mentee: cohort.mentees[item.mentee].id, reason: item.reason)
        }
        schedule = outcome.schedule.map { schedule in
            var result = Schedule(
                sessionsPerPair: schedule.sessionsPerPair, unscheduled: schedule.unscheduled.map(unscheduled),
                cohortEvents: schedule.cohortEvents)
            result.withoutSlot = outcome.withoutSlot.map(unscheduled)
            result.maxGapWeeks = schedule.maxGapWeeks
            return result
        }
    }

    /// `weighted-optimal stable matching`, or `most-pairs matching (not stable)`.
    public var algorithmTitle: String {
        if algorithm.hasPrefix("stable/"), let choice = StableChoice(rawValue: String(algorithm.dropFirst("stable/".count))) {
            return choice.title + " matching"
        }
        return algorithm == "coverage" ? "most-pairs matching (not stable)" : algorithm
    }

    /// Every scheduled series, in pair order.
    public var series: [SessionSeries] { pairs.compactMap(\.series) }

    /// The reason in plain English.
    public func text(of unmatched: Unmatched) -> String {
        ReasonText.text(unmatched.reason, name: unmatched.person.name, side: unmatched.side, settings: settings)
    }
}
