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
    /// Each mentee's acceptable mentors, and each mentor's acceptable mentees.
    package var menteeAcceptable: [Int32] = []
    package var mentorAcceptable: [Int32] = []
    /// For each mentee given a mentor to ask about, that mentor's 0-based rank of the mentee in
    /// its complete list (-1 for the others).
    package var rankAtAskedMentor: [Int32] = []

    static let exampleCount = 20

    /// Whether no acceptable pair blocks the matching and every matched pair is acceptable.
    public var isStable: Bool { blockingPairs == 0 && unacceptablePairs == 0 }

    /// Checks `matching` (mentee → mentor) against every pair of `compiled`.
    /// - Complexity: O(mentees × mentors) pair screens on all cores; O(people) memory.
    /// - Parameter asking: for each mentee, a mentor whose rank of them to find, or -1.
    package init(
        _ matching: Matching, compiled: CompiledCohort, asking: [Int32]? = nil, progress: any ProgressObserver = NoProgress()
    ) {
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

        // The asked ranks: each mentor's askers' keys, sorted, as CSR. Every visited pair adds
        // one to the askers the mentor ranks below it (a difference array per piece).
        var askStart = [Int](repeating: 0, count: mentorCount + 1)
        var askKeys: [Key] = []
        var askMentees: [Int32] = []
        if let asking {
            var byMentor: [[(key: Key, mentee: Int32)]] = Array(repeating: [], count: mentorCount)
            for mentee in asking.indices where asking[mentee] >= 0 {
                let mentor = Int(asking[mentee])
                let verdict = compiled.verdict(mentee: mentee, mentor: mentor)
                byMentor[mentor].append(
                    (compiled.mentorKey(mentor: mentor, mentee: mentee, score: verdict.mentorScore), Int32(mentee)))
            }
            for mentor in 0..<mentorCount {
                for asker in byMentor[mentor].sorted(by: { $0.key < $1.key }) {
                    askKeys.append(asker.key)
                    askMentees.append(asker.mentee)
                }
                askStart[mentor + 1] = askKeys.count
            }
        }

        /// Counts and tests the pairs of one piece. Reads the shared keys and writes its own
        /// counters through pointers: it runs for every acceptable pair, and array accesses
        /// would check bounds and uniqueness each time. Free its counters with `release()`.
        struct Counter: PairVisitor {
            let compiled: CompiledCohort
            let partnerKey: UnsafePointer<Key>
            let worstKey: UnsafePointer<Key>
            let askStart: UnsafePointer<Int>
            let askKeys: UnsafePointer<Key>
            var acceptable = 0
            var blocking = 0
            var examples: [BlockingPair] = []
            let menteeAcceptable: UnsafeMutableBufferPointer<Int32>
            let mentorAcceptable: UnsafeMutableBufferPointer<Int32>
            let askedDifference: UnsafeMutableBufferPointer<Int32>
            let first: Int

            init(
                compiled: CompiledCohort,
                shared: (UnsafePointer<Key>, UnsafePointer<Key>, UnsafePointer<Int>, UnsafePointer<Key>),
                slots: Range<Int>, askCount: Int
            ) {
                self.compiled = compiled
                (partnerKey, worstKey, askStart, askKeys) = shared
                func zeros(_ count: Int) -> UnsafeMutableBufferPointer<Int32> {
                    let buffer = UnsafeMutableBufferPointer<Int32>.allocate(capacity: count)
                    buffer.initialize(repeating: 0)
                    return buffer
                }
                menteeAcceptable = zeros(slots.count)
                mentorAcceptable = zeros(compiled.mentorCount)
                askedDifference = zeros(askCount + 1)
                first = slots.lowerBound
            }

            func release() {
                for buffer in [menteeAcceptable, mentorAcceptable, askedDifference] { buffer.deallocate() }
            }

            mutating func begin(mentee: Int, slot: Int) -> Bool { true }

            // Inlined into the scan's loop: a call per acceptable pair costs more than its body's
            // common path.
            @inline(__always)
            mutating func visit(mentee: Int, slot: Int, mentor: Int, menteeScore: Int32, mentorScore: Int32) {
                acceptable &+= 1
                menteeAcceptable[slot - first] &+= 1
                mentorAcceptable[mentor] &+= 1
                let asked = askStart[mentor]..<askStart[mentor + 1]
                // Scores decide most comparisons; the tie key (three hashes) only equal ones.
                let partner = partnerKey[mentee]
                let worst = worstKey[mentor]
                let prefersMentor =
                    menteeScore != partner.score
                    ? menteeScore > partner.score
                    : compiled.menteeKey(mentee: mentee, mentor: mentor, score: menteeScore) < partner
                guard prefersMentor || !asked.isEmpty else { return }
                // The mentor's key of the pair, made only when a score ties.
                var tiedKey: Key?
                func mentorKey() -> Key {
                    if let tiedKey { return tiedKey }
                    let key = compiled.mentorKey(mentor: mentor, mentee: mentee, score: mentorScore)
                    tiedKey = key
                    return key
                }
                if !asked.isEmpty {
                    // The first asker the mentor ranks below the pair.
                    var low = asked.lowerBound
                    var high = asked.upperBound
                    while low < high {
                        let middle = (low + high) / 2
                        let asker = askKeys[middle]
                        let askerFirst = asker.score != mentorScore ? asker.score > mentorScore : asker <= mentorKey()
                        if askerFirst { low = middle + 1 } else { high = middle }
                    }
                    askedDifference[low] &+= 1
                    askedDifference[asked.upperBound] &-= 1
                }
                guard prefersMentor, worst.score != mentorScore ? mentorScore > worst.score : mentorKey() < worst
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
        let askCount = askKeys.count
        // Copies the counters' shared inputs live in for the scan (the pieces only read them).
        func copy<Element>(_ values: some Collection<Element>) -> UnsafeMutableBufferPointer<Element> {
            let buffer = UnsafeMutableBufferPointer<Element>.allocate(capacity: max(1, values.count))
            _ = buffer.initialize(from: values)
            return buffer
        }
        let shared = (copy(partnerKey), copy(worstKey), copy(askStart), copy(askKeys))
        defer {
            shared.0.deallocate()
            shared.1.deallocate()
            shared.2.deallocate()
            shared.3.deallocate()
        }
        nonisolated(unsafe) let inputs = (
            UnsafePointer(shared.0.baseAddress.unsafelyUnwrapped), UnsafePointer(shared.1.baseAddress.unsafelyUnwrapped),
            UnsafePointer(shared.2.baseAddress.unsafelyUnwrapped), UnsafePointer(shared.3.baseAddress.unsafelyUnwrapped)
        )
        let counters = progress.phase("Checking every pair", total: menteeCount * mentorCount, unit: "pairs") {
            all.withUnsafeBufferPointer { list in
                scan.scan(list, progress: progress) { _, slots in
                    Counter(compiled: compiled, shared: inputs, slots: slots, askCount: askCount)
                }
            }
        }
        defer { for counter in counters { counter.release() } }
        var mentorAcceptable = [Int32](repeating: 0, count: mentorCount)
        var difference = [Int32](repeating: 0, count: askKeys.count + 1)
        for counter in counters {
            menteeAcceptable.append(contentsOf: counter.menteeAcceptable)
            for mentor in 0..<mentorCount { mentorAcceptable[mentor] &+= counter.mentorAcceptable[mentor] }
            for index in difference.indices { difference[index] &+= counter.askedDifference[index] }
        }
        self.mentorAcceptable = mentorAcceptable
        rankAtAskedMentor = [Int32](repeating: -1, count: asking == nil ? 0 : menteeCount)
        var running: Int32 = 0
        for index in askKeys.indices {
            running &+= difference[index]
            rankAtAskedMentor[Int(askMentees[index])] = running
        }
        acceptablePairs = counters.reduce(0) { $0 + $1.acceptable }
        blockingPairs = counters.reduce(0) { $0 + $1.blocking }
        examples = Array(counters.flatMap(\.examples).prefix(Self.exampleCount))
        unacceptablePairs = unacceptable
    }
}
