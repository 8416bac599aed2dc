import StableMatching

/// The size of the mentee-optimal stable matching of the scored lists with some pairs added,
/// found without building the merged instance.
///
/// Mentees propose down their lists merged on the fly with their added pairs (each list in
/// scoring's order, cut to the list length); a mentor compares proposers by the key their
/// lists are sorted by (better score, then the seeded tie key, then the index), so the
/// mentors' lists are never built. Deferred acceptance over the merged instance makes the same
/// proposals and the same choices, so it matches the same people. At 10,000 × 2,500 with the
/// sample configuration, merging both sides' lists, building the instance and solving it took
/// about three times the processor time of this (docs/performance.md).
struct RelaxedMatching {
    /// The added pairs of each mentee, in the mentee's order (CSR over mentees).
    private let addedStart: [Int32]
    private let added: [PreferenceBuilder.Entry]

    /// - Parameter adding: pairs not in the scored lists, each with both sides' scores.
    init(adding: [RelaxationCounter.Added], compiled: CompiledCohort) {
        let menteeCount = compiled.menteeCount
        // A counting sort by mentee, then each mentee's few pairs sorted by the mentee's view.
        var start = [Int32](repeating: 0, count: menteeCount + 1)
        for pair in adding { start[Int(pair.mentee) + 1] += 1 }
        for mentee in 0..<menteeCount { start[mentee + 1] += start[mentee] }
        var cursor = start
        let empty = PreferenceBuilder.Entry(score: 0, partner: 0, tie: 0, otherScore: 0)
        var entries = [PreferenceBuilder.Entry](repeating: empty, count: adding.count)
        for pair in adding {
            let mentee = Int(pair.mentee)
            entries[Int(cursor[mentee])] = PreferenceBuilder.Entry(
                score: pair.menteeScore, partner: pair.mentor,
                tie: compiled.tieKey(ranker: compiled.menteeIdHash[mentee], candidate: compiled.mentorIdHash[Int(pair.mentor)]),
                otherScore: pair.mentorScore)
            cursor[mentee] += 1
        }
        for mentee in 0..<menteeCount where start[mentee + 1] - start[mentee] > 1 {
            entries[Int(start[mentee])..<Int(start[mentee + 1])].sort()
        }
        addedStart = start
        added = entries
    }

    /// How many pairs the mentee-optimal stable matching has.
    /// - Complexity: O(M + m + L) proposals and memory, where L is the merged lists' length;
    ///   each proposal costs one tie key and, when the mentor is full, a scan of the mentees
    ///   they hold.
    func pairCount(scored: ScoredInstance, compiled: CompiledCohort) -> Int {
        let instance = scored.instance
        let menteeCount = instance.residentCount
        let mentorCount = instance.hospitalCount
        let limit = compiled.policy.maxListLength ?? Int.max
        // Each mentor's held mentees sit in `capacity` slots from `slotStart`.
        var slotStart = [Int](repeating: 0, count: mentorCount + 1)
        for mentor in 0..<mentorCount { slotStart[mentor + 1] = slotStart[mentor] + Int(instance.capacities[mentor]) }
        var held = [PreferenceBuilder.MentorRankKey](
            repeating: PreferenceBuilder.MentorRankKey(score: 0, tie: 0, mentee: 0), count: slotStart[mentorCount])
        var heldCount = [Int32](repeating: 0, count: mentorCount)
        // The slot of the worst mentee a full mentor holds.
        var worst = [Int32](repeating: 0, count: mentorCount)
        var nextListed = instance.residentListStart
        var nextAdded = addedStart
        var proposed = [Int](repeating: 0, count: menteeCount)
        for first in 0..<menteeCount {
            var mentee = first
            // Propose until someone is held (ending the chain) or the mentee runs out of list.
            proposing: while proposed[mentee] < limit {
                let listedEnd = Int(instance.residentListStart[mentee + 1])
                let addedEnd = Int(addedStart[mentee + 1])
                let listed = Int(nextListed[mentee])
                let extra = Int(nextAdded[mentee])
                let takesListed: Bool
                if extra == addedEnd {
                    guard listed < listedEnd else { break }
                    takesListed = true
                } else if listed == listedEnd {
                    takesListed = false
                } else {
                    let other = added[extra]
                    let score = scored.menteeScores[listed]
                    let partner = instance.residentLists[listed]
                    let tie =
                        score == other.score
                        ? compiled.tieKey(
                            ranker: compiled.menteeIdHash[mentee], candidate: compiled.mentorIdHash[Int(partner)]) : 0
                    takesListed = PreferenceBuilder.Entry.ranksBefore(
                        PreferenceBuilder.Entry(score: score, partner: partner, tie: tie, otherScore: 0), other)
                }
                let mentor: Int
                let mentorScore: Int32
                if takesListed {
                    mentor = Int(instance.residentLists[listed])
                    mentorScore = scored.mentorScoresOfMenteeEntries[listed]
                    nextListed[mentee] += 1
                } else {
                    mentor = Int(added[extra].partner)
                    mentorScore = added[extra].otherScore
                    nextAdded[mentee] += 1
                }
                proposed[mentee] += 1
                let capacity = slotStart[mentor + 1] - slotStart[mentor]
                guard capacity > 0 else { continue }
                let key = PreferenceBuilder.MentorRankKey(
                    score: mentorScore,
                    tie: compiled.tieKey(ranker: compiled.mentorIdHash[mentor], candidate: compiled.menteeIdHash[mentee]),
                    mentee: Int32(mentee))
                let count = Int(heldCount[mentor])
                if count < capacity {
                    held[slotStart[mentor] + count] = key
                    heldCount[mentor] += 1
                    if count + 1 == capacity {
                        worst[mentor] = Int32(Self.worstSlot(held, slotStart[mentor]..<slotStart[mentor + 1]))
                    }
                    break proposing
                }
                let worstSlot = Int(worst[mentor])
                guard key < held[worstSlot] else { continue }
                let displaced = Int(held[worstSlot].mentee)
                held[worstSlot] = key
                worst[mentor] = Int32(Self.worstSlot(held, slotStart[mentor]..<slotStart[mentor + 1]))
                mentee = displaced
            }
        }
        return heldCount.reduce(0) { $0 + Int($1) }
    }

    /// The slot of the mentee the mentor likes least.
    private static func worstSlot(_ held: [PreferenceBuilder.MentorRankKey], _ slots: Range<Int>) -> Int {
        var worst = slots.lowerBound
        for slot in slots where held[worst] < held[slot] { worst = slot }
        return worst
    }
}
