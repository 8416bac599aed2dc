/// The smallest single change that would let some mentor take an unmatched mentee.
public struct HelpSuggestion: Sendable, Hashable {
    public var mentee: String
    /// `nil` when no single change lets any mentor take them.
    public var change: HelpChange?
    /// The mentor who could then take them.
    public var mentor: String?
    /// The pair's score after the change, 0...1.
    public var score: Double
    /// People the change touches: the one who changes, and the mentee a full mentor would let
    /// go; a programme setting touches everyone.
    public var peopleAffected: Int
    /// Whether the mentor is full and would take the mentee instead of one they hold.
    public var displacesSomeone: Bool

    public init(
        mentee: String, change: HelpChange?, mentor: String?, score: Double, peopleAffected: Int, displacesSomeone: Bool
    ) {
        self.mentee = mentee
        self.change = change
        self.mentor = mentor
        self.score = score
        self.peopleAffected = peopleAffected
        self.displacesSomeone = displacesSomeone
    }
}

/// One kind of change, with what it would take.
public enum HelpChange: Sendable, Hashable {
    /// `side` adds a weekly window (day and times) when the other is free.
    case commonWindow(side: CohortSide, day: Weekday, startMinute: Int, endMinute: Int)
    /// `side`, who asked to meet in person, accepts meeting online.
    case acceptOnline(side: CohortSide)
    /// A shared language, such as an interpreter in `language`.
    case sharedLanguage(language: String)
    /// The programme's minimum score lowered to `to` (0...1).
    case lowerMinimumScore(to: Double)

    /// `common_window`, `accept_online`, `shared_language`, `lower_minimum_score`.
    public var code: String {
        switch self {
        case .commonWindow: "common_window"
        case .acceptOnline: "accept_online"
        case .sharedLanguage: "shared_language"
        case .lowerMinimumScore: "lower_minimum_score"
        }
    }
}
