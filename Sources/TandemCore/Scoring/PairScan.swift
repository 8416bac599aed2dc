import StableMatching

/// What a ``PairScan`` does with each acceptable pair it finds.
protocol PairVisitor {
    /// Called once per mentee before its pairs; `false` skips the mentee's row.
    mutating func begin(mentee: Int, slot: Int) -> Bool
    /// One acceptable pair: it passed every hard rule and the minimum score.
    mutating func visit(mentee: Int, slot: Int, mentor: Int, menteeScore: Int32, mentorScore: Int32)
    /// Called once per mentee after its pairs.
    mutating func end(mentee: Int, slot: Int)
    /// Whether the visitor can tell from upper bounds on the scores that a pair does not
    /// concern it; if so, ``needsScores(slot:mentor:menteeBound:mentorBound:)`` is asked
    /// before scoring each pair.
    var usesBounds: Bool { get }
    /// Whether a pair whose scores are at most these (millionths) may concern the visitor;
    /// `false` skips it unscored and unvisited.
    func needsScores(slot: Int, mentor: Int, menteeBound: Int32, mentorBound: Int32) -> Bool
}

extension PairVisitor {
    var usesBounds: Bool { false }
    func needsScores(slot: Int, mentor: Int, menteeBound: Int32, mentorBound: Int32) -> Bool { true }
}

/// Walks the acceptable pairs of chosen mentees' rows, scoring as it goes and storing
/// nothing per pair: the pass behind exact matching with short lists and behind checking a
/// matching against every pair.
///
/// The rules and scores are those of ``ChunkScorer`` (the same screen, the same exact tests,
/// the same scores), so a pair is visited exactly when the materialised lists would hold it.
struct PairScan {
    let compiled: CompiledCohort
    let screen: MentorScreen
    /// The pairs known to pass every hard rule (from an earlier full pass), if any: then only
    /// they are visited, unscreened.
    var passing: PairBits?

    init(_ compiled: CompiledCohort) {
        self.compiled = compiled
        screen = MentorScreen(compiled)
    }

    /// Visits the rows of `mentees` (indices into the cohort) on all cores: the list is split
    /// into pieces, each scanned by a visitor from `makeVisitor(piece)`; the visitors are
    /// returned in piece order. `slot` is a mentee's position in `mentees`.
    /// Reports `mentees.count × mentors` pairs to `progress` as it goes.
    func scan<Visitor: PairVisitor>(
        _ mentees: UnsafeBufferPointer<Int32>, pieces requested: Int = 0, progress: any ProgressObserver = NoProgress(),
        makeVisitor: @Sendable (_ piece: Int, _ slots: Range<Int>) -> Visitor
    ) -> [Visitor] {
        let count = mentees.count
        let pieces = max(1, min(count, requested > 0 ? requested : 4 * Concurrently.processorCount))
        let results = UnsafeMutableBufferPointer<Visitor?>.allocate(capacity: pieces)
        results.initialize(repeating: nil)
        defer { results.deinitialize().deallocate() }
        nonisolated(unsafe) let shared = results
        nonisolated(unsafe) let list = mentees
        Concurrently.forEach(pieces, threads: Concurrently.processorCount) { piece in
            let slots = (piece * count / pieces)..<((piece + 1) * count / pieces)
            var visitor = makeVisitor(piece, slots)
            scanRows(list, slots: slots, &visitor, progress: progress)
            shared[piece] = visitor
        }
        return results.compactMap { $0 }
    }

    /// Scans the rows of `mentees[slots]` against every mentor taking mentees, a tile of
    /// mentors at a time (as ``ChunkScorer`` does, for the cache).
    private func scanRows<Visitor: PairVisitor>(
        _ mentees: UnsafeBufferPointer<Int32>, slots: Range<Int>, _ visitor: inout Visitor, progress: any ProgressObserver
    ) {
        guard !slots.isEmpty else { return }
        let pieceMentors = compiled.mentorCount
        var reported = 0
        let activeCount = screen.count
        let wordsPerMentee = compiled.themeWords + compiled.languageWords
        let scratch = UnsafeMutablePointer<UInt64>.allocate(capacity: max(1, slots.count * wordsPerMentee))
        defer { scratch.deallocate() }
        let candidates = UnsafeMutablePointer<Int32>.allocate(capacity: max(1, min(activeCount, ChunkScorer.tileSize)))
        defer { candidates.deallocate() }
        let tileWords = UnsafeMutablePointer<UInt64>.allocate(capacity: ChunkScorer.tileSize / 64 + 1)
        defer { tileWords.deallocate() }
        // One tile's pairs that pass the hard rules and their measures: a row's rules and
        // popcounts are worked out first, in short independent iterations that fetch many
        // mentors' records at once, then its pairs are scored.
        let survivors = UnsafeMutablePointer<Int32>.allocate(capacity: max(1, min(activeCount, ChunkScorer.tileSize)))
        defer { survivors.deallocate() }
        let measures = UnsafeMutablePointer<PairMeasures>.allocate(capacity: max(1, min(activeCount, ChunkScorer.tileSize)))
        defer { measures.deallocate() }
        let excluded = UnsafeMutablePointer<Bool>.allocate(capacity: max(1, activeCount))
        excluded.initialize(repeating: false, count: max(1, activeCount))
        defer { excluded.deallocate() }
        var active = [Bool](repeating: false, count: slots.count)
        var views: [MenteeView] = []
        views.reserveCapacity(slots.count)
        for (offset, slot) in slots.enumerated() {
            let mentee = Int(mentees[slot])
            var view = MenteeView(scratch: scratch + offset * wordsPerMentee, themeWords: compiled.themeWords)
            view.load(mentee, from: compiled, policy: screen.policy)
            views.append(view)
            active[offset] = visitor.begin(mentee: mentee, slot: slot)
        }
        let excludes = compiled.policy.constraints.exclusions
        for tileStart in stride(from: 0, to: activeCount, by: ChunkScorer.tileSize) {
            let tile = tileStart..<min(activeCount, tileStart + ChunkScorer.tileSize)
            for (offset, slot) in slots.enumerated() where active[offset] {
                let mentee = Int(mentees[slot])
                let view = views[offset]
                var count = 0
                if let passing {
                    // Tiles start on word boundaries (the tile size is a multiple of 64).
                    let row = passing.row(mentee)
                    for word in (tile.lowerBound >> 6)..<((tile.upperBound + 63) >> 6) {
                        var bits = row[word]
                        while bits != 0 {
                            let position = word << 6 | bits.trailingZeroBitCount
                            bits &= bits &- 1
                            survivors[count] = Int32(truncatingIfNeeded: position)
                            measures[count] = screen.measures(position, view)
                            count &+= 1
                        }
                    }
                    for survivor in 0..<count {
                        visitPair(Int(survivors[survivor]), measures[survivor], view, mentee: mentee, slot: slot, &visitor)
                    }
                    continue
                }
                let candidateCount = screen.tiles.candidates(tile, view, words: tileWords, into: candidates)
                guard candidateCount > 0 else { continue }
                let exclusions = Int(compiled.excludedStart[mentee])..<Int(compiled.excludedStart[mentee + 1])
                for index in exclusions where excludes {
                    let position = screen.position[Int(compiled.excludedMentors[index])]
                    if position >= 0 { excluded[Int(position)] = true }
                }
                for candidate in 0..<candidateCount {
                    let position = Int(candidates[candidate])
                    guard screen.organisation[position] != view.organisation, !excluded[position],
                        screen.format[position] & view.compatibleFormats != 0
                    else { continue }
                    // The remaining candidates share a session start (``TileScreen``).
                    survivors[count] = Int32(truncatingIfNeeded: position)
                    measures[count] = screen.measures(position, view)
                    count &+= 1
                }
                for survivor in 0..<count {
                    visitPair(Int(survivors[survivor]), measures[survivor], view, mentee: mentee, slot: slot, &visitor)
                }
                for index in exclusions {
                    let position = screen.position[Int(compiled.excludedMentors[index])]
                    if position >= 0 { excluded[Int(position)] = false }
                }
            }
            let done = slots.count * pieceMentors * tile.upperBound / max(1, activeCount)
            progress.advance(by: done - reported)
            reported = done
        }
        progress.advance(by: slots.count * pieceMentors - reported)
        for (offset, slot) in slots.enumerated() where active[offset] {
            visitor.end(mentee: Int(mentees[slot]), slot: slot)
        }
    }

    /// Scores a pair that passed every hard rule and visits it if it reaches the minimum score
    /// (unless the visitor's bounds show it does not need it).
    @inline(__always)
    private func visitPair<Visitor: PairVisitor>(
        _ position: Int, _ measures: PairMeasures, _ view: MenteeView, mentee: Int, slot: Int, _ visitor: inout Visitor
    ) {
        if visitor.usesBounds {
            // The margin absorbs rounding to millionths.
            let menteeBound = Int32(clamping: Int(screen.menteeScoreBound(measures, position, view).rounded(.up)) + 2)
            let mentorBound = Int32(clamping: Int(screen.mentorScoreBound(measures, position, view).rounded(.up)) + 2)
            let mentor = Int(screen.mentors[position])
            guard visitor.needsScores(slot: slot, mentor: mentor, menteeBound: menteeBound, mentorBound: mentorBound)
            else { return }
        }
        let criteria = screen.criteria(measures, position, view)
        let menteeScore = screen.menteeScore(criteria, position, view)
        let mentorScore = screen.mentorScore(criteria, position, view)
        if screen.policy.hasMinimum, !screen.policy.reachesMinimum(menteeScore: menteeScore, mentorScore: mentorScore) {
            return
        }
        visitor.visit(
            mentee: mentee, slot: slot, mentor: Int(screen.mentors[position]), menteeScore: menteeScore,
            mentorScore: mentorScore)
    }
}

extension CompiledCohort {
    /// How `mentee` ranks `mentor` as one ordered key (smaller ranks first): better score,
    /// then the seeded tie key, then the lower index, as the materialised lists order them.
    @inline(__always)
    func menteeKey(mentee: Int, mentor: Int, score: Int32) -> PreferenceBuilder.MentorRankKey {
        PreferenceBuilder.MentorRankKey(
            score: score, tie: tieKey(ranker: menteeIdHash[mentee], candidate: mentorIdHash[mentor]),
            mentee: Int32(truncatingIfNeeded: mentor))
    }

    /// How `mentor` ranks `mentee` as one ordered key (smaller ranks first).
    @inline(__always)
    func mentorKey(mentor: Int, mentee: Int, score: Int32) -> PreferenceBuilder.MentorRankKey {
        PreferenceBuilder.MentorRankKey(
            score: score, tie: tieKey(ranker: mentorIdHash[mentor], candidate: menteeIdHash[mentee]),
            mentee: Int32(truncatingIfNeeded: mentee))
    }
}
