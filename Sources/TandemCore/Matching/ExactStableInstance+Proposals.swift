import StableMatching

extension ExactStableInstance {
    /// Mentee-proposing deferred acceptance over windows of the mentees' lists that grow on
    /// demand. Each mentor holds its mentees in a heap with the worst at the root.
    struct MenteeProposals {
        let compiled: CompiledCohort
        var entries = ContiguousArray<WindowEntry>()
        var windowEnd: ContiguousArray<Int>
        var cursor: ContiguousArray<Int>
        var complete: ContiguousArray<Bool>
        /// The size of each mentee's next window.
        var windowSize: ContiguousArray<Int32>
        /// The mentee's key of the last entry of each window: the next one starts after it.
        var frontier: ContiguousArray<Key>
        /// The entry each mentee holds, or -1.
        var held: ContiguousArray<Int>
        let heapStart: ContiguousArray<Int>
        var heap: ContiguousArray<Key>
        var fill: ContiguousArray<Int32>

        init(compiled: CompiledCohort, window: Int) {
            self.compiled = compiled
            let menteeCount = compiled.menteeCount
            windowEnd = ContiguousArray(repeating: 0, count: menteeCount)
            cursor = ContiguousArray(repeating: 0, count: menteeCount)
            complete = ContiguousArray(repeating: true, count: menteeCount)
            windowSize = ContiguousArray(repeating: Int32(max(1, window)), count: menteeCount)
            frontier = ContiguousArray(repeating: Key.first, count: menteeCount)
            held = ContiguousArray(repeating: -1, count: menteeCount)
            var start = ContiguousArray<Int>(repeating: 0, count: compiled.mentorCount + 1)
            for mentor in 0..<compiled.mentorCount {
                start[mentor + 1] = start[mentor] + Int(max(0, compiled.capacities[mentor]))
            }
            heapStart = start
            heap = ContiguousArray(repeating: Key.last, count: start[compiled.mentorCount])
            fill = ContiguousArray(repeating: 0, count: compiled.mentorCount)
        }

        /// Gives `mentee` its next window, best first; `complete` when nothing after it could
        /// ever be taken.
        mutating func setWindow(_ mentee: Int, _ window: [WindowEntry], complete isComplete: Bool) {
            cursor[mentee] = entries.count
            entries.append(contentsOf: window)
            windowEnd[mentee] = entries.count
            complete[mentee] = isComplete
            if let last = window.last {
                frontier[mentee] = compiled.menteeKey(mentee: mentee, mentor: Int(last.mentor), score: last.menteeScore)
            }
            windowSize[mentee] = min(1 << 24, windowSize[mentee] * ExactStableInstance.windowGrowth)
        }

        /// Lets the free mentees among `mentees` propose down their windows; returns those
        /// left free at the end of a window with more of their list to come.
        mutating func propose(_ mentees: [Int32]) -> [Int32] {
            var stack = mentees.filter { held[Int($0)] < 0 }
            var waiting: [Int32] = []
            while let next = stack.popLast() {
                let mentee = Int(next)
                var position = cursor[mentee]
                let end = windowEnd[mentee]
                var placed = false
                while position < end {
                    let entry = entries[position]
                    position += 1
                    let mentor = Int(entry.mentor)
                    let key = compiled.mentorKey(mentor: mentor, mentee: mentee, score: entry.mentorScore)
                    let base = heapStart[mentor]
                    let capacity = heapStart[mentor + 1] - base
                    if Int(fill[mentor]) < capacity {
                        siftUp(key, base: base, count: Int(fill[mentor]))
                        fill[mentor] += 1
                    } else if key < heap[base] {
                        let evicted = Int(heap[base].mentee)
                        held[evicted] = -1
                        stack.append(Int32(evicted))
                        siftDown(key, base: base, count: capacity)
                    } else {
                        continue
                    }
                    held[mentee] = position - 1
                    placed = true
                    break
                }
                cursor[mentee] = position
                if !placed, !complete[mentee] { waiting.append(next) }
            }
            return waiting
        }

        /// Puts `key` into the heap of `count` keys at `base` (the worst, largest, at the root).
        private mutating func siftUp(_ key: Key, base: Int, count: Int) {
            var child = count
            while child > 0 {
                let parent = (child - 1) / 2
                guard heap[base + parent] < key else { break }
                heap[base + child] = heap[base + parent]
                child = parent
            }
            heap[base + child] = key
        }

        /// Replaces the root of the full heap of `count` keys at `base` with `key`.
        private mutating func siftDown(_ key: Key, base: Int, count: Int) {
            var parent = 0
            while true {
                var worst = parent
                var worstKey = key
                let left = 2 * parent + 1
                if left < count, worstKey < heap[base + left] {
                    worst = left
                    worstKey = heap[base + left]
                }
                if left + 1 < count, worstKey < heap[base + left + 1] { worst = left + 1 }
                if worst == parent { break }
                heap[base + parent] = heap[base + worst]
                parent = worst
            }
            heap[base + parent] = key
        }

        /// For each mentor, the key a mentee must beat to be taken: the worst held one when the
        /// mentor is full, otherwise anyone.
        func thresholds() -> ContiguousArray<Key> {
            var thresholds = ContiguousArray<Key>(repeating: Key.last, count: compiled.mentorCount)
            for mentor in 0..<compiled.mentorCount {
                let base = heapStart[mentor]
                if heapStart[mentor + 1] > base, Int(fill[mentor]) == heapStart[mentor + 1] - base {
                    thresholds[mentor] = heap[base]
                }
            }
            return thresholds
        }

        /// Each mentor's worst held mentee's key (`limit`: the column cut for a full mentor,
        /// no cut otherwise), and whether it is full.
        func worstHeld() -> (limit: ContiguousArray<Key>, worst: ContiguousArray<Key>, full: ContiguousArray<Bool>) {
            var limit = ContiguousArray<Key>(repeating: Key.last, count: compiled.mentorCount)
            var worst = ContiguousArray<Key>(repeating: Key.first, count: compiled.mentorCount)
            var full = ContiguousArray<Bool>(repeating: false, count: compiled.mentorCount)
            for mentor in 0..<compiled.mentorCount {
                let base = heapStart[mentor]
                let capacity = heapStart[mentor + 1] - base
                guard fill[mentor] > 0 else { continue }
                worst[mentor] = heap[base]  // the root is the worst in either case
                if Int(fill[mentor]) == capacity {
                    limit[mentor] = heap[base]
                    full[mentor] = true
                }
            }
            return (limit, worst, full)
        }

        /// Each mentee's key of the mentor it holds (``Key/first`` when it holds none).
        func heldKeys() -> ContiguousArray<Key> {
            ContiguousArray(
                held.indices.map { mentee in
                    guard held[mentee] >= 0 else { return Key.first }
                    let entry = entries[held[mentee]]
                    return compiled.menteeKey(mentee: mentee, mentor: Int(entry.mentor), score: entry.menteeScore)
                })
        }

        /// The mentee-optimal matching.
        var matching: Matching {
            Matching(
                hospitalOfResident: ContiguousArray(held.map { $0 < 0 ? -1 : entries[$0].mentor }))
        }
    }

    /// Scores the rows of mentees whose window ran out, keeping the next window of pairs
    /// their mentors would still take.
    struct Extension: PairVisitor {
        struct Row {
            var mentee: Int32
            var entries: [WindowEntry]
            var complete: Bool
        }
        let compiled: CompiledCohort
        let thresholds: ContiguousArray<Key>
        let frontiers: ContiguousArray<Key>
        let windows: ContiguousArray<Int32>
        /// Per slot: every pair after the frontier that the mentor would take now (usually
        /// few, so kept whole and cut to the window at the end).
        var lists: [[PreferenceBuilder.Entry]]
        let first: Int
        var results: [Row] = []

        init(
            compiled: CompiledCohort, thresholds: ContiguousArray<Key>, slots: Range<Int>, frontiers: ContiguousArray<Key>,
            windows: ContiguousArray<Int32>
        ) {
            self.compiled = compiled
            self.thresholds = thresholds
            self.frontiers = frontiers
            self.windows = windows
            first = slots.lowerBound
            lists = slots.map { _ in [] }
        }

        mutating func begin(mentee: Int, slot: Int) -> Bool { true }

        var usesBounds: Bool { true }

        /// Only pairs the mentor may still take matter.
        func needsScores(slot: Int, mentor: Int, menteeBound: Int32, mentorBound: Int32) -> Bool {
            mentorBound >= thresholds[mentor].score
        }

        mutating func visit(mentee: Int, slot: Int, mentor: Int, menteeScore: Int32, mentorScore: Int32) {
            let tie = compiled.tieKey(ranker: compiled.menteeIdHash[mentee], candidate: compiled.mentorIdHash[mentor])
            let key = Key(score: menteeScore, tie: tie, mentee: Int32(truncatingIfNeeded: mentor))
            guard frontiers[slot] < key,
                compiled.mentorKey(mentor: mentor, mentee: mentee, score: mentorScore) < thresholds[mentor]
            else { return }
            lists[slot - first].append(
                PreferenceBuilder.Entry(score: menteeScore, partner: Int32(mentor), tie: tie, otherScore: mentorScore))
        }

        mutating func end(mentee: Int, slot: Int) {
            let window = Int(windows[slot])
            let candidates = lists[slot - first].sorted()
            let entries = candidates.prefix(window).map {
                WindowEntry(mentor: $0.partner, menteeScore: $0.score, mentorScore: $0.otherScore, rank: -1)
            }
            lists[slot - first] = []
            results.append(Row(mentee: Int32(mentee), entries: entries, complete: candidates.count <= window))
        }
    }
}

extension PreferenceBuilder.MentorRankKey {
    /// Ranks before every real key.
    static let first = Self(high: 0, low: 0)
    /// Ranks after every real key.
    static let last = Self(high: .max, low: .max)

    init(high: UInt64, low: UInt64) {
        self.init(score: 0, tie: 0, mentee: 0)
        self.high = high
        self.low = low
    }
}
