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
    /// Words per active mentor in ``times``: 12 of session starts (11 and a zero pad, to load
    /// as vectors), then 12 of free time, side by side because a pair that passes the exact
    /// test reads both (adjacent cache lines instead of two scattered streams).
    static let timeStride = 24
    static let freeTimeOffset = 12
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
    /// Where a session can start and free time, ``timeStride`` words per active mentor.
    let times: UnsafeMutableBufferPointer<UInt64>
    let themeWords: Int
    let themes: UnsafeMutableBufferPointer<UInt64>
    let languageWords: Int
    let languages: UnsafeMutableBufferPointer<UInt64>
    let firstLanguage: UnsafeMutableBufferPointer<Int32>
    let town: UnsafeMutableBufferPointer<Int32>
    let consent: UnsafeMutableBufferPointer<Bool>
    let idHash: UnsafeMutableBufferPointer<UInt64>
    /// Each active mentor's stated mentees, as a CSR over `preferred`.
    let preferredStart: UnsafeMutableBufferPointer<Int32>
    let preferred: UnsafeMutableBufferPointer<Int32>
    let policy: ScoringPolicy
    /// The same summary test, a tile of mentors at a time.
    let tiles: TileScreen

    init(_ compiled: CompiledCohort) {
        let active = (0..<compiled.mentorCount).filter { compiled.capacities[$0] > 0 }
        count = active.count
        var position = [Int32](repeating: -1, count: compiled.mentorCount)
        for (index, mentor) in active.enumerated() { position[mentor] = Int32(index) }
        self.position = position
        policy = ScoringPolicy(compiled)
        func copy<Element>(_ values: (Int) -> Element) -> UnsafeMutableBufferPointer<Element> {
            let buffer = UnsafeMutableBufferPointer<Element>.allocate(capacity: active.count)
            for (index, mentor) in active.enumerated() {
                (buffer.baseAddress.unsafelyUnwrapped + index).initialize(to: values(mentor))
            }
            return buffer
        }
        func copyWords(_ words: [UInt64], per width: Int, stride: Int) -> UnsafeMutableBufferPointer<UInt64> {
            let buffer = UnsafeMutableBufferPointer<UInt64>.allocate(capacity: max(1, active.count * stride))
            buffer.initialize(repeating: 0)
            for (index, mentor) in active.enumerated() {
                for word in 0..<width { buffer[index * stride + word] = words[mentor * width + word] }
            }
            return buffer
        }
        mentors = copy { Int32($0) }
        organisation = copy { compiled.mentorOrganisation[$0] >= 0 ? compiled.mentorOrganisation[$0] : -2 }
        format = copy { Self.bit(compiled.mentorFormat[$0]) }
        let wordCount = WeeklyAvailability.wordCount
        times = .allocate(capacity: max(1, active.count * Self.timeStride))
        times.initialize(repeating: 0)
        for (index, mentor) in active.enumerated() {
            for word in 0..<wordCount {
                times[index * Self.timeStride + word] = compiled.mentorSessionStarts[mentor * wordCount + word]
                times[index * Self.timeStride + Self.freeTimeOffset + word] = compiled.mentorSlots[mentor * wordCount + word]
            }
        }
        tiles = TileScreen(
            count: active.count, sessionStarts: UnsafeBufferPointer(times), stride: Self.timeStride,
            organisation: UnsafeBufferPointer(organisation), format: UnsafeBufferPointer(format))
        themeWords = compiled.themeWords
        themes = copyWords(compiled.mentorThemes, per: themeWords, stride: themeWords)
        languageWords = compiled.languageWords
        languages = copyWords(compiled.mentorLanguages, per: languageWords, stride: languageWords)
        firstLanguage = copy { compiled.mentorFirstLanguage[$0] }
        town = copy { compiled.mentorTown[$0] }
        consent = copy { compiled.mentorConsent[$0] }
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
    }

    deinit {
        for buffer in [times, themes, languages, idHash] { buffer.deallocate() }
        for buffer in [mentors, organisation, firstLanguage, town, preferredStart, preferred] { buffer.deallocate() }
        format.deallocate()
        consent.deallocate()
    }

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
        let base = UnsafeRawPointer(times.baseAddress.unsafelyUnwrapped + active * Self.timeStride)
        let common8 = mentee.sessionStartsLow & base.loadUnaligned(as: SIMD8<UInt64>.self)
        let common4 = mentee.sessionStartsHigh & base.loadUnaligned(fromByteOffset: 64, as: SIMD4<UInt64>.self)
        return any(common8.lowHalf | common8.highHalf | common4 .!= 0)
    }

    /// The two criteria that cost popcounts (themes and time), measured once per pair for the
    /// score bounds and the criteria alike.
    @inline(__always)
    func measures(_ active: Int, _ mentee: MenteeView) -> PairMeasures {
        PairMeasures(
            theme: mentee.themeCount == 0 ? 0 : themeValue(active, mentee), availability: availabilityValue(active, mentee))
    }

    /// The shared criteria of a pair that passed the hard rules: the same values, in the same
    /// order, as ``CompiledCohort/criterionValues(mentee:mentor:)``.
    @inline(__always)
    func criteria(_ measures: PairMeasures, _ active: Int, _ mentee: MenteeView) -> PairCriteria {
        var criteria = PairCriteria()
        if mentee.themeCount == 0 {
            criteria.applies &= ~0b1
        } else {
            criteria.values[0] = measures.theme
        }
        criteria.values[1] = measures.availability
        criteria.values[2] = languageValue(active, mentee)
        let mentorFormat = format[active]
        criteria.values[3] = mentee.compatibleFormatsAlways & mentorFormat != 0 ? 1 : 0
        // In person is possible unless either insists on online (format bit 1).
        if mentee.allowsInPerson, mentorFormat != 1, mentee.town >= 0, town[active] >= 0 {
            criteria.values[4] = mentee.town == town[active] ? 1 : 0
        } else {
            criteria.applies &= ~0b1_0000
        }
        if !(mentee.consent && consent[active]) { criteria.applies &= ~policy.sensitiveMask }
        return criteria
    }

    /// An upper bound on the mentee's score of the mentor, in millionths, from the two
    /// criteria that cost only popcounts (themes and time): every other criterion that could
    /// apply is taken at full marks, which can only raise a weighted mean that is below 1.
    /// Lets a full list skip most pairs without scoring them.
    @inline(__always)
    func menteeScoreBound(_ measures: PairMeasures, _ active: Int, _ mentee: MenteeView) -> Double {
        let known = knownPart(measures, weights: policy.menteeWeights, active, mentee)
        return Self.upper(known, optional: mentee.optionalWeight)
    }

    /// An upper bound on the mentor's score of the mentee, in millionths, as
    /// ``menteeScoreBound(_:_:_:)`` is for the mentee's.
    @inline(__always)
    func mentorScoreBound(_ measures: PairMeasures, _ active: Int, _ mentee: MenteeView) -> Double {
        let known = knownPart(measures, weights: policy.mentorWeights, active, mentee)
        return Self.upper(known, optional: mentorOptionalWeight(active))
    }

    /// Whether the pair certainly reaches the minimum score: lower bounds on both scores, with
    /// every other criterion that could apply taken at zero, already do (with a margin for
    /// rounding to millionths). Lets a pass skip scoring a pair it would only count.
    @inline(__always)
    func certainlyReachesMinimum(_ measures: PairMeasures, _ active: Int, _ mentee: MenteeView) -> Bool {
        let menteeLow = Self.lower(
            knownPart(measures, weights: policy.menteeWeights, active, mentee), optional: mentee.optionalWeight)
        let mentorLow = Self.lower(
            knownPart(measures, weights: policy.mentorWeights, active, mentee), optional: mentorOptionalWeight(active))
        return (menteeLow - 4 + mentorLow) / 2_000_000 >= policy.minimumScore
    }

    /// The weights of the mentor's criteria other than themes and time that could apply.
    @inline(__always)
    private func mentorOptionalWeight(_ active: Int) -> Double {
        let weights = policy.mentorWeights
        let states = preferredStart[active + 1] > preferredStart[active]
        return weights[2] + weights[3] + weights[4] + (states ? weights[5] : 0)
    }

    /// The weighted sum and the weight of the theme and time criteria, where they apply.
    @inline(__always)
    private func knownPart(
        _ measures: PairMeasures, weights: SIMD8<Double>, _ active: Int, _ mentee: MenteeView
    ) -> (total: Double, weight: Double) {
        let shared = mentee.consent && consent[active] ? 0b1_1111 : ~policy.sensitiveMask
        var total = 0.0
        var weight = 0.0
        if mentee.themeCount > 0, shared & 0b1 != 0 {
            total += weights[0] * measures.theme
            weight += weights[0]
        }
        if shared & 0b10 != 0 {
            total += weights[1] * measures.availability
            weight += weights[1]
        }
        return (total, weight)
    }

    /// The mean with the other criteria at full marks, in millionths.
    @inline(__always)
    private static func upper(_ known: (total: Double, weight: Double), optional: Double) -> Double {
        let weightSum = known.weight + optional
        return weightSum > 0 ? (known.total + optional) / weightSum * 1_000_000 : 0
    }

    /// The mean with the other criteria at zero and all of them applying, in millionths: no
    /// more than the mean of any subset of them applying at any values.
    @inline(__always)
    private static func lower(_ known: (total: Double, weight: Double), optional: Double) -> Double {
        let weightSum = known.weight + optional
        return weightSum > 0 ? known.total / weightSum * 1_000_000 : 0
    }

    /// The share of the mentee's wanted themes the mentor offers (the mentee wants some).
    @inline(__always)
    private func themeValue(_ active: Int, _ mentee: MenteeView) -> Double {
        var covered = 0
        for word in 0..<themeWords {
            covered &+= (mentee.themes[word] & themes[active * themeWords + word]).nonzeroBitCount
        }
        return Double(covered) / Double(mentee.themeCount)
    }

    /// Common free time as a share of the availability target, at most 1.
    @inline(__always)
    private func availabilityValue(_ active: Int, _ mentee: MenteeView) -> Double {
        var common = 0
        for word in 0..<WeeklyAvailability.wordCount {
            common &+= (mentee.slots[word] & times[active * Self.timeStride + Self.freeTimeOffset + word]).nonzeroBitCount
        }
        return min(1, Double(common * WeeklyAvailability.slotMinutes) / policy.availabilityTarget)
    }

    /// The mentee's score of the mentor (millionths), as ``CriterionValues/score(weights:forMentee:)``.
    @inline(__always)
    func menteeScore(_ criteria: PairCriteria, _ active: Int, _ mentee: MenteeView) -> Int32 {
        let preference = mentee.preference(of: mentors[active], bonus: policy.preferenceBonus)
        return CompiledCohort.millionths(Self.weightedMean(criteria, weights: policy.menteeWeights, preference: preference))
    }

    /// The mentor's score of the mentee (millionths).
    @inline(__always)
    func mentorScore(_ criteria: PairCriteria, _ active: Int, _ mentee: MenteeView) -> Int32 {
        var preference: Double?
        let stated = Int(preferredStart[active])..<Int(preferredStart[active + 1])
        if !stated.isEmpty {
            preference = 0
            for index in stated where preferred[index] == mentee.index {
                let rank = index - stated.lowerBound
                preference = rank < policy.preferenceBonus.count ? policy.preferenceBonus[rank] : 0
                break
            }
        }
        return CompiledCohort.millionths(Self.weightedMean(criteria, weights: policy.mentorWeights, preference: preference))
    }

    @inline(__always)
    private func languageValue(_ active: Int, _ mentee: MenteeView) -> Double {
        func speaks(_ words: UnsafePointer<UInt64>, _ language: Int32) -> Bool {
            language >= 0 && words[Int(language) >> 6] & (1 << UInt64(language & 63)) != 0
        }
        let mentorWords = UnsafePointer(languages.baseAddress.unsafelyUnwrapped + active * languageWords)
        if speaks(mentorWords, mentee.firstLanguage) || speaks(mentee.languages, firstLanguage[active]) { return 1 }
        for word in 0..<languageWords where mentee.languages[word] & mentorWords[word] != 0 { return 0.5 }
        return 0
    }

    @inline(__always)
    private static func weightedMean(_ criteria: PairCriteria, weights: SIMD8<Double>, preference: Double?) -> Double {
        var total = 0.0
        var weightSum = 0.0
        for index in 0..<Criterion.preference.index where criteria.applies & (1 << UInt8(index)) != 0 {
            total += weights[index] * criteria.values[index]
            weightSum += weights[index]
        }
        if let preference {
            total += weights[Criterion.preference.index] * preference
            weightSum += weights[Criterion.preference.index]
        }
        return weightSum > 0 ? total / weightSum : 0
    }
}

/// A pair's theme and time criteria (see ``MentorScreen/measures(_:_:)``); `theme` is 0 when
/// the mentee wants no theme.
struct PairMeasures {
    var theme: Double
    var availability: Double
}

/// The shared criteria of one pair: values by ``Criterion/index`` and which of them apply.
struct PairCriteria {
    var values = SIMD8<Double>()
    var applies: UInt8 = 0b1_1111
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

    /// Whether a pair with these scores (millionths) reaches the minimum score, its
    /// ``PairVerdict/pairScore`` compared as everywhere else.
    @inline(__always)
    func reachesMinimum(menteeScore: Int32, mentorScore: Int32) -> Bool {
        PairVerdict(rejection: nil, menteeScore: menteeScore, mentorScore: mentorScore).pairScore >= minimumScore
    }
    let preferenceBonus: [Double]

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
    /// The mentee's weights of the criteria other than themes and time that could apply to
    /// some pair, for ``MentorScreen/menteeScoreBound(_:_:_:)``.
    var optionalWeight = 0.0

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
        let weights = policy.menteeWeights
        optionalWeight = weights[2] + weights[3] + weights[4] + (preferred.isEmpty ? 0 : weights[5])
    }

    /// The bonus for `mentor`'s rank in the mentee's stated list; `nil` when they stated none.
    @inline(__always)
    func preference(of mentor: Int32, bonus: [Double]) -> Double? {
        guard !preferred.isEmpty else { return nil }
        guard let rank = preferred.firstIndex(of: mentor) else { return 0 }
        return rank < bonus.count ? bonus[rank] : 0
    }
}
