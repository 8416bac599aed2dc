import StableMatching

/// Finds, for an unmatched mentee, the smallest single change that would let a mentor with a
/// free place (or one who would then prefer them to a mentee they hold) take them.
///
/// The changes tried for each mentor: a common window, when the pair shares no session time;
/// accepting online, when their formats clash; a shared language, when the pair is acceptable
/// but scores too low for the mentor or the minimum; a lower minimum score. Pairs barred by
/// the organisation and exclusion rules are left out: those rules are the coordinator's to
/// relax (``RuleRelaxation``), not a change one person makes.
struct HelpFinder: Sendable {
    let compiled: CompiledCohort
    /// Mentees each mentor holds.
    let taken: [Int]
    /// The mentor's own score of the lowest-ranked mentee they hold (millionths).
    let worstHeld: [Int32]
    let everyone: Int

    init(compiled: CompiledCohort, scored: ScoredInstance, matching: Matching) {
        self.compiled = compiled
        var taken = [Int](repeating: 0, count: compiled.mentorCount)
        var worst = [Int32](repeating: Int32.max, count: compiled.mentorCount)
        for mentee in 0..<compiled.menteeCount {
            let mentor = Int(matching.hospitalOfResident[mentee])
            guard mentor >= 0 else { continue }
            taken[mentor] += 1
            worst[mentor] = min(worst[mentor], compiled.verdict(mentee: mentee, mentor: mentor).mentorScore)
        }
        self.taken = taken
        worstHeld = worst
        everyone = compiled.mentorCount + compiled.menteeCount
    }

    /// A candidate change for one mentor.
    private struct Candidate {
        var mentor: Int
        var change: HelpChange
        var score: Double
        var affected: Int
        var displaces: Bool

        /// Fewer people affected first, then the higher score.
        func isBetter(than other: Candidate?) -> Bool {
            guard let other else { return true }
            if affected != other.affected { return affected < other.affected }
            return score > other.score
        }
    }

    /// The suggestion for mentee `mentee` (by index).
    /// - Complexity: O(mentors) pair evaluations; a window search (O(quarter hours of the
    ///   week)) only for pairs that the most generous window would make work.
    func suggestion(for mentee: Int) -> HelpSuggestion {
        var best: Candidate?
        for mentor in 0..<compiled.mentorCount where compiled.capacities[mentor] > 0 {
            if let candidate = candidate(mentee: mentee, mentor: mentor), candidate.isBetter(than: best) { best = candidate }
        }
        let id = compiled.cohort.mentees[mentee].id
        guard let best else {
            return HelpSuggestion(mentee: id, change: nil, mentor: nil, score: 0, peopleAffected: 0, displacesSomeone: false)
        }
        return HelpSuggestion(
            mentee: id, change: best.change, mentor: compiled.cohort.mentors[best.mentor].id, score: best.score,
            peopleAffected: best.affected, displacesSomeone: best.displaces)
    }

    private func candidate(mentee: Int, mentor: Int) -> Candidate? {
        let isFree = taken[mentor] < Int(compiled.capacities[mentor])
        let displaced = isFree ? 0 : 1
        func works(_ verdict: PairVerdict) -> Bool {
            verdict.rejection == nil && (isFree || verdict.mentorScore > worstHeld[mentor])
        }
        var change = PairChange()
        var formatChange: HelpChange?
        switch compiled.ruleRejection(mentee: mentee, mentor: mentor) {
        case .incompatibleFormat:
            if compiled.menteeFormat[mentee] == .inPerson {
                change.menteeFormat = .either
                formatChange = .acceptOnline(side: .mentee)
            } else {
                change.mentorFormat = .either
                formatChange = .acceptOnline(side: .mentor)
            }
        case nil: break
        default: return nil
        }
        let hasCommonTime = compiled.hasCommonSession(mentee: mentee, mentor: mentor)
        if let formatChange {
            guard hasCommonTime else { return nil }
            let verdict = compiled.whatIfVerdict(mentee: mentee, mentor: mentor, change)
            guard works(verdict) else { return nil }
            return Candidate(
                mentor: mentor, change: formatChange, score: verdict.pairScore, affected: 1 + displaced, displaces: !isFree)
        }
        if !hasCommonTime {
            // The most a window could add is a whole session; if even that is not enough, no window is.
            change.extraCommonSlots = WeeklyAvailability.slots(forMinutes: compiled.policy.sessionMinutes)
            guard works(compiled.whatIfVerdict(mentee: mentee, mentor: mentor, change)),
                let window = compiled.smallestCommonWindow(mentee: mentee, mentor: mentor)
            else { return nil }
            change.extraCommonSlots = window.added
            let verdict = compiled.whatIfVerdict(mentee: mentee, mentor: mentor, change)
            guard works(verdict) else { return nil }
            let perDay = WeeklyAvailability.slotsPerDay
            let startMinute = window.start % perDay * WeeklyAvailability.slotMinutes
            guard let day = Weekday(rawValue: window.start / perDay) else { return nil }
            return Candidate(
                mentor: mentor,
                change: .commonWindow(
                    side: window.side, day: day, startMinute: startMinute,
                    endMinute: startMinute + compiled.policy.sessionMinutes),
                score: verdict.pairScore, affected: 1 + displaced, displaces: !isFree)
        }
        let asIs = compiled.scoredVerdict(mentee: mentee, mentor: mentor)
        // Acceptable and wanted as it is: the mentee was cut by the list length, not by a change.
        if works(asIs) { return nil }
        if compiled.sharedLanguageValue(mentee: mentee, mentor: mentor) < 1 {
            change.sharesFirstLanguage = true
            let verdict = compiled.whatIfVerdict(mentee: mentee, mentor: mentor, change)
            if works(verdict) {
                return Candidate(
                    mentor: mentor, change: .sharedLanguage(language: language(mentee: mentee, mentor: mentor)),
                    score: verdict.pairScore, affected: 1 + displaced, displaces: !isFree)
            }
        }
        if asIs.rejection == .belowMinimumScore, isFree || asIs.mentorScore > worstHeld[mentor] {
            // Two decimals, rounded down, so the pair's own score clears the new minimum.
            let minimum = (asIs.pairScore * 100).rounded(.down) / 100
            return Candidate(
                mentor: mentor, change: .lowerMinimumScore(to: minimum), score: asIs.pairScore,
                affected: everyone, displaces: !isFree)
        }
        return nil
    }

    /// The language an interpreter would bring: the mentee's first, else the mentor's.
    private func language(mentee: Int, mentor: Int) -> String {
        compiled.cohort.mentees[mentee].languages.first ?? compiled.cohort.mentors[mentor].languages.first ?? "a shared language"
    }
}
