import StableMatching

extension CohortInsights {
    /// The most unmatched mentees what would help is worked out for.
    public static let menteesHelpedAtMost = 2_000

    /// The insights of one run of the engine.
    /// - Parameters:
    ///   - outcome: the run; on a re-run with a programme record, the matching of the free part.
    ///   - result: the result written, with any pairs kept from earlier runs.
    ///   - cohort: everyone who signed up (on a re-run, people in kept pairs too).
    ///   - schedule: the programme calendar, for its closed dates.
    /// - Complexity: O(min(unmatched mentees, ``menteesHelpedAtMost``) × mentors) pair evaluations for the suggestions, and
    ///   with the complete lists ``RelaxationCounter`` (O(mentees × mentors) screens and one matching per rule).
    public init(
        outcome: MatchOutcome, result: MatchResult, cohort: Cohort, settings: ReportSettings, schedule: ScheduleSettings?,
        history: ProgrammeHistory?
    ) {
        let compiled = outcome.compiled
        let instance = outcome.scored.instance
        var usable: [String: Int] = [:]
        for cap in result.capacityCaps { usable[cap.mentor.id] = cap.usable }
        var taken: [String: Int] = [:]
        var keptTaken: [String: Int] = [:]
        for pair in result.pairs {
            taken[pair.mentor.id, default: 0] += 1
            if pair.isKept { keptTaken[pair.mentor.id, default: 0] += 1 }
        }
        func places(_ mentor: Mentor) -> Int {
            max(0, usable[mentor.id].map { $0 + keptTaken[mentor.id, default: 0] } ?? mentor.capacity)
        }
        // A cohort's people come from a few hundred organisations: each name is classified once
        // per side (classifying all 12,500 people took about 0.06 s at 10,000 mentees).
        var types: [CohortSide: [String: OrganisationType]] = [:]
        func profile(_ id: String, _ side: CohortSide, _ town: String, _ languages: [String], _ organisation: String)
            -> PersonProfile
        {
            let type: OrganisationType
            if let known = types[side]?[organisation] {
                type = known
            } else {
                type = settings.type(of: organisation, side: side)
                types[side, default: [:]][organisation] = type
            }
            return PersonProfile(
                id: id, side: side, town: town, firstLanguage: languages.first ?? "", organisation: organisation,
                organisationType: type, places: 0)
        }
        people =
            cohort.mentors.map { mentor in
                var person = profile(mentor.id, .mentor, mentor.town, mentor.languages, mentor.organisation)
                person.places = places(mentor)
                return person
            } + cohort.mentees.map { profile($0.id, .mentee, $0.town, $0.languages, $0.organisation) }
        sparePlaces = cohort.mentors.compactMap { mentor in
            let place = SparePlace(mentor: mentor.id, places: places(mentor), taken: taken[mentor.id, default: 0])
            return place.spare > 0 ? place : nil
        }

        let unmatchedMentees = outcome.unmatched.filter { $0.side == .mentee }.map(\.index)
        var reserve: [(entry: ReserveEntry, index: Int)] = []
        for mentee in unmatchedMentees {
            let range = Int(instance.residentListStart[mentee])..<Int(instance.residentListStart[mentee + 1])
            guard !range.isEmpty else { continue }
            var best = range.lowerBound
            var bestScore = -1.0
            for entry in range {
                let score =
                    (Double(outcome.scored.menteeScores[entry]) + Double(outcome.scored.mentorScoresOfMenteeEntries[entry]))
                    / 2_000_000
                if score > bestScore { (best, bestScore) = (entry, score) }
            }
            let mentor = compiled.cohort.mentors[Int(instance.residentLists[best])].id
            reserve.append(
                (
                    ReserveEntry(
                        mentee: compiled.cohort.mentees[mentee].id, bestMentor: mentor, bestScore: bestScore,
                        candidates: range.count), mentee
                ))
        }
        // Next for a freed place: the best pair first; fewer options, then sign-up order, break ties.
        reserve.sort {
            if $0.entry.bestScore != $1.entry.bestScore { return $0.entry.bestScore > $1.entry.bestScore }
            if $0.entry.candidates != $1.entry.candidates { return $0.entry.candidates < $1.entry.candidates }
            return $0.index < $1.index
        }
        self.reserve = reserve.map(\.entry)

        // The mentees no mentor could ever take need help most, then the reserve list in order;
        // a national cohort's tens of thousands more would cost minutes and fill no page.
        let reserved = Set(reserve.map(\.index))
        let helped = Array(
            (unmatchedMentees.filter { !reserved.contains($0) } + reserve.map(\.index)).prefix(Self.menteesHelpedAtMost))
        let finder = HelpFinder(compiled: compiled, scored: outcome.scored, matching: outcome.matching)
        let halves = helped.count > 1 ? 2 : 1
        let boxes = (0..<halves).map { _ in UnsafeSendableBox<[HelpSuggestion]>([]) }
        let split = helped.count / 2
        Concurrently.forEach(halves) { half in
            let part = halves == 1 ? helped[...] : half == 0 ? helped[..<split] : helped[split...]
            boxes[half].value = part.map { finder.suggestion(for: $0) }
        }
        suggestions = boxes.flatMap(\.value)
        // Relaxing a rule adds pairs to the lists and matches again. The exact method's reduced
        // lists have the complete lists' stable matchings, but not once pairs are added (someone
        // displaced would need the rest of their list), so without the lists there is no count.
        relaxations =
            outcome.exactPasses == nil
            ? outcome.ruleRelaxations
                ?? RelaxationCounter.relaxations(compiled: compiled, scored: outcome.scored, objective: outcome.objective)
            : nil

        if let schedule {
            calendarStart = schedule.startDate
            calendarEnd = schedule.endDate
            closedDates = schedule.closedDates.filter { $0 >= schedule.startDate && $0 <= schedule.endDate }.sorted().map {
                ClosedDate(date: $0, reason: schedule.closedDateReasons[$0] ?? "blackout")
            }
        } else {
            calendarStart = nil
            calendarEnd = nil
            closedDates = []
        }
        disclosure = settings.disclosure
        self.history = history
    }
}
