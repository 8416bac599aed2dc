import StableMatching

/// A matching checked against every mentor–mentee pair of the cohort: one streaming pass that
/// scores each pair, counts the acceptable ones and tests each for blocking, storing nothing
/// per pair. Independent of how the matching was found: it reads only the cohort, the policy
/// and the matching.
public struct AllPairsCheck: Sendable, Hashable {
    /// Pairs that pass every hard rule and the minimum score.
    public var acceptablePairs: Int
    /// Acceptable pairs that block the matching.
    public var blockingPairs: Int
    /// The first blocking pairs found, by mentee (at most ``exampleCount``).
    package var examples: [BlockingPair]
    /// Matched pairs that are not acceptable.
    package var unacceptablePairs: Int

    static let exampleCount = 20

    /// Whether no acceptable pair blocks the matching and every matched pair is acceptable.
    public var isStable: Bool { blockingPairs == 0 && unacceptablePairs == 0 }

    /// Checks `matching` (mentee → mentor) against every pair of `compiled`.
    /// - Complexity: O(mentees × mentors) pair screens on all cores; O(people) memory.
    package init(_ matching: Matching, compiled: CompiledCohort, progress: any ProgressObserver = NoProgress()) {
        typealias Key = PreferenceBuilder.MentorRankKey
        let menteeCount = compiled.menteeCount
        let mentorCount = compiled.mentorCount
        var partnerKey = ContiguousArray<Key>(repeating: Key.last, count: menteeCount)
        var worstKey = ContiguousArray<Key>(repeating: Key.first, count: mentorCount)
        var fill = ContiguousArray<Int32>(repeating: 0, count: mentorCount)
        var unacceptable = 0
        for mentee in 0..<min(menteeCount, matching.hospitalOfResident.count) {
            let mentor = Int(matching.hospitalOfResident[mentee])
            guard mentor >= 0, mentor < mentorCount else { continue }
            let verdict = compiled.verdict(mentee: mentee, mentor: mentor)
            if verdict.rejection != nil { unacceptable += 1 }
            partnerKey[mentee] = compiled.menteeKey(mentee: mentee, mentor: mentor, score: verdict.menteeScore)
            let key = compiled.mentorKey(mentor: mentor, mentee: mentee, score: verdict.mentorScore)
            if worstKey[mentor] < key { worstKey[mentor] = key }
            fill[mentor] += 1
        }
        // A mentor with a free place takes anyone acceptable.
        for mentor in 0..<mentorCount where fill[mentor] < compiled.capacities[mentor] { worstKey[mentor] = Key.last }
        for mentor in 0..<mentorCount where fill[mentor] > compiled.capacities[mentor] { unacceptable += 1 }

        struct Counter: PairVisitor {
            let compiled: CompiledCohort
            let partnerKey: ContiguousArray<Key>
            let worstKey: ContiguousArray<Key>
            var acceptable = 0
            var blocking = 0
            var examples: [BlockingPair] = []

            mutating func begin(mentee: Int, slot: Int) -> Bool { true }

            mutating func visit(mentee: Int, slot: Int, mentor: Int, menteeScore: Int32, mentorScore: Int32) {
                acceptable &+= 1
                guard compiled.menteeKey(mentee: mentee, mentor: mentor, score: menteeScore) < partnerKey[mentee],
                    compiled.mentorKey(mentor: mentor, mentee: mentee, score: mentorScore) < worstKey[mentor]
                else { return }
                blocking &+= 1
                if examples.count < AllPairsCheck.exampleCount {
                    examples.append(BlockingPair(resident: Int32(mentee), hospital: Int32(mentor)))
                }
            }

            mutating func end(mentee: Int, slot: Int) {}
        }
        let scan = PairScan(compiled)
        let all = ContiguousArray(0..<Int32(menteeCount))
        let partners = partnerKey
        let worst = worstKey
        let counters = progress.phase("Checking every pair", total: menteeCount * mentorCount, unit: "pairs") {
            all.withUnsafeBufferPointer { list in
                scan.scan(list, progress: progress) { _, _ in Counter(compiled: compiled, partnerKey: partners, worstKey: worst) }
            }
        }
        acceptablePairs = counters.reduce(0) { $0 + $1.acceptable }
        blockingPairs = counters.reduce(0) { $0 + $1.blocking }
        examples = Array(counters.flatMap(\.examples).prefix(Self.exampleCount))
        unacceptablePairs = unacceptable
    }
}
