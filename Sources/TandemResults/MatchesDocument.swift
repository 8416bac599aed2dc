import TandemCore

/// The shape of `matches.json`.
struct MatchesDocument: Encodable, Sendable {
    struct Pair: Encodable, Sendable {
        var mentor: String
        var mentorName: String
        var mentee: String
        var menteeName: String
        var score: Double
        var menteeRank: Int
        var mentorRank: Int
        var reasons: [String]
        var slot: Slot?
        var sessions: [Session]?
        var location: String?
        /// Sessions missing because the programme ends first.
        var shortBy: Int?
        var uid: String?
        /// Everything needed to write the calendars again (`tandem calendar`).
        var series: SessionSeries?

        enum CodingKeys: String, CodingKey {
            case mentor, mentee, score, reasons, slot, sessions, location, uid, series
            case mentorName = "mentor_name", menteeName = "mentee_name", menteeRank = "mentee_rank", mentorRank = "mentor_rank"
            case shortBy = "short_by"
        }
    }

    struct Slot: Encodable, Sendable {
        var weekday: String
        var start: String
    }

    struct Session: Encodable, Sendable {
        var start: String
        var end: String
    }

    struct Unscheduled: Encodable, Sendable {
        var mentor: String
        var mentee: String
        var reason: String
    }

    struct Unmatched: Encodable, Sendable {
        var id: String
        var name: String
        var side: String
        var reason: String
    }

    var algorithm: String
    var seed: UInt64
    var stable: Bool
    var blockingPairs: Int
    var pairs: [Pair]
    var unmatched: [Unmatched]
    var summary: [String: Double]
    var unscheduled: [Unscheduled]?
    var programme: ProgrammeRecord
    var cohortEvents: [CohortEvent]?
    var tradeoff: TradeOffRecord?

    enum CodingKeys: String, CodingKey {
        case algorithm, seed, stable, pairs, unmatched, summary, unscheduled, programme, tradeoff
        case blockingPairs = "blocking_pairs", cohortEvents = "cohort_events"
    }

    init(_ outcome: MatchOutcome, programme: Programme, seed: UInt64, zone: ZoneRules?, seriesUID: (SessionSeries) -> String) {
        self.programme = ProgrammeRecord(programme)
        cohortEvents = outcome.schedule?.cohortEvents
        let cohort = outcome.compiled.cohort
        algorithm = outcome.objective == .stable ? "stable/\(outcome.optimal.rawValue)" : "coverage"
        tradeoff = outcome.tradeOff.map(TradeOffRecord.init)
        self.seed = seed
        stable = outcome.isStable
        blockingPairs = outcome.report.blockingPairs.count
        // Pairs share session times, and each time's string takes a calendar conversion to
        // find its UTC offset: convert each distinct local time once.
        var isoStrings: [LocalDateTime: String] = [:]
        func isoString(_ local: LocalDateTime, in zone: ZoneRules) -> String {
            if let known = isoStrings[local] { return known }
            let text = zone.isoString(local)
            isoStrings[local] = text
            return text
        }
        pairs = outcome.pairs.enumerated().map { index, pair in
            var entry = Pair(
                mentor: cohort.mentors[pair.mentor].id, mentorName: cohort.mentors[pair.mentor].name,
                mentee: cohort.mentees[pair.mentee].id, menteeName: cohort.mentees[pair.mentee].name,
                score: (pair.score * 1000).rounded() / 1000, menteeRank: pair.menteeRank, mentorRank: pair.mentorRank,
                reasons: pair.reasons)
            if let series = outcome.schedule?.series[index], let zone {
                entry.slot = Slot(weekday: series.slot.weekday.name, start: AvailabilityWindow.clock(series.slot.startMinute))
                entry.sessions = series.sessions.map { start in
                    Session(
                        start: isoString(start, in: zone),
                        end: isoString(start.adding(minutes: series.durationMinutes), in: zone))
                }
                entry.location = series.location
                entry.uid = seriesUID(series)
                entry.series = series
                let target = outcome.schedule?.sessionsPerPair ?? series.sessions.count
                entry.shortBy = series.sessions.count < target ? target - series.sessions.count : nil
            }
            return entry
        }
        unscheduled = outcome.schedule?.unscheduled.map { item in
            Unscheduled(mentor: cohort.mentors[item.mentor].id, mentee: cohort.mentees[item.mentee].id, reason: item.reason)
        }
        unmatched = outcome.unmatched.map { person in
            let (id, name) = cohort.identity(of: person)
            return Unmatched(id: id, name: name, side: person.side.rawValue, reason: person.reason)
        }
        summary = [
            "pairs": Double(outcome.pairs.count),
            "mentors": Double(cohort.mentors.count),
            "mentees": Double(cohort.mentees.count),
            "unmatched_mentees": Double(outcome.unmatched.filter { $0.side == .mentee }.count),
            "unmatched_mentors": Double(outcome.unmatched.filter { $0.side == .mentor }.count),
            "spare_mentor_places": Double(outcome.spareMentorPlaces),
            "mean_score": (outcome.meanScore * 1000).rounded() / 1000,
        ]
    }
}

/// The trade-off report in `matches.json`.
struct TradeOffRecord: Encodable, Sendable {
    struct Option: Encodable, Sendable {
        var name: String
        var pairs: Int
        var blockingPairs: Int
        var totalScore: Double
        var meanScore: Double
        var meanMenteeRank: Double
        var meanMentorRank: Double
        var chosen: Bool

        enum CodingKeys: String, CodingKey {
            case name, pairs, chosen
            case blockingPairs = "blocking_pairs", totalScore = "total_score", meanScore = "mean_score"
            case meanMenteeRank = "mean_mentee_rank", meanMentorRank = "mean_mentor_rank"
        }
    }

    var options: [Option]
    var maximumPairs: Int
    var coverageMaximisesScore: Bool

    enum CodingKeys: String, CodingKey {
        case options
        case maximumPairs = "maximum_pairs", coverageMaximisesScore = "coverage_maximises_score"
    }

    init(_ tradeOff: TradeOff) {
        func rounded(_ value: Double) -> Double { (value * 1000).rounded() / 1000 }
        options = tradeOff.options.map {
            Option(
                name: $0.name, pairs: $0.pairs, blockingPairs: $0.blockingPairs, totalScore: rounded($0.totalScore),
                meanScore: rounded($0.meanScore), meanMenteeRank: rounded($0.meanMenteeRank),
                meanMentorRank: rounded($0.meanMentorRank), chosen: $0.isChosen)
        }
        maximumPairs = tradeOff.maximumPairs
        coverageMaximisesScore = tradeOff.coverageMaximisesScore
    }
}
