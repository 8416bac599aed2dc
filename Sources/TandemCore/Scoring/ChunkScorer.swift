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
        case .mentorCapacityZero, .noCommonTime, .beyondListLength: return nil
        }
    }
}

/// The mentors who take mentees, compacted into the three flat arrays the screening loop reads.
///
/// A pair needs a closer look only when the session-start summaries overlap or a cheap rule
/// (same organisation, incompatible format) fires; in a large cohort most pairs do neither and
/// cost one `AND` and two compares.
struct MentorScreen: Sendable {
    /// Active position → mentor index.
    let mentors: ContiguousArray<Int32>
    /// Mentor index → active position, -1 for mentors with no places.
    let position: [Int32]
    let startBlocks: ContiguousArray<UInt64>
    /// The organisation code, -2 for none (never equal to a mentee's code, which is -1 for none).
    let organisation: ContiguousArray<Int32>
    /// One bit per ``MeetingFormat``.
    let format: ContiguousArray<UInt8>

    init(_ compiled: CompiledCohort) {
        let active = (0..<compiled.mentorCount).filter { compiled.capacities[$0] > 0 }
        mentors = ContiguousArray(active.map { Int32($0) })
        var position = [Int32](repeating: -1, count: compiled.mentorCount)
        for (index, mentor) in active.enumerated() { position[mentor] = Int32(index) }
        self.position = position
        startBlocks = ContiguousArray(active.map { compiled.mentorSessionStartBlocks[$0] })
        organisation = ContiguousArray(active.map { compiled.mentorOrganisation[$0] >= 0 ? compiled.mentorOrganisation[$0] : -2 })
        format = ContiguousArray(active.map { Self.bit(compiled.mentorFormat[$0]) })
    }

    static func bit(_ format: MeetingFormat) -> UInt8 {
        switch format {
        case .online: 1
        case .inPerson: 2
        case .either: 4
        }
    }

    /// The mentee's side of the screen: their organisation code under the conflict rule and the
    /// mentor formats they are compatible with under the format rule.
    static func menteeCodes(_ mentee: Int, in compiled: CompiledCohort) -> (organisation: Int32, formats: UInt8) {
        let rules = compiled.policy.constraints
        let organisation =
            rules.sameOrganisation && compiled.menteeOrganisation[mentee] >= 0 ? compiled.menteeOrganisation[mentee] : -1
        var formats: UInt8 = 0
        for format in MeetingFormat.allCases where !rules.format || compiled.menteeFormat[mentee].isCompatible(with: format) {
            formats |= bit(format)
        }
        return (organisation, formats)
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

    func score(_ mentees: Range<Int>, progress: any ProgressObserver) -> ScoredChunk {
        let reasons = PairRejection.allCases.count
        let counters = MentorCounter.allCases.count
        let mentorCount = compiled.mentorCount
        let activeCount = screen.mentors.count
        var chunk = ScoredChunk()
        chunk.menteeRejections = [Int32](repeating: 0, count: mentees.count * reasons)
        chunk.mentorCounts = [Int32](repeating: 0, count: mentorCount * counters)
        var best = BestEntries(limit: compiled.policy.maxListLength)
        var reported = mentees.lowerBound
        for mentee in mentees {
            let row = (mentee - mentees.lowerBound) * reasons
            func countRejection(_ rejection: PairRejection, mentor: Int) {
                chunk.menteeRejections[row + rejection.rawValue] += 1
                if let counter = MentorCounter(rejection) { chunk.mentorCounts[mentor * counters + counter.rawValue] += 1 }
            }
            let (organisation, formats) = MentorScreen.menteeCodes(mentee, in: compiled)
            let blocks = compiled.menteeSessionStartBlocks[mentee]
            best.reset()
            screen.startBlocks.withUnsafeBufferPointer { startBlocks in
                screen.organisation.withUnsafeBufferPointer { mentorOrganisation in
                    screen.format.withUnsafeBufferPointer { mentorFormat in
                        for active in 0..<activeCount {
                            if startBlocks[active] & blocks == 0, mentorOrganisation[active] != organisation,
                                mentorFormat[active] & formats != 0
                            {
                                continue  // no common time, and nothing earlier in the rule order applies
                            }
                            let mentor = Int(screen.mentors[active])
                            switch compiled.hardRejection(mentee: mentee, mentor: mentor) {
                            case .some(.noCommonTime): continue
                            case .some(let rejection): countRejection(rejection, mentor: mentor)
                            case .none:
                                chunk.mentorCounts[mentor * counters + MentorCounter.passed.rawValue] += 1
                                let verdict = compiled.scoredVerdict(mentee: mentee, mentor: mentor)
                                if let rejection = verdict.rejection {
                                    countRejection(rejection, mentor: mentor)
                                    continue
                                }
                                best.offer(
                                    PreferenceBuilder.Entry(
                                        score: verdict.menteeScore, partner: Int32(mentor),
                                        tie: compiled.tieKey(
                                            ranker: compiled.menteeIdHash[mentee], candidate: compiled.mentorIdHash[mentor]),
                                        otherScore: verdict.mentorScore))
                            }
                        }
                    }
                }
            }
            // Excluded pairs the screen skipped (no common time) still count as excluded, the
            // earlier rule; the ones it let through were counted above.
            for index in Int(compiled.excludedStart[mentee])..<Int(compiled.excludedStart[mentee + 1])
            where compiled.policy.constraints.exclusions {
                let mentor = Int(compiled.excludedMentors[index])
                let active = Int(screen.position[mentor])
                guard active >= 0, screen.startBlocks[active] & blocks == 0, screen.organisation[active] != organisation,
                    screen.format[active] & formats != 0
                else { continue }
                countRejection(.excluded, mentor: mentor)
            }
            let kept = best.sorted()
            var counted: Int32 = 0
            for reason in 0..<reasons { counted += chunk.menteeRejections[row + reason] }
            chunk.menteeRejections[row + PairRejection.mentorCapacityZero.rawValue] = Int32(mentorCount - activeCount)
            chunk.menteeRejections[row + PairRejection.beyondListLength.rawValue] = Int32(best.offered - kept.count)
            chunk.menteeRejections[row + PairRejection.noCommonTime.rawValue] =
                Int32(activeCount) - counted - Int32(best.offered)
            chunk.listLengths.append(Int32(kept.count))
            chunk.entries.append(contentsOf: kept)
            if mentee + 1 - reported >= 64 || mentee + 1 == mentees.upperBound {
                progress.advance(by: (mentee + 1 - reported) * mentorCount)
                reported = mentee + 1
            }
        }
        return chunk
    }
}

/// A mentee's acceptable mentors in rank order, keeping only the best `limit` when there is
/// one: a binary heap with the worst kept entry at the root, so most offers cost one compare.
struct BestEntries {
    typealias Entry = PreferenceBuilder.Entry
    let limit: Int?
    private var entries: [Entry] = []
    /// Entries offered since the last reset, kept or not.
    private(set) var offered = 0

    init(limit: Int?) { self.limit = limit }

    mutating func reset() {
        entries.removeAll(keepingCapacity: true)
        offered = 0
    }

    mutating func offer(_ entry: Entry) {
        offered += 1
        guard let limit else {
            entries.append(entry)
            return
        }
        if entries.count < limit {
            entries.append(entry)
            siftUp(entries.count - 1)
        } else if limit > 0, Entry.ranksBefore(entry, entries[0]) {
            entries[0] = entry
            siftDown(0)
        }
    }

    /// The kept entries, best first.
    func sorted() -> [Entry] { entries.sorted(by: Entry.ranksBefore) }

    /// Whether `lhs` ranks below `rhs` (belongs nearer the root).
    private func worse(_ lhs: Int, _ rhs: Int) -> Bool { Entry.ranksBefore(entries[rhs], entries[lhs]) }

    private mutating func siftUp(_ start: Int) {
        var child = start
        while child > 0 {
            let parent = (child - 1) / 2
            guard worse(child, parent) else { return }
            entries.swapAt(child, parent)
            child = parent
        }
    }

    private mutating func siftDown(_ start: Int) {
        var parent = start
        while true {
            var worst = parent
            let left = 2 * parent + 1
            if left < entries.count, worse(left, worst) { worst = left }
            if left + 1 < entries.count, worse(left + 1, worst) { worst = left + 1 }
            if worst == parent { return }
            entries.swapAt(parent, worst)
            parent = worst
        }
    }
}
