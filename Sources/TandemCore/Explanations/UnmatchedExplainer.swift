import StableMatching

/// Finds why someone has no partner: which rule removed each candidate, or that every
/// acceptable partner is full with people they rank higher.
struct UnmatchedExplainer {
    let compiled: CompiledCohort
    let scored: ScoredInstance
    let matching: Matching
    let assigned: [[Int32]]
    /// Mentors whose capacity the schedule cut to 0: no session fits their availability.
    let withoutSessions: Set<Int>

    init(compiled: CompiledCohort, scored: ScoredInstance, matching: Matching, withoutSessions: Set<Int> = []) {
        self.compiled = compiled
        self.scored = scored
        self.matching = matching
        self.withoutSessions = withoutSessions
        assigned = (0..<compiled.mentorCount).map { matching.residents(of: $0, in: scored.instance) }
    }

    /// Why mentee `mentee` has no mentor.
    func reason(mentee: Int) -> UnmatchedReason {
        let instance = scored.instance
        let candidates = instance.hospitals(preferredBy: mentee)
        if candidates.isEmpty {
            if !compiled.cohort.mentees[mentee].availability.containsRun(ofMinutes: compiled.policy.sessionMinutes) {
                return .noWindow
            }
            return .noPossiblePartner(of: compiled.mentorCount, rules: ruleCounts { scored.rejections($0, forMentee: mentee) })
        }
        // A candidate with room, or who would rather have this mentee, means the result is not stable.
        for mentor in candidates.map(Int.init) where assigned[mentor].count < Int(compiled.capacities[mentor]) {
            return .freePlaceLeft(mentor: name(ofMentor: mentor))
        }
        let first = Int(candidates[candidates.startIndex])
        return .reserveList(
            candidates: candidates.count, firstChoice: name(ofMentor: first),
            rankThere: (instance.rank(ofResident: mentee, forHospital: first) ?? 0) + 1,
            places: Int(compiled.capacities[first]), leftOff: scored.rejections(.beyondListLength, forMentee: mentee))
    }

    /// Why mentor `mentor` has no mentee.
    func reason(mentor: Int) -> UnmatchedReason {
        if withoutSessions.contains(mentor) { return .noSessionFits }
        if compiled.capacities[mentor] == 0 { return .notTakingMentees }
        let candidates = scored.instance.residents(preferredBy: mentor)
        if candidates.isEmpty {
            if !compiled.cohort.mentors[mentor].availability.containsRun(ofMinutes: compiled.policy.sessionMinutes) {
                return .noWindow
            }
            return .noPossiblePartner(of: compiled.menteeCount, rules: ruleCounts { scored.rejections($0, forMentor: mentor) })
        }
        return .everyCandidatePrefersAnother(candidates: candidates.count, freePlaces: Int(compiled.capacities[mentor]))
    }

    private func name(ofMentor mentor: Int) -> PersonName {
        PersonName(id: compiled.cohort.mentors[mentor].id, name: compiled.cohort.mentors[mentor].name)
    }

    /// The rules that removed anyone, in the rules' order.
    private func ruleCounts(_ count: (PairRejection) -> Int) -> [RuleCount] {
        PairRejection.allCases.compactMap { rule in
            let number = count(rule)
            return number > 0 ? RuleCount(rule: rule, count: number) : nil
        }
    }
}
