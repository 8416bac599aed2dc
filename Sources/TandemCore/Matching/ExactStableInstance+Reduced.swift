import StableMatching

extension ExactStableInstance {
    /// Collects a mentee's acceptable mentors' keys down to a bound, to rank entries inside
    /// the mentee's stable range in the complete list.
    struct RangeRanker: PairVisitor {
        let compiled: CompiledCohort
        let bounds: ContiguousArray<Key>
        let first: Int
        var keys: [[Key]]

        init(compiled: CompiledCohort, bounds: ContiguousArray<Key>, slots: Range<Int>) {
            self.compiled = compiled
            self.bounds = bounds
            first = slots.lowerBound
            keys = slots.map { _ in [] }
        }

        mutating func begin(mentee: Int, slot: Int) -> Bool { true }

        mutating func visit(mentee: Int, slot: Int, mentor: Int, menteeScore: Int32, mentorScore: Int32) {
            let key = compiled.menteeKey(mentee: mentee, mentor: mentor, score: menteeScore)
            if !(bounds[slot] < key) { keys[slot - first].append(key) }
        }

        mutating func end(mentee: Int, slot: Int) { keys[slot - first].sort() }
    }

    /// The reduced instance from the two extreme matchings (see the type's documentation).
    init(
        compiled: CompiledCohort, state: MenteeProposals, columns: Columns,
        mentorOptimal: (entry: ContiguousArray<Int>, mentor: ContiguousArray<Int32>),
        worstHeld: (limit: ContiguousArray<Key>, worst: ContiguousArray<Key>, full: ContiguousArray<Bool>),
        topStart: ContiguousArray<Int32>, topEntries: ContiguousArray<WindowEntry>,
        menteeRejections: ContiguousArray<Int32>, mentorCounts: ContiguousArray<Int32>, scan: PairScan,
        passes: ExactPasses
    ) {
        var passes = passes
        let menteeCount = compiled.menteeCount
        let mentorCount = compiled.mentorCount
        let menteeOptimal = state.matching
        // Each mentee's key of its mentor-optimal mentor: the worst it may rank a kept pair.
        var lowest = ContiguousArray<Key>(repeating: Key.first, count: menteeCount)
        for mentee in 0..<menteeCount where mentorOptimal.entry[mentee] >= 0 {
            let position = mentorOptimal.entry[mentee]
            lowest[mentee] = compiled.menteeKey(
                mentee: mentee, mentor: Int(mentorOptimal.mentor[mentee]), score: columns.menteeScores[position])
        }
        // The kept pairs, column by column: (column position, mentor's complete-list rank).
        var kept: [(position: Int, mentor: Int32, hospitalRank: Int32)] = []
        var spread: [Int32] = []
        for mentor in 0..<mentorCount where worstHeld.worst[mentor] != Key.first {
            let cut = worstHeld.worst[mentor]
            for position in columns.start[mentor]..<columns.start[mentor + 1] {
                if cut < columns.keys[position] { break }
                let mentee = Int(columns.mentees[position])
                let key = compiled.menteeKey(mentee: mentee, mentor: mentor, score: columns.menteeScores[position])
                guard !(lowest[mentee] < key) else { continue }
                kept.append((position, Int32(mentor), Int32(position - columns.start[mentor])))
            }
        }
        passes.columnEntries = columns.mentees.count
        // Mentees whose two extreme mentors differ need ranks inside their range.
        for mentee in 0..<menteeCount where mentorOptimal.mentor[mentee] != menteeOptimal.hospitalOfResident[mentee] {
            spread.append(Int32(mentee))
        }
        var rangeKeys: [Int: [Key]] = [:]
        if !spread.isEmpty {
            let bounds = ContiguousArray(spread.map { lowest[Int($0)] })
            let rankers = spread.withUnsafeBufferPointer { list in
                scan.scan(list) { _, slots in RangeRanker(compiled: compiled, bounds: bounds, slots: slots) }
            }
            for ranker in rankers {
                for (offset, keys) in ranker.keys.enumerated() { rangeKeys[Int(spread[ranker.first + offset])] = keys }
            }
            passes.rankedRows = spread.count
        }

        // Resident side: kept pairs by mentee, best first; mentees matched in no stable
        // matching keep their first window.
        struct Pair {
            var mentee: Int32
            var mentor: Int32
            var key: Key
            var menteeScore: Int32
            var mentorScore: Int32
            var menteeRank: Int32
            var mentorRank: Int32
        }
        var pairs: [Pair] = []
        pairs.reserveCapacity(kept.count)
        for item in kept {
            let mentee = Int(columns.mentees[item.position])
            let mentor = Int(item.mentor)
            let key = compiled.menteeKey(mentee: mentee, mentor: mentor, score: columns.menteeScores[item.position])
            let rank: Int32
            if let keys = rangeKeys[mentee] {
                var low = 0
                var high = keys.count
                while low < high {
                    let middle = (low + high) / 2
                    if keys[middle] < key { low = middle + 1 } else { high = middle }
                }
                rank = Int32(low)
            } else {
                rank = columns.heldRank[mentee]
            }
            pairs.append(
                Pair(
                    mentee: Int32(mentee), mentor: item.mentor, key: key, menteeScore: columns.menteeScores[item.position],
                    mentorScore: columns.mentorScores[item.position], menteeRank: rank, mentorRank: item.hospitalRank))
        }
        // The mentors' complete-list ranks of the unmatched mentees' pairs are not known; they
        // all rank below the mentor's kept ones, so they are numbered on after the cut.
        var lastRank = ContiguousArray<Int32>(repeating: -1, count: mentorCount)
        for pair in pairs { lastRank[Int(pair.mentor)] = max(lastRank[Int(pair.mentor)], pair.mentorRank) }
        var extras: [Pair] = []
        for mentee in 0..<menteeCount where menteeOptimal.hospitalOfResident[mentee] < 0 {
            for index in Int(topStart[mentee])..<Int(topStart[mentee + 1]) {
                let entry = topEntries[index]
                extras.append(
                    Pair(
                        mentee: Int32(mentee), mentor: entry.mentor,
                        key: compiled.mentorKey(mentor: Int(entry.mentor), mentee: mentee, score: entry.mentorScore),
                        menteeScore: entry.menteeScore, mentorScore: entry.mentorScore, menteeRank: entry.rank, mentorRank: 0))
            }
        }
        extras.sort { $0.mentor != $1.mentor ? $0.mentor < $1.mentor : $0.key < $1.key }
        var previousMentor: Int32 = -1
        var next: Int32 = 0
        for index in extras.indices {
            if extras[index].mentor != previousMentor {
                previousMentor = extras[index].mentor
                next = lastRank[Int(previousMentor)] + 1
            }
            extras[index].mentorRank = next
            next += 1
            extras[index].key = compiled.menteeKey(
                mentee: Int(extras[index].mentee), mentor: Int(extras[index].mentor), score: extras[index].menteeScore)
        }
        // Hospital side: kept pairs in column order, then the extras in the mentor's order.
        let all = pairs + extras
        var hospitalOrder = Array(all.indices)
        hospitalOrder.sort { left, right in
            let a = all[left]
            let b = all[right]
            if a.mentor != b.mentor { return a.mentor < b.mentor }
            return a.mentorRank < b.mentorRank
        }
        var residentOrder = Array(all.indices)
        residentOrder.sort { left, right in
            let a = all[left]
            let b = all[right]
            if a.mentee != b.mentee { return a.mentee < b.mentee }
            return a.key < b.key
        }
        var residentStart = ContiguousArray<Int32>(repeating: 0, count: menteeCount + 1)
        var hospitalStart = ContiguousArray<Int32>(repeating: 0, count: mentorCount + 1)
        for pair in all {
            residentStart[Int(pair.mentee) + 1] += 1
            hospitalStart[Int(pair.mentor) + 1] += 1
        }
        for mentee in 0..<menteeCount { residentStart[mentee + 1] += residentStart[mentee] }
        for mentor in 0..<mentorCount { hospitalStart[mentor + 1] += hospitalStart[mentor] }
        let residentLists = ContiguousArray(residentOrder.map { all[$0].mentor })
        let menteeScores = ContiguousArray(residentOrder.map { all[$0].menteeScore })
        let mentorScoresOfMenteeEntries = ContiguousArray(residentOrder.map { all[$0].mentorScore })
        let residentRanks = ContiguousArray(residentOrder.map { all[$0].menteeRank })
        let hospitalLists = ContiguousArray(hospitalOrder.map { all[$0].mentee })
        let mentorScores = ContiguousArray(hospitalOrder.map { all[$0].mentorScore })
        let hospitalRanks = ContiguousArray(hospitalOrder.map { all[$0].mentorRank })
        passes.reducedEntries = all.count

        // Counters as the materialised lists count them, with nothing cut by a list length.
        let mentorRejections = MentorCounter.rejections(
            counts: mentorCounts, capacities: compiled.capacities, menteeCount: menteeCount)
        let instance: MatchingInstance
        do {
            instance = try MatchingInstance(
                residentListStart: residentStart, residentLists: residentLists, hospitalListStart: hospitalStart,
                hospitalLists: hospitalLists, capacities: ContiguousArray(compiled.capacities))
        } catch {
            preconditionFailure("the reduced instance is inconsistent: \(error)")
        }
        scored = ScoredInstance(
            instance: instance, menteeScores: menteeScores, mentorScores: mentorScores,
            mentorScoresOfMenteeEntries: mentorScoresOfMenteeEntries, menteeRejections: menteeRejections,
            mentorRejections: mentorRejections)
        ranks = ListRanks(residentEntryRanks: residentRanks, hospitalEntryRanks: hospitalRanks)
        self.passes = passes
    }
}
