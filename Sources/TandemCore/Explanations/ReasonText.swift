/// Plain-English text of reasons: the one place where a reason becomes words, for the console,
/// the CSV files and `matches.json`.
public enum ReasonText {
    /// A short clause such as "both speak Punjabi"; `mentor` and `mentee` name the pair.
    public static func text(_ reason: PairReason, mentor: String, mentee: String) -> String {
        switch reason {
        case .sharedThemes(let themes): "both want to talk about " + English.list(themes.map(English.midSentence))
        case .noSharedTheme: "no wanted theme in common"
        case .themesNotUsed: "themes not used (sensitive answers are used only with both people's consent)"
        case .sharedLanguages(let languages): "both speak " + English.list(languages)
        case .noSharedLanguage: "no shared language (an interpreter may be needed)"
        case .commonTime(let windows, let more):
            "both free " + English.list(windows.map(\.description) + (more > 0 ? ["\(more) more windows"] : []))
        case .meetingFormat(.online): "will meet online"
        case .meetingFormat(.inPerson): "will meet in person"
        case .meetingFormat(.either): "either format suits both"
        case .sameTown(let town): "both in " + town
        case .menteeChoice(let rank): "\(mentee) chose \(mentor) as \(English.ordinal(rank)) choice"
        case .mentorChoice(let rank): "\(mentor) chose \(mentee) as \(English.ordinal(rank)) choice"
        }
    }

    /// Why `name` (on `side`) has no partner, in one or two sentences.
    public static func text(_ reason: UnmatchedReason, name: String, side: CohortSide, settings: ReasonSettings) -> String {
        let minutes = settings.sessionMinutes
        let partner = side == .mentee ? "mentor" : "mentee"
        switch reason {
        case .notTakingMentees:
            return "Not taking mentees this round (capacity 0)."
        case .noSessionFits:
            return "No session fits: the availability given has no \(minutes)-minute slot within the programme's"
                + " start times. Ask for more times."
        case .noWindow:
            return "No \(partner) possible: the availability given has no window of \(minutes) minutes. Ask for more times."
        case .noPossiblePartner(let total, let rules):
            return "No \(partner) possible: of \(English.count(total, side == .mentee ? "mentor" : "mentee")), "
                + English.list(rules.map { clause($0, settings: settings) }) + "."
        case .freePlaceLeft(let mentor):
            return "\(mentor.name) (\(mentor.id)) still has a free place: this matching is not stable for this person."
        case .reserveList(let candidates, let first, let rankThere, let places, let leftOff):
            var text =
                "Reserve list: all \(English.count(candidates, "mentor")) who could be paired with \(name)"
                + " are full with mentees they rank higher (first choice \(first.name) ranks them "
                + "\(English.ordinal(rankThere)) for \(English.count(places, "place")))."
            if leftOff > 0 { text += " Their list was limited to the best \(candidates); \(leftOff) more were left off." }
            return text
        case .everyCandidatePrefersAnother(let candidates, let freePlaces):
            return "Every one of the \(English.count(candidates, "mentee")) who could be paired with \(name)"
                + " has a mentor they rank higher; \(English.count(freePlaces, "place")) still free."
        case .noSlot(let partner, let reason):
            return "No session could be scheduled with \(partner.name) (\(partner.id)), so the pair was not made: "
                + text(reason) + "."
        }
    }

    /// Why a matched pair could get no sessions.
    public static func text(_ reason: UnscheduledReason) -> String {
        switch reason {
        case .clashesOrNoDateLeft(let mentorName, let endDate):
            "every common slot clashes with \(mentorName)'s other sessions or has no date left before \(endDate.iso)"
        case .noCommonSlot(let minutes):
            "no common \(minutes)-minute slot between the earliest and latest start times"
        }
    }

    /// One clause for a rule that removed candidates, e.g. "3 are in the same organisation (conflict of interest)".
    static func clause(_ count: RuleCount, settings: ReasonSettings) -> String {
        let number = count.count
        let one = number == 1
        switch count.rule {
        case .mentorCapacityZero: return "\(number) \(one ? "is" : "are") not taking mentees this round"
        case .sameOrganisation: return "\(number) \(one ? "is" : "are") in the same organisation (conflict of interest)"
        case .excluded: return "\(number) \(one ? "is" : "are") excluded by one side or the other"
        case .incompatibleFormat:
            return "\(number) can only meet \(one ? "in a format that does not fit" : "in formats that do not fit")"
        case .noCommonTime:
            return "\(number) \(one ? "has" : "have") no common \(settings.sessionMinutes)-minute window in the week"
        case .belowMinimumScore: return "\(number) scored below the minimum score \(settings.minimumScore)"
        case .beyondListLength: return "\(number) fell outside the mentee's best \(settings.maxListLength ?? 0)"
        case .mentorFull: return "\(number) \(one ? "is" : "are") full with the mentees they already have"
        }
    }
}
