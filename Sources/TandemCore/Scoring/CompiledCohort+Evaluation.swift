/// The verdict on one pair: a rejection, or both sides' scores.
package struct PairVerdict: Sendable, Hashable {
    package var rejection: PairRejection?
    /// The mentee's view of the mentor, in millionths (0...1_000_000), used for ranking.
    package var menteeScore: Int32
    /// The mentor's view of the mentee, in millionths.
    package var mentorScore: Int32

    /// The pair's score: the mean of both views, 0...1.
    package var pairScore: Double { (Double(menteeScore) + Double(mentorScore)) / 2_000_000 }
}

extension CompiledCohort {
    /// Applies every hard rule and, if the pair survives, scores it from both sides.
    ///
    /// Scores are rounded to millionths so rankings do not depend on floating-point summation
    /// order, which keeps results identical across machines.
    /// - Complexity: O(theme, language and availability words); no allocation on rejection.
    package func verdict(mentee: Int, mentor: Int) -> PairVerdict {
        if let rejection = hardRejection(mentee: mentee, mentor: mentor) {
            return PairVerdict(rejection: rejection, menteeScore: 0, mentorScore: 0)
        }
        return scoredVerdict(mentee: mentee, mentor: mentor)
    }

    /// Both sides' scores of a pair that passed the hard rules, and the minimum-score rule.
    @inline(__always)
    func scoredVerdict(mentee: Int, mentor: Int) -> PairVerdict {
        let values = criterionValues(mentee: mentee, mentor: mentor)
        let menteeScore = Self.millionths(values.score(weights: policy.menteeWeights, forMentee: true))
        let mentorScore = Self.millionths(values.score(weights: policy.mentorWeights, forMentee: false))
        var verdict = PairVerdict(rejection: nil, menteeScore: menteeScore, mentorScore: mentorScore)
        if verdict.pairScore < policy.minimumScore { verdict.rejection = .belowMinimumScore }
        return verdict
    }

    /// A score in millionths, halves rounded up. Written with `rounded(.down)` (one
    /// instruction) rather than `rounded()` (a call into libm, 2% of a large match's
    /// scoring): for the non-negative values here the two agree exactly, since a double's
    /// fractional part is exact.
    ///
    /// The rounded value is a whole number from 0 to 1,000,000, so adding 2^52 puts it in
    /// the low bits of the sum's representation: read as an integer without the range checks
    /// of `Int32(_:)`, which every scored pair would pay twice.
    @inline(__always)
    static func millionths(_ value: Double) -> Int32 {
        let scaled = min(max(value, 0), 1) * 1_000_000
        let whole = scaled.rounded(.down)
        let rounded = scaled - whole >= 0.5 ? whole + 1 : whole
        let shift: Double = 0x1p52
        return Int32(truncatingIfNeeded: (rounded + shift).bitPattern &- shift.bitPattern)
    }

    /// The first hard rule the pair breaks, in ``PairRejection`` order, or `nil`.
    package func hardRejection(mentee: Int, mentor: Int) -> PairRejection? {
        if let rejection = ruleRejection(mentee: mentee, mentor: mentor) { return rejection }
        return hasCommonSession(mentee: mentee, mentor: mentor) ? nil : .noCommonTime
    }

    /// The first hard rule before the common-time rule (the last one) that the pair breaks.
    @inline(__always)
    func ruleRejection(mentee: Int, mentor: Int) -> PairRejection? {
        if capacities[mentor] == 0 { return .mentorCapacityZero }
        if policy.constraints.sameOrganisation, menteeOrganisation[mentee] >= 0,
            menteeOrganisation[mentee] == mentorOrganisation[mentor]
        {
            return .sameOrganisation
        }
        if policy.constraints.exclusions, isExcluded(mentee: mentee, mentor: mentor) { return .excluded }
        if policy.constraints.format, !menteeFormat[mentee].isCompatible(with: mentorFormat[mentor]) {
            return .incompatibleFormat
        }
        return nil
    }

    /// Whether either names the other (or the other's organisation) as an exclusion: a binary
    /// search of the mentee's few excluded mentors.
    func isExcluded(mentee: Int, mentor: Int) -> Bool {
        var low = Int(excludedStart[mentee])
        var high = Int(excludedStart[mentee + 1])
        while low < high {
            let middle = (low + high) / 2
            if Int(excludedMentors[middle]) < mentor { low = middle + 1 } else { high = middle }
        }
        return low < Int(excludedStart[mentee + 1]) && Int(excludedMentors[low]) == mentor
    }

    /// Whether both are free for one whole session on the same day at the same time.
    func hasCommonSession(mentee: Int, mentor: Int) -> Bool {
        let words = WeeklyAvailability.wordCount
        var common: UInt64 = 0
        for index in 0..<words {
            common |= menteeSessionStarts[mentee * words + index] & mentorSessionStarts[mentor * words + index]
        }
        return common != 0
    }

    /// Common free quarter hours per week.
    func commonSlotCount(mentee: Int, mentor: Int) -> Int {
        let words = WeeklyAvailability.wordCount
        var count = 0
        for index in 0..<words {
            count &+= (menteeSlots[mentee * words + index] & mentorSlots[mentor * words + index]).nonzeroBitCount
        }
        return count
    }

    /// Every criterion's value for the pair (hard rules are not checked here).
    package func criterionValues(mentee: Int, mentor: Int) -> CriterionValues {
        var values = CriterionValues()

        // Themes: the share of wanted themes the mentor offers and has not declined.
        let wanted = Int(menteeThemeCount[mentee])
        if wanted == 0 {
            values.setApplies(.themes, false)
        } else {
            var covered = 0
            for index in 0..<themeWords {
                covered &+=
                    (menteeThemes[mentee * themeWords + index] & mentorThemes[mentor * themeWords + index])
                    .nonzeroBitCount
            }
            values.shared[Criterion.themes.index] = Double(covered) / Double(wanted)
        }

        let commonMinutes = commonSlotCount(mentee: mentee, mentor: mentor) * WeeklyAvailability.slotMinutes
        values.shared[Criterion.availability.index] = min(
            1, Double(commonMinutes) / Double(max(1, policy.availabilityTargetMinutes)))

        values.shared[Criterion.language.index] = languageValue(mentee: mentee, mentor: mentor)
        values.shared[Criterion.format.index] = menteeFormat[mentee].isCompatible(with: mentorFormat[mentor]) ? 1 : 0

        if menteeFormat[mentee].allowsInPerson(with: mentorFormat[mentor]), menteeTown[mentee] >= 0, mentorTown[mentor] >= 0 {
            values.shared[Criterion.town.index] = menteeTown[mentee] == mentorTown[mentor] ? 1 : 0
        } else {
            values.setApplies(.town, false)
        }

        // Special-category answers are used only when both people whose answers they are consented.
        if !(menteeConsent[mentee] && mentorConsent[mentor]) { values.appliesMask &= ~sensitiveMask }

        values.menteePreference = preferenceValue(of: Int32(mentor), in: menteePreferred[mentee])
        values.mentorPreference = preferenceValue(of: Int32(mentee), in: mentorPreferred[mentor])
        return values
    }

    private func languageValue(mentee: Int, mentor: Int) -> Double {
        let menteeFirst = menteeFirstLanguage[mentee]
        let mentorFirst = mentorFirstLanguage[mentor]
        func speaks(_ words: [UInt64], _ person: Int, _ language: Int32) -> Bool {
            language >= 0 && words[person * languageWords + Int(language) >> 6] & (1 << UInt64(language & 63)) != 0
        }
        if speaks(mentorLanguages, mentor, menteeFirst) || speaks(menteeLanguages, mentee, mentorFirst) { return 1 }
        for index in 0..<languageWords
        where menteeLanguages[mentee * languageWords + index] & mentorLanguages[mentor * languageWords + index] != 0 {
            return 0.5
        }
        return 0
    }

    /// The bonus for `candidate`'s rank in a stated list; `nil` when the person stated none.
    private func preferenceValue(of candidate: Int32, in stated: [Int32]) -> Double? {
        guard !stated.isEmpty else { return nil }
        guard let rank = stated.firstIndex(of: candidate) else { return 0 }
        // Choices beyond the bonus table earn nothing extra, like an unlisted partner.
        return rank < policy.preferenceBonus.count ? policy.preferenceBonus[rank] : 0
    }
}
