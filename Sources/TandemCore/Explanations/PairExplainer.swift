/// Why a pair fits: one reason per criterion that speaks for it, as data (``ReasonText`` words them).
struct PairExplainer: Sendable {
    let compiled: CompiledCohort

    init(compiled: CompiledCohort) {
        self.compiled = compiled
    }

    /// Reasons such as shared themes, shared languages, common free time. Only what the
    /// coordinator needs; no scores.
    func reasons(mentee: Int, mentor: Int) -> [PairReason] {
        let cohort = compiled.cohort
        let menteePerson = cohort.mentees[mentee]
        let mentorPerson = cohort.mentors[mentor]
        let values = compiled.criterionValues(mentee: mentee, mentor: mentor)
        var reasons: [PairReason] = []

        if values.value(of: .themes, forMentee: true) != nil {
            let shared = sharedThemes(mentee: mentee, mentor: mentor)
            reasons.append(shared.isEmpty ? .noSharedTheme : .sharedThemes(shared))
        } else if !menteePerson.themesWanted.isEmpty, compiled.policy.sensitiveCriteria.contains(.themes) {
            reasons.append(.themesNotUsed)
        }

        if values.value(of: .language, forMentee: true) != nil {
            let languages = sharedLanguages(menteePerson, mentorPerson)
            reasons.append(languages.isEmpty ? .noSharedLanguage : .sharedLanguages(languages))
        }

        let common = menteePerson.availability.intersection(mentorPerson.availability).windows
            .filter { $0.durationMinutes >= compiled.policy.sessionMinutes }
        if !common.isEmpty {
            reasons.append(.commonTime(windows: Array(common.prefix(3)), more: max(0, common.count - 3)))
        }

        switch (menteePerson.format, mentorPerson.format) {
        case (.online, _), (_, .online): reasons.append(.meetingFormat(.online))
        case (.inPerson, _), (_, .inPerson): reasons.append(.meetingFormat(.inPerson))
        default: reasons.append(.meetingFormat(.either))
        }

        if values.value(of: .town, forMentee: true) == 1 {
            reasons.append(.sameTown(mentorPerson.town.trimmingWhitespace()))
        }
        if let rank = menteePerson.preferredMentors.firstIndex(where: {
            TextKey.normalise($0) == TextKey.normalise(mentorPerson.id)
        }) {
            reasons.append(.menteeChoice(rank: rank + 1))
        }
        if let rank = mentorPerson.preferredMentees.firstIndex(where: {
            TextKey.normalise($0) == TextKey.normalise(menteePerson.id)
        }) {
            reasons.append(.mentorChoice(rank: rank + 1))
        }
        return reasons
    }

    /// Themes the mentee wants and the mentor offers (not declined), in the mentee's order.
    func sharedThemes(mentee: Int, mentor: Int) -> [String] {
        let mentorPerson = compiled.cohort.mentors[mentor]
        let offered = Set(mentorPerson.themesOffered.map(TextKey.normalise))
        let declined = Set(mentorPerson.themesDeclined.map(TextKey.normalise))
        var seen = Set<String>()
        return compiled.cohort.mentees[mentee].themesWanted.filter { theme in
            let key = TextKey.normalise(theme)
            return offered.contains(key) && !declined.contains(key) && seen.insert(key).inserted
        }.map { $0.trimmingWhitespace() }
    }

    /// Languages both speak, in the mentor's order.
    func sharedLanguages(_ mentee: Mentee, _ mentor: Mentor) -> [String] {
        let menteeKeys = Set(mentee.languages.map(TextKey.normalise))
        var seen = Set<String>()
        return mentor.languages.filter { language in
            let key = TextKey.normalise(language)
            return menteeKeys.contains(key) && seen.insert(key).inserted
        }.map { $0.trimmingWhitespace() }
    }
}
