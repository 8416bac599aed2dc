import StableMatching

/// Counts how many more pairs the cohort would have with each hard rule relaxed, one at a time.
///
/// A rule relaxed adds exactly the pairs it alone removed: those with common session time that
/// break that rule and no other, and that reach the minimum score. One pass over all pairs finds
/// them (a pair without common time is ruled out by three word `AND`s, as in scoring); each
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
        let added = addedPairs(compiled)
        let base = pairCount(scored.instance, objective: objective)
        let rules = Rule.allCases.filter { !added[$0.rawValue].isEmpty }
        // The rules' matchings are independent: solve them side by side.
        let counts = rules.map { _ in UnsafeSendableBox(0) }
        Concurrently.forEach(rules.count, threads: 2) { index in
            let instance = merged(scored: scored, adding: added[rules[index].rawValue], compiled: compiled)
            counts[index].value = pairCount(instance, objective: objective)
        }
        return rules.enumerated().map { index, rule in
            RuleRelaxation(
                rule: rule.key, pairsRemoved: added[rule.rawValue].count, pairsWithRule: base,
                pairsWithoutRule: counts[index].value)
        }
    }

    static func pairCount(_ instance: MatchingInstance, objective: MatchObjective) -> Int {
        switch objective {
        case .stable: DeferredAcceptance.solve(instance, optimal: .residentOptimal).pairCount
        case .coverage: CoverageMatching.solve(instance, weights: nil).pairCount
        }
    }

    /// The pairs each rule alone removed, by ``Rule/rawValue``, on both cores.
    static func addedPairs(_ compiled: CompiledCohort) -> [[Added]] {
        let rules = compiled.policy.constraints
        let hasMinimum = compiled.policy.minimumScore > 0
        let halves = compiled.menteeCount > 1 ? 2 : 1
        let results = (0..<halves).map { _ in UnsafeSendableBox<[[Added]]>([]) }
        Concurrently.forEach(halves) { half in
            var found: [[Added]] = Array(repeating: [], count: 4)
            let split = compiled.menteeCount / 2
            let mentees = halves == 1 ? 0..<compiled.menteeCount : half == 0 ? 0..<split : split..<compiled.menteeCount
            let hours = CompiledCohort.hourWords
            for mentee in mentees {
                let menteeHours = mentee * hours
                for mentor in 0..<compiled.mentorCount where compiled.capacities[mentor] > 0 {
                    let mentorHours = mentor * hours
                    var overlap: UInt64 = 0
                    for word in 0..<hours {
                        overlap |=
                            compiled.menteeSessionStartHours[menteeHours + word]
                            & compiled.mentorSessionStartHours[mentorHours + word]
                    }
                    guard overlap != 0, compiled.hasCommonSession(mentee: mentee, mentor: mentor) else { continue }
                    var broken: Rule?
                    var brokenCount = 0
                    if rules.sameOrganisation, compiled.menteeOrganisation[mentee] >= 0,
                        compiled.menteeOrganisation[mentee] == compiled.mentorOrganisation[mentor]
                    {
                        broken = .sameOrganisation
                        brokenCount += 1
                    }
                    if rules.exclusions, compiled.isExcluded(mentee: mentee, mentor: mentor) {
                        broken = .exclusions
                        brokenCount += 1
                    }
                    if rules.format, !compiled.menteeFormat[mentee].isCompatible(with: compiled.mentorFormat[mentor]) {
                        broken = .format
                        brokenCount += 1
                    }
                    guard brokenCount <= 1, brokenCount == 1 || hasMinimum else { continue }
                    let verdict = compiled.scoredVerdict(mentee: mentee, mentor: mentor)
                    let rule: Rule
                    if let broken {
                        guard verdict.rejection == nil else { continue }
                        rule = broken
                    } else {
                        guard verdict.rejection == .belowMinimumScore else { continue }
                        rule = .minimumScore
                    }
                    found[rule.rawValue].append(
                        Added(
                            mentee: Int32(mentee), mentor: Int32(mentor), menteeScore: verdict.menteeScore,
                            mentorScore: verdict.mentorScore))
                }
            }
            results[half].value = found
        }
        return (0..<4).map { rule in results.flatMap { $0.value[rule] } }
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
