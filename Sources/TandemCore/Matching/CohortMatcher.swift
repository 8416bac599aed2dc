import StableMatching

/// Runs the whole matching pipeline on a cohort: score, rank, match, verify, explain.
public enum CohortMatcher {
    /// From this many mentor–mentee pairs, unlimited lists are matched without holding them
    /// (``ExactStableInstance``): a cohort of 7,000 × 7,000 may have tens of millions of
    /// acceptable pairs, over 100 bytes each in the complete lists.
    package static let exactPairCount = 50_000_000

    /// Matches `cohort` under `policy`.
    ///
    /// - Complexity: dominated by scoring, O(mentees × mentors); matching and verification are
    ///   O(L) in the total length of the preference lists.
    ///   With a `scheduler`, each mentor's capacity is first capped by the sessions their
    ///   availability can hold (so matching never promises more than the calendar can keep), and
    ///   every pair is then given its series of sessions.
    /// - Parameters:
    ///   - exact: whether to find the stable matching without holding the complete lists
    ///     (``ExactStableInstance``); `nil` chooses by size: unlimited lists, no schedule, the
    ///     stable objective and at least ``exactPairCount`` mentor–mentee pairs. Both ways give
    ///     the same matching.
    ///   - countingRelaxations: also count, for the report, the pairs each rule's relaxation
    ///     would add (``MatchOutcome/ruleRelaxations``), beside the matching.
    public static func match(
        _ cohort: Cohort, policy: MatchingPolicy, scheduler: SessionScheduler? = nil,
        progress: any ProgressObserver = NoProgress(), exact: Bool? = nil, countingRelaxations: Bool = false
    ) -> MatchOutcome {
        match(
            cohort, policy: policy, scheduler: scheduler, progress: progress, exact: exact, window: nil,
            countingRelaxations: countingRelaxations)
    }

    /// ``match(_:policy:scheduler:progress:exact:countingRelaxations:)`` offering each mentee
    /// `window` mentors at first in the exact method (tests use tiny windows to extend them often).
    static func match(
        _ cohort: Cohort, policy: MatchingPolicy, scheduler: SessionScheduler?, progress: any ProgressObserver,
        exact: Bool?, window: Int?, countingRelaxations: Bool = false
    ) -> MatchOutcome {
        var cohort = cohort
        var capacityCaps: [CapacityCap] = []
        if let scheduler {
            for index in cohort.mentors.indices {
                let usable = scheduler.slotCapacity(of: cohort.mentors[index])
                if usable < cohort.mentors[index].capacity {
                    capacityCaps.append(CapacityCap(mentor: index, offered: cohort.mentors[index].capacity, usable: usable))
                    cohort.mentors[index].capacity = usable
                }
            }
        }
        let compiled = progress.phase("Preparing the answers") { CompiledCohort(cohort: cohort, policy: policy) }
        let useExact =
            exact
            ?? (policy.maxListLength == nil && scheduler == nil && policy.objective == .stable
                && cohort.mentees.count * cohort.mentors.count >= exactPairCount)
        var scored: ScoredInstance
        var ranks: ListRanks?
        var passes: ExactPasses?
        if useExact {
            let reduced = ExactStableInstance(
                compiled, window: window ?? ExactStableInstance.initialWindow, progress: progress)
            scored = reduced.scored
            ranks = reduced.ranks
            passes = reduced.passes
        } else {
            scored = PreferenceBuilder.build(compiled, progress: progress)
        }
        let chosenChoice = policy.objective == .stable ? policy.optimal : nil
        let cappedCohort = cohort
        let withoutSessions = Set(capacityCaps.filter { $0.usable == 0 }.map(\.mentor))
        // Every pair made gets a slot. A pair the schedule cannot place is made unacceptable and
        // the matching solved again, under the same objective and choice, until every pair has
        // one; the final matching is then stable (or most-pairs) for the instance without the
        // removed pairs, which is what the verifier checks. Each round removes at least one of
        // the L acceptable pairs, so there are at most L rounds. Almost every run has one:
        // capacities are already capped by what each mentor's time can hold. The first round
        // compares the alternatives while it schedules, betting that every pair gets a slot;
        // later rounds cost only a rotation poset, one solution (O(L) each) and a schedule, and
        // the report and explanations are made once, for the matching that is kept. A run whose
        // start times leave most acceptable pairs without a common slot can take hundreds of
        // rounds (generated 2,000 x 500 with a half-hour window of start times: about 800).
        let rounds = {
            matchRounds(
                scored: scored, policy: policy, chosenChoice: chosenChoice, compiled: compiled, scheduler: scheduler,
                cohort: cappedCohort, withoutSessions: withoutSessions, capacityCaps: capacityCaps, ranks: ranks,
                passes: passes, useExact: useExact, progress: progress)
        }
        // The exact method's reduced lists cannot count the relaxations (``CohortInsights``).
        guard countingRelaxations, !useExact else { return rounds() }
        // They need only the scored lists, so they are counted while the rounds run, which
        // leave a core idle much of the time, and kept if no round changed the lists.
        let listsScored = scored
        var (outcome, relaxations) = Concurrently.run(
            onCallingThread: rounds,
            beside: { RelaxationCounter.relaxations(compiled: compiled, scored: listsScored, objective: policy.objective) })
        if outcome.withoutSlot.isEmpty { outcome.ruleRelaxations = relaxations }
        return outcome
    }

    /// Matches `scored` until every pair made has a slot, removing those that got none (see
    /// ``match(_:policy:scheduler:progress:exact:countingRelaxations:)``).
    private static func matchRounds(
        scored: ScoredInstance, policy: MatchingPolicy, chosenChoice: StableChoice?, compiled: CompiledCohort,
        scheduler: SessionScheduler?, cohort: Cohort, withoutSessions: Set<Int>, capacityCaps: [CapacityCap],
        ranks: ListRanks?, passes: ExactPasses?, useExact: Bool, progress: any ProgressObserver
    ) -> MatchOutcome {
        var scored = scored
        var withoutSlot: [SessionScheduler.Unscheduled] = []
        while true {
            let round = matchRound(
                scored: scored, policy: policy, chosenChoice: chosenChoice, compiled: compiled, scheduler: scheduler,
                cohort: cohort, withoutSessions: withoutSessions, removedSoFar: withoutSlot.count,
                isFirst: withoutSlot.isEmpty, ranks: ranks, progress: progress)
            guard let matched = round.matched else {
                withoutSlot += round.unplaced
                scored = scored.removing(round.unplaced.map { (mentee: $0.mentee, mentor: $0.mentor) })
                continue
            }
            var outcome = matched.outcome
            outcome.objective = policy.objective
            outcome.exactPasses = passes
            if useExact { completeExplanations(&outcome, compiled: compiled, progress: progress) }
            outcome.tradeOff = matched.tradeOff
            outcome.capacityCaps = capacityCaps
            outcome.withoutSlot = withoutSlot
            outcome.unmatched = outcome.unmatched.map { person in
                // Whoever a removed pair left without a partner is told so, naming the partner
                // of the last such pair (the one the latest matching gave them).
                guard
                    let removed = withoutSlot.last(where: {
                        person.side == .mentee ? $0.mentee == person.index : $0.mentor == person.index
                    })
                else { return person }
                let partner =
                    person.side == .mentee
                    ? PersonName(id: cohort.mentors[removed.mentor].id, name: cohort.mentors[removed.mentor].name)
                    : PersonName(id: cohort.mentees[removed.mentee].id, name: cohort.mentees[removed.mentee].name)
                var person = person
                person.reason = .noSlot(partner: partner, reason: removed.reason)
                return person
            }
            return outcome
        }
    }

    /// Checks the exact method's matching against every pair, and puts numbers from the complete lists
    /// into the explanations of those left unmatched (made from the reduced lists):
    /// how many acceptable partners each has, and where a reserve mentee's first choice ranks
    /// them.
    private static func completeExplanations(
        _ outcome: inout MatchOutcome, compiled: CompiledCohort, progress: any ProgressObserver
    ) {
        let instance = outcome.scored.instance
        var asking = [Int32](repeating: -1, count: compiled.menteeCount)
        for person in outcome.unmatched where person.side == .mentee {
            if case .reserveList = person.reason, let first = instance.hospitals(preferredBy: person.index).first {
                asking[person.index] = first
            }
        }
        let check = AllPairsCheck(outcome.matching, compiled: compiled, asking: asking, progress: progress)
        outcome.allPairs = check
        outcome.unmatched = outcome.unmatched.map { person in
            var person = person
            switch (person.side, person.reason) {
            case (.mentee, .reserveList(_, let firstChoice, _, let places, _)):
                person.reason = .reserveList(
                    candidates: Int(check.menteeAcceptable[person.index]), firstChoice: firstChoice,
                    rankThere: Int(check.rankAtAskedMentor[person.index]) + 1, places: places, leftOff: 0)
            case (.mentor, .noPossiblePartner), (.mentor, .everyCandidatePrefersAnother):
                let candidates = Int(check.mentorAcceptable[person.index])
                if candidates > 0 {
                    person.reason = .everyCandidatePrefersAnother(
                        candidates: candidates, freePlaces: Int(compiled.capacities[person.index]))
                }
            default: break
            }
            return person
        }
    }

    /// One matching of `scored`, with its report, explanation and schedule; or, when some of
    /// its pairs get no slot, those pairs (`unplaced`) and no outcome.
    private static func matchRound(
        scored: ScoredInstance, policy: MatchingPolicy, chosenChoice: StableChoice?, compiled: CompiledCohort,
        scheduler: SessionScheduler?, cohort: Cohort, withoutSessions: Set<Int>, removedSoFar: Int, isFirst: Bool,
        ranks: ListRanks?, progress: any ProgressObserver
    ) -> (matched: (outcome: MatchOutcome, tradeOff: TradeOff)?, unplaced: [SessionScheduler.Unscheduled]) {
        let entries = scored.instance.entryCount
        let finding =
            removedSoFar == 0
            ? "Finding the stable matching"
            : "Finding the stable matching again, without \(removedSoFar) pair(s) that got no slot"
        // One rotation poset serves the chosen matching and every alternative in the report.
        let (poset, weights, stable) = progress.phase(finding, total: entries, unit: "list entries") {
            let poset = RotationPoset(scored.instance)
            let weights = scored.pairWeights
            return (poset, weights, TradeOff.solve(policy.optimal, poset: poset, weights: weights, ranks: ranks))
        }
        let compare = { @Sendable in
            TradeOff.compute(
                scored: scored, poset: poset, chosen: stable, chosenChoice: chosenChoice, weights: weights, ranks: ranks)
        }
        let schedule = { @Sendable (matching: Matching) in
            scheduler.map { scheduler in
                var pairs: [(mentor: Int, mentee: Int)] = []
                for mentor in 0..<compiled.mentorCount {
                    for mentee in matching.residents(of: mentor, in: scored.instance) {
                        pairs.append((mentor, Int(mentee)))
                    }
                }
                return scheduler.schedule(pairs, in: cohort)
            }
        }
        if policy.objective == .stable {
            // After a round that removed pairs, schedule first: the report waits for a matching
            // whose pairs all get a slot.
            var known: SessionScheduler.Outcome?
            if !isFirst {
                known = progress.phase("Scheduling sessions", total: stable.pairCount, unit: "pairs") { schedule(stable) }
                if let unplaced = known?.unscheduled, !unplaced.isEmpty { return (nil, unplaced) }
            }
            let scheduled = known
            // The report on the alternatives, and the schedule and explanation of the chosen
            // matching, are independent and mostly single-threaded: run them side by side.
            let phase = scheduler == nil ? "Comparing and explaining" : "Comparing, explaining and scheduling"
            let (compared, explained) = progress.phase(phase, total: entries, unit: "list entries") {
                Concurrently.run(compare) { () -> (MatchOutcome?, [SessionScheduler.Unscheduled]) in
                    let sessions = scheduled ?? schedule(stable)
                    if let unplaced = sessions?.unscheduled, !unplaced.isEmpty { return (nil, unplaced) }
                    var explained = explain(
                        stable, optimal: policy.optimal, compiled: compiled, scored: scored, withoutSessions: withoutSessions,
                        ranks: ranks)
                    explained.schedule = sessions
                    return (explained, [])
                }
            }
            guard let outcome = explained.0 else { return (nil, explained.1) }
            return ((outcome, compared.tradeOff), [])
        }
        let (tradeOff, coverage) = progress.phase("Comparing the alternatives", total: entries, unit: "list entries", compare)
        var sessions: SessionScheduler.Outcome?
        if scheduler != nil {
            sessions = progress.phase("Scheduling sessions", total: coverage.pairCount, unit: "pairs") { schedule(coverage) }
            if let unplaced = sessions?.unscheduled, !unplaced.isEmpty { return (nil, unplaced) }
        }
        var outcome = progress.phase("Verifying and explaining", total: entries, unit: "list entries") {
            explain(
                coverage, optimal: policy.optimal, compiled: compiled, scored: scored, withoutSessions: withoutSessions,
                ranks: ranks)
        }
        outcome.schedule = sessions
        return ((outcome, tradeOff), [])
    }

    /// Verifies and explains any matching of the scored instance (also one made elsewhere).
    /// - Parameter withoutSessions: mentors whose capacity the schedule cut to 0.
    /// - Parameter ranks: each entry's rank in the complete lists, when `scored` holds part of them.
    static func explain(
        _ matching: Matching, optimal: StableChoice, compiled: CompiledCohort, scored: ScoredInstance,
        withoutSessions: Set<Int> = [], ranks: ListRanks? = nil
    ) -> MatchOutcome {
        let instance = scored.instance
        let report = StabilityVerifier.verify(matching, in: instance)
        let pairExplainer = PairExplainer(compiled: compiled)
        var pairs: [MatchedPair] = []
        for mentor in 0..<compiled.mentorCount {
            for mentee in matching.residents(of: mentor, in: instance) {
                let menteeIndex = Int(mentee)
                let verdict = compiled.verdict(mentee: menteeIndex, mentor: mentor)
                var menteeRank = instance.rank(ofHospital: mentor, forResident: menteeIndex) ?? -1
                var mentorRank = instance.rank(ofResident: menteeIndex, forHospital: mentor) ?? -1
                if let ranks {
                    if menteeRank >= 0 {
                        menteeRank = Int(ranks.residentEntryRanks[Int(instance.residentListStart[menteeIndex]) + menteeRank])
                    }
                    if mentorRank >= 0 {
                        mentorRank = Int(ranks.hospitalEntryRanks[Int(instance.hospitalListStart[mentor]) + mentorRank])
                    }
                }
                pairs.append(
                    MatchedPair(
                        mentor: mentor, mentee: menteeIndex, score: verdict.pairScore, menteeRank: menteeRank + 1,
                        mentorRank: mentorRank + 1, reasons: pairExplainer.reasons(mentee: menteeIndex, mentor: mentor)))
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
