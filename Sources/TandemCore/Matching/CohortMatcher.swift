import StableMatching

/// Runs the whole matching pipeline on a cohort: score, rank, match, verify, explain.
public enum CohortMatcher {
    /// Matches `cohort` under `policy`.
    ///
    /// - Complexity: dominated by scoring, O(mentees × mentors); matching and verification are
    ///   O(L) in the total length of the preference lists.
    ///   With a `scheduler`, each mentor's capacity is first capped by the sessions their
    ///   availability can hold (so matching never promises more than the calendar can keep), and
    ///   every pair is then given its series of sessions.
    public static func match(
        _ cohort: Cohort, policy: MatchingPolicy, scheduler: SessionScheduler? = nil,
        progress: any ProgressObserver = NoProgress()
    ) -> MatchOutcome {
        var cohort = cohort
        var capacityCaps: [CapacityCap] = []
        if let scheduler {
            for index in cohort.mentors.indices {
                let usable = scheduler.slotCapacity(of: cohort.mentors[index].availability)
                if usable < cohort.mentors[index].capacity {
                    capacityCaps.append(CapacityCap(mentor: index, offered: cohort.mentors[index].capacity, usable: usable))
                    cohort.mentors[index].capacity = usable
                }
            }
        }
        let compiled = progress.phase("Preparing the answers") { CompiledCohort(cohort: cohort, policy: policy) }
        let scored = PreferenceBuilder.build(compiled, progress: progress)
        let entries = scored.instance.entryCount
        // One rotation poset serves the chosen matching and every alternative in the report.
        let (poset, weights, stable) = progress.phase("Finding the stable matching", total: entries, unit: "list entries") {
            let poset = RotationPoset(scored.instance)
            let weights = scored.pairWeights
            return (poset, weights, TradeOff.solve(policy.optimal, poset: poset, weights: weights))
        }
        let chosenChoice = policy.objective == .stable ? policy.optimal : nil
        let compare = { @Sendable in
            TradeOff.compute(scored: scored, poset: poset, chosen: stable, chosenChoice: chosenChoice, weights: weights)
        }
        let cappedCohort = cohort
        let withoutSessions = Set(capacityCaps.filter { $0.usable == 0 }.map(\.mentor))
        let schedule = { @Sendable (pairs: [MatchedPair]) in
            scheduler.map { $0.schedule(pairs.map { ($0.mentor, $0.mentee) }, in: cappedCohort) }
        }
        var outcome: MatchOutcome
        let tradeOff: TradeOff
        if policy.objective == .stable {
            // The report on the alternatives, and the explanation and schedule of the chosen
            // matching, are independent and mostly single-threaded: run them side by side.
            let phase = scheduler == nil ? "Comparing and explaining" : "Comparing, explaining and scheduling"
            (tradeOff, outcome) = progress.phase(phase, total: entries, unit: "list entries") {
                let (compared, explained) = Concurrently.run(compare) {
                    var explained = explain(
                        stable, optimal: policy.optimal, compiled: compiled, scored: scored, withoutSessions: withoutSessions)
                    explained.schedule = schedule(explained.pairs)
                    return explained
                }
                return (compared.tradeOff, explained)
            }
        } else {
            let coverage: Matching
            (tradeOff, coverage) = progress.phase("Comparing the alternatives", total: entries, unit: "list entries", compare)
            outcome = progress.phase("Verifying and explaining", total: entries, unit: "list entries") {
                explain(
                    coverage, optimal: policy.optimal, compiled: compiled, scored: scored, withoutSessions: withoutSessions)
            }
            if scheduler != nil {
                outcome.schedule = progress.phase("Scheduling sessions", total: outcome.pairs.count, unit: "pairs") {
                    schedule(outcome.pairs)
                }
            }
        }
        outcome.objective = policy.objective
        outcome.tradeOff = tradeOff
        outcome.capacityCaps = capacityCaps
        return outcome
    }

    /// Verifies and explains any matching of the scored instance (also one made elsewhere).
    /// - Parameter withoutSessions: mentors whose capacity the schedule cut to 0.
    static func explain(
        _ matching: Matching, optimal: StableChoice, compiled: CompiledCohort, scored: ScoredInstance,
        withoutSessions: Set<Int> = []
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
        let unmatchedExplainer = UnmatchedExplainer(
            compiled: compiled, scored: scored, matching: matching, withoutSessions: withoutSessions)
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
