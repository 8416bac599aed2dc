import StableMatching

/// The stable matchings of a cohort over complete preference lists, found without holding the
/// lists: a small instance with exactly the same stable matchings, built from passes that
/// score pairs and keep only the few that matter.
///
/// 1. Mentee-optimal matching: deferred acceptance over each mentee's best `initialWindow`
///    mentors. A mentee who runs out of their window while free gets the next part of their
///    list, scored again and cut to the pairs whose mentor would still take them (a full
///    mentor's worst held mentee only improves, so a pair it would refuse now it refuses for
///    good); proposals continue, which is the same as proposing over the complete list (the
///    result does not depend on the order of proposals). Repeated until no free mentee has
///    anything left to propose to.
/// 2. Columns: one pass keeps, for each mentor, the mentees it ranks at or above its worst
///    mentee in the mentee-optimal matching (all of them for a mentor with a free place).
///    Mentor-proposing deferred acceptance over these columns is the mentor-optimal matching:
///    a mentor never proposes beyond its worst mentor-optimal mentee, which it ranks at or
///    above its worst mentee-optimal one.
/// 3. The reduced instance keeps the pairs (e, m) where mentee e ranks m at or above their
///    mentor-optimal mentor and m ranks e at or above its worst mentee-optimal mentee. Its
///    stable matchings are exactly the complete instance's (docs/algorithms.md has the proof),
///    so the rotation poset, the weighted, egalitarian and minimum-regret solvers run on it,
///    with each entry's rank in the complete lists. Mentees matched in no stable matching keep
///    their best `initialWindow` mentors too (pairs no stable matching can use), so that their
///    explanations name candidates.
struct ExactStableInstance: Sendable {
    /// The reduced instance with its scores and rule counters.
    let scored: ScoredInstance
    /// Each entry's rank in its person's complete list.
    let ranks: ListRanks
    /// What the passes did, for the report.
    let passes: ExactPasses

    /// Mentors each mentee is first offered.
    static let initialWindow = 32
    /// The most memory for the bits of the pairs passing the hard rules, which spare the later
    /// passes the screen (312 MB at 100,000 × 25,000; beyond the limit they screen again).
    static let pairBitsByteLimit = 1 << 30
    /// How much longer each extension makes a mentee's window than the last.
    ///
    /// Every round scans each waiting mentee's whole row (the screen costs as much as a
    /// pass's share of those rows, whatever is kept), so fewer, longer rounds are cheaper;
    /// an extension keeps only the pairs a mentor would still take, usually far fewer than
    /// the window.
    static let windowGrowth: Int32 = 16

    /// One mentee's window entry: a pair they may propose along, with its complete-list rank.
    struct WindowEntry {
        var mentor: Int32
        var menteeScore: Int32
        var mentorScore: Int32
        var rank: Int32
    }

    typealias Key = PreferenceBuilder.MentorRankKey

    /// - Parameter window: how many mentors each mentee is first offered.
    init(_ compiled: CompiledCohort, window: Int = initialWindow, progress: any ProgressObserver = NoProgress()) {
        let menteeCount = compiled.menteeCount
        let mentorCount = compiled.mentorCount
        var passes = ExactPasses()
        var scan = PairScan(compiled)
        let passing = PairBits(mentees: menteeCount, activeMentors: scan.screen.count, byteLimit: Self.pairBitsByteLimit)

        // Round 0: every mentee's best window, and the rule counters, from the ordinary scorer.
        let chunkCount = max(1, min(menteeCount, 32))
        let chunks = UnsafeMutableBufferPointer<ScoredChunk>.allocate(capacity: chunkCount)
        chunks.initialize(repeating: ScoredChunk())
        defer { chunks.deinitialize().deallocate() }
        nonisolated(unsafe) let sharedChunks = chunks
        let screen = scan.screen
        progress.phase("Scoring pairs (best \(window) of each mentee)", total: menteeCount * mentorCount, unit: "pairs") {
            Concurrently.forEach(chunkCount, threads: Concurrently.processorCount) { chunk in
                let mentees = (chunk * menteeCount / chunkCount)..<((chunk + 1) * menteeCount / chunkCount)
                sharedChunks[chunk] = ChunkScorer(compiled: compiled, screen: screen, bits: passing)
                    .score(mentees, limit: window, progress: progress)
            }
        }
        passes.fullPasses += 1
        scan.passing = passing
        var state = MenteeProposals(compiled: compiled, window: window)
        let reasons = PairRejection.allCases.count
        var menteeRejections = ContiguousArray<Int32>()
        menteeRejections.reserveCapacity(menteeCount * reasons)
        var mentorCounts = ContiguousArray<Int32>(repeating: 0, count: mentorCount * MentorCounter.allCases.count)
        var topStart = ContiguousArray<Int32>(repeating: 0, count: menteeCount + 1)
        var topEntries = ContiguousArray<WindowEntry>()
        do {
            var mentee = 0
            for chunk in chunks {
                var position = 0
                for (offset, length) in chunk.listLengths.enumerated() {
                    let row = offset * reasons
                    let cut = chunk.menteeRejections[row + PairRejection.beyondListLength.rawValue]
                    var entries: [WindowEntry] = []
                    for rank in 0..<Int(length) {
                        let entry = chunk.entries[position + rank]
                        entries.append(
                            WindowEntry(
                                mentor: entry.partner, menteeScore: entry.score, mentorScore: entry.otherScore,
                                rank: Int32(rank)))
                    }
                    position += Int(length)
                    state.setWindow(mentee + offset, entries, complete: cut == 0)
                    topEntries.append(contentsOf: entries)
                    topStart[mentee + offset + 1] = Int32(topEntries.count)
                    var counters = chunk.menteeRejections[row..<(row + reasons)]
                    // Nothing is cut: the pairs beyond the window are looked at when needed.
                    counters[row + PairRejection.beyondListLength.rawValue] = 0
                    menteeRejections.append(contentsOf: counters)
                }
                mentee += chunk.listLengths.count
                for index in chunk.mentorCounts.indices { mentorCounts[index] &+= chunk.mentorCounts[index] }
            }
        }

        // 1. The mentee-optimal matching, extending the windows that run out.
        progress.phase("Finding the mentee-optimal matching", unit: "rounds") {
            var waiting = state.propose(Array(0..<Int32(menteeCount)))
            while !waiting.isEmpty {
                passes.extensionRounds += 1
                passes.extendedRows += waiting.count
                let thresholds = state.thresholds()
                let windows = ContiguousArray(waiting.map { state.windowSize[Int($0)] })
                let frontiers = ContiguousArray(waiting.map { state.frontier[Int($0)] })
                let extended = waiting.withUnsafeBufferPointer { list in
                    scan.scan(list) { _, slots in
                        Extension(
                            compiled: compiled, thresholds: thresholds, slots: slots, frontiers: frontiers,
                            windows: windows)
                    }
                }
                for piece in extended {
                    for result in piece.results {
                        state.setWindow(Int(result.mentee), result.entries, complete: result.complete)
                    }
                }
                waiting = state.propose(waiting)
                progress.advance(by: 1)
            }
        }

        // 2. Columns down to each mentor's worst mentee-optimal mentee, and the mentor-optimal
        // matching over them.
        let worstHeld = state.worstHeld()
        let heldKeys = state.heldKeys()
        let rounds = "after \(passes.extensionRounds) round(s) extending \(passes.extendedRows) list(s)"
        let columns = progress.phase(
            "Finding the mentor-optimal matching (\(rounds))", total: menteeCount * mentorCount, unit: "pairs"
        ) {
            () -> Columns in
            let all = ContiguousArray(0..<Int32(menteeCount))
            let pieces = all.withUnsafeBufferPointer { list in
                scan.scan(list, progress: progress) { _, slots in
                    ColumnCollector(compiled: compiled, limit: worstHeld.limit, heldKeys: heldKeys, slots: slots)
                }
            }
            return Columns(pieces, compiled: compiled)
        }
        passes.fullPasses += 1
        let mentorOptimal = columns.mentorsPropose(compiled: compiled)

        // 3. The reduced instance.
        self.init(
            compiled: compiled, state: state, columns: columns, mentorOptimal: mentorOptimal, worstHeld: worstHeld,
            topStart: topStart, topEntries: topEntries, menteeRejections: menteeRejections, mentorCounts: mentorCounts,
            scan: scan, passes: passes)
    }
}

/// What the exact method's passes did.
package struct ExactPasses: Sendable, Hashable {
    /// Passes over every mentor–mentee pair (not counting the check of the final matching).
    package var fullPasses = 0
    /// Rounds in which windows that ran out were extended.
    package var extensionRounds = 0
    /// Mentee rows scored again to extend a window, over all rounds.
    package var extendedRows = 0
    /// Mentee rows scored again to find complete-list ranks inside the stable range.
    package var rankedRows = 0
    /// Entries of the columns pass and of the reduced instance.
    package var columnEntries = 0
    package var reducedEntries = 0
}
