import TandemCore

extension MatchesFile {
    /// The file of `result`; `zone` gives session times their UTC offsets.
    init(_ result: MatchResult, zone: ZoneRules?) {
        schemaVersion = Self.schemaVersion
        let programme = result.programme
        self.programme = Programme(
            coordinatorEmail: programme.coordinatorEmail, coordinatorName: programme.coordinatorName, id: programme.key,
            name: programme.name, timeZone: programme.timeZone)
        algorithm = result.algorithm
        seed = result.seed
        stable = result.stable
        blockingPairs = result.blockingPairs
        acceptablePairs = result.acceptablePairs
        settings = Settings(
            maxListLength: result.settings.maxListLength, minimumScore: result.settings.minimumScore,
            sessionMinutes: result.settings.sessionMinutes)
        let summary = result.summary
        self.summary = Summary(
            keptPairs: summary.keptPairs, meanScore: Self.rounded(summary.meanScore), mentees: summary.mentees,
            mentors: summary.mentors, pairs: summary.pairs, pairsWithoutSlot: summary.pairsWithoutSlot,
            spareMentorPlaces: summary.spareMentorPlaces, unmatchedMentees: summary.unmatchedMentees,
            unmatchedMentors: summary.unmatchedMentors)
        capacityCaps = result.capacityCaps.map {
            CapacityCap(mentor: $0.mentor.id, mentorName: $0.mentor.name, offered: $0.offered, usable: $0.usable)
        }
        tradeoff = result.tradeOff.map { tradeOff in
            TradeOffEntry(
                coverageMaximisesScore: tradeOff.coverageMaximisesScore, maximumPairs: tradeOff.maximumPairs,
                options: tradeOff.options.map {
                    TradeOffEntry.Option(
                        blockingPairs: $0.blockingPairs, chosen: $0.isChosen, meanMenteeRank: Self.rounded($0.meanMenteeRank),
                        meanMentorRank: Self.rounded($0.meanMentorRank), meanScore: Self.rounded($0.meanScore), name: $0.name,
                        pairs: $0.pairs, totalScore: Self.rounded($0.totalScore))
                })
        }
        // Pairs share session times, and each time's offset takes a calendar conversion: convert
        // each distinct local time once.
        var offsetTimes: [LocalDateTime: String] = [:]
        func offsetTime(_ local: LocalDateTime, _ zone: ZoneRules) -> String {
            if let known = offsetTimes[local] { return known }
            let text = zone.isoString(local)
            offsetTimes[local] = text
            return text
        }
        let sessionsPerPair = result.schedule?.sessionsPerPair
        pairs = result.pairs.map { pair in
            var entry = Pair(
                kept: pair.isKept ? true : nil, mentee: pair.mentee.id, menteeName: pair.mentee.name,
                menteeRank: pair.menteeRank, mentor: pair.mentor.id, mentorName: pair.mentor.name, mentorRank: pair.mentorRank,
                reasons: pair.reasons.map { Reason($0, pair: pair) }, score: Self.rounded(pair.score))
            if let series = pair.series, let zone {
                entry.uid = series.uid
                entry.mentorFile = "calendars/" + SafeFileName.calendarFile(forID: pair.mentor.id, side: .mentor)
                entry.menteeFile = "calendars/" + SafeFileName.calendarFile(forID: pair.mentee.id, side: .mentee)
                entry.slot = Slot(start: AvailabilityWindow.clock(series.slot.startMinute), weekday: series.slot.weekday.name)
                entry.sessions = series.sessions.map {
                    Session(end: offsetTime($0.adding(minutes: series.durationMinutes), zone), start: offsetTime($0, zone))
                }
                entry.location = series.location
                entry.online = series.isOnline
                if let sessionsPerPair, series.sessions.count < sessionsPerPair {
                    entry.shortBy = sessionsPerPair - series.sessions.count
                }
                entry.series = Series(series)
            }
            if let gap = pair.longestGapWeeks {
                entry.longestGapWeeks = gap
                entry.warnings = ["long_gap"]
            }
            return entry
        }
        unmatched = result.unmatched.map { person in
            let (code, details) = Self.code(of: person.reason)
            return Unmatched(
                details: details, id: person.person.id, name: person.person.name, reason: result.text(of: person),
                reasonCode: code, side: person.side.rawValue)
        }
        self.sessionsPerPair = sessionsPerPair
        unscheduled = result.schedule?.unscheduled.map(Unscheduled.init)
        withoutSlot = result.schedule?.withoutSlot.map(Unscheduled.init)
        maxGapWeeks = result.schedule?.maxGapWeeks
        insights = result.insights.map(Insights.init)
        cohortEvents = result.schedule?.cohortEvents.map {
            Event(
                durationMinutes: $0.durationMinutes, issued: $0.issued.map(UTCText.text), location: $0.location,
                start: $0.start.isoLocal, title: $0.title, uid: $0.uid)
        }
    }

    /// Three decimals: enough to tell pairs apart, few enough to read.
    static func rounded(_ value: Double) -> Double { (value * 1000).rounded() / 1000 }

    static func code(of reason: UnmatchedReason) -> (String, Details?) {
        switch reason {
        case .notTakingMentees: return ("not_taking_mentees", nil)
        case .noSessionFits: return ("no_session_fits", nil)
        case .noWindow: return ("no_window", nil)
        case .noPossiblePartner(let total, let rules):
            var details = Details()
            details.of = total
            details.rules = rules.map { RuleEntry(count: $0.count, rule: RuleName.name(of: $0.rule)) }
            return ("no_possible_partner", details)
        case .freePlaceLeft(let mentor):
            var details = Details()
            details.mentor = mentor.id
            details.mentorName = mentor.name
            return ("free_place_left", details)
        case .reserveList(let candidates, let first, let rankThere, let places, let leftOff):
            var details = Details()
            details.candidates = candidates
            details.firstChoice = first.id
            details.firstChoiceName = first.name
            details.rankThere = rankThere
            details.places = places
            details.leftOff = leftOff
            return ("reserve_list", details)
        case .everyCandidatePrefersAnother(let candidates, let freePlaces):
            var details = Details()
            details.candidates = candidates
            details.freePlaces = freePlaces
            return ("every_candidate_prefers_another", details)
        case .noSlot(let partner, let reason):
            let slot = Unscheduled(MatchResult.Unscheduled(mentor: "", mentee: "", reason: reason))
            var details = Details()
            details.partner = partner.id
            details.partnerName = partner.name
            details.slotReason = slot.reasonCode
            details.mentorName = slot.mentorName
            details.endDate = slot.endDate
            details.sessionMinutes = slot.sessionMinutes
            return ("no_slot", details)
        }
    }
}

extension MatchesFile.Reason {
    init(_ reason: PairReason, pair: MatchResult.Pair) {
        self.init(code: "", text: ReasonText.text(reason, mentor: pair.mentor.name, mentee: pair.mentee.name))
        switch reason {
        case .sharedThemes(let themes):
            code = "shared_themes"
            self.themes = themes
        case .noSharedTheme: code = "no_shared_theme"
        case .themesNotUsed: code = "themes_not_used"
        case .sharedLanguages(let languages):
            code = "shared_languages"
            self.languages = languages
        case .noSharedLanguage: code = "no_shared_language"
        case .commonTime(let windows, let more):
            code = "common_time"
            self.windows = windows.map {
                MatchesFile.Window(
                    day: $0.day.shortName, end: AvailabilityWindow.clock($0.endMinute),
                    start: AvailabilityWindow.clock($0.startMinute))
            }
            moreWindows = more
        case .meetingFormat(let format):
            code = "meeting_format"
            self.format = FormatName.name(of: format)
        case .sameTown(let town):
            code = "same_town"
            self.town = town
        case .menteeChoice(let rank):
            code = "mentee_choice"
            self.rank = rank
        case .mentorChoice(let rank):
            code = "mentor_choice"
            self.rank = rank
        }
    }
}

extension MatchesFile.Series {
    init(_ series: SessionSeries) {
        sequence = series.sequence
        issued = series.issued.map(UTCText.text)
        switch series.cadence {
        case .weekly(let interval):
            cadence = "weekly"
            self.interval = interval
        case .monthly(let ordinal):
            cadence = "monthly"
            self.ordinal = ordinal
        }
        firstStart = series.firstStart.isoLocal
        occurrenceCount = series.occurrenceCount
        skipped = series.skipped.map(\.isoLocal)
        durationMinutes = series.durationMinutes
        mentorEmail = series.mentor.email
        menteeEmail = series.mentee.email
    }
}

extension MatchesFile.Unscheduled {
    init(_ item: MatchResult.Unscheduled) {
        self.init(mentee: item.mentee, mentor: item.mentor, reason: ReasonText.text(item.reason), reasonCode: "")
        switch item.reason {
        case .clashesOrNoDateLeft(let mentorName, let endDate):
            reasonCode = "clashes_or_no_date_left"
            self.mentorName = mentorName
            self.endDate = endDate.iso
        case .noCommonSlot(let minutes):
            reasonCode = "no_common_slot"
            sessionMinutes = minutes
        }
    }
}

/// The file's names of the hard rules.
enum RuleName {
    static let names: [(PairRejection, String)] = [
        (.mentorCapacityZero, "mentor_capacity_zero"), (.sameOrganisation, "same_organisation"), (.excluded, "excluded"),
        (.incompatibleFormat, "incompatible_format"), (.noCommonTime, "no_common_time"),
        (.belowMinimumScore, "below_minimum_score"), (.beyondListLength, "beyond_list_length"),
        (.mentorFull, "mentor_full"),
    ]

    static func name(of rule: PairRejection) -> String {
        names.first { $0.0 == rule }?.1 ?? String(rule.rawValue)
    }

    static func rule(named name: String) -> PairRejection? {
        names.first { $0.1 == name }?.0
    }
}

/// The file's names of the meeting formats.
enum FormatName {
    static let names: [(MeetingFormat, String)] = [(.online, "online"), (.inPerson, "in_person"), (.either, "either")]

    static func name(of format: MeetingFormat) -> String {
        names.first { $0.0 == format }?.1 ?? format.rawValue
    }

    static func format(named name: String) -> MeetingFormat? {
        names.first { $0.1 == name }?.0
    }
}
