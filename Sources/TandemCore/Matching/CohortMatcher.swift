import StableMatching

/// Runs the whole matching pipeline on a cohort: score, rank, match, verify, explain.
public enum CohortMatcher {
    /// Matches `cohort` under `policy`.
    ///
    /// - Complexity: dominated by scoring, O(mentees × mentors); matching and verification are
    ///   O(L) in the total length of the preference lists.
    public static func match(_ cohort: Cohort, policy: MatchingPolicy) -> MatchOutcome {
        let compiled = CompiledCohort(cohort: cohort, policy: policy)
        let scored = PreferenceBuilder.build(compiled)
        let end: StableEnd = policy.optimal == .mentee ? .residentOptimal : .hospitalOptimal
        let matching = DeferredAcceptance.solve(scored.instance, optimal: end)
        return explain(matching, optimal: policy.optimal, compiled: compiled, scored: scored)
    }

    /// Verifies and explains any matching of the scored instance (also one made elsewhere).
    public static func explain(
        _ matching: Matching, optimal: OptimalSide, compiled: CompiledCohort, scored: ScoredInstance
    ) -> MatchOutcome {
        let instance = scored.instance
        let report = StabilityVerifier.verify(matching, in: instance)
        let pairExplainer = PairExplainer(compiled: compiled)
        var pairs: [MatchedPair] = []
        for mentor in 0..<compiled.mentorCount {
            for mentee in matching.residents(of: mentor, in: instance) {
                let menteeIndex = Int(mentee)
                let verdict = compiled.verdict(mentee: menteeIndex, mentor: mentor)
                pairs.append(
                    MatchedPair(
                        mentor: mentor, mentee: menteeIndex, score: verdict.pairScore,
                        menteeRank: (instance.rank(ofHospital: mentor, forResident: menteeIndex) ?? -1) + 1,
                        mentorRank: (instance.rank(ofResident: menteeIndex, forHospital: mentor) ?? -1) + 1,
                        reasons: pairExplainer.reasons(mentee: menteeIndex, mentor: mentor)))
            }
        }
        let unmatchedExplainer = UnmatchedExplainer(compiled: compiled, scored: scored, matching: matching)
        var unmatched: [UnmatchedPerson] = []
        for mentee in 0..<compiled.menteeCount where matching.hospitalOfResident[mentee] < 0 {
            unmatched.append(UnmatchedPerson(side: .mentee, index: mentee, reason: unmatchedExplainer.reason(mentee: mentee)))
        }
        var hasMentee = [Bool](repeating: false, count: compiled.mentorCount)
        for pair in pairs { hasMentee[pair.mentor] = true }
        for mentor in 0..<compiled.mentorCount where !hasMentee[mentor] {
            unmatched.append(UnmatchedPerson(side: .mentor, index: mentor, reason: unmatchedExplainer.reason(mentor: mentor)))
        }
        return MatchOutcome(
            compiled: compiled, scored: scored, optimal: optimal, matching: matching, report: report,
            pairs: pairs, unmatched: unmatched)
    }
}
