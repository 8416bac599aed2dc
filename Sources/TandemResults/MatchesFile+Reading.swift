import Foundation
import TandemCore

extension MatchesFile {
    /// A value the file cannot hold, named by its place in the file.
    struct Unreadable: Error {
        var path: String
        var message: String
    }

    /// The instant `text` names, if any.
    static func instant(_ text: String?, at path: String) throws(Unreadable) -> Date? {
        guard let text else { return nil }
        guard let date = UTCText.date(text) else {
            throw Unreadable(path: path, message: "'\(text)' is not a UTC time like 2026-01-01T09:30:05Z")
        }
        return date
    }

    /// `value`, which the file must have at `path`.
    static func required<Value>(_ value: Value?, at path: String) throws(Unreadable) -> Value {
        guard let value else { throw Unreadable(path: path, message: "is missing") }
        return value
    }

    /// The result this file records.
    func result() throws(Unreadable) -> MatchResult {
        guard schemaVersion == Self.schemaVersion else {
            throw Unreadable(
                path: "schema_version", message: "is \(schemaVersion); this tandem reads version \(Self.schemaVersion)")
        }
        let programme = TandemCore.Programme(
            id: self.programme.id, name: self.programme.name, coordinatorName: self.programme.coordinatorName,
            coordinatorEmail: self.programme.coordinatorEmail, timeZone: self.programme.timeZone)
        var pairs: [MatchResult.Pair] = []
        for (index, pair) in self.pairs.enumerated() {
            let path = "pairs[\(index)]"
            let mentor = PersonName(id: pair.mentor, name: pair.mentorName)
            let mentee = PersonName(id: pair.mentee, name: pair.menteeName)
            var reasons: [PairReason] = []
            for (position, reason) in pair.reasons.enumerated() {
                reasons.append(try reason.pairReason(at: "\(path).reasons[\(position)]"))
            }
            var entry = MatchResult.Pair(
                mentor: mentor, mentee: mentee, score: pair.score, menteeRank: pair.menteeRank, mentorRank: pair.mentorRank,
                reasons: reasons, series: try pair.sessionSeries(at: path))
            entry.isKept = pair.kept ?? false
            entry.longestGapWeeks = pair.longestGapWeeks
            pairs.append(entry)
        }
        var unmatched: [MatchResult.Unmatched] = []
        for (index, person) in self.unmatched.enumerated() {
            let path = "unmatched[\(index)]"
            guard let side = CohortSide(rawValue: person.side) else {
                throw Unreadable(path: path + ".side", message: "is '\(person.side)', not mentor or mentee")
            }
            unmatched.append(
                MatchResult.Unmatched(
                    person: PersonName(id: person.id, name: person.name), side: side,
                    reason: try Self.reason(code: person.reasonCode, details: person.details ?? Details(), at: path)))
        }
        var schedule: MatchResult.Schedule?
        if let sessionsPerPair {
            var unscheduled: [MatchResult.Unscheduled] = []
            for (index, item) in (self.unscheduled ?? []).enumerated() {
                unscheduled.append(try item.unscheduled(at: "unscheduled[\(index)]"))
            }
            var events: [CohortEvent] = []
            for (index, event) in (cohortEvents ?? []).enumerated() {
                guard let start = LocalDateTime(isoLocal: event.start) else {
                    throw Unreadable(path: "cohort_events[\(index)].start", message: "is not a local time like 2026-01-13T18:00")
                }
                var cohortEvent = CohortEvent(
                    uid: event.uid, title: event.title, start: start, durationMinutes: event.durationMinutes,
                    location: event.location)
                cohortEvent.issued = try MatchesFile.instant(event.issued, at: "cohort_events[\(index)].issued")
                events.append(cohortEvent)
            }
            var withoutSlot: [MatchResult.Unscheduled] = []
            for (index, item) in (self.withoutSlot ?? []).enumerated() {
                withoutSlot.append(try item.unscheduled(at: "without_slot[\(index)]"))
            }
            schedule = MatchResult.Schedule(sessionsPerPair: sessionsPerPair, unscheduled: unscheduled, cohortEvents: events)
            schedule?.withoutSlot = withoutSlot
            schedule?.maxGapWeeks = maxGapWeeks
        }
        let tradeOff = tradeoff.map { entry in
            TradeOff(
                options: entry.options.map {
                    TradeOffOption(
                        name: $0.name, pairs: $0.pairs, blockingPairs: $0.blockingPairs, totalScore: $0.totalScore,
                        meanScore: $0.meanScore, meanMenteeRank: $0.meanMenteeRank, meanMentorRank: $0.meanMentorRank,
                        isChosen: $0.chosen)
                },
                maximumPairs: entry.maximumPairs, coverageMaximisesScore: entry.coverageMaximisesScore)
        }
        var summary = MatchResult.Summary(
            pairs: self.summary.pairs, mentors: self.summary.mentors, mentees: self.summary.mentees,
            unmatchedMentees: self.summary.unmatchedMentees, unmatchedMentors: self.summary.unmatchedMentors,
            spareMentorPlaces: self.summary.spareMentorPlaces, meanScore: self.summary.meanScore)
        summary.keptPairs = self.summary.keptPairs
        summary.pairsWithoutSlot = self.summary.pairsWithoutSlot
        var result = MatchResult(
            programme: programme, algorithm: algorithm, seed: seed, stable: stable, blockingPairs: blockingPairs,
            settings: ReasonSettings(
                sessionMinutes: settings.sessionMinutes, minimumScore: settings.minimumScore,
                maxListLength: settings.maxListLength),
            pairs: pairs, unmatched: unmatched,
            summary: summary,
            capacityCaps: capacityCaps.map {
                MatchResult.CapacityNote(
                    mentor: PersonName(id: $0.mentor, name: $0.mentorName), offered: $0.offered, usable: $0.usable)
            },
            tradeOff: tradeOff, schedule: schedule)
        result.acceptablePairs = acceptablePairs
        result.insights = try insights?.insights(at: "insights")
        return result
    }

    static func reason(code: String, details: Details, at path: String) throws(Unreadable) -> UnmatchedReason {
        switch code {
        case "not_taking_mentees": return .notTakingMentees
        case "no_session_fits": return .noSessionFits
        case "no_window": return .noWindow
        case "no_possible_partner":
            var rules: [RuleCount] = []
            for entry in try required(details.rules, at: path + ".details.rules") {
                guard let rule = RuleName.rule(named: entry.rule) else {
                    throw Unreadable(path: path + ".details.rules", message: "has an unknown rule '\(entry.rule)'")
                }
                rules.append(RuleCount(rule: rule, count: entry.count))
            }
            return .noPossiblePartner(of: try required(details.of, at: path + ".details.of"), rules: rules)
        case "free_place_left":
            return .freePlaceLeft(
                mentor: PersonName(
                    id: try required(details.mentor, at: path + ".details.mentor"),
                    name: try required(details.mentorName, at: path + ".details.mentor_name")))
        case "reserve_list":
            return .reserveList(
                candidates: try required(details.candidates, at: path + ".details.candidates"),
                firstChoice: PersonName(
                    id: try required(details.firstChoice, at: path + ".details.first_choice"),
                    name: try required(details.firstChoiceName, at: path + ".details.first_choice_name")),
                rankThere: try required(details.rankThere, at: path + ".details.rank_there"),
                places: try required(details.places, at: path + ".details.places"),
                leftOff: try required(details.leftOff, at: path + ".details.left_off"))
        case "every_candidate_prefers_another":
            return .everyCandidatePrefersAnother(
                candidates: try required(details.candidates, at: path + ".details.candidates"),
                freePlaces: try required(details.freePlaces, at: path + ".details.free_places"))
        case "no_slot":
            let slot = Unscheduled(
                endDate: details.endDate, mentee: "", mentor: "", mentorName: details.mentorName, reason: "",
                reasonCode: try required(details.slotReason, at: path + ".details.slot_reason"),
                sessionMinutes: details.sessionMinutes)
            return .noSlot(
                partner: PersonName(
                    id: try required(details.partner, at: path + ".details.partner"),
                    name: try required(details.partnerName, at: path + ".details.partner_name")),
                reason: try slot.unscheduled(at: path + ".details").reason)
        default:
            throw Unreadable(path: path + ".reason_code", message: "'\(code)' is not a reason this tandem knows")
        }
    }
}

extension MatchesFile.Reason {
    func pairReason(at path: String) throws(MatchesFile.Unreadable) -> PairReason {
        switch code {
        case "shared_themes": return .sharedThemes(try MatchesFile.required(themes, at: path + ".themes"))
        case "no_shared_theme": return .noSharedTheme
        case "themes_not_used": return .themesNotUsed
        case "shared_languages": return .sharedLanguages(try MatchesFile.required(languages, at: path + ".languages"))
        case "no_shared_language": return .noSharedLanguage
        case "common_time":
            var parsed: [AvailabilityWindow] = []
            for window in try MatchesFile.required(windows, at: path + ".windows") {
                guard let day = Weekday(fileName: window.day), let start = AvailabilityWindow.minute(ofClock: window.start),
                    let end = AvailabilityWindow.minute(ofClock: window.end), start < end
                else {
                    throw MatchesFile.Unreadable(
                        path: path + ".windows", message: "has a window that is not like Tue 18:00–20:00")
                }
                parsed.append(AvailabilityWindow(day: day, startMinute: start, endMinute: end))
            }
            return .commonTime(windows: parsed, more: moreWindows ?? 0)
        case "meeting_format":
            let name = try MatchesFile.required(format, at: path + ".format")
            guard let format = FormatName.format(named: name) else {
                throw MatchesFile.Unreadable(path: path + ".format", message: "'\(name)' is not online, in_person or either")
            }
            return .meetingFormat(format)
        case "same_town": return .sameTown(try MatchesFile.required(town, at: path + ".town"))
        case "mentee_choice": return .menteeChoice(rank: try MatchesFile.required(rank, at: path + ".rank"))
        case "mentor_choice": return .mentorChoice(rank: try MatchesFile.required(rank, at: path + ".rank"))
        default: throw MatchesFile.Unreadable(path: path + ".code", message: "'\(code)' is not a reason this tandem knows")
        }
    }
}

extension MatchesFile.Pair {
    /// The pair's series, when it has one.
    func sessionSeries(at path: String) throws(MatchesFile.Unreadable) -> SessionSeries? {
        guard let series else { return nil }
        func local(_ text: String, _ field: String) throws(MatchesFile.Unreadable) -> LocalDateTime {
            guard let time = LocalDateTime(isoLocal: text) else {
                throw MatchesFile.Unreadable(path: path + "." + field, message: "'\(text)' is not a time like 2026-01-13T18:00")
            }
            return time
        }
        let slot = try MatchesFile.required(self.slot, at: path + ".slot")
        guard let weekday = Weekday(fileName: slot.weekday), let startMinute = AvailabilityWindow.minute(ofClock: slot.start)
        else {
            throw MatchesFile.Unreadable(path: path + ".slot", message: "is not a weekday and a time like Tuesday 18:00")
        }
        let cadence: Cadence
        switch series.cadence {
        case "weekly": cadence = .weekly(interval: try MatchesFile.required(series.interval, at: path + ".series.interval"))
        case "monthly": cadence = .monthly(ordinal: try MatchesFile.required(series.ordinal, at: path + ".series.ordinal"))
        default:
            throw MatchesFile.Unreadable(path: path + ".series.cadence", message: "'\(series.cadence)' is not weekly or monthly")
        }
        var sessions: [LocalDateTime] = []
        for (index, session) in try MatchesFile.required(self.sessions, at: path + ".sessions").enumerated() {
            sessions.append(try local(session.start, "sessions[\(index)].start"))
        }
        var skipped: [LocalDateTime] = []
        for (index, text) in series.skipped.enumerated() {
            skipped.append(try local(text, "series.skipped[\(index)]"))
        }
        var result = SessionSeries(
            uid: try MatchesFile.required(uid, at: path + ".uid"),
            mentor: CalendarPerson(id: mentor, name: mentorName, email: series.mentorEmail),
            mentee: CalendarPerson(id: mentee, name: menteeName, email: series.menteeEmail),
            slot: WeeklySlot(weekday: weekday, startMinute: startMinute), cadence: cadence,
            durationMinutes: series.durationMinutes, firstStart: try local(series.firstStart, "series.first_start"),
            occurrenceCount: series.occurrenceCount, skipped: skipped, sessions: sessions,
            location: try MatchesFile.required(location, at: path + ".location"),
            isOnline: try MatchesFile.required(online, at: path + ".online"))
        result.sequence = series.sequence
        result.issued = try MatchesFile.instant(series.issued, at: path + ".series.issued")
        return result
    }
}

extension MatchesFile.Unscheduled {
    func unscheduled(at path: String) throws(MatchesFile.Unreadable) -> MatchResult.Unscheduled {
        switch reasonCode {
        case "clashes_or_no_date_left":
            guard let mentorName, let endDate, let date = LocalDate(iso: endDate) else {
                throw MatchesFile.Unreadable(path: path, message: "needs mentor_name and an end_date like 2026-07-31")
            }
            return MatchResult.Unscheduled(
                mentor: mentor, mentee: mentee, reason: .clashesOrNoDateLeft(mentorName: mentorName, endDate: date))
        case "no_common_slot":
            guard let sessionMinutes else { throw MatchesFile.Unreadable(path: path + ".session_minutes", message: "is missing") }
            return MatchResult.Unscheduled(mentor: mentor, mentee: mentee, reason: .noCommonSlot(sessionMinutes: sessionMinutes))
        default:
            throw MatchesFile.Unreadable(
                path: path + ".reason_code", message: "'\(reasonCode)' is not a reason this tandem knows")
        }
    }
}
