import StableMatching

/// Counts how many more pairs the cohort would have with each hard rule relaxed, one at a time.
///
/// A rule relaxed adds exactly the pairs it alone removed: those with common session time that
/// break that rule and no other, and that reach the minimum score. One pass over all pairs finds
/// them (a pair without a session start in common is ruled out 64 at a time, as in scoring); each
/// rule's pairs are merged into the lists in the order scoring gives, and the matching solved
/// again. Every stable matching of an instance matches the same people, so the mentee-proposing
/// one gives the stable count; the coverage objective counts the most pairs.
enum RelaxationCounter {
    /// The relaxable rules, in report order, with their `constraints` keys.
    enum Rule: Int, CaseIterable {
        case sameOrganisation, exclusions, format, minimumScore

        var key: String { ["same_organisation", "exclusions", "format", "minimum_score"][rawValue] }
    }

    /// One added pair with both sides' scores.
    struct Added {
        var mentee: Int32
        var mentor: Int32
        var menteeScore: Int32
        var mentorScore: Int32
    }

    /// The relaxations of every rule that is on and removed at least one pair.
    /// - Complexity: O(mentees × mentors) screens, then O(L + A log A) per rule that added
    ///   `A` pairs, and one matching each.
    static func relaxations(compiled: CompiledCohort, scored: ScoredInstance, objective: MatchObjective) -> [RuleRelaxation] {
        let added = addedPairs(compiled, scored: scored)
        let rules = Rule.allCases.filter { !added[$0.rawValue].isEmpty }
        // The matchings with each rule relaxed, and the one with every rule (index 0), are
        // independent: solve them side by side.
        let counts = (0...rules.count).map { _ in UnsafeSendableBox(0) }
        Concurrently.forEach(counts.count, threads: 2) { index in
            let adding = index == 0 ? [] : added[rules[index - 1].rawValue]
            counts[index].value = pairCount(scored: scored, adding: adding, compiled: compiled, objective: objective)
        }
        return rules.enumerated().map { index, rule in
            RuleRelaxation(
                rule: rule.key, pairsRemoved: added[rule.rawValue].count, pairsWithRule: counts[0].value,
                pairsWithoutRule: counts[index + 1].value)
        }
    }

    /// The pairs of a stable (or most-pairs) matching of the scored lists with `adding` merged in.
    static func pairCount(scored: ScoredInstance, adding: [Added], compiled: CompiledCohort, objective: MatchObjective)
        -> Int
    {
        switch objective {
        case .stable:
            RelaxedMatching(adding: adding, compiled: compiled).pairCount(scored: scored, compiled: compiled)
        case .coverage:
            CoverageMatching.solve(
                adding.isEmpty ? scored.instance : merged(scored: scored, adding: adding, compiled: compiled), weights: nil
            ).pairCount
        }
    }

    /// The pairs each rule alone removed, by ``Rule/rawValue``, on all cores.
    ///
    /// Scanned as scoring scans (``MentorScreen``, a tile of mentors at a time): a pair that
    /// breaks a rule is among the screen's candidates whenever it has a session start in
    /// common. Pairs that break one rule are scored; with a minimum score, so are those that
    /// break none and are not in the scored lists (a listed pair reaches the minimum), to find
    /// the ones below it.
    /// - Parameter scored: the lists, whose pairs need no scoring; `nil` scores every pair.
    static func addedPairs(_ compiled: CompiledCohort, scored: ScoredInstance?) -> [[Added]] {
        let screen = MentorScreen(compiled)
        let rules = compiled.policy.constraints
        let hasMinimum = screen.policy.hasMinimum
        let menteeCount = compiled.menteeCount
        let pieces = max(1, min(menteeCount, 16 * Concurrently.processorCount))
        let results = (0..<pieces).map { _ in UnsafeSendableBox<[[Added]]>([]) }
        Concurrently.forEach(pieces, threads: Concurrently.processorCount) { piece in
            var found: [[Added]] = Array(repeating: [], count: Rule.allCases.count)
            let wordsPerMentee = compiled.themeWords + compiled.languageWords
            let scratch = UnsafeMutablePointer<UInt64>.allocate(capacity: max(1, wordsPerMentee))
            defer { scratch.deallocate() }
            let tileWords = UnsafeMutablePointer<UInt64>.allocate(capacity: ChunkScorer.tileSize / 64 + 1)
            defer { tileWords.deallocate() }
            let candidates = UnsafeMutablePointer<Int32>.allocate(capacity: ChunkScorer.tileSize)
            defer { candidates.deallocate() }
            // The mentors in the mentee's list, a bit each: most pairs that break no rule are
            // listed, and scoring them again was about two fifths of this scan at 10,000 mentees.
            var listed = [UInt64](repeating: 0, count: scored == nil ? 0 : (compiled.mentorCount + 63) / 64)
            for mentee in (piece * menteeCount / pieces)..<((piece + 1) * menteeCount / pieces) {
                let list =
                    scored.map { mentee < $0.instance.residentCount ? $0.instance.hospitals(preferredBy: mentee) : [] } ?? []
                for mentor in list { listed[Int(mentor) >> 6] |= 1 << UInt64(mentor & 63) }
                defer { for mentor in list { listed[Int(mentor) >> 6] = 0 } }
                var view = MenteeView(scratch: scratch, themeWords: compiled.themeWords)
                view.load(mentee, from: compiled, policy: screen.policy)
                for tileStart in stride(from: 0, to: screen.count, by: ChunkScorer.tileSize) {
                    let tile = tileStart..<min(screen.count, tileStart + ChunkScorer.tileSize)
                    let count = screen.tiles.candidates(tile, view, words: tileWords, into: candidates)
                    for candidate in 0..<count {
                        let active = Int(candidates[candidate])
                        guard screen.sharesSession(active, view) else { continue }
                        let mentor = Int(screen.mentors[active])
                        var broken: Rule?
                        var brokenCount = 0
                        if screen.organisation[active] == view.organisation {
                            broken = .sameOrganisation
                            brokenCount += 1
                        }
                        if rules.exclusions, compiled.isExcluded(mentee: mentee, mentor: mentor) {
                            broken = .exclusions
                            brokenCount += 1
                        }
                        if screen.format[active] & view.compatibleFormats == 0 {
                            broken = .format
                            brokenCount += 1
                        }
                        guard brokenCount <= 1, brokenCount == 1 || hasMinimum else { continue }
                        if brokenCount == 0, !listed.isEmpty, listed[mentor >> 6] & 1 << UInt64(mentor & 63) != 0 {
                            continue
                        }
                        let criteria = screen.criteria(screen.measures(active, view), active, view)
                        let menteeScore = screen.menteeScore(criteria, active, view)
                        let mentorScore = screen.mentorScore(criteria, active, view)
                        let reachesMinimum = screen.policy.reachesMinimum(menteeScore: menteeScore, mentorScore: mentorScore)
                        let rule: Rule
                        if let broken {
                            guard reachesMinimum else { continue }
                            rule = broken
                        } else {
                            guard !reachesMinimum else { continue }
                            rule = .minimumScore
                        }
                        found[rule.rawValue].append(
                            Added(
                                mentee: Int32(mentee), mentor: Int32(mentor), menteeScore: menteeScore,
                                mentorScore: mentorScore))
                    }
                }
            }
            results[piece].value = found
        }
        return Rule.allCases.map { rule in results.flatMap { $0.value[rule.rawValue] } }
    }

    /// The scored lists with `adding` merged in, each list in scoring's order (better score,
    /// then the seeded tie key), mentees' lists cut to the list length. Each list is already in
    /// that order, so only the added entries are sorted and then merged in.
    static func merged(scored: ScoredInstance, adding: [Added], compiled: CompiledCohort) -> MatchingInstance {
        let instance = scored.instance
        var addedByMentee: [Int32: [Added]] = [:]
        var addedByMentor: [Int32: [Added]] = [:]
        for pair in adding {
            addedByMentee[pair.mentee, default: []].append(pair)
            addedByMentor[pair.mentor, default: []].append(pair)
        }
        let (residentStart, residentLists) = mergedLists(
            start: instance.residentListStart, lists: instance.residentLists, scores: scored.menteeScores,
            added: addedByMentee, limit: compiled.policy.maxListLength,
            rankerHash: { compiled.menteeIdHash[$0] }, partnerHash: { compiled.mentorIdHash[Int($0)] },
            entry: { PreferenceBuilder.Entry(score: $0.menteeScore, partner: $0.mentor, tie: 0, otherScore: 0) },
            compiled: compiled)
        let (hospitalStart, hospitalLists) = mergedLists(
            start: instance.hospitalListStart, lists: instance.hospitalLists, scores: scored.mentorScores,
            added: addedByMentor, limit: nil,
            rankerHash: { compiled.mentorIdHash[$0] }, partnerHash: { compiled.menteeIdHash[Int($0)] },
            entry: { PreferenceBuilder.Entry(score: $0.mentorScore, partner: $0.mentee, tie: 0, otherScore: 0) },
            compiled: compiled)
        // Both sides list the same pairs (a mentee's cut entries are dropped from the mentors'
        // lists as one-sided), so this cannot fail.
        do {
            return try MatchingInstance(
                residentListStart: residentStart, residentLists: residentLists, hospitalListStart: hospitalStart,
                hospitalLists: hospitalLists, capacities: instance.capacities)
        } catch {
            preconditionFailure("relaxing a rule produced an inconsistent instance: \(error)")
        }
    }

    /// One side's lists (CSR) with each person's added entries merged in order.
    private static func mergedLists(
        start: ContiguousArray<Int32>, lists: ContiguousArray<Int32>, scores: ContiguousArray<Int32>, added: [Int32: [Added]],
        limit: Int?, rankerHash: (Int) -> UInt64, partnerHash: (Int32) -> UInt64,
        entry: (Added) -> PreferenceBuilder.Entry, compiled: CompiledCohort
    ) -> (start: ContiguousArray<Int32>, lists: ContiguousArray<Int32>) {
        var newStart: ContiguousArray<Int32> = [0]
        newStart.reserveCapacity(start.count)
        var newLists = ContiguousArray<Int32>()
        newLists.reserveCapacity(lists.count + added.values.reduce(0) { $0 + $1.count })
        for person in 0..<(start.count - 1) {
            let range = Int(start[person])..<Int(start[person + 1])
            guard let extra = added[Int32(person)] else {
                newLists.append(contentsOf: lists[range])
                newStart.append(Int32(newLists.count))
                continue
            }
            let hash = rankerHash(person)
            var entries = extra.map { pair in
                var item = entry(pair)
                item.tie = compiled.tieKey(ranker: hash, candidate: partnerHash(item.partner))
                return item
            }
            entries.sort()
            let cap = limit ?? Int.max
            var written = 0
            var position = range.lowerBound
            var next = 0
            while written < cap, position < range.upperBound || next < entries.count {
                var takesListed = next == entries.count
                if !takesListed, position < range.upperBound {
                    let partner = lists[position]
                    let listed = PreferenceBuilder.Entry(
                        score: scores[position], partner: partner,
                        tie: scores[position] == entries[next].score
                            ? compiled.tieKey(ranker: hash, candidate: partnerHash(partner)) : 0, otherScore: 0)
                    takesListed = PreferenceBuilder.Entry.ranksBefore(listed, entries[next])
                }
                if takesListed {
                    newLists.append(lists[position])
                    position += 1
                } else {
                    newLists.append(entries[next].partner)
                    next += 1
                }
                written += 1
            }
            newStart.append(Int32(newLists.count))
        }
        return (newStart, newLists)
    }
}

/// A value one thread writes and others read only after it finished.
final class UnsafeSendableBox<Value>: @unchecked Sendable {
    var value: Value

    init(_ value: Value) {
        self.value = value
    }
}
