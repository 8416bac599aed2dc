import StableMatching

/// What each scoring chunk counts per mentor. Rejections for want of common time, the common
/// case, are not counted pair by pair: every pair ends in exactly one outcome, so they are what
/// the counted outcomes leave over (see ``PreferenceBuilder``).
enum MentorCounter: Int, CaseIterable {
    case sameOrganisation
    case excluded
    case incompatibleFormat
    /// Passed every hard rule and was scored.
    case passed
    case belowMinimumScore

    init?(_ rejection: PairRejection) {
        switch rejection {
        case .sameOrganisation: self = .sameOrganisation
        case .excluded: self = .excluded
        case .incompatibleFormat: self = .incompatibleFormat
        case .belowMinimumScore: self = .belowMinimumScore
        case .mentorCapacityZero, .noCommonTime, .beyondListLength, .mentorFull: return nil
        }
    }
}

/// The mentee lists and counters of one contiguous range of mentees.
struct ScoredChunk {
    var listLengths: [Int32] = []
    var entries: [PreferenceBuilder.Entry] = []
    /// `PairRejection.allCases.count` per mentee, complete.
    var menteeRejections: [Int32] = []
    /// `MentorCounter.allCases.count` per mentor, for this chunk's mentees.
    var mentorCounts: [Int32] = []
}

/// Scores one range of mentees against every mentor.
struct ChunkScorer {
    let compiled: CompiledCohort
    let screen: MentorScreen
    /// Where to record the pairs that pass every hard rule, if anywhere.
    var bits: PairBits? = nil

    /// Mentors per tile: the chunk's mentees are scanned against one tile of mentors at a
    /// time, so the tile's answers (about 250 bytes a mentor) stay in the core's cache instead
    /// of being fetched again from memory for every mentee. A multiple of 64, so that tiles
    /// start on a word of ``PairBits``.
    static let tileSize = 2_048

    func score(_ mentees: Range<Int>, progress: any ProgressObserver) -> ScoredChunk {
        score(mentees, limit: compiled.policy.maxListLength, progress: progress)
    }

    /// Scores `mentees`, keeping each one's best `limit` mentors (all with `nil`).
    func score(_ mentees: Range<Int>, limit: Int?, progress: any ProgressObserver) -> ScoredChunk {
        let reasons = PairRejection.allCases.count
        let mentorCount = compiled.mentorCount
        let activeCount = screen.count
        let state = ScanState(menteeCount: mentees.count, compiled: compiled, activeCount: activeCount)
        defer { state.release() }
        // Each mentee's answers and list, kept across the tiles.
        let wordsPerMentee = compiled.themeWords + compiled.languageWords
        let scratch = UnsafeMutablePointer<UInt64>.allocate(capacity: max(1, mentees.count * wordsPerMentee))
        defer { scratch.deallocate() }
        let views = (0..<mentees.count).map { offset in
            var view = MenteeView(scratch: scratch + offset * wordsPerMentee, themeWords: compiled.themeWords)
            view.load(mentees.lowerBound + offset, from: compiled, policy: screen.policy)
            return view
        }
        var lists = mentees.map { _ in BestEntries(limit: limit) }
        defer { for list in lists { list.release() } }

        let chunkPairs = mentees.count * mentorCount
        var reported = 0
        for tileStart in stride(from: 0, to: activeCount, by: Self.tileSize) {
            let tile = tileStart..<min(activeCount, tileStart + Self.tileSize)
            for offset in 0..<mentees.count {
                let mentee = mentees.lowerBound + offset
                scan(mentee, views[offset], &lists[offset], tile, row: offset * reasons, state, passing: bits?.row(mentee))
            }
            let done = chunkPairs * tile.upperBound / activeCount
            progress.advance(by: done - reported)
            reported = done
        }
        progress.advance(by: chunkPairs - reported)

        var chunk = ScoredChunk()
        let excludes = compiled.policy.constraints.exclusions
        for offset in 0..<mentees.count {
            let mentee = mentees.lowerBound + offset
            let view = views[offset]
            let row = offset * reasons
            // Excluded pairs the screen skipped (no common time) still count as excluded, the
            // earlier rule; the ones it let through were counted in the scan.
            for index in Int(compiled.excludedStart[mentee])..<Int(compiled.excludedStart[mentee + 1]) where excludes {
                let mentor = Int(compiled.excludedMentors[index])
                let active = Int(screen.position[mentor])
                guard active >= 0, !screen.passesScreen(active, view) else { continue }
                state.countRejection(.excluded, row: row, mentor: mentor)
            }
            let kept = lists[offset].sorted()
            var counted: Int32 = 0
            for reason in 0..<reasons { counted += state.menteeRejections[row + reason] }
            state.menteeRejections[row + PairRejection.mentorCapacityZero.rawValue] = Int32(mentorCount - activeCount)
            state.menteeRejections[row + PairRejection.beyondListLength.rawValue] = Int32(lists[offset].offered - kept.count)
            state.menteeRejections[row + PairRejection.noCommonTime.rawValue] =
                Int32(activeCount) - counted - Int32(lists[offset].offered)
            chunk.listLengths.append(Int32(kept.count))
            chunk.entries.append(contentsOf: kept)
        }
        chunk.menteeRejections = Array(state.menteeRejections.prefix(mentees.count * reasons))
        chunk.mentorCounts = Array(state.mentorCounts.prefix(mentorCount * MentorCounter.allCases.count))
        return chunk
    }

    /// Scores one mentee against the mentors of one tile.
    /// Sets the bit of each active mentor passing the hard rules in `passing`, if given.
    private func scan(
        _ mentee: Int, _ view: MenteeView, _ best: inout BestEntries, _ tile: Range<Int>, row: Int, _ state: ScanState,
        passing: UnsafeMutablePointer<UInt64>?
    ) {
        let counters = MentorCounter.allCases.count
        let candidateCount = screen.tiles.candidates(tile, view, words: state.tileWords, into: state.candidates)
        guard candidateCount > 0 else { return }
        // This mentee's exclusions as marks by active position, cleared again below.
        let exclusions = Int(compiled.excludedStart[mentee])..<Int(compiled.excludedStart[mentee + 1])
        let excludes = compiled.policy.constraints.exclusions
        for index in exclusions where excludes {
            let active = screen.position[Int(compiled.excludedMentors[index])]
            if active >= 0 { state.excluded[Int(active)] = true }
        }
        defer {
            for index in exclusions {
                let active = screen.position[Int(compiled.excludedMentors[index])]
                if active >= 0 { state.excluded[Int(active)] = false }
            }
        }
        // First the rules and the two popcount criteria of every candidate, then the scores:
        // the first loop's iterations are short and independent, so the processor fetches
        // many mentors' records at once instead of one per scored pair.
        var survivors = 0
        for candidate in 0..<candidateCount {
            let active = Int(state.candidates[candidate])
            let mentor = Int(screen.mentors[active])
            let rejection: PairRejection
            if screen.organisation[active] == view.organisation {
                rejection = .sameOrganisation
            } else if state.excluded[active] {
                rejection = .excluded
            } else if screen.format[active] & view.compatibleFormats == 0 {
                rejection = .incompatibleFormat
            } else {
                // A candidate that breaks none of the rules above is one because the two share
                // a session start. Those without common time are counted by subtraction.
                state.mentorCounts[mentor * counters + MentorCounter.passed.rawValue] += 1
                if let passing { passing[active >> 6] |= 1 << UInt64(active & 63) }
                state.survivors[survivors] = Int32(truncatingIfNeeded: active)
                state.measures[survivors] = screen.measures(active, view)
                survivors &+= 1
                continue
            }
            state.countRejection(rejection, row: row, mentor: mentor)
        }
        for survivor in 0..<survivors {
            let active = Int(state.survivors[survivor])
            let mentor = Int(screen.mentors[active])
            let measures = state.measures[survivor]
            // A pair that cannot enter a full list, and certainly reaches any minimum score,
            // needs no scores at all (the margin absorbs rounding to millionths).
            if best.cannotKeep(bound: screen.menteeScoreBound(measures, active, view)),
                !screen.policy.hasMinimum || screen.certainlyReachesMinimum(measures, active, view)
            {
                best.drop()
                continue
            }
            let criteria = screen.criteria(measures, active, view)
            let menteeScore = screen.menteeScore(criteria, active, view)
            // A full list that this mentor cannot enter needs the mentor's view only to
            // tell "below the minimum" from "beyond the list length".
            if !screen.policy.hasMinimum, best.cannotKeep(score: menteeScore) {
                best.drop()
                continue
            }
            let mentorScore = screen.mentorScore(criteria, active, view)
            guard screen.policy.reachesMinimum(menteeScore: menteeScore, mentorScore: mentorScore) else {
                state.countRejection(.belowMinimumScore, row: row, mentor: mentor)
                continue
            }
            // A score below a full list's worst needs no tie key: it would not be kept.
            if best.cannotKeep(score: menteeScore) {
                best.drop()
                continue
            }
            best.offer(
                PreferenceBuilder.Entry(
                    score: menteeScore, partner: Int32(mentor),
                    tie: compiled.tieKey(ranker: view.idHash, candidate: screen.idHash[active]), otherScore: mentorScore))
        }
    }
}

/// One chunk's counters and scratch space, through pointers: the scan updates them millions of
/// times, and pointers carry no bounds, uniqueness or exclusivity checks. Free with `release()`.
struct ScanState {
    /// `PairRejection.allCases.count` per mentee of the chunk.
    let menteeRejections: UnsafeMutableBufferPointer<Int32>
    /// `MentorCounter.allCases.count` per mentor.
    let mentorCounts: UnsafeMutableBufferPointer<Int32>
    /// The screen's survivors of one tile.
    let candidates: UnsafeMutablePointer<Int32>
    /// The current mentee's exclusions, by active position.
    let excluded: UnsafeMutablePointer<Bool>
    /// Scratch space for ``TileScreen``.
    let tileWords: UnsafeMutablePointer<UInt64>
    /// The candidates of one tile that pass the hard rules, and their measures.
    let survivors: UnsafeMutablePointer<Int32>
    let measures: UnsafeMutablePointer<PairMeasures>

    init(menteeCount: Int, compiled: CompiledCohort, activeCount: Int) {
        menteeRejections = .allocate(capacity: max(1, menteeCount * PairRejection.allCases.count))
        menteeRejections.initialize(repeating: 0)
        mentorCounts = .allocate(capacity: max(1, compiled.mentorCount * MentorCounter.allCases.count))
        mentorCounts.initialize(repeating: 0)
        candidates = .allocate(capacity: max(1, min(activeCount, ChunkScorer.tileSize)))
        excluded = .allocate(capacity: max(1, activeCount))
        excluded.initialize(repeating: false, count: max(1, activeCount))
        tileWords = .allocate(capacity: ChunkScorer.tileSize / 64 + 1)
        survivors = .allocate(capacity: max(1, min(activeCount, ChunkScorer.tileSize)))
        measures = .allocate(capacity: max(1, min(activeCount, ChunkScorer.tileSize)))
    }

    func release() {
        menteeRejections.deallocate()
        mentorCounts.deallocate()
        candidates.deallocate()
        excluded.deallocate()
        tileWords.deallocate()
        survivors.deallocate()
        measures.deallocate()
    }

    @inline(__always)
    func countRejection(_ rejection: PairRejection, row: Int, mentor: Int) {
        guard let counter = MentorCounter(rejection) else { return }
        menteeRejections[row + rejection.rawValue] += 1
        mentorCounts[mentor * MentorCounter.allCases.count + counter.rawValue] += 1
    }
}

/// A mentee's acceptable mentors in rank order, keeping only the best `limit` when there is
/// one: a binary heap with the worst kept entry at the root, so most offers cost one compare.
/// The heap lives in a buffer allocated once per chunk (free it with ``release()``).
struct BestEntries {
    typealias Entry = PreferenceBuilder.Entry
    let limit: Int?
    private var unlimited: [Entry] = []
    private let heap: UnsafeMutableBufferPointer<Entry>
    private var heapCount = 0
    /// Entries offered since the last reset, kept or not.
    private(set) var offered = 0

    init(limit: Int?) {
        self.limit = limit
        heap = .allocate(capacity: max(1, limit ?? 0))
    }

    func release() { heap.deallocate() }

    mutating func reset() {
        unlimited.removeAll(keepingCapacity: true)
        heapCount = 0
        offered = 0
    }

    @inline(__always)
    mutating func offer(_ entry: Entry) {
        offered += 1
        guard let limit else {
            unlimited.append(entry)
            return
        }
        if heapCount < limit {
            (heap.baseAddress.unsafelyUnwrapped + heapCount).initialize(to: entry)
            heapCount += 1
            siftUp(heapCount - 1)
        } else if limit > 0, Entry.ranksBefore(entry, heap[0]) {
            heap[0] = entry
            siftDown(0)
        }
    }

    /// Whether an entry of this score would certainly not be kept: the list is full and its
    /// worst entry scores higher (equal scores would need the tie key).
    @inline(__always)
    func cannotKeep(score: Int32) -> Bool {
        guard let limit else { return false }
        return limit == 0 || (heapCount == limit && score < heap[0].score)
    }

    /// Whether an entry whose score is at most `bound` (millionths, before rounding) would
    /// certainly not be kept: ``cannotKeep(score:)`` of the bound rounded up, with a margin of
    /// 2 for the rounding of scores to millionths, compared without converting.
    @inline(__always)
    func cannotKeep(bound: Double) -> Bool {
        guard let limit else { return false }
        return limit == 0 || (heapCount == limit && bound + 3 <= Double(heap[0].score))
    }

    /// Counts an entry that ``cannotKeep(score:)`` ruled out without building it.
    mutating func drop() { offered += 1 }

    /// The kept entries, best first (call once, after the last offer). With a limit, heapsort
    /// in place: moving the root (the worst) to the back one at a time leaves the best first.
    mutating func sorted() -> [Entry] {
        guard limit != nil else { return unlimited.sorted() }
        let count = heapCount
        while heapCount > 1 {
            heap.swapAt(0, heapCount - 1)
            heapCount -= 1
            siftDown(0)
        }
        heapCount = count
        return Array(heap[0..<count])
    }

    /// Moves the entry at `start` up to its place. Entries move into the hole it leaves rather
    /// than being swapped: one store per level instead of two.
    private func siftUp(_ start: Int) {
        let entry = heap[start]
        var child = start
        while child > 0 {
            let parent = (child - 1) / 2
            // The root holds the worst entry: the entry goes up while it ranks after its parent.
            guard Entry.ranksBefore(heap[parent], entry) else { break }
            heap[child] = heap[parent]
            child = parent
        }
        heap[child] = entry
    }

    /// Moves the entry at `start` down to its place (see ``siftUp(_:)``). Any arrangement
    /// that keeps the worst entry at the root gives the same `cannotKeep` answers and the
    /// same sorted list, since the order is total.
    private func siftDown(_ start: Int) {
        let entry = heap[start]
        var parent = start
        while true {
            let left = 2 * parent + 1
            guard left < heapCount else { break }
            // The worse child, which ranks after the other.
            var child = left
            if left + 1 < heapCount, Entry.ranksBefore(heap[left], heap[left + 1]) { child = left + 1 }
            guard Entry.ranksBefore(entry, heap[child]) else { break }
            heap[parent] = heap[child]
            parent = child
        }
        heap[parent] = entry
    }
}
