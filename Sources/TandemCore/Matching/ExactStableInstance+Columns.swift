import StableMatching

extension ExactStableInstance {
    /// Collects, for each mentor, the acceptable mentees it ranks at or above its cut, and
    /// counts for each mentee the acceptable mentors it ranks above its mentee-optimal one.
    struct ColumnCollector: PairVisitor {
        let compiled: CompiledCohort
        let limit: ContiguousArray<Key>
        /// The mentee's key of its mentee-optimal mentor (``Key/first`` when unmatched).
        let heldKeys: ContiguousArray<Key>
        var mentors: [Int32] = []
        var mentees: [Int32] = []
        var menteeScores: [Int32] = []
        var mentorScores: [Int32] = []
        /// (mentee, rank of the mentee-optimal mentor in the complete list).
        var heldRanks: [(mentee: Int32, rank: Int32)] = []
        /// Per slot of this piece: the mentors ranked above the mentee-optimal one so far (the
        /// scan visits its mentees' rows a tile of mentors at a time, interleaved).
        var better: [Int32]
        let first: Int
        /// Per slot: the mentee's score of its mentee-optimal mentor (`Int32.max` if none).
        let heldScores: [Int32]

        init(compiled: CompiledCohort, limit: ContiguousArray<Key>, heldKeys: ContiguousArray<Key>, slots: Range<Int>) {
            self.compiled = compiled
            self.limit = limit
            self.heldKeys = heldKeys
            better = [Int32](repeating: 0, count: slots.count)
            first = slots.lowerBound
            heldScores = slots.map { heldKeys[$0].score }
        }

        mutating func begin(mentee: Int, slot: Int) -> Bool { true }

        var usesBounds: Bool { true }

        /// A pair matters if the mentor may rank the mentee at or above its cut, or the mentee
        /// may rank the mentor above its mentee-optimal one (to be counted).
        func needsScores(slot: Int, mentor: Int, menteeBound: Int32, mentorBound: Int32) -> Bool {
            mentorBound >= limit[mentor].score || menteeBound >= heldScores[slot - first]
        }

        mutating func visit(mentee: Int, slot: Int, mentor: Int, menteeScore: Int32, mentorScore: Int32) {
            let held = heldKeys[mentee]
            if menteeScore != held.score
                ? menteeScore > held.score : compiled.menteeKey(mentee: mentee, mentor: mentor, score: menteeScore) < held
            {
                better[slot - first] += 1
            }
            guard !(limit[mentor] < compiled.mentorKey(mentor: mentor, mentee: mentee, score: mentorScore)) else { return }
            mentors.append(Int32(mentor))
            mentees.append(Int32(mentee))
            menteeScores.append(menteeScore)
            mentorScores.append(mentorScore)
        }

        mutating func end(mentee: Int, slot: Int) {
            heldRanks.append((Int32(mentee), better[slot - first]))
        }
    }

    /// Every mentor's column: its collected mentees, best first, as CSR.
    struct Columns {
        var start: ContiguousArray<Int>
        var mentees: ContiguousArray<Int32>
        var keys: ContiguousArray<Key>
        var menteeScores: ContiguousArray<Int32>
        var mentorScores: ContiguousArray<Int32>
        /// Each mentee's rank of its mentee-optimal mentor in its complete list.
        var heldRank: ContiguousArray<Int32>

        init(_ pieces: [ColumnCollector], compiled: CompiledCohort) {
            let mentorCount = compiled.mentorCount
            var start = ContiguousArray<Int>(repeating: 0, count: mentorCount + 1)
            for piece in pieces { for mentor in piece.mentors { start[Int(mentor) + 1] += 1 } }
            for mentor in 0..<mentorCount { start[mentor + 1] += start[mentor] }
            let total = start[mentorCount]
            var cursor = start
            var order = ContiguousArray<(key: Key, menteeScore: Int32, mentorScore: Int32)>(
                repeating: (Key.last, 0, 0), count: total)
            heldRank = ContiguousArray(repeating: -1, count: compiled.menteeCount)
            for piece in pieces {
                for index in piece.mentors.indices {
                    let mentor = Int(piece.mentors[index])
                    let mentee = Int(piece.mentees[index])
                    order[cursor[mentor]] = (
                        compiled.mentorKey(mentor: mentor, mentee: mentee, score: piece.mentorScores[index]),
                        piece.menteeScores[index], piece.mentorScores[index]
                    )
                    cursor[mentor] += 1
                }
                for (mentee, rank) in piece.heldRanks { heldRank[Int(mentee)] = rank }
            }
            for mentor in 0..<mentorCount {
                order[start[mentor]..<start[mentor + 1]].sort { $0.key < $1.key }
            }
            self.start = start
            keys = ContiguousArray(order.lazy.map(\.key))
            mentees = ContiguousArray(order.lazy.map { $0.key.mentee })
            menteeScores = ContiguousArray(order.lazy.map(\.menteeScore))
            mentorScores = ContiguousArray(order.lazy.map(\.mentorScore))
        }

        /// Mentor-proposing deferred acceptance over the columns: for each mentee, the column
        /// entry it holds at the end, or -1.
        func mentorsPropose(compiled: CompiledCohort) -> (entry: ContiguousArray<Int>, mentor: ContiguousArray<Int32>) {
            let mentorCount = compiled.mentorCount
            var held = ContiguousArray<Int>(repeating: -1, count: compiled.menteeCount)
            var heldMentor = ContiguousArray<Int32>(repeating: -1, count: compiled.menteeCount)
            var heldKey = ContiguousArray<Key>(repeating: Key.last, count: compiled.menteeCount)
            var cursor = ContiguousArray(start.dropLast())
            var fill = ContiguousArray<Int32>(repeating: 0, count: mentorCount)
            var stack = Array((0..<mentorCount).reversed())
            while let mentor = stack.popLast() {
                while fill[mentor] < compiled.capacities[mentor], cursor[mentor] < start[mentor + 1] {
                    let position = cursor[mentor]
                    cursor[mentor] += 1
                    let mentee = Int(mentees[position])
                    let key = compiled.menteeKey(mentee: mentee, mentor: mentor, score: menteeScores[position])
                    guard key < heldKey[mentee] else { continue }
                    if heldMentor[mentee] >= 0 {
                        let previous = Int(heldMentor[mentee])
                        fill[previous] -= 1
                        stack.append(previous)
                    }
                    held[mentee] = position
                    heldMentor[mentee] = Int32(mentor)
                    heldKey[mentee] = key
                    fill[mentor] += 1
                }
            }
            return (held, heldMentor)
        }
    }
}
