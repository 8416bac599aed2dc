import StableMatching

// Public (the type and `build` only): the Benchmarks package times scoring on its own.
/// Scores every mentor–mentee pair and turns the scores into ranked preference lists.
///
/// Each mentee ranks their acceptable mentors by the mentee's score (best first) and keeps at
/// most `maxListLength`; each mentor ranks the mentees who kept them by the mentor's score.
/// Equal scores are ordered by a seeded hash of both people's ids: arbitrary but fixed for a
/// seed, and not biased towards anyone across lists.
public enum PreferenceBuilder {
    /// One acceptable pair as seen by the person ranking it.
    struct Entry: Comparable {
        var score: Int32
        var partner: Int32
        var tie: UInt64
        var otherScore: Int32

        /// Better score first, then the lower tie key, then (only if two ids hash alike) the
        /// lower index, so the order is total and selection equals sorting.
        static func ranksBefore(_ lhs: Entry, _ rhs: Entry) -> Bool {
            if lhs.score != rhs.score { return lhs.score > rhs.score }
            if lhs.tie != rhs.tie { return lhs.tie < rhs.tie }
            return lhs.partner < rhs.partner
        }

        /// "Ranks before", so that plain `sort()` puts the best first (and is specialised
        /// with the comparison inlined, unlike a closure).
        static func < (lhs: Entry, rhs: Entry) -> Bool { ranksBefore(lhs, rhs) }
    }

    /// Scores all pairs (on all cores) and builds the instance.
    ///
    /// - Complexity: O(mentees × mentors) pair screens, three word `AND`s each for most pairs;
    ///   O(acceptable pairs) scorings; O(L log L) sorting for lists of total length L (with a
    ///   list-length limit k, O(n log k) selection instead of sorting whole lists).
    public static func build(_ compiled: CompiledCohort, progress: any ProgressObserver = NoProgress()) -> ScoredInstance {
        let menteeCount = compiled.menteeCount
        let mentorCount = compiled.mentorCount
        let screen = MentorScreen(compiled)
        // Enough chunks to balance the load on any core count; each keeps its own mentor counters.
        let chunkCount = max(1, min(menteeCount, 32))
        let chunks = UnsafeMutableBufferPointer<ScoredChunk>.allocate(capacity: chunkCount)
        chunks.initialize(repeating: ScoredChunk())
        defer { chunks.deinitialize().deallocate() }
        nonisolated(unsafe) let sharedChunks = chunks
        progress.phase("Scoring pairs", total: menteeCount * mentorCount, unit: "pairs") {
            Concurrently.forEach(chunkCount, threads: Concurrently.processorCount) { chunk in
                let mentees = (chunk * menteeCount / chunkCount)..<((chunk + 1) * menteeCount / chunkCount)
                sharedChunks[chunk] = ChunkScorer(compiled: compiled, screen: screen).score(mentees, progress: progress)
            }
        }
        return assemble(UnsafeBufferPointer(chunks), compiled: compiled, screen: screen)
    }

    /// Joins the chunks' mentee lists, derives the mentors' lists and the rejection counters
    /// that were not counted pair by pair.
    static func assemble(_ chunks: UnsafeBufferPointer<ScoredChunk>, compiled: CompiledCohort, screen: MentorScreen)
        -> ScoredInstance
    {
        let menteeCount = compiled.menteeCount
        let mentorCount = compiled.mentorCount
        let reasons = PairRejection.allCases.count
        var residentListStart = ContiguousArray<Int32>(repeating: 0, count: menteeCount + 1)
        // Where each chunk's entries start in the joined lists.
        let entryStart: [Int] = {
            var starts = [0]
            for chunk in chunks { starts.append(starts[starts.count - 1] + chunk.entries.count) }
            return starts
        }()
        let total = entryStart[chunks.count]
        var residentLists = ContiguousArray<Int32>(repeating: 0, count: total)
        var menteeScores = ContiguousArray<Int32>(repeating: 0, count: total)
        var mentorScoresByMenteeEntry = ContiguousArray<Int32>(repeating: 0, count: total)
        // Each chunk's entries have their own range of the joined lists: copied on every core,
        // each chunk counting the entries that name each mentor.
        nonisolated(unsafe) let sharedChunks = chunks
        let named = residentLists.withUnsafeMutableBufferPointer { lists in
            menteeScores.withUnsafeMutableBufferPointer { scores in
                mentorScoresByMenteeEntry.withUnsafeMutableBufferPointer { otherScores in
                    nonisolated(unsafe) let (lists, scores, otherScores) = (lists, scores, otherScores)
                    return Concurrently.map(chunks.count, threads: Concurrently.processorCount) { index in
                        var named = ContiguousArray<Int32>(repeating: 0, count: mentorCount)
                        var position = entryStart[index]
                        for entry in sharedChunks[index].entries {
                            lists[position] = entry.partner
                            scores[position] = entry.score
                            otherScores[position] = entry.otherScore
                            named[Int(entry.partner)] &+= 1
                            position += 1
                        }
                        return named
                    }
                }
            }
        }
        var mentorListLength = ContiguousArray<Int32>(repeating: 0, count: mentorCount)
        for counts in named {
            for mentor in 0..<mentorCount { mentorListLength[mentor] &+= counts[mentor] }
        }
        var menteeRejections = ContiguousArray<Int32>()
        menteeRejections.reserveCapacity(menteeCount * reasons)
        var mentorCounts = ContiguousArray<Int32>(repeating: 0, count: mentorCount * MentorCounter.allCases.count)
        var mentee = 0
        for chunk in chunks {
            for (offset, length) in chunk.listLengths.enumerated() {
                residentListStart[mentee + offset + 1] = residentListStart[mentee + offset] + length
            }
            mentee += chunk.listLengths.count
            menteeRejections.append(contentsOf: chunk.menteeRejections)
            for index in chunk.mentorCounts.indices { mentorCounts[index] &+= chunk.mentorCounts[index] }
        }

        let mentorRejections = MentorCounter.rejections(
            counts: mentorCounts, capacities: compiled.capacities, menteeCount: menteeCount, listLengths: mentorListLength)

        let mentorLists = Self.mentorLists(
            menteeListStart: residentListStart, menteeLists: residentLists, mentorScores: mentorScoresByMenteeEntry,
            listLengths: mentorListLength, compiled: compiled,
            halves: residentLists.count >= parallelEntryCount ? 2 : 1)
        let hospitalListStart = mentorLists.start
        let hospitalLists = mentorLists.mentees
        let mentorScores = mentorLists.scores
        let capacities = ContiguousArray(compiled.capacities)

        // The lists are mutually consistent by construction, so this cannot fail; if it ever
        // did, an empty instance is a safe, verifiable answer rather than a crash.
        let instance: MatchingInstance
        do {
            instance = try MatchingInstance(
                residentListStart: residentListStart, residentLists: residentLists,
                hospitalListStart: hospitalListStart, hospitalLists: hospitalLists, capacities: capacities)
        } catch {
            preconditionFailure("PreferenceBuilder produced an inconsistent instance: \(error)")
        }
        return ScoredInstance(
            instance: instance, menteeScores: menteeScores, mentorScores: mentorScores,
            mentorScoresOfMenteeEntries: mentorScoresByMenteeEntry,
            menteeRejections: menteeRejections, mentorRejections: mentorRejections)
    }
}

extension PreferenceBuilder {
    /// Lists of at least this many entries are ranked for the mentors on two threads, which
    /// halves building the mentors' lists at 10,000 mentees (docs/performance.md).
    static let parallelEntryCount = 1 << 16

    /// How a mentor ranks one mentee who kept them, as one 128-bit key: ascending key order is
    /// ``Entry/ranksBefore(_:_:)``'s order (better score, lower tie key, lower index). Two
    /// words are cheaper to compare and to move than an `Entry` (16 bytes against 24).
    struct MentorRankKey: Comparable {
        /// The score, flipped so that a better one is smaller, then the tie key's high half.
        var high: UInt64
        /// The tie key's low half, then the mentee.
        var low: UInt64

        init(score: Int32, tie: UInt64, mentee: Int32) {
            // Offset binary orders signed scores as unsigned; inverting it puts the best first.
            let flipped = ~(UInt32(bitPattern: score) ^ 0x8000_0000)
            high = UInt64(flipped) << 32 | tie >> 32
            low = tie << 32 | UInt64(UInt32(bitPattern: mentee))
        }

        var score: Int32 { Int32(bitPattern: ~UInt32(truncatingIfNeeded: high >> 32) ^ 0x8000_0000) }
        var mentee: Int32 { Int32(bitPattern: UInt32(truncatingIfNeeded: low)) }

        static func < (lhs: Self, rhs: Self) -> Bool {
            lhs.high != rhs.high ? lhs.high < rhs.high : lhs.low < rhs.low
        }
    }

    /// The mentors' lists: every entry of the mentees' lists, bucketed by mentor (a counting
    /// sort), each bucket sorted by the mentor's view, with the mentor's scores.
    ///
    /// With two halves, one thread buckets the mentees of the first half (split where the
    /// entries halve) and another the rest, each bucket's second-half entries after its
    /// first-half ones; then each thread sorts the buckets of half of the mentors (split the
    /// same way). The result does not depend on `halves`.
    /// - Parameter listLengths: How many entries name each mentor.
    static func mentorLists(
        menteeListStart: ContiguousArray<Int32>, menteeLists: ContiguousArray<Int32>, mentorScores: ContiguousArray<Int32>,
        listLengths: ContiguousArray<Int32>, compiled: CompiledCohort, halves: Int
    ) -> (start: ContiguousArray<Int32>, mentees: ContiguousArray<Int32>, scores: ContiguousArray<Int32>) {
        let menteeCount = menteeListStart.count - 1
        let mentorCount = listLengths.count
        let entryCount = menteeLists.count
        let start: ContiguousArray<Int32> = {
            var start = ContiguousArray<Int32>(repeating: 0, count: mentorCount + 1)
            for mentor in 0..<mentorCount { start[mentor + 1] = start[mentor] + listLengths[mentor] }
            return start
        }()
        let menteeSplit = halves == 1 ? menteeCount : MatchingInstance.firstPerson(from: menteeListStart, atEntry: entryCount / 2)
        let mentorSplit = halves == 1 ? mentorCount : MatchingInstance.firstPerson(from: start, atEntry: entryCount / 2)
        // Where each half places its next entry naming each mentor: the first half from the
        // bucket's start, the second after the first half's entries naming that mentor.
        let cursors: [ContiguousArray<Int32>] = {
            let first = ContiguousArray(start.dropLast())
            guard halves == 2 else { return [first] }
            var second = first
            for position in 0..<Int(menteeListStart[menteeSplit]) { second[Int(menteeLists[position])] &+= 1 }
            return [first, second]
        }()
        let keys = UnsafeMutableBufferPointer<MentorRankKey>.allocate(capacity: entryCount)
        defer { keys.deallocate() }
        nonisolated(unsafe) let sharedKeys = keys
        Concurrently.forEach(halves) { half in
            var cursor = cursors[half]
            for mentee in half == 0 ? 0..<menteeSplit : menteeSplit..<menteeCount {
                let menteeHash = compiled.menteeIdHash[mentee]
                for position in Int(menteeListStart[mentee])..<Int(menteeListStart[mentee + 1]) {
                    let mentor = Int(menteeLists[position])
                    let slot = Int(cursor[mentor])
                    cursor[mentor] = Int32(truncatingIfNeeded: slot &+ 1)
                    let tie = compiled.tieKey(ranker: compiled.mentorIdHash[mentor], candidate: menteeHash)
                    sharedKeys.initializeElement(
                        at: slot,
                        to: MentorRankKey(
                            score: mentorScores[position], tie: tie, mentee: Int32(truncatingIfNeeded: mentee)))
                }
            }
        }
        // Each half sorts its mentors' buckets and takes the mentees and scores out of them while
        // they are still in the core's cache.
        var mentees = ContiguousArray<Int32>(repeating: 0, count: entryCount)
        var scores = ContiguousArray<Int32>(repeating: 0, count: entryCount)
        mentees.withUnsafeMutableBufferPointer { mentees in
            scores.withUnsafeMutableBufferPointer { scores in
                nonisolated(unsafe) let (mentees, scores) = (mentees, scores)
                Concurrently.forEach(halves) { half in
                    for mentor in half == 0 ? 0..<mentorSplit : mentorSplit..<mentorCount {
                        let bucket = Int(start[mentor])..<Int(start[mentor + 1])
                        var bucketKeys = UnsafeMutableBufferPointer(rebasing: sharedKeys[bucket])
                        bucketKeys.sort()
                        for slot in bucket {
                            mentees[slot] = sharedKeys[slot].mentee
                            scores[slot] = sharedKeys[slot].score
                        }
                    }
                }
            }
        }
        return (start, mentees, scores)
    }
}

extension PreferenceBuilder {
    /// About how many entries the preference lists will hold, from scoring an evenly spaced
    /// sample of `sampleSize` mentees against everyone: lets a caller warn before a cohort
    /// with unlimited lists needs more memory than the machine has.
    /// - Complexity: O(`sampleSize` × mentors).
    package static func estimatedEntryCount(_ compiled: CompiledCohort, sampleSize: Int = 256) -> Int {
        let menteeCount = compiled.menteeCount
        guard menteeCount > 0, sampleSize > 0 else { return 0 }
        let screen = MentorScreen(compiled)
        let scorer = ChunkScorer(compiled: compiled, screen: screen)
        let sample = min(sampleSize, menteeCount)
        var kept = 0
        for index in 0..<sample {
            let mentee = index * menteeCount / sample
            kept += scorer.score(mentee..<(mentee + 1), progress: NoProgress()).entries.count
        }
        return Int((Double(kept) * Double(menteeCount) / Double(sample)).rounded())
    }
}
