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
    /// Mentors with a place left, and mentors taking part who are full, in input order.
    let freeMentors: [Int]
    let fullMentors: [Int]
    /// Each side's weights for ``scoreBound(_:themes:availability:prefers:)``.
    let menteeBound: BoundWeights
    let mentorBound: BoundWeights
    /// Quarter hours of one session: the most a window adds to common time.
    let sessionSlots: Int
    let themesNeedConsent: Bool
    let availabilityNeedsConsent: Bool

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
        let taking = (0..<compiled.mentorCount).filter { compiled.capacities[$0] > 0 }
        freeMentors = taking.filter { taken[$0] < Int(compiled.capacities[$0]) }
        fullMentors = taking.filter { taken[$0] >= Int(compiled.capacities[$0]) }
        func bound(_ weights: CriterionWeights) -> BoundWeights {
            BoundWeights(
                themes: weights[.themes], availability: weights[.availability],
                rest: [Criterion.language, .format, .town].reduce(0) { $0 + weights[$1] }, preference: weights[.preference])
        }
        menteeBound = bound(compiled.policy.menteeWeights)
        mentorBound = bound(compiled.policy.mentorWeights)
        sessionSlots = WeeklyAvailability.slots(forMinutes: compiled.policy.sessionMinutes)
        themesNeedConsent = compiled.sensitiveMask & 1 << UInt8(Criterion.themes.index) != 0
        availabilityNeedsConsent = compiled.sensitiveMask & 1 << UInt8(Criterion.availability.index) != 0
    }

    /// Sort keys: the low ``mentorBits`` bits hold the mentor, the bits above the bound in
    /// units of 1 / ``boundScale``.
    static let mentorBits: UInt64 = 24
    static let mentorMask: UInt64 = 1 << mentorBits - 1
    static let boundScale = 4_294_967_296.0

    /// One side's weights, grouped as ``scoreBound(_:themes:availability:prefers:)`` uses them.
    struct BoundWeights {
        var themes: Double
        var availability: Double
        var rest: Double
        var preference: Double
    }

    /// A candidate change for one mentor.
    private struct Candidate {
        var mentor: Int
        var change: HelpChange
        var score: Double
        var affected: Int
        var displaces: Bool
    }

    /// The suggestion for mentee `mentee` (by index).
    ///
    /// The changes touching fewest people come first, so the mentors are tried in three rounds,
    /// each only when the one before found nothing: mentors with a free place (one person
    /// changes), full mentors who would then prefer the mentee (one changes, one is let go), and
    /// a lower minimum score (everyone). Within a round the best resulting score wins; a mentor
    /// whose pair cannot beat it, by a bound from the themes and the most common time a change
    /// can give, is skipped unscored.
    /// - Complexity: O(mentors) bounds; a scoring, and a window search (O(quarter hours of the
    ///   week)), only for mentors the bound does not rule out.
    func suggestion(for mentee: Int) -> HelpSuggestion {
        var best = search(mentee: mentee, in: freeMentors, lowerMinimum: false)
        if best == nil { best = search(mentee: mentee, in: fullMentors, lowerMinimum: false) }
        if best == nil, compiled.policy.minimumScore > 0 {
            best = search(mentee: mentee, in: freeMentors + fullMentors, lowerMinimum: true)
        }
        let id = compiled.cohort.mentees[mentee].id
        guard let best else {
            return HelpSuggestion(mentee: id, change: nil, mentor: nil, score: 0, peopleAffected: 0, displacesSomeone: false)
        }
        return HelpSuggestion(
            mentee: id, change: best.change, mentor: compiled.cohort.mentors[best.mentor].id, score: best.score,
            peopleAffected: best.affected, displacesSomeone: best.displaces)
    }

    private func search(mentee: Int, in mentors: [Int], lowerMinimum: Bool) -> Candidate? {
        let menteePrefers = !compiled.menteePreferred[mentee].isEmpty
        // Each mentor's bound on the pair's score, best first: once a bound falls below the best
        // score found, no later mentor can win. Sorted as one word each: the bound rounded up to
        // 2^-32 above, the mentor below (complemented: of equal bounds, the first signed up first).
        var bounded: [UInt64] = []
        bounded.reserveCapacity(mentors.count)
        let target = Double(max(1, compiled.policy.availabilityTargetMinutes))
        for mentor in mentors {
            let themes = themeShare(mentee: mentee, mentor: mentor)
            // No change adds more common time than one session (a window); the others add none.
            let common = compiled.commonSlotCount(mentee: mentee, mentor: mentor) + sessionSlots
            // Without a consent it needs, common time does not count: full marks bound any value.
            let availability =
                availabilityNeedsConsent && !(compiled.menteeConsent[mentee] && compiled.mentorConsent[mentor])
                ? 1 : min(1, Double(common * WeeklyAvailability.slotMinutes) / target)
            let mentorBound = Self.scoreBound(
                mentorBound, themes: themes, availability: availability, prefers: !compiled.mentorPreferred[mentor].isEmpty)
            // A full mentor takes the mentee only for a better score than one they hold.
            let isFree = taken[mentor] < Int(compiled.capacities[mentor])
            if !isFree, mentorBound * 1_000_000 + 1 < Double(worstHeld[mentor]) { continue }
            let menteeBound = Self.scoreBound(
                menteeBound, themes: themes, availability: availability, prefers: menteePrefers)
            let bound = UInt64(((menteeBound + mentorBound) / 2 * Self.boundScale).rounded(.up))
            bounded.append(bound << Self.mentorBits | (Self.mentorMask - UInt64(mentor)))
        }
        // Usually a few mentors decide it: take them best first from a heap rather than sort all.
        var heap = MaxHeap(bounded)
        var best: Candidate?
        while let key = heap.popMax() {
            let bound = Double(key >> Self.mentorBits) / Self.boundScale
            let mentor = Int(Self.mentorMask - key & Self.mentorMask)
            // Scores are whole millionths: a bound below the best by more than rounding cannot win.
            if let best, bound < best.score - 0.000_002 { break }
            guard let candidate = candidate(mentee: mentee, mentor: mentor, lowerMinimum: lowerMinimum, toBeat: best?.score)
            else { continue }
            // Equal scores go to the mentor first in the sign-ups.
            if let best, candidate.score < best.score || candidate.score == best.score && candidate.mentor > best.mentor {
                continue
            }
            best = candidate
        }
        return best
    }

    /// The share of the mentee's wanted themes the mentor offers, or `nil` when themes do not
    /// count for the pair (the mentee wants none, or a consent is missing).
    private func themeShare(mentee: Int, mentor: Int) -> Double? {
        let wanted = compiled.menteeThemeCount[mentee]
        guard wanted > 0 else { return nil }
        if themesNeedConsent, !(compiled.menteeConsent[mentee] && compiled.mentorConsent[mentor]) { return nil }
        let words = compiled.themeWords
        var covered = 0
        for word in 0..<words {
            covered &+=
                (compiled.menteeThemes[mentee * words + word] & compiled.mentorThemes[mentor * words + word]).nonzeroBitCount
        }
        return Double(covered) / Double(wanted)
    }

    /// The most a side's score can be whatever the change: the themes as they are, common time
    /// at most `availability`, every other criterion at full marks. A weighted mean of values up
    /// to 1 only grows as more criteria at 1 join it, so this bounds every combination of
    /// criteria that apply.
    private static func scoreBound(_ weights: BoundWeights, themes: Double?, availability: Double, prefers: Bool) -> Double {
        let rest = weights.rest + (prefers ? weights.preference : 0)
        let total = weights.themes + weights.availability + rest
        guard total > 0 else { return 0 }
        let themeTerm = themes.map { weights.themes * $0 } ?? weights.themes
        return (themeTerm + weights.availability * availability + rest) / total
    }

    /// - Parameter toBeat: the best score so far: a window is searched for only if the most
    ///   generous one could beat it.
    private func candidate(mentee: Int, mentor: Int, lowerMinimum: Bool, toBeat: Double?) -> Candidate? {
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
        if lowerMinimum {
            // Only the minimum stands in the way: the pair breaks no rule and shares time.
            guard formatChange == nil, hasCommonTime else { return nil }
            let asIs = compiled.scoredVerdict(mentee: mentee, mentor: mentor)
            guard asIs.rejection == .belowMinimumScore, isFree || asIs.mentorScore > worstHeld[mentor] else { return nil }
            // Two decimals, rounded down, so the pair's own score clears the new minimum.
            let minimum = (asIs.pairScore * 100).rounded(.down) / 100
            return Candidate(
                mentor: mentor, change: .lowerMinimumScore(to: minimum), score: asIs.pairScore, affected: everyone,
                displaces: !isFree)
        }
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
            let generous = compiled.whatIfVerdict(mentee: mentee, mentor: mentor, change)
            guard works(generous), generous.pairScore >= toBeat ?? 0,
                let window = compiled.smallestCommonWindow(mentee: mentee, mentor: mentor)
            else { return nil }
            // A window all of whose quarter hours are added is the generous change itself.
            let verdict: PairVerdict
            if window.added == change.extraCommonSlots {
                verdict = generous
            } else {
                change.extraCommonSlots = window.added
                verdict = compiled.whatIfVerdict(mentee: mentee, mentor: mentor, change)
            }
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
        // Acceptable and wanted as it is: the mentee was cut by the list length, not by a change.
        guard !works(compiled.scoredVerdict(mentee: mentee, mentor: mentor)),
            compiled.sharedLanguageValue(mentee: mentee, mentor: mentor) < 1
        else { return nil }
        change.sharesFirstLanguage = true
        let verdict = compiled.whatIfVerdict(mentee: mentee, mentor: mentor, change)
        guard works(verdict) else { return nil }
        return Candidate(
            mentor: mentor, change: .sharedLanguage(language: language(mentee: mentee, mentor: mentor)),
            score: verdict.pairScore, affected: 1 + displaced, displaces: !isFree)
    }

    /// The language an interpreter would bring: the mentee's first, else the mentor's.
    private func language(mentee: Int, mentor: Int) -> String {
        compiled.cohort.mentees[mentee].languages.first ?? compiled.cohort.mentors[mentor].languages.first ?? "a shared language"
    }
}

/// A binary max-heap of words, built in O(n); each ``popMax()`` costs O(log n).
struct MaxHeap {
    private var items: [UInt64]
    private var count: Int

    init(_ items: [UInt64]) {
        self.items = items
        count = items.count
        for index in stride(from: count / 2 - 1, through: 0, by: -1) { siftDown(index) }
    }

    /// The largest word left, removed; `nil` when none is left.
    mutating func popMax() -> UInt64? {
        guard count > 0 else { return nil }
        let top = items[0]
        count -= 1
        items[0] = items[count]
        siftDown(0)
        return top
    }

    private mutating func siftDown(_ start: Int) {
        var parent = start
        while true {
            let left = 2 * parent + 1
            guard left < count else { return }
            let right = left + 1
            let larger = right < count && items[right] > items[left] ? right : left
            guard items[larger] > items[parent] else { return }
            items.swapAt(parent, larger)
            parent = larger
        }
    }
}
