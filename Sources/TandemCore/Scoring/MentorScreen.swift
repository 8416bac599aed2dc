/// The mentors who take mentees, copied into flat buffers for the scoring loop: the screen
/// that rules most pairs out, and everything needed to score the pairs that pass.
///
/// A pair needs a closer look only when the two share a session start or a cheap rule (same
/// organisation, incompatible format) fires; in a large cohort most pairs do neither, and
/// ``TileScreen`` rules them out 64 at a time. The rest are settled by the other hard rules,
/// and the survivors are scored by ``criteria(_:_:_:)`` and the two side scores, which must
/// equal ``CompiledCohort/scoredVerdict(mentee:mentor:)`` exactly (the oracle tests compare
/// them over whole cohorts).
///
/// Owns its memory through buffer pointers, so the hot loop has no bounds checks, reference
/// counting or exclusivity checks; it is never mutated after `init`, hence `Sendable`.
final class MentorScreen: @unchecked Sendable {
    /// Words per active mentor in ``sessionStarts``: 11 and a zero pad, to load as vectors.
    static let sessionStride = 12
    /// Active mentors: those with at least one place.
    let count: Int
    /// Active position → mentor index.
    let mentors: UnsafeMutableBufferPointer<Int32>
    /// Mentor index → active position, -1 for mentors with no places.
    let position: [Int32]
    /// The organisation code, -2 for none (never equal to a mentee's code, which is -1 for none).
    let organisation: UnsafeMutableBufferPointer<Int32>
    /// One bit per ``MeetingFormat``.
    let format: UnsafeMutableBufferPointer<UInt8>
    /// Where a session can start, ``sessionStride`` words per active mentor.
    let sessionStarts: UnsafeMutableBufferPointer<UInt64>
    /// Everything the scores read of one active mentor, in one record of ``recordBytes``
    /// (two cache lines with one word each of themes and languages), aligned to a cache line:
    /// a pair that passes the hard rules reads one or two lines instead of one from each of
    /// seven arrays. See ``MentorRecord`` for the layout.
    let records: UnsafeMutableRawPointer
    let layout: MentorRecord
    let themeWords: Int
    let languageWords: Int
    let idHash: UnsafeMutableBufferPointer<UInt64>
    /// Each active mentor's stated mentees, as a CSR over `preferred`.
    let preferredStart: UnsafeMutableBufferPointer<Int32>
    let preferred: UnsafeMutableBufferPointer<Int32>
    let policy: ScoringPolicy
    /// The same summary test, a tile of mentors at a time.
    let tiles: TileScreen
    /// The availability criterion by number of common free quarter hours, worked out once.
    private let availabilityShare: UnsafeMutablePointer<Double>
    /// The theme criterion, `covered / wanted`, by wanted themes (rows from 0 up to the most
    /// any mentee wants, starting at ``MenteeView/themeRow``) and covered themes: a load
    /// instead of a division at the head of every scored pair's chain of work.
    private let themeShare: UnsafeMutablePointer<Double>
    private let bounds: ScoreBounds
    private let menteeMeans: WeightedMeans
    private let mentorMeans: WeightedMeans

    init(_ compiled: CompiledCohort) {
        let active = (0..<compiled.mentorCount).filter { compiled.capacities[$0] > 0 }
        count = active.count
        var position = [Int32](repeating: -1, count: compiled.mentorCount)
        for (index, mentor) in active.enumerated() { position[mentor] = Int32(index) }
        self.position = position
        policy = ScoringPolicy(compiled)
        func copy<Element>(_ values: (Int) -> Element) -> UnsafeMutableBufferPointer<Element> {
            let buffer = UnsafeMutableBufferPointer<Element>.allocate(capacity: max(1, active.count))
            for (index, mentor) in active.enumerated() {
                (buffer.baseAddress.unsafelyUnwrapped + index).initialize(to: values(mentor))
            }
            return buffer
        }
        mentors = copy { Int32($0) }
        organisation = copy { compiled.mentorOrganisation[$0] >= 0 ? compiled.mentorOrganisation[$0] : -2 }
        format = copy { Self.bit(compiled.mentorFormat[$0]) }
        let wordCount = WeeklyAvailability.wordCount
        sessionStarts = .allocate(capacity: max(1, active.count * Self.sessionStride))
        sessionStarts.initialize(repeating: 0)
        for (index, mentor) in active.enumerated() {
            for word in 0..<wordCount {
                sessionStarts[index * Self.sessionStride + word] = compiled.mentorSessionStarts[mentor * wordCount + word]
            }
        }
        tiles = TileScreen(
            count: active.count, sessionStarts: UnsafeBufferPointer(sessionStarts), stride: Self.sessionStride,
            organisation: UnsafeBufferPointer(organisation), format: UnsafeBufferPointer(format))
        themeWords = compiled.themeWords
        languageWords = compiled.languageWords
        layout = MentorRecord(themeWords: themeWords, languageWords: languageWords)
        records = .allocate(byteCount: max(1, active.count) * layout.bytes, alignment: MentorRecord.alignment)
        records.initializeMemory(as: UInt8.self, repeating: 0, count: max(1, active.count) * layout.bytes)
        for (index, mentor) in active.enumerated() {
            let record = records + index * layout.bytes
            let words = record.assumingMemoryBound(to: UInt64.self)
            for word in 0..<wordCount { words[word] = compiled.mentorSlots[mentor * wordCount + word] }
            for word in 0..<themeWords {
                words[layout.themeWord + word] = compiled.mentorThemes[mentor * themeWords + word]
            }
            for word in 0..<languageWords {
                words[layout.languageWord + word] = compiled.mentorLanguages[mentor * languageWords + word]
            }
            let town = compiled.mentorTown[mentor]
            let inPerson = compiled.mentorFormat[mentor] != .online && town >= 0
            record.storeBytes(of: inPerson ? town : -1, toByteOffset: layout.inPersonTown, as: Int32.self)
            record.storeBytes(of: compiled.mentorFirstLanguage[mentor], toByteOffset: layout.firstLanguage, as: Int32.self)
            record.storeBytes(of: Self.bit(compiled.mentorFormat[mentor]), toByteOffset: layout.format, as: UInt8.self)
            let flags =
                (compiled.mentorConsent[mentor] ? MentorRecord.consented : 0)
                | (compiled.mentorPreferred[mentor].isEmpty ? 0 : MentorRecord.statesMentees)
            record.storeBytes(of: flags, toByteOffset: layout.flags, as: UInt8.self)
        }
        idHash = copy { compiled.mentorIdHash[$0] }
        let lists = active.map { compiled.mentorPreferred[$0] }
        preferredStart = .allocate(capacity: active.count + 1)
        preferred = .allocate(capacity: max(1, lists.reduce(0) { $0 + $1.count }))
        var cursor = 0
        preferredStart[0] = 0
        for (index, list) in lists.enumerated() {
            for mentee in list {
                preferred[cursor] = mentee
                cursor += 1
            }
            preferredStart[index + 1] = Int32(cursor)
        }
        let slotLimit = WeeklyAvailability.wordCount * 64
        availabilityShare = .allocate(capacity: slotLimit + 1)
        for common in 0...slotLimit {
            (availabilityShare + common).initialize(
                to: min(1, Double(common * WeeklyAvailability.slotMinutes) / policy.availabilityTarget))
        }
        let mostWanted = Int(compiled.menteeThemeCount.max() ?? 0)
        themeShare = .allocate(capacity: MenteeView.themeRow(mostWanted + 1))
        for wanted in 0...mostWanted {
            for covered in 0...wanted {
                (themeShare + MenteeView.themeRow(wanted) + covered).initialize(
                    to: wanted == 0 ? 0 : Double(covered) / Double(wanted))
            }
        }
        bounds = ScoreBounds(mostWanted: mostWanted, policy: policy)
        menteeMeans = WeightedMeans(policy.menteeWeights)
        mentorMeans = WeightedMeans(policy.mentorWeights)
    }

    deinit {
        for buffer in [sessionStarts, idHash] { buffer.deallocate() }
        for buffer in [mentors, organisation, preferredStart, preferred] { buffer.deallocate() }
        format.deallocate()
        records.deallocate()
        availabilityShare.deallocate()
        themeShare.deallocate()
        bounds.release()
        menteeMeans.release()
        mentorMeans.release()
    }

    /// 1 or 0, for arithmetic in place of a branch.
    @inline(__always)
    static func flag(_ condition: Bool) -> UInt8 { condition ? 1 : 0 }

    static func bit(_ format: MeetingFormat) -> UInt8 {
        switch format {
        case .online: 1
        case .inPerson: 2
        case .either: 4
        }
    }

    /// Whether the screen lets the pair through to the other hard rules: a session start in
    /// common, or a rule it breaks whatever the time (``tiles`` applies it to a tile of mentors
    /// at once).
    @inline(__always)
    func passesScreen(_ active: Int, _ mentee: MenteeView) -> Bool {
        sharesSession(active, mentee) || organisation[active] == mentee.organisation
            || format[active] & mentee.compatibleFormats == 0
    }

    /// Whether some session can start when both are free: 12 words (11 and a zero pad)
    /// compared as vectors.
    @inline(__always)
    func sharesSession(_ active: Int, _ mentee: MenteeView) -> Bool {
        let base = UnsafeRawPointer(sessionStarts.baseAddress.unsafelyUnwrapped + active * Self.sessionStride)
        let common8 = mentee.sessionStartsLow & base.loadUnaligned(as: SIMD8<UInt64>.self)
        let common4 = mentee.sessionStartsHigh & base.loadUnaligned(fromByteOffset: 64, as: SIMD4<UInt64>.self)
        return any(common8.lowHalf | common8.highHalf | common4 .!= 0)
    }

    @inline(__always)
    private func record(_ active: Int) -> UnsafeRawPointer { UnsafeRawPointer(records + active * layout.bytes) }

    /// The two criteria that cost popcounts (themes and time) as counts, measured once per
    /// pair for the score bounds and the criteria alike.
    @inline(__always)
    func measures(_ active: Int, _ mentee: MenteeView) -> PairMeasures {
        let words = record(active).assumingMemoryBound(to: UInt64.self)
        var covered = 0
        for word in 0..<themeWords { covered &+= (mentee.themes[word] & words[layout.themeWord + word]).nonzeroBitCount }
        var common = 0
        for word in 0..<WeeklyAvailability.wordCount { common &+= (mentee.slots[word] & words[word]).nonzeroBitCount }
        return PairMeasures(covered: covered, common: common)
    }

    /// The availability criterion of a pair.
    @inline(__always)
    func availability(_ measures: PairMeasures) -> Double { availabilityShare[measures.common] }

    /// The shared criteria of a pair that passed the hard rules: the same values, in the same
    /// order, as ``CompiledCohort/criterionValues(mentee:mentor:)``. Worked out without
    /// branches on the mentor's answers; a criterion that does not apply has the value 0.
    @inline(__always)
    func criteria(_ measures: PairMeasures, _ active: Int, _ mentee: MenteeView) -> PairCriteria {
        let record = record(active)
        let mentorFormat = record.load(fromByteOffset: layout.format, as: UInt8.self)
        let flags = record.load(fromByteOffset: layout.flags, as: UInt8.self)
        let inPersonTown = record.load(fromByteOffset: layout.inPersonTown, as: Int32.self)
        var criteria = PairCriteria()
        criteria.values[0] = themeShare[mentee.themeRow + measures.covered]
        criteria.values[1] = availabilityShare[measures.common]
        criteria.values[2] = languageValue(record, mentee)
        // Bits and masks rather than branches: consent, town and format vary from one mentor
        // to the next, and each mispredicted branch costs more than the arithmetic.
        criteria.values[3] = Double(Self.flag(mentee.compatibleFormatsAlways & mentorFormat != 0))
        // In person is possible unless either insists on online; `inPersonTown` is -1 when the
        // mentor does or gave no town, which clears the town bit.
        criteria.values[4] = Double(Self.flag(mentee.town == inPersonTown))
        let noTown = UInt8(truncatingIfNeeded: inPersonTown >> 31) & 0b1_0000
        // Without both consents the sensitive criteria do not apply.
        let shared = flags & Self.flag(mentee.consent) & MentorRecord.consented
        let withheld = policy.sensitiveMask & (shared &- 1)
        criteria.applies = mentee.appliesMask & ~noTown & ~withheld
        criteria.mentorStates = flags & MentorRecord.statesMentees != 0
        return criteria
    }

    /// The language criterion: 1 if either speaks the other's first language, 0.5 for
    /// another language in common, else 0.
    @inline(__always)
    private func languageValue(_ record: UnsafeRawPointer, _ mentee: MenteeView) -> Double {
        let words = record.assumingMemoryBound(to: UInt64.self) + layout.languageWord
        let mentorFirst = record.load(fromByteOffset: layout.firstLanguage, as: Int32.self)
        let first = Int(max(mentorFirst, 0))
        let speaksMentees = Self.flag(words[mentee.firstLanguageWord] & mentee.firstLanguageBit != 0)
        let speaksMentors =
            Self.flag(mentorFirst >= 0) & UInt8(truncatingIfNeeded: mentee.languages[first >> 6] >> UInt64(first & 63)) & 1
        var common: UInt64 = 0
        for word in 0..<languageWords { common |= mentee.languages[word] & words[word] }
        // 2 if either speaks the other's first language, else 1 for any language in common.
        let speaks = speaksMentees | speaksMentors
        let level = speaks << 1 | Self.flag(common != 0) & ~speaks
        return Double(level) * 0.5
    }

    /// An upper bound on the mentee's score of the mentor, in millionths, from the two
    /// criteria that cost only popcounts (themes and time): every other criterion that could
    /// apply is taken at full marks, which can only raise a weighted mean that is below 1.
    /// Lets a full list skip most pairs without scoring them.
    @inline(__always)
    func menteeScoreBound(_ measures: PairMeasures, _ active: Int, _ mentee: MenteeView) -> Double {
        let variant = boundVariant(active, mentee)
        return bounds.bound(measures, availabilityShare[measures.common], row: mentee.boundRow, side: 0, variant: variant)
    }

    /// An upper bound on the mentor's score of the mentee, in millionths, as
    /// ``menteeScoreBound(_:_:_:)`` is for the mentee's.
    @inline(__always)
    func mentorScoreBound(_ measures: PairMeasures, _ active: Int, _ mentee: MenteeView) -> Double {
        let variant = boundVariant(active, mentee)
        return bounds.bound(measures, availabilityShare[measures.common], row: mentee.boundRow, side: 1, variant: variant)
    }

    /// Whether the pair certainly reaches the minimum score: lower bounds on both scores, with
    /// every other criterion that could apply taken at zero, already do (with a margin for
    /// rounding to millionths). Lets a pass skip scoring a pair it would only count.
    @inline(__always)
    func certainlyReachesMinimum(_ measures: PairMeasures, _ active: Int, _ mentee: MenteeView) -> Bool {
        let variant = boundVariant(active, mentee)
        return bounds.lowSum(measures, availabilityShare[measures.common], row: mentee.boundRow, variant: variant)
            >= policy.certainTotal
    }

    /// Which of ``ScoreBounds``' variants applies: bit 0 whether both consented, bit 1 whether
    /// the mentor stated mentees.
    @inline(__always)
    private func boundVariant(_ active: Int, _ mentee: MenteeView) -> Int {
        let flags = Int(record(active).load(fromByteOffset: layout.flags, as: UInt8.self))
        return (mentee.consent ? flags : flags & ~Int(MentorRecord.consented)) & 0b11
    }

    /// The mentee's score of the mentor (millionths), as ``CriterionValues/score(weights:forMentee:)``.
    @inline(__always)
    func menteeScore(_ criteria: PairCriteria, _ active: Int, _ mentee: MenteeView) -> Int32 {
        var values = criteria.values
        var mask = Int(criteria.applies)
        if let preference = mentee.preference(of: mentors[active], bonus: policy.preferenceBonus) {
            values[Criterion.preference.index] = preference
            mask |= WeightedMeans.preferenceBit
        }
        return CompiledCohort.millionths(menteeMeans.mean(values, mask: mask))
    }

    /// The mentor's score of the mentee (millionths).
    @inline(__always)
    func mentorScore(_ criteria: PairCriteria, _ active: Int, _ mentee: MenteeView) -> Int32 {
        var values = criteria.values
        var mask = Int(criteria.applies)
        if criteria.mentorStates {
            mask |= WeightedMeans.preferenceBit
            let stated = Int(preferredStart[active])..<Int(preferredStart[active + 1])
            for index in stated where preferred[index] == mentee.index {
                let rank = index - stated.lowerBound
                values[Criterion.preference.index] = rank < policy.preferenceBonus.count ? policy.preferenceBonus[rank] : 0
                break
            }
        }
        return CompiledCohort.millionths(mentorMeans.mean(values, mask: mask))
    }
}

/// Where each answer lies in a ``MentorScreen`` record: free time, then themes, then
/// languages (whole words), then the small answers, padded to whole cache lines.
struct MentorRecord {
    static let alignment = 64
    /// Bits of the flags byte.
    static let consented: UInt8 = 1
    static let statesMentees: UInt8 = 2
    /// Word offsets.
    let themeWord: Int
    let languageWord: Int
    /// Byte offsets: the town when the mentor can meet in person (-1 otherwise), the first
    /// language (-1 for none), the format bit and the flags.
    let inPersonTown: Int
    let firstLanguage: Int
    let format: Int
    let flags: Int
    /// Bytes per record, a whole number of cache lines.
    let bytes: Int

    init(themeWords: Int, languageWords: Int) {
        themeWord = WeeklyAvailability.wordCount
        languageWord = themeWord + themeWords
        inPersonTown = (languageWord + languageWords) * 8
        firstLanguage = inPersonTown + 4
        format = firstLanguage + 4
        flags = format + 1
        bytes = (flags + 1 + Self.alignment - 1) / Self.alignment * Self.alignment
    }
}

/// A pair's theme and time criteria as counts (see ``MentorScreen/measures(_:_:)``): wanted
/// themes the mentor offers, and free quarter hours in common.
struct PairMeasures {
    var covered: Int
    var common: Int
}

/// The shared criteria of one pair: values by ``Criterion/index`` and which of them apply,
/// and whether the mentor stated mentees (so has a preference criterion).
struct PairCriteria {
    var values = SIMD8<Double>()
    var applies: UInt8 = 0b1_1111
    var mentorStates = false
}

/// The policy numbers scoring reads, unpacked once.
struct ScoringPolicy {
    let menteeWeights: SIMD8<Double>
    let mentorWeights: SIMD8<Double>
    let sensitiveMask: UInt8
    let availabilityTarget: Double
    let minimumScore: Double
    /// Whether any pair can fall below the minimum (scores are never negative).
    var hasMinimum: Bool { minimumScore > 0 }

    /// The smallest sum of the two scores (millionths) whose ``PairVerdict/pairScore``
    /// reaches the minimum score.
    let minimumTotal: Int
    /// What the lower bounds of ``MentorScreen/certainlyReachesMinimum(_:_:_:)`` must sum to:
    /// the minimum with a margin for rounding both scores to millionths.
    let certainTotal: Double

    /// Whether a pair with these scores (millionths) reaches the minimum score: the same
    /// answer as comparing its ``PairVerdict/pairScore``, without dividing.
    @inline(__always)
    func reachesMinimum(menteeScore: Int32, mentorScore: Int32) -> Bool {
        Int(menteeScore) + Int(mentorScore) >= minimumTotal
    }
    let preferenceBonus: [Double]

    /// The smallest sum of two scores in millionths (0...2,000,000) whose pair score
    /// reaches `minimum`, or 2,000,001 when none does. The pair score only grows with the
    /// sum, so a binary search over the division as ``PairVerdict/pairScore`` does it finds
    /// the exact boundary, rounding included.
    static func smallestTotal(reaching minimum: Double) -> Int {
        var low = 0
        var high = 2_000_001
        while low < high {
            let middle = (low + high) / 2
            if PairVerdict(rejection: nil, menteeScore: Int32(middle / 2), mentorScore: Int32(middle - middle / 2))
                .pairScore >= minimum
            {
                high = middle
            } else {
                low = middle + 1
            }
        }
        return low
    }

    init(_ compiled: CompiledCohort) {
        func vector(_ weights: CriterionWeights) -> SIMD8<Double> {
            var vector = SIMD8<Double>()
            for (index, weight) in weights.values.enumerated() where index < 8 { vector[index] = weight }
            return vector
        }
        menteeWeights = vector(compiled.policy.menteeWeights)
        mentorWeights = vector(compiled.policy.mentorWeights)
        sensitiveMask = compiled.sensitiveMask
        availabilityTarget = Double(max(1, compiled.policy.availabilityTargetMinutes))
        minimumScore = compiled.policy.minimumScore
        minimumTotal = Self.smallestTotal(reaching: minimumScore)
        certainTotal = minimumScore * 2_000_000 + 4.01
        preferenceBonus = compiled.policy.preferenceBonus
    }
}

/// One mentee's answers, unpacked once for the pass over all mentors. Its buffers belong to
/// the caller's scratch space and are overwritten for the next mentee.
struct MenteeView {
    var index: Int32 = 0
    /// The mentee's organisation code under the conflict rule, -1 for none or rule off.
    var organisation: Int32 = -1
    /// Mentor formats compatible under the format rule (all when it is off).
    var compatibleFormats: UInt8 = 0
    /// Mentor formats compatible whatever the rule, for the format criterion.
    var compatibleFormatsAlways: UInt8 = 0
    var allowsInPerson = false
    var sessionStartsLow = SIMD8<UInt64>()
    var sessionStartsHigh = SIMD4<UInt64>()
    var slots = SIMD16<UInt64>()
    var themeCount: Int32 = 0
    var themes: UnsafeMutablePointer<UInt64>
    var languages: UnsafeMutablePointer<UInt64>
    var firstLanguage: Int32 = -1
    var town: Int32 = -1
    var consent = false
    var idHash: UInt64 = 0
    var preferred: [Int32] = []
    /// Where the mentee's row of the theme criterion's table starts.
    var themeRow = 0
    /// The shared criteria that can apply to the mentee's pairs (bits by ``Criterion/index``):
    /// themes if they want some, town if they can meet in person and gave a town.
    var appliesMask: UInt8 = 0b1_1111
    /// The word and bit of the mentee's first language in a language set (bit 0 for none).
    var firstLanguageWord = 0
    var firstLanguageBit: UInt64 = 0
    /// Where the mentee's coefficients start in the screen's ``ScoreBounds``.
    var boundRow = 0

    /// A view whose theme and language words live in `scratch` (at least
    /// `themeWords + languageWords` words).
    init(scratch: UnsafeMutablePointer<UInt64>, themeWords: Int) {
        themes = scratch
        languages = scratch + themeWords
    }

    mutating func load(_ mentee: Int, from compiled: CompiledCohort, policy: ScoringPolicy) {
        index = Int32(mentee)
        let rules = compiled.policy.constraints
        let ownFormat = compiled.menteeFormat[mentee]
        organisation =
            rules.sameOrganisation && compiled.menteeOrganisation[mentee] >= 0 ? compiled.menteeOrganisation[mentee] : -1
        compatibleFormats = 0
        compatibleFormatsAlways = 0
        for format in MeetingFormat.allCases where ownFormat.isCompatible(with: format) {
            compatibleFormatsAlways |= MentorScreen.bit(format)
        }
        compatibleFormats = rules.format ? compatibleFormatsAlways : 0b111
        allowsInPerson = ownFormat != .online
        let words = WeeklyAvailability.wordCount
        var starts = SIMD16<UInt64>()
        slots = SIMD16<UInt64>()
        for word in 0..<words {
            starts[word] = compiled.menteeSessionStarts[mentee * words + word]
            slots[word] = compiled.menteeSlots[mentee * words + word]
        }
        sessionStartsLow = starts.lowHalf
        sessionStartsHigh = SIMD4(starts[8], starts[9], starts[10], starts[11])
        themeCount = compiled.menteeThemeCount[mentee]
        for word in 0..<compiled.themeWords { themes[word] = compiled.menteeThemes[mentee * compiled.themeWords + word] }
        for word in 0..<compiled.languageWords {
            languages[word] = compiled.menteeLanguages[mentee * compiled.languageWords + word]
        }
        firstLanguage = compiled.menteeFirstLanguage[mentee]
        town = compiled.menteeTown[mentee]
        consent = compiled.menteeConsent[mentee]
        idHash = compiled.menteeIdHash[mentee]
        preferred = compiled.menteePreferred[mentee]
        themeRow = Self.themeRow(Int(themeCount))
        appliesMask = 0b1_1111
        if themeCount == 0 { appliesMask &= ~0b1 }
        if !allowsInPerson || town < 0 { appliesMask &= ~0b1_0000 }
        firstLanguageWord = firstLanguage >= 0 ? Int(firstLanguage) >> 6 : 0
        firstLanguageBit = firstLanguage >= 0 ? 1 << UInt64(firstLanguage & 63) : 0
        boundRow = Self.boundRow(themeCount: Int(themeCount), statesMentors: !preferred.isEmpty)
    }

    /// Where the coefficients of mentees wanting `themeCount` themes start in
    /// ``ScoreBounds``, for those who stated mentors or not.
    static func boundRow(themeCount: Int, statesMentors: Bool) -> Int {
        (2 * themeCount + (statesMentors ? 1 : 0)) * ScoreBounds.rowSize
    }

    /// Where the row of mentees wanting `wanted` themes starts in a triangular table with
    /// `wanted + 1` entries in that row.
    static func themeRow(_ wanted: Int) -> Int { wanted * (wanted + 1) / 2 }

    /// The bonus for `mentor`'s rank in the mentee's stated list; `nil` when they stated none.
    @inline(__always)
    func preference(of mentor: Int32, bonus: [Double]) -> Double? {
        guard !preferred.isEmpty else { return nil }
        guard let rank = preferred.firstIndex(of: mentor) else { return 0 }
        return rank < bonus.count ? bonus[rank] : 0
    }
}
