import StableMatching

/// Says in plain English why someone has no partner: which rule removed each candidate, or
/// that every acceptable partner is full with people they rank higher.
public struct UnmatchedExplainer {
    let compiled: CompiledCohort
    let scored: ScoredInstance
    let matching: Matching
    let assigned: [[Int32]]

    public init(compiled: CompiledCohort, scored: ScoredInstance, matching: Matching) {
        self.compiled = compiled
        self.scored = scored
        self.matching = matching
        assigned = (0..<compiled.mentorCount).map { matching.residents(of: $0, in: scored.instance) }
    }

    /// Why mentee `mentee` has no mentor.
    public func reason(mentee: Int) -> String {
        let instance = scored.instance
        let person = compiled.cohort.mentees[mentee]
        let candidates = instance.hospitals(preferredBy: mentee)
        if candidates.isEmpty {
            if !person.availability.containsRun(ofMinutes: compiled.policy.sessionMinutes) {
                return "No mentor possible: the availability given has no window of \(compiled.policy.sessionMinutes) minutes."
                    + " Ask for more times."
            }
            return "No mentor possible: of \(English.count(compiled.mentorCount, "mentor")), "
                + English.list(rejectionClauses { scored.rejections($0, forMentee: mentee) }) + "."
        }
        // A candidate with room, or who would rather have this mentee, means the result is not stable.
        for mentor in candidates.map(Int.init) {
            let held = assigned[mentor]
            if held.count < Int(compiled.capacities[mentor]) {
                return "\(compiled.cohort.mentors[mentor].name) (\(compiled.cohort.mentors[mentor].id)) still has a free place:"
                    + " this matching is not stable for this person."
            }
        }
        let first = Int(candidates[candidates.startIndex])
        let firstRank = (instance.rank(ofResident: mentee, forHospital: first) ?? 0) + 1
        var text =
            "Reserve list: all \(English.count(candidates.count, "mentor")) who could be paired with \(person.name)"
            + " are full with mentees they rank higher (first choice \(compiled.cohort.mentors[first].name) ranks them "
            + "\(English.ordinal(firstRank)) for \(English.count(Int(compiled.capacities[first]), "place")))."
        let cut = scored.rejections(.beyondListLength, forMentee: mentee)
        if cut > 0 { text += " Their list was limited to the best \(candidates.count); \(cut) more were left off." }
        return text
    }

    /// Why mentor `mentor` has no mentee.
    public func reason(mentor: Int) -> String {
        let person = compiled.cohort.mentors[mentor]
        if compiled.capacities[mentor] == 0 { return "Not taking mentees this round (capacity 0)." }
        let candidates = scored.instance.residents(preferredBy: mentor)
        if candidates.isEmpty {
            if !person.availability.containsRun(ofMinutes: compiled.policy.sessionMinutes) {
                return "No mentee possible: the availability given has no window of \(compiled.policy.sessionMinutes) minutes."
                    + " Ask for more times."
            }
            return "No mentee possible: of \(English.count(compiled.menteeCount, "mentee")), "
                + English.list(rejectionClauses { scored.rejections($0, forMentor: mentor) }) + "."
        }
        return "Every one of the \(English.count(candidates.count, "mentee")) who could be paired with \(person.name)"
            + " has a mentor they rank higher; \(English.count(Int(compiled.capacities[mentor]), "place")) still free."
    }

    /// One clause per rule that removed anyone, e.g. "3 work for the same organisation".
    private func rejectionClauses(_ count: (PairRejection) -> Int) -> [String] {
        let minutes = compiled.policy.sessionMinutes
        return PairRejection.allCases.compactMap { rejection in
            let number = count(rejection)
            guard number > 0 else { return nil }
            let verbSingular = number == 1
            switch rejection {
            case .mentorCapacityZero: return "\(number) \(verbSingular ? "is" : "are") not taking mentees this round"
            case .sameOrganisation:
                return "\(number) \(verbSingular ? "is" : "are") in the same organisation (conflict of interest)"
            case .excluded: return "\(number) \(verbSingular ? "is" : "are") excluded by one side or the other"
            case .incompatibleFormat:
                return "\(number) can only meet \(verbSingular ? "in a format that does not fit" : "in formats that do not fit")"
            case .noCommonTime: return "\(number) \(verbSingular ? "has" : "have") no common \(minutes)-minute window in the week"
            case .belowMinimumScore: return "\(number) scored below the minimum score \(compiled.policy.minimumScore)"
            case .beyondListLength: return "\(number) fell outside the mentee's best \(compiled.policy.maxListLength ?? 0)"
            }
        }
    }
}
