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
    /// then the seeded tie key), mentees' lists cut to the list length.
    static func merged(scored: ScoredInstance, adding: [Added], compiled: CompiledCohort) -> MatchingInstance {
        let instance = scored.instance
        var addedByMentee: [Int32: [Added]] = [:]
        var addedByMentor: [Int32: [Added]] = [:]
        for pair in adding {
            addedByMentee[pair.mentee, default: []].append(pair)
            addedByMentor[pair.mentor, default: []].append(pair)
        }
        typealias Entry = PreferenceBuilder.Entry
        var residentStart: ContiguousArray<Int32> = [0]
        var residentLists = ContiguousArray<Int32>()
        residentLists.reserveCapacity(instance.entryCount + adding.count)
        for mentee in 0..<instance.residentCount {
            let range = Int(instance.residentListStart[mentee])..<Int(instance.residentListStart[mentee + 1])
            if let extra = addedByMentee[Int32(mentee)] {
                let hash = compiled.menteeIdHash[mentee]
                var entries = range.map { entry in
                    let mentor = instance.residentLists[entry]
                    return Entry(
                        score: scored.menteeScores[entry], partner: mentor,
                        tie: compiled.tieKey(ranker: hash, candidate: compiled.mentorIdHash[Int(mentor)]), otherScore: 0)
                }
                entries += extra.map {
                    Entry(
                        score: $0.menteeScore, partner: $0.mentor,
                        tie: compiled.tieKey(ranker: hash, candidate: compiled.mentorIdHash[Int($0.mentor)]), otherScore: 0)
                }
                entries.sort()
                let kept = compiled.policy.maxListLength.map { min($0, entries.count) } ?? entries.count
                residentLists.append(contentsOf: entries.prefix(kept).map(\.partner))
            } else {
                residentLists.append(contentsOf: instance.residentLists[range])
            }
            residentStart.append(Int32(residentLists.count))
        }
        var hospitalStart: ContiguousArray<Int32> = [0]
        var hospitalLists = ContiguousArray<Int32>()
        hospitalLists.reserveCapacity(instance.entryCount + adding.count)
        for mentor in 0..<instance.hospitalCount {
            let range = Int(instance.hospitalListStart[mentor])..<Int(instance.hospitalListStart[mentor + 1])
            if let extra = addedByMentor[Int32(mentor)] {
                let hash = compiled.mentorIdHash[mentor]
                var entries = range.map { entry in
                    let mentee = instance.hospitalLists[entry]
                    return Entry(
                        score: scored.mentorScores[entry], partner: mentee,
                        tie: compiled.tieKey(ranker: hash, candidate: compiled.menteeIdHash[Int(mentee)]), otherScore: 0)
                }
                entries += extra.map {
                    Entry(
                        score: $0.mentorScore, partner: $0.mentee,
                        tie: compiled.tieKey(ranker: hash, candidate: compiled.menteeIdHash[Int($0.mentee)]), otherScore: 0)
                }
                entries.sort()
                hospitalLists.append(contentsOf: entries.map(\.partner))
            } else {
                hospitalLists.append(contentsOf: instance.hospitalLists[range])
            }
            hospitalStart.append(Int32(hospitalLists.count))
        }
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
}

/// A value one thread writes and others read only after it finished.
final class UnsafeSendableBox<Value>: @unchecked Sendable {
    var value: Value

    init(_ value: Value) {
        self.value = value
    }
}
