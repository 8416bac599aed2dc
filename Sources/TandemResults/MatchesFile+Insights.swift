import TandemCore

extension MatchesFile {
    /// What the coordinator's report needs beyond the pairs and reasons (``CohortInsights``).
    struct Insights: Codable, Sendable {
        var calendarEnd: String?
        var calendarStart: String?
        var closedDates: [ClosedDay]
        var disclosure: Disclosure
        var history: History?
        var people: [Person]
        /// Absent when not worked out (a cohort matched without its complete lists).
        var relaxations: [Relaxation]?
        var reserve: [ReserveEntry]
        var sparePlaces: [SparePlace]
        var suggestions: [Suggestion]
    }

    struct ClosedDay: Codable, Sendable {
        var date: String
        var reason: String
    }

    struct Disclosure: Codable, Sendable {
        var roundTo: Int
        var suppressBelow: Int
    }

    struct History: Codable, Sendable {
        var endedEarly: [ReasonCount]
        var lateJoiners: Int
        var rematched: Int
        var runs: Int
    }

    struct ReasonCount: Codable, Sendable {
        var count: Int
        var reason: String
    }

    struct Person: Codable, Sendable {
        var firstLanguage: String
        var id: String
        var organisation: String
        var organisationType: String
        /// Mentors only.
        var places: Int?
        var side: String
        var town: String
    }

    struct Relaxation: Codable, Sendable {
        var extraPairs: Int
        var pairsRemoved: Int
        var pairsWithRule: Int
        var pairsWithoutRule: Int
        var rule: String
    }

    struct ReserveEntry: Codable, Sendable {
        var bestMentor: String
        var bestScore: Double
        var candidates: Int
        var mentee: String
        var position: Int
    }

    struct SparePlace: Codable, Sendable {
        var mentor: String
        var places: Int
        var spare: Int
        var taken: Int
    }

    struct Suggestion: Codable, Sendable {
        var change: Change?
        var displacesSomeone: Bool
        var mentee: String
        var mentor: String?
        var peopleAffected: Int
        var score: Double
    }

    /// One change: its code and the values of that code (`common_window`: side, day, start,
    /// end; `accept_online`: side; `shared_language`: language; `lower_minimum_score`: minimum_score).
    struct Change: Codable, Sendable {
        var code: String
        var day: String?
        var end: String?
        var language: String?
        var minimumScore: Double?
        var side: String?
        var start: String?
    }
}

extension MatchesFile.Insights {
    init(_ insights: CohortInsights) {
        calendarEnd = insights.calendarEnd?.iso
        calendarStart = insights.calendarStart?.iso
        closedDates = insights.closedDates.map { MatchesFile.ClosedDay(date: $0.date.iso, reason: $0.reason) }
        disclosure = MatchesFile.Disclosure(
            roundTo: insights.disclosure.roundTo, suppressBelow: insights.disclosure.suppressBelow)
        history = insights.history.map { history in
            MatchesFile.History(
                endedEarly: history.endedEarly.map { MatchesFile.ReasonCount(count: $0.count, reason: $0.reason) },
                lateJoiners: history.lateJoiners, rematched: history.rematched, runs: history.runs)
        }
        people = insights.people.map {
            MatchesFile.Person(
                firstLanguage: $0.firstLanguage, id: $0.id, organisation: $0.organisation,
                organisationType: $0.organisationType.rawValue, places: $0.side == .mentor ? $0.places : nil,
                side: $0.side.rawValue, town: $0.town)
        }
        relaxations = insights.relaxations?.map {
            MatchesFile.Relaxation(
                extraPairs: $0.extraPairs, pairsRemoved: $0.pairsRemoved, pairsWithRule: $0.pairsWithRule,
                pairsWithoutRule: $0.pairsWithoutRule, rule: $0.rule)
        }
        reserve = insights.reserve.enumerated().map { index, entry in
            MatchesFile.ReserveEntry(
                bestMentor: entry.bestMentor, bestScore: MatchesFile.rounded(entry.bestScore), candidates: entry.candidates,
                mentee: entry.mentee, position: index + 1)
        }
        sparePlaces = insights.sparePlaces.map {
            MatchesFile.SparePlace(mentor: $0.mentor, places: $0.places, spare: $0.spare, taken: $0.taken)
        }
        suggestions = insights.suggestions.map {
            MatchesFile.Suggestion(
                change: $0.change.map(MatchesFile.Change.init), displacesSomeone: $0.displacesSomeone, mentee: $0.mentee,
                mentor: $0.mentor, peopleAffected: $0.peopleAffected, score: MatchesFile.rounded($0.score))
        }
    }

    /// The insights this block records; `path` names the block in errors.
    func insights(at path: String) throws(MatchesFile.Unreadable) -> CohortInsights {
        func date(_ text: String?, _ field: String) throws(MatchesFile.Unreadable) -> LocalDate? {
            guard let text else { return nil }
            guard let date = LocalDate(iso: text) else {
                throw MatchesFile.Unreadable(path: path + "." + field, message: "is not a date like 2027-01-11")
            }
            return date
        }
        func side(_ text: String, _ field: String) throws(MatchesFile.Unreadable) -> CohortSide {
            guard let side = CohortSide(rawValue: text) else {
                throw MatchesFile.Unreadable(path: path + "." + field, message: "is '\(text)', not mentor or mentee")
            }
            return side
        }
        var closed: [ClosedDate] = []
        for (index, day) in closedDates.enumerated() {
            guard let when = try date(day.date, "closed_dates[\(index)].date") else { continue }
            closed.append(ClosedDate(date: when, reason: day.reason))
        }
        var profiles: [PersonProfile] = []
        for (index, person) in people.enumerated() {
            guard let type = OrganisationType(rawValue: person.organisationType) else {
                throw MatchesFile.Unreadable(
                    path: path + ".people[\(index)].organisation_type",
                    message: "is '\(person.organisationType)', not one of "
                        + OrganisationType.allCases.map(\.rawValue).joined(separator: ", "))
            }
            profiles.append(
                PersonProfile(
                    id: person.id, side: try side(person.side, "people[\(index)].side"), town: person.town,
                    firstLanguage: person.firstLanguage, organisation: person.organisation, organisationType: type,
                    places: person.places ?? 0))
        }
        var help: [HelpSuggestion] = []
        for (index, suggestion) in suggestions.enumerated() {
            help.append(
                HelpSuggestion(
                    mentee: suggestion.mentee,
                    change: try suggestion.change.map { change throws(MatchesFile.Unreadable) in
                        try change.helpChange(at: path + ".suggestions[\(index)].change")
                    },
                    mentor: suggestion.mentor, score: suggestion.score, peopleAffected: suggestion.peopleAffected,
                    displacesSomeone: suggestion.displacesSomeone))
        }
        return CohortInsights(
            people: profiles,
            reserve: reserve.map {
                TandemCore.ReserveEntry(
                    mentee: $0.mentee, bestMentor: $0.bestMentor, bestScore: $0.bestScore, candidates: $0.candidates)
            },
            sparePlaces: sparePlaces.map { TandemCore.SparePlace(mentor: $0.mentor, places: $0.places, taken: $0.taken) },
            suggestions: help,
            relaxations: relaxations?.map {
                RuleRelaxation(
                    rule: $0.rule, pairsRemoved: $0.pairsRemoved, pairsWithRule: $0.pairsWithRule,
                    pairsWithoutRule: $0.pairsWithoutRule)
            },
            closedDates: closed, calendarStart: try date(calendarStart, "calendar_start"),
            calendarEnd: try date(calendarEnd, "calendar_end"),
            disclosure: DisclosureRule(suppressBelow: disclosure.suppressBelow, roundTo: disclosure.roundTo),
            history: history.map { history in
                ProgrammeHistory(
                    runs: history.runs,
                    endedEarly: history.endedEarly.map { ProgrammeHistory.ReasonCount(reason: $0.reason, count: $0.count) },
                    rematched: history.rematched, lateJoiners: history.lateJoiners)
            })
    }
}

extension MatchesFile.Change {
    init(_ change: HelpChange) {
        code = change.code
        switch change {
        case .commonWindow(let side, let day, let startMinute, let endMinute):
            self.side = side.rawValue
            self.day = day.name
            start = AvailabilityWindow.clock(startMinute)
            end = AvailabilityWindow.clock(endMinute)
        case .acceptOnline(let side): self.side = side.rawValue
        case .sharedLanguage(let language): self.language = language
        case .lowerMinimumScore(let minimum): minimumScore = minimum
        }
    }

    func helpChange(at path: String) throws(MatchesFile.Unreadable) -> HelpChange {
        func side() throws(MatchesFile.Unreadable) -> CohortSide {
            let text = try MatchesFile.required(self.side, at: path + ".side")
            guard let side = CohortSide(rawValue: text) else {
                throw MatchesFile.Unreadable(path: path + ".side", message: "is '\(text)', not mentor or mentee")
            }
            return side
        }
        func minute(_ text: String?, _ field: String) throws(MatchesFile.Unreadable) -> Int {
            let text = try MatchesFile.required(text, at: path + "." + field)
            let parts = text.split(separator: ":")
            guard parts.count == 2, let hours = Int(parts[0]), let minutes = Int(parts[1]) else {
                throw MatchesFile.Unreadable(path: path + "." + field, message: "is '\(text)', not a time like 18:00")
            }
            return hours * 60 + minutes
        }
        switch code {
        case "common_window":
            let dayName = try MatchesFile.required(day, at: path + ".day")
            guard let weekday = Weekday(parsing: dayName) else {
                throw MatchesFile.Unreadable(path: path + ".day", message: "is '\(dayName)', not a day of the week")
            }
            return .commonWindow(
                side: try side(), day: weekday, startMinute: try minute(start, "start"), endMinute: try minute(end, "end"))
        case "accept_online": return .acceptOnline(side: try side())
        case "shared_language": return .sharedLanguage(language: try MatchesFile.required(language, at: path + ".language"))
        case "lower_minimum_score":
            return .lowerMinimumScore(to: try MatchesFile.required(minimumScore, at: path + ".minimum_score"))
        default:
            throw MatchesFile.Unreadable(
                path: path + ".code",
                message: "is '\(code)', not common_window, accept_online, shared_language or lower_minimum_score")
        }
    }
}
