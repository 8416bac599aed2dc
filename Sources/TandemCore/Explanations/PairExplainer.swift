/// Plain-English reasons why a pair fits, one short clause per criterion that speaks for it.
public struct PairExplainer: Sendable {
    public let compiled: CompiledCohort

    public init(compiled: CompiledCohort) {
        self.compiled = compiled
    }

    /// Reasons such as "both want to talk about housing and mental health", "both speak Punjabi",
    /// "both free Tue 18:00–20:00". Only what the coordinator needs; no scores.
    public func reasons(mentee: Int, mentor: Int) -> [String] {
        let cohort = compiled.cohort
        let menteePerson = cohort.mentees[mentee]
        let mentorPerson = cohort.mentors[mentor]
        let values = compiled.criterionValues(mentee: mentee, mentor: mentor)
        var reasons: [String] = []

        if values.value(of: .themes, forMentee: true) != nil {
            let shared = sharedThemes(mentee: mentee, mentor: mentor)
            reasons.append(
                shared.isEmpty
                    ? "no wanted theme in common"
                    : "both want to talk about " + English.list(shared.map(English.midSentence)))
        } else if !menteePerson.themesWanted.isEmpty, compiled.policy.sensitiveCriteria.contains(.themes) {
            reasons.append("themes not used (sensitive answers are used only with both people's consent)")
        }

        if values.value(of: .language, forMentee: true) != nil {
            let languages = sharedLanguages(menteePerson, mentorPerson)
            reasons.append(
                languages.isEmpty ? "no shared language (an interpreter may be needed)" : "both speak " + English.list(languages))
        }

        let common = menteePerson.availability.intersection(mentorPerson.availability).windows
            .filter { $0.durationMinutes >= compiled.policy.sessionMinutes }
        if !common.isEmpty {
            var shown = common.prefix(3).map(\.description)
            if common.count > 3 { shown.append("\(common.count - 3) more windows") }
            reasons.append("both free " + English.list(shown))
        }

        switch (menteePerson.format, mentorPerson.format) {
        case (.online, _), (_, .online): reasons.append("will meet online")
        case (.inPerson, _), (_, .inPerson): reasons.append("will meet in person")
        default: reasons.append("either format suits both")
        }

        if values.value(of: .town, forMentee: true) == 1 {
            reasons.append("both in " + mentorPerson.town.trimmingWhitespace())
        }
        if let rank = menteePerson.preferredMentors.firstIndex(where: {
            TextKey.normalise($0) == TextKey.normalise(mentorPerson.id)
        }) {
            reasons.append("\(menteePerson.name) chose \(mentorPerson.name) as \(English.ordinal(rank + 1)) choice")
        }
        if let rank = mentorPerson.preferredMentees.firstIndex(where: {
            TextKey.normalise($0) == TextKey.normalise(menteePerson.id)
        }) {
            reasons.append("\(mentorPerson.name) chose \(menteePerson.name) as \(English.ordinal(rank + 1)) choice")
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
