extension MatchResult {
    /// The result of a re-run: the kept pairs as the record holds them (their reasons from the
    /// current answers) together with `residual`, the result of matching the free part.
    /// Stability, the trade-off and the reasons for anyone left out are the free part's.
    package init(continuing continuation: Continuation, cohort: Cohort, policy: MatchingPolicy, residual: MatchResult) {
        self = residual
        var mentorIndex: [String: Int] = [:]
        for (index, mentor) in cohort.mentors.enumerated() where mentorIndex[mentor.id] == nil { mentorIndex[mentor.id] = index }
        var menteeIndex: [String: Int] = [:]
        for (index, mentee) in cohort.mentees.enumerated() where menteeIndex[mentee.id] == nil { menteeIndex[mentee.id] = index }

        var kept: [Pair] = []
        for active in continuation.kept {
            guard let mentor = mentorIndex[active.mentorID].map({ cohort.mentors[$0] }),
                let mentee = menteeIndex[active.menteeID].map({ cohort.mentees[$0] })
            else { continue }
            var pair = Pair(
                mentor: PersonName(id: mentor.id, name: mentor.name), mentee: PersonName(id: mentee.id, name: mentee.name),
                score: active.score, menteeRank: active.menteeRank, mentorRank: active.mentorRank,
                reasons: Self.reasons(mentor: mentor, mentee: mentee, policy: policy), series: active.series)
            pair.isKept = true
            kept.append(pair)
        }
        // By mentor as in the sign-ups, kept pairs first: the order of a fresh run's pairs.
        let all = kept + residual.pairs
        let keys = all.enumerated().map { (mentorIndex[$0.element.mentor.id] ?? Int.max, $0.offset) }
        pairs = all.indices.sorted { keys[$0] < keys[$1] }.map { all[$0] }
        let busyMentors = Set(kept.map(\.mentor.id))
        let full = continuation.fullMentors.count
        unmatched = residual.unmatched.filter { !($0.side == .mentor && busyMentors.contains($0.person.id)) }.map { person in
            // Scoring counts mentors full with kept pairs as not taking mentees: tell them apart.
            guard full > 0, person.side == .mentee, case .noPossiblePartner(let total, var rules) = person.reason,
                let index = rules.firstIndex(where: { $0.rule == .mentorCapacityZero })
            else { return person }
            var person = person
            rules[index].count -= full
            rules.append(RuleCount(rule: .mentorFull, count: full))
            person.reason = .noPossiblePartner(of: total, rules: rules.filter { $0.count > 0 })
            return person
        }
        summary.pairs = pairs.count
        summary.keptPairs = kept.count
        summary.mentees = residual.summary.mentees + kept.count
        summary.unmatchedMentors = unmatched.count(where: { $0.side == .mentor })
        summary.meanScore = pairs.isEmpty ? 0 : pairs.reduce(0) { $0 + $1.score } / Double(pairs.count)
    }

    /// Why a kept pair fits, from the two people's current answers.
    private static func reasons(mentor: Mentor, mentee: Mentee, policy: MatchingPolicy) -> [PairReason] {
        let compiled = CompiledCohort(cohort: Cohort(mentors: [mentor], mentees: [mentee]), policy: policy)
        return PairExplainer(compiled: compiled).reasons(mentee: 0, mentor: 0)
    }
}
