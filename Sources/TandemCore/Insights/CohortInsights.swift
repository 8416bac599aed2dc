/// What the coordinator's report needs beyond the pairs and reasons: everyone's groups, the
/// reserve list in order, spare places, what would help each unmatched mentee, what relaxing
/// each hard rule would give, the closed dates of the calendar and the programme's history.
///
/// Computed by `tandem match` while the scored cohort is in memory and saved in `matches.json`,
/// so `tandem report` rebuilds the same pages from the results folder alone.
public struct CohortInsights: Sendable, Hashable {
    /// Everyone who signed up: mentors, then mentees, each in input order.
    public var people: [PersonProfile]
    /// Unmatched mentees who have at least one acceptable mentor, next for a freed place first.
    public var reserve: [ReserveEntry]
    /// Mentors with places left, in input order.
    public var sparePlaces: [SparePlace]
    /// One per unmatched mentee, in input order.
    public var suggestions: [HelpSuggestion]
    /// One per hard rule (and the minimum score) that removed any pair; `nil` when not worked
    /// out, for a cohort matched without its complete preference lists (see
    /// ``CohortMatcher/exactPairCount``).
    public var relaxations: [RuleRelaxation]?
    /// Bank holidays and blackouts between the schedule's first and last dates.
    public var closedDates: [ClosedDate]
    /// The schedule's first and last dates; `nil` without a schedule.
    public var calendarStart: LocalDate?
    public var calendarEnd: LocalDate?
    /// How counts are made safe to share.
    public var disclosure: DisclosureRule
    /// What the programme record says about earlier runs; `nil` without a record.
    public var history: ProgrammeHistory?

    public init(
        people: [PersonProfile], reserve: [ReserveEntry], sparePlaces: [SparePlace], suggestions: [HelpSuggestion],
        relaxations: [RuleRelaxation]?, closedDates: [ClosedDate], calendarStart: LocalDate?, calendarEnd: LocalDate?,
        disclosure: DisclosureRule, history: ProgrammeHistory?
    ) {
        self.people = people
        self.reserve = reserve
        self.sparePlaces = sparePlaces
        self.suggestions = suggestions
        self.relaxations = relaxations
        self.closedDates = closedDates
        self.calendarStart = calendarStart
        self.calendarEnd = calendarEnd
        self.disclosure = disclosure
        self.history = history
    }
}

/// The groups one person belongs to, for the fairness tables.
public struct PersonProfile: Sendable, Hashable {
    public var id: String
    public var side: CohortSide
    /// As written on the form; blank when not given.
    public var town: String
    /// The first language listed; blank when none.
    public var firstLanguage: String
    public var organisation: String
    public var organisationType: OrganisationType
    /// Mentors: the places usable this round (after the schedule's cap); mentees: 0.
    public var places: Int

    public init(
        id: String, side: CohortSide, town: String, firstLanguage: String, organisation: String,
        organisationType: OrganisationType, places: Int
    ) {
        self.id = id
        self.side = side
        self.town = town
        self.firstLanguage = firstLanguage
        self.organisation = organisation
        self.organisationType = organisationType
        self.places = places
    }
}

/// One unmatched mentee on the reserve list.
public struct ReserveEntry: Sendable, Hashable {
    public var mentee: String
    /// The acceptable mentor whose pair with the mentee scores highest: the likeliest to take
    /// them when a place frees up.
    public var bestMentor: String
    public var bestScore: Double
    /// How many mentors could take them.
    public var candidates: Int

    public init(mentee: String, bestMentor: String, bestScore: Double, candidates: Int) {
        self.mentee = mentee
        self.bestMentor = bestMentor
        self.bestScore = bestScore
        self.candidates = candidates
    }
}

/// A mentor with places left.
public struct SparePlace: Sendable, Hashable {
    public var mentor: String
    public var places: Int
    public var taken: Int

    public init(mentor: String, places: Int, taken: Int) {
        self.mentor = mentor
        self.places = places
        self.taken = taken
    }

    public var spare: Int { places - taken }
}

/// A bank holiday or blackout date.
public struct ClosedDate: Sendable, Hashable {
    public var date: LocalDate
    /// The holiday's name, or `blackout`.
    public var reason: String

    public init(date: LocalDate, reason: String) {
        self.date = date
        self.reason = reason
    }

    public var isBlackout: Bool { reason == "blackout" }
}

/// How many more pairs the cohort would have with one hard rule relaxed.
public struct RuleRelaxation: Sendable, Hashable {
    /// `same_organisation`, `exclusions`, `format` or `minimum_score`.
    public var rule: String
    /// Pairs the rule removed from the lists.
    public var pairsRemoved: Int
    /// Pairs of a stable (or most-pairs) matching with and without the rule.
    public var pairsWithRule: Int
    public var pairsWithoutRule: Int

    public init(rule: String, pairsRemoved: Int, pairsWithRule: Int, pairsWithoutRule: Int) {
        self.rule = rule
        self.pairsRemoved = pairsRemoved
        self.pairsWithRule = pairsWithRule
        self.pairsWithoutRule = pairsWithoutRule
    }

    public var extraPairs: Int { pairsWithoutRule - pairsWithRule }
}

/// What the programme record says about the programme so far.
public struct ProgrammeHistory: Sendable, Hashable {
    /// Runs recorded, this one included.
    public var runs: Int
    /// Pairs ended before their last session, by the reason given, most first.
    public var endedEarly: [ReasonCount]
    /// People who had a pair end and were paired again.
    public var rematched: Int
    /// People who first signed up after the first run.
    public var lateJoiners: Int

    public init(runs: Int, endedEarly: [ReasonCount], rematched: Int, lateJoiners: Int) {
        self.runs = runs
        self.endedEarly = endedEarly
        self.rematched = rematched
        self.lateJoiners = lateJoiners
    }

    /// A reason and how many times it was given.
    public struct ReasonCount: Sendable, Hashable {
        public var reason: String
        public var count: Int

        public init(reason: String, count: Int) {
            self.reason = reason
            self.count = count
        }
    }

    public var endedEarlyCount: Int { endedEarly.reduce(0) { $0 + $1.count } }
}
