import BenchmarkSizes
import StableMatching

/// Seeded synthetic many-to-one markets in CSR form.
///
/// Each mentee lists 50 distinct mentors drawn with a mild popularity skew (half the draws
/// from the most popular fifth of mentors), so some mentors are heavily oversubscribed as in
/// real cohorts; each mentor lists exactly the mentees who listed it, in a seeded random order;
/// capacities are 1, 2 or 3 with weights of about 60, 30 and 10 percent (as the synthetic
/// cohort generator of TandemCore). The same size always gives the same instance.
enum SyntheticMarket {
    static let listLength = 50
    static let seed: UInt64 = 0x7A6E_6465_6D00_0001

    static func instance(_ size: BenchmarkSize) -> MatchingInstance {
        instance(mentees: size.mentees, mentors: size.mentors, seed: seed)
    }

    static func instance(mentees: Int, mentors: Int, seed: UInt64) -> MatchingInstance {
        var random = SeededGenerator(seed: seed)
        let length = min(listLength, mentors)
        let popular = max(1, mentors / 5)

        var menteeStart = ContiguousArray<Int32>()
        menteeStart.reserveCapacity(mentees + 1)
        var menteeLists = ContiguousArray<Int32>()
        menteeLists.reserveCapacity(mentees * length)
        // Last mentee to list each mentor: a duplicate check without clearing a set per mentee.
        var lastLister = ContiguousArray<Int32>(repeating: -1, count: mentors)
        menteeStart.append(0)
        for mentee in 0..<mentees {
            var count = 0
            while count < length {
                let bound = random.next() & 1 == 0 ? popular : mentors
                let mentor = Int(random.next() % UInt64(bound))
                guard lastLister[mentor] != Int32(mentee) else { continue }
                lastLister[mentor] = Int32(mentee)
                menteeLists.append(Int32(mentor))
                count += 1
            }
            menteeStart.append(Int32(menteeLists.count))
        }

        // Mentor lists: the transpose, then a seeded shuffle of each list.
        var mentorStart = ContiguousArray<Int32>(repeating: 0, count: mentors + 1)
        for mentor in menteeLists { mentorStart[Int(mentor) + 1] += 1 }
        for mentor in 0..<mentors { mentorStart[mentor + 1] += mentorStart[mentor] }
        var fill = mentorStart
        var mentorLists = ContiguousArray<Int32>(repeating: 0, count: menteeLists.count)
        for mentee in 0..<mentees {
            for position in Int(menteeStart[mentee])..<Int(menteeStart[mentee + 1]) {
                let mentor = Int(menteeLists[position])
                mentorLists[Int(fill[mentor])] = Int32(mentee)
                fill[mentor] += 1
            }
        }
        for mentor in 0..<mentors {
            let first = Int(mentorStart[mentor])
            var end = Int(mentorStart[mentor + 1])
            while end - first > 1 {
                let pick = first + Int(random.next() % UInt64(end - first))
                end -= 1
                mentorLists.swapAt(pick, end)
            }
        }

        var capacities = ContiguousArray<Int32>()
        capacities.reserveCapacity(mentors)
        for _ in 0..<mentors {
            let draw = random.next() % 10
            capacities.append(draw < 6 ? 1 : draw < 9 ? 2 : 3)
        }

        do {
            return try MatchingInstance(
                residentListStart: menteeStart, residentLists: menteeLists,
                hospitalListStart: mentorStart, hospitalLists: mentorLists,
                capacities: capacities)
        } catch {
            preconditionFailure("the synthetic market is well formed by construction: \(error)")
        }
    }

    /// Seeded pair weights in [0, 1), as a weighted score would give, one per mentee-side entry.
    static func weights(for instance: MatchingInstance) -> PairWeights {
        var random = SeededGenerator(seed: seed ^ 0x5743_4854)
        var weights = ContiguousArray<Double>()
        weights.reserveCapacity(instance.entryCount)
        for _ in 0..<instance.entryCount {
            weights.append(Double(random.next() >> 11) / Double(1 << 53))
        }
        return PairWeights(residentEntryWeights: weights)
    }
}
