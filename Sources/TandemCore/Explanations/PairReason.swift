/// One thing that speaks for (or against) a pair, as data: the console, the CSV files and
/// `matches.json` render it with ``ReasonText``.
public enum PairReason: Sendable, Hashable {
    /// Themes the mentee wants and the mentor offers, in the mentee's order.
    case sharedThemes([String])
    case noSharedTheme
    /// Themes are a sensitive criterion and one of the two did not consent.
    case themesNotUsed
    /// Languages both speak, in the mentor's order.
    case sharedLanguages([String])
    case noSharedLanguage
    /// Common windows long enough for a session: the first few, and how many more.
    case commonTime(windows: [AvailabilityWindow], more: Int)
    case meetingFormat(MeetingFormat)
    case sameTown(String)
    /// The mentee named the mentor as their `rank`th choice (1 = first).
    case menteeChoice(rank: Int)
    /// The mentor named the mentee as their `rank`th choice (1 = first).
    case mentorChoice(rank: Int)
}

/// Why someone has no partner, as data.
public enum UnmatchedReason: Sendable, Hashable {
    /// A mentor offering no places this round.
    case notTakingMentees
    /// A mentor whose availability holds no session within the programme's start times.
    case noSessionFits
    /// The availability given has no window as long as a session.
    case noWindow
    /// Every possible partner was removed by a hard rule; the counts per rule, of `of` people.
    case noPossiblePartner(of: Int, rules: [RuleCount])
    /// A candidate mentor still has room: the matching is not stable for this mentee.
    case freePlaceLeft(mentor: PersonName)
    /// A mentee on the reserve list: every candidate is full with mentees they rank higher.
    case reserveList(candidates: Int, firstChoice: PersonName, rankThere: Int, places: Int, leftOff: Int)
    /// A mentor whom every candidate mentee ranks below the mentor they got.
    case everyCandidatePrefersAnother(candidates: Int, freePlaces: Int)
    /// The matching paired them with `partner`, but the pair could get no slot, for `reason`,
    /// so it was not made and the matching was solved again without it; it left this person
    /// without a partner. `partner` is the mentor for a mentee, the mentee for a mentor.
    case noSlot(partner: PersonName, reason: UnscheduledReason)
}

/// How many candidates one hard rule removed.
public struct RuleCount: Sendable, Hashable {
    public var rule: PairRejection
    public var count: Int

    public init(rule: PairRejection, count: Int) {
        self.rule = rule
        self.count = count
    }
}

/// A person as a reason names them.
public struct PersonName: Sendable, Hashable {
    public var id: String
    public var name: String

    public init(id: String, name: String) {
        self.id = id
        self.name = name
    }
}

/// Why a matched pair could get no sessions (and so was not made).
public enum UnscheduledReason: Sendable, Hashable {
    /// Every common slot clashes with the mentor's other sessions, or no date is left before
    /// the programme's end.
    case clashesOrNoDateLeft(mentorName: String, endDate: LocalDate)
    /// No common window of a session's length between the earliest and latest start times.
    case noCommonSlot(sessionMinutes: Int)
}

/// The settings a reason's text quotes.
public struct ReasonSettings: Sendable, Hashable {
    public var sessionMinutes: Int
    public var minimumScore: Double
    public var maxListLength: Int?

    public init(sessionMinutes: Int, minimumScore: Double, maxListLength: Int?) {
        self.sessionMinutes = sessionMinutes
        self.minimumScore = minimumScore
        self.maxListLength = maxListLength
    }

    public init(_ policy: MatchingPolicy) {
        self.init(sessionMinutes: policy.sessionMinutes, minimumScore: policy.minimumScore, maxListLength: policy.maxListLength)
    }
}
