/// One hypothetical change to a pair's answers, for ``CompiledCohort/whatIfVerdict(mentee:mentor:_:)``.
struct PairChange {
    var menteeFormat: MeetingFormat?
    var mentorFormat: MeetingFormat?
    /// Quarter hours added to their common free time.
    var extraCommonSlots = 0
    /// Whether they would share a first language (through an interpreter, say).
    var sharesFirstLanguage = false
}

extension CompiledCohort {
    /// Both sides' scores of the pair had its answers been changed by `change` (hard rules are
    /// not checked; the minimum-score rule is, as in ``scoredVerdict(mentee:mentor:)``).
    func whatIfVerdict(mentee: Int, mentor: Int, _ change: PairChange) -> PairVerdict {
        var values = criterionValues(mentee: mentee, mentor: mentor)
        if change.menteeFormat != nil || change.mentorFormat != nil {
            let menteeFormat = change.menteeFormat ?? self.menteeFormat[mentee]
            let mentorFormat = change.mentorFormat ?? self.mentorFormat[mentor]
            values.shared[Criterion.format.index] = menteeFormat.isCompatible(with: mentorFormat) ? 1 : 0
            if menteeFormat.allowsInPerson(with: mentorFormat), menteeTown[mentee] >= 0, mentorTown[mentor] >= 0 {
                values.setApplies(.town, true)
                values.shared[Criterion.town.index] = menteeTown[mentee] == mentorTown[mentor] ? 1 : 0
            } else {
                values.setApplies(.town, false)
            }
            // A criterion needing consent stays off without it, whatever the format.
            if !(menteeConsent[mentee] && mentorConsent[mentor]) { values.appliesMask &= ~sensitiveMask }
        }
        if change.extraCommonSlots > 0 {
            let minutes =
                (commonSlotCount(mentee: mentee, mentor: mentor) + change.extraCommonSlots) * WeeklyAvailability.slotMinutes
            values.shared[Criterion.availability.index] = min(
                1, Double(minutes) / Double(max(1, policy.availabilityTargetMinutes)))
        }
        if change.sharesFirstLanguage { values.shared[Criterion.language.index] = 1 }
        let menteeScore = Self.millionths(values.score(weights: policy.menteeWeights, forMentee: true))
        let mentorScore = Self.millionths(values.score(weights: policy.mentorWeights, forMentee: false))
        var verdict = PairVerdict(rejection: nil, menteeScore: menteeScore, mentorScore: mentorScore)
        if verdict.pairScore < policy.minimumScore { verdict.rejection = .belowMinimumScore }
        return verdict
    }

    /// The language value of a pair as scored (1 shared first language, 0.5 another, 0 none).
    func sharedLanguageValue(mentee: Int, mentor: Int) -> Double {
        criterionValues(mentee: mentee, mentor: mentor).shared[Criterion.language.index]
    }

    /// The window of one session that needs the fewest quarter hours added for the two to share
    /// it: one whose every quarter hour one of them is free, added to the other's availability.
    /// Ties go to the mentee changing, then to the earlier time in the week.
    /// - Returns: who adds it, the first quarter hour of the week, and how many quarter hours
    ///   are added; `nil` when neither has a whole session free.
    func smallestCommonWindow(mentee: Int, mentor: Int) -> (side: CohortSide, start: Int, added: Int)? {
        let length = WeeklyAvailability.slots(forMinutes: policy.sessionMinutes)
        let words = WeeklyAvailability.wordCount
        func isSet(_ bits: [UInt64], _ person: Int, _ slot: Int) -> Bool {
            bits[person * words + slot >> 6] & (1 << UInt64(slot & 63)) != 0
        }
        var best: (side: CohortSide, start: Int, added: Int)?
        // One side's session starts against the other's free time; a function called twice
        // rather than a loop over an array of the two, which was allocated for every pair.
        func scan(_ side: CohortSide, _ starts: [UInt64], _ startOwner: Int, _ other: [UInt64], _ otherOwner: Int) {
            for word in 0..<words {
                var bits = starts[startOwner * words + word]
                while bits != 0 {
                    let start = word * 64 + bits.trailingZeroBitCount
                    bits &= bits &- 1
                    var added = 0
                    for slot in start..<(start + length) where !isSet(other, otherOwner, slot) { added += 1 }
                    if added < best?.added ?? Int.max { best = (side, start, added) }
                }
            }
        }
        // The mentee adds a window the mentor is free for, then the mentor one the mentee is free for.
        scan(.mentee, mentorSessionStarts, mentor, menteeSlots, mentee)
        scan(.mentor, menteeSessionStarts, mentee, mentorSlots, mentor)
        return best
    }
}
