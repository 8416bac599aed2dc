import TandemCore

/// The groups the page sorts unmatched people into: those no partner could ever take apart
/// from those who lost out to others.
enum UnmatchedGroup: Int, CaseIterable {
    case menteeNeverPossible, menteeReserve, menteeFreePlace, menteeNoSlot
    case mentorNotTaking, mentorNoSessionFits, mentorNeverPossible, mentorPassedOver, mentorNoSlot

    init(_ person: MatchResult.Unmatched) {
        switch (person.side, person.reason) {
        case (.mentee, .noWindow), (.mentee, .noPossiblePartner): self = .menteeNeverPossible
        case (.mentee, .reserveList): self = .menteeReserve
        case (.mentee, .freePlaceLeft): self = .menteeFreePlace
        case (.mentee, _): self = .menteeNoSlot
        case (.mentor, .notTakingMentees): self = .mentorNotTaking
        case (.mentor, .noSessionFits): self = .mentorNoSessionFits
        case (.mentor, .noWindow), (.mentor, .noPossiblePartner): self = .mentorNeverPossible
        case (.mentor, .everyCandidatePrefersAnother): self = .mentorPassedOver
        case (.mentor, _): self = .mentorNoSlot
        }
    }

    var side: CohortSide { rawValue <= UnmatchedGroup.menteeNoSlot.rawValue ? .mentee : .mentor }

    var title: String {
        switch self {
        case .menteeNeverPossible: "Mentees no mentor could ever take (no common time, or every mentor ruled out)"
        case .menteeReserve: "Mentees who lost out to others (reserve list)"
        case .menteeFreePlace: "Mentees a mentor with room could take (matching not stable)"
        case .menteeNoSlot: "Mentees whose pair got no session slot"
        case .mentorNotTaking: "Mentors not taking mentees this round"
        case .mentorNoSessionFits: "Mentors whose free time holds no session in the programme's hours"
        case .mentorNeverPossible: "Mentors no mentee could ever pair with"
        case .mentorPassedOver: "Mentors every candidate mentee ranked below their own partner"
        case .mentorNoSlot: "Mentors whose pair got no session slot"
        }
    }

    /// Short form for chart labels.
    var label: String {
        switch self {
        case .menteeNeverPossible: "Mentees: never possible"
        case .menteeReserve: "Mentees: lost out"
        case .menteeFreePlace: "Mentees: room left"
        case .menteeNoSlot: "Mentees: no slot"
        case .mentorNotTaking: "Mentors: not taking"
        case .mentorNoSessionFits: "Mentors: no session fits"
        case .mentorNeverPossible: "Mentors: never possible"
        case .mentorPassedOver: "Mentors: passed over"
        case .mentorNoSlot: "Mentors: no slot"
        }
    }

    /// `left_out.<code>`, the key of its count on the page.
    var key: String {
        [
            "mentee_never_possible", "mentee_reserve", "mentee_free_place", "mentee_no_slot", "mentor_not_taking",
            "mentor_no_session_fits", "mentor_never_possible", "mentor_passed_over", "mentor_no_slot",
        ][rawValue]
    }
}
