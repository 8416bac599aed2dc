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
    struct Entry {
        var score: Int32
        var partner: Int32
        var tie: UInt64
        var otherScore: Int32

        /// Better score first, then the lower tie key.
        static func ranksBefore(_ lhs: Entry, _ rhs: Entry) -> Bool {
            lhs.score != rhs.score ? lhs.score > rhs.score : lhs.tie < rhs.tie
        }
    }

    /// The result of scoring one block of mentees.
    struct Block {
        var listLengths: [Int32] = []
        var entries: [Entry] = []
        var menteeRejections: [Int32] = []
        var mentorRejections: [Int32] = []
    }

    /// Scores all pairs (on all cores) and builds the instance.
    ///
    /// - Complexity: O(mentees × mentors) pair checks, each a few word operations, plus
    ///   O(L log L) for sorting the lists of total length L.
    public static func build(_ compiled: CompiledCohort) -> ScoredInstance {
        let menteeCount = compiled.menteeCount
        let mentorCount = compiled.mentorCount
        let reasons = PairRejection.allCases.count
        let blockSize = 256
        let blockCount = (menteeCount + blockSize - 1) / blockSize
        let blocks = UnsafeMutableBufferPointer<Block>.allocate(capacity: max(blockCount, 1))
        blocks.initialize(repeating: Block())
        defer { blocks.deinitialize().deallocate() }
        nonisolated(unsafe) let sharedBlocks = blocks
        DispatchQueue.concurrentPerform(iterations: blockCount) { blockIndex in
            let menteeRange = (blockIndex * blockSize)..<min(menteeCount, (blockIndex + 1) * blockSize)
            sharedBlocks[blockIndex] = scoreBlock(menteeRange, compiled: compiled)
        }

        // Mentee lists in mentee order; mentor rejection counters summed across blocks.
        var residentListStart = ContiguousArray<Int32>(repeating: 0, count: menteeCount + 1)
        var residentLists = ContiguousArray<Int32>()
        var menteeScores = ContiguousArray<Int32>()
        var mentorScoresByMenteeEntry = ContiguousArray<Int32>()
        var menteeRejections = ContiguousArray<Int32>()
        menteeRejections.reserveCapacity(menteeCount * reasons)
        var mentorRejections = ContiguousArray<Int32>(repeating: 0, count: mentorCount * reasons)
        var mentorListLength = ContiguousArray<Int32>(repeating: 0, count: mentorCount + 1)
        var mentee = 0
        for block in blocks {
            var cursor = 0
            for length in block.listLengths {
                residentListStart[mentee + 1] = residentListStart[mentee] + length
                for entry in block.entries[cursor..<(cursor + Int(length))] {
                    residentLists.append(entry.partner)
                    menteeScores.append(entry.score)
                    mentorScoresByMenteeEntry.append(entry.otherScore)
                    mentorListLength[Int(entry.partner)] += 1
                }
                cursor += Int(length)
                mentee += 1
            }
            menteeRejections.append(contentsOf: block.menteeRejections)
            for index in block.mentorRejections.indices { mentorRejections[index] += block.mentorRejections[index] }
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
                entries[Int(hospitalListStart[mentor])..<Int(hospitalListStart[mentor + 1])].sort(by: Entry.ranksBefore)
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

    /// Scores `mentees` against every mentor, keeping each mentee's ranked, truncated list.
    static func scoreBlock(_ mentees: Range<Int>, compiled: CompiledCohort) -> Block {
        let reasons = PairRejection.allCases.count
        let mentorCount = compiled.mentorCount
        var block = Block()
        block.menteeRejections = [Int32](repeating: 0, count: mentees.count * reasons)
        block.mentorRejections = [Int32](repeating: 0, count: mentorCount * reasons)
        var candidates: [Entry] = []
        candidates.reserveCapacity(mentorCount)
        for mentee in mentees {
            candidates.removeAll(keepingCapacity: true)
            let row = (mentee - mentees.lowerBound) * reasons
            for mentor in 0..<mentorCount {
                let verdict = compiled.verdict(mentee: mentee, mentor: mentor)
                if let rejection = verdict.rejection {
                    block.menteeRejections[row + rejection.rawValue] += 1
                    block.mentorRejections[mentor * reasons + rejection.rawValue] += 1
                    continue
                }
                candidates.append(
                    Entry(
                        score: verdict.menteeScore, partner: Int32(mentor),
                        tie: compiled.tieKey(ranker: compiled.menteeIdHash[mentee], candidate: compiled.mentorIdHash[mentor]),
                        otherScore: verdict.mentorScore))
            }
            candidates.sort(by: Entry.ranksBefore)
            if let limit = compiled.policy.maxListLength, candidates.count > limit {
                for dropped in candidates[limit...] {
                    block.menteeRejections[row + PairRejection.beyondListLength.rawValue] += 1
                    block.mentorRejections[Int(dropped.partner) * reasons + PairRejection.beyondListLength.rawValue] += 1
                }
                candidates.removeSubrange(limit...)
            }
            block.listLengths.append(Int32(candidates.count))
            block.entries.append(contentsOf: candidates)
        }
        return block
    }
}
