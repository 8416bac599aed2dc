import Dispatch
import StableMatching

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
            DispatchQueue.concurrentPerform(iterations: chunkCount) { chunk in
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
        let total = chunks.reduce(0) { $0 + $1.entries.count }
        var residentLists = ContiguousArray<Int32>()
        var menteeScores = ContiguousArray<Int32>()
        var mentorScoresByMenteeEntry = ContiguousArray<Int32>()
        residentLists.reserveCapacity(total)
        menteeScores.reserveCapacity(total)
        mentorScoresByMenteeEntry.reserveCapacity(total)
        var menteeRejections = ContiguousArray<Int32>()
        menteeRejections.reserveCapacity(menteeCount * reasons)
        var mentorCounts = ContiguousArray<Int32>(repeating: 0, count: mentorCount * MentorCounter.allCases.count)
        var mentorListLength = ContiguousArray<Int32>(repeating: 0, count: mentorCount)
        var mentee = 0
        for chunk in chunks {
            for (offset, length) in chunk.listLengths.enumerated() {
                residentListStart[mentee + offset + 1] = residentListStart[mentee + offset] + length
            }
            for entry in chunk.entries {
                residentLists.append(entry.partner)
                menteeScores.append(entry.score)
                mentorScoresByMenteeEntry.append(entry.otherScore)
                mentorListLength[Int(entry.partner)] += 1
            }
            mentee += chunk.listLengths.count
            menteeRejections.append(contentsOf: chunk.menteeRejections)
            for index in chunk.mentorCounts.indices { mentorCounts[index] &+= chunk.mentorCounts[index] }
        }

        // Every mentor–mentee pair ends in exactly one rejection or in the mentee's list, so the
        // common case, no common time, is what the counted outcomes leave over.
        var mentorRejections = ContiguousArray<Int32>(repeating: 0, count: mentorCount * reasons)
        for mentor in 0..<mentorCount {
            func count(_ counter: MentorCounter) -> Int32 {
                mentorCounts[mentor * MentorCounter.allCases.count + counter.rawValue]
            }
            func set(_ rejection: PairRejection, _ value: Int32) {
                mentorRejections[mentor * reasons + rejection.rawValue] = value
            }
            if compiled.capacities[mentor] == 0 {
                set(.mentorCapacityZero, Int32(menteeCount))
                continue
            }
            set(.sameOrganisation, count(.sameOrganisation))
            set(.excluded, count(.excluded))
            set(.incompatibleFormat, count(.incompatibleFormat))
            let screened = count(.sameOrganisation) + count(.excluded) + count(.incompatibleFormat) + count(.passed)
            set(.noCommonTime, Int32(menteeCount) - screened)
            set(.belowMinimumScore, count(.belowMinimumScore))
            set(.beyondListLength, count(.passed) - count(.belowMinimumScore) - mentorListLength[mentor])
        }

        // Mentor lists: bucket the kept pairs by mentor, then sort each bucket by the mentor's view.
        var hospitalListStart = ContiguousArray<Int32>(repeating: 0, count: mentorCount + 1)
        for mentor in 0..<mentorCount {
            hospitalListStart[mentor + 1] = hospitalListStart[mentor] + mentorListLength[mentor]
        }
        var fill = Array(hospitalListStart.dropLast())
        var mentorEntries = [Entry](repeating: Entry(score: 0, partner: 0, tie: 0, otherScore: 0), count: residentLists.count)
        for mentee in 0..<menteeCount {
            for position in Int(residentListStart[mentee])..<Int(residentListStart[mentee + 1]) {
                let mentor = Int(residentLists[position])
                mentorEntries[Int(fill[mentor])] = Entry(
                    score: mentorScoresByMenteeEntry[position], partner: Int32(mentee),
                    tie: compiled.tieKey(ranker: compiled.mentorIdHash[mentor], candidate: compiled.menteeIdHash[mentee]),
                    otherScore: menteeScores[position])
                fill[mentor] += 1
            }
        }
        mentorEntries.withUnsafeMutableBufferPointer { entries in
            for mentor in 0..<mentorCount {
                entries[Int(hospitalListStart[mentor])..<Int(hospitalListStart[mentor + 1])].sort()
            }
        }
        let hospitalLists = ContiguousArray(mentorEntries.map(\.partner))
        let mentorScores = ContiguousArray(mentorEntries.map(\.score))
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
    /// About how many entries the preference lists will hold, from scoring an evenly spaced
    /// sample of `sampleSize` mentees against everyone: lets a caller warn before a cohort
    /// with unlimited lists needs more memory than the machine has.
    /// - Complexity: O(`sampleSize` × mentors).
    public static func estimatedEntryCount(_ compiled: CompiledCohort, sampleSize: Int = 256) -> Int {
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
