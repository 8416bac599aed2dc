import StableMatching
import TandemSynthetic
import Testing

@testable import TandemCore

/// A pair the schedule cannot place is not made; kept series and a start date for re-runs;
/// the longest gap between sessions.
@Suite("Every pair made is scheduled")
struct EveryPairScheduledTests {
    static let zone = ZoneRules(identifier: "Europe/London")

    static func scheduler(_ settings: ScheduleSettings) throws -> SessionScheduler {
        SessionScheduler(settings: settings, zone: try #require(zone))
    }

    static func settings(
        cadence: CadenceKind = .monthly, start: LocalDate = LocalDate(year: 2027, month: 1, day: 11),
        closed: Set<LocalDate> = []
    ) -> ScheduleSettings {
        ScheduleSettings(
            startDate: start, endDate: LocalDate(year: 2027, month: 12, day: 31), cadence: cadence, bufferMinutes: 15,
            earliestStartMinute: 8 * 60, latestStartMinute: 20 * 60, closedDates: closed)
    }

    /// M1's first choice E2 shares time with M1 only before the earliest start time; E1, whom
    /// M1 ranks lower, shares an evening. M2 and E3 are a pair apart from them.
    static let cohort = Cohort(
        mentors: [
            Fixtures.mentor("M1", free: "Tue 06:00-07:00; Wed 18:00-19:00"),
            Fixtures.mentor("M2", organisation: "Acton Group", town: "Acton", free: "Thu 10:00-11:00"),
        ],
        mentees: [
            Fixtures.mentee(
                "E1", languages: ["Punjabi", "English"], wants: ["Mental health", "Housing"], free: "Wed 18:00-19:00"),
            Fixtures.mentee("E2", wants: ["Housing"], free: "Tue 06:00-07:00"),
            Fixtures.mentee("E3", free: "Thu 10:00-11:00"),
        ])

    @Test func aPairWithoutACommonSlotIsNotMadeAndTheMatchingIsSolvedAgain() throws {
        let policy = MatchingPolicy(seed: 7)
        // Without a schedule the matching pairs M1 with E2.
        let unscheduled = CohortMatcher.match(Self.cohort, policy: policy)
        #expect(unscheduled.pairs.map { [$0.mentor, $0.mentee] } == [[0, 1], [1, 2]])

        let outcome = CohortMatcher.match(Self.cohort, policy: policy, scheduler: try Self.scheduler(Self.settings()))
        #expect(outcome.pairs.map { [$0.mentor, $0.mentee] } == [[0, 0], [1, 2]])
        #expect(outcome.withoutSlot == [.init(mentor: 0, mentee: 1, reason: .noCommonSlot(sessionMinutes: 60))])
        let schedule = try #require(outcome.schedule)
        #expect(schedule.unscheduled.isEmpty)
        #expect(outcome.pairs.indices.allSatisfy { schedule.series[$0]?.sessions.count == 6 })
        // Stable for the instance without the removed pair, which no longer lists it.
        #expect(outcome.isStable)
        #expect(StabilityVerifier.verify(outcome.matching, in: outcome.scored.instance).isStable)
        #expect(outcome.scored.instance.rank(ofHospital: 0, forResident: 1) == nil)
        #expect(outcome.scored.instance.rank(ofHospital: 0, forResident: 0) != nil)
        #expect(
            outcome.unmatched == [
                UnmatchedPerson(
                    side: .mentee, index: 1,
                    reason: .noSlot(
                        partner: PersonName(id: "M1", name: "Mentor M1"), reason: .noCommonSlot(sessionMinutes: 60)))
            ])

        let result = MatchResult(outcome, programme: Programme())
        #expect(result.summary.pairsWithoutSlot == 1)
        #expect(result.schedule?.withoutSlot.map(\.mentee) == ["E2"])
        #expect(result.series.count == 2)
        #expect(
            result.text(of: result.unmatched[0])
                == "No session could be scheduled with Mentor M1 (M1), so the pair was not made: no common 60-minute slot"
                + " between the earliest and latest start times.")
    }

    @Test func aPairWhoseSlotsClashWithTheMentorsFirstMenteeIsNotMade() throws {
        // M1 can hold two mentees (Tue and Wed evenings), but E1 and E2 can both only meet on
        // Tuesday at 18:00, so the lower-ranked of them can get no slot.
        let cohort = Cohort(
            mentors: [Fixtures.mentor("M1", free: "Tue 18:00-20:00; Wed 18:00-19:00", capacity: 2)],
            mentees: [
                Fixtures.mentee("E1", languages: ["Punjabi", "English"], wants: ["Mental health", "Housing"]),
                Fixtures.mentee("E2", free: "Tue 18:00-19:15"),
            ])
        let settings = Self.settings(cadence: .everyWeeks(1))
        let outcome = CohortMatcher.match(cohort, policy: MatchingPolicy(seed: 7), scheduler: try Self.scheduler(settings))
        #expect(outcome.capacityCaps.isEmpty)
        #expect(outcome.pairs.map { [$0.mentor, $0.mentee] } == [[0, 0]])
        let removed = try #require(outcome.withoutSlot.first)
        #expect(outcome.withoutSlot.count == 1)
        #expect(removed.mentee == 1)
        #expect(removed.reason == .clashesOrNoDateLeft(mentorName: "Mentor M1", endDate: settings.endDate))
        #expect(outcome.isStable)
        #expect(outcome.schedule?.series[0]?.slot == WeeklySlot(weekday: .tuesday, startMinute: 18 * 60))
        #expect(outcome.unmatched.map(\.index) == [1])
        guard case .noSlot(let partner, _) = outcome.unmatched[0].reason else {
            Issue.record("expected no_slot, got \(outcome.unmatched[0].reason)")
            return
        }
        #expect(partner.id == "M1")
    }

    /// Property: over generated cohorts and every objective, each pair made has a series, the
    /// matching is stable (or most-pairs) for the instance without the removed pairs, and no
    /// removed pair is in the matching.
    @Test(arguments: [3, 5] as [UInt64])
    func everyPairMadeHasSessions(seed: UInt64) throws {
        let generated = SyntheticCohort.generate(mentees: 200, mentors: 60, seed: seed)
        let cohort = try #require(SyntheticCohortParsing.cohort(generated))
        // A narrow window of start times leaves many acceptable pairs without a common slot.
        var settings = Self.settings(cadence: .everyWeeks(1))
        settings.earliestStartMinute = 17 * 60
        settings.latestStartMinute = 18 * 60
        for objective in [MatchObjective.stable, .coverage] {
            var policy = MatchingPolicy(seed: seed)
            policy.objective = objective
            let outcome = CohortMatcher.match(cohort, policy: policy, scheduler: try Self.scheduler(settings))
            let schedule = try #require(outcome.schedule)
            #expect(!outcome.withoutSlot.isEmpty)
            #expect(schedule.unscheduled.isEmpty)
            #expect(schedule.series.count == outcome.pairs.count)
            if objective == .stable { #expect(outcome.isStable) }
            let made = Set(outcome.pairs.map { [$0.mentor, $0.mentee] })
            #expect(made.isDisjoint(with: outcome.withoutSlot.map { [$0.mentor, $0.mentee] }))
            for removed in outcome.withoutSlot {
                #expect(outcome.scored.instance.rank(ofHospital: removed.mentor, forResident: removed.mentee) == nil)
            }
        }
    }
}

@Suite("Kept series and a start date")
struct BookedSeriesTests {
    @Test func bookedSeriesBlockTheirSlotAndCountAgainstCapacity() throws {
        let settings = EveryPairScheduledTests.settings(cadence: .everyWeeks(1))
        var scheduler = try EveryPairScheduledTests.scheduler(settings)
        let mentor = Fixtures.mentor("M1", free: "Tue 18:00-19:00")
        let cohort = Cohort(mentors: [mentor], mentees: [Fixtures.mentee("E1"), Fixtures.mentee("E2")])
        let kept = try #require(scheduler.schedule([(0, 0)], in: cohort).series[0])
        #expect(scheduler.slotCapacity(of: mentor) == 1)

        scheduler.bookedSeries = ["M1": [kept]]
        #expect(scheduler.slotCapacity(of: mentor) == 0)
        let outcome = scheduler.schedule([(0, 1)], in: cohort)
        #expect(outcome.series.isEmpty)
        #expect(outcome.unscheduled.map(\.mentee) == [1])

        // A kept series that has ended before `notBefore` holds no slot any more.
        scheduler.notBefore = try #require(kept.sessions.last?.date)
        #expect(scheduler.slotCapacity(of: mentor) == 1)
        let later = try #require(scheduler.schedule([(0, 1)], in: cohort).series[0])
        #expect(later.firstStart.date > kept.sessions[5].date)
    }

    @Test func newSeriesStartAfterNotBefore() throws {
        var scheduler = try EveryPairScheduledTests.scheduler(EveryPairScheduledTests.settings())
        scheduler.notBefore = LocalDate(year: 2027, month: 3, day: 9)
        let cohort = Cohort(mentors: [Fixtures.mentor("M1")], mentees: [Fixtures.mentee("E1")])
        let series = try #require(scheduler.schedule([(0, 0)], in: cohort).series[0])
        // Tuesday 9 March is excluded: the first Tuesday after it is the 16th, a 3rd Tuesday.
        #expect(series.firstStart == LocalDateTime(year: 2027, month: 3, day: 16, hour: 18))
        #expect(series.cadence == .monthly(ordinal: 3))
    }

    /// Property: a re-run keeps half the pairs' series and schedules the others anew after a
    /// date; no mentor is double-booked (buffer included) across kept and new series, and every
    /// new occurrence falls after that date.
    @Test(arguments: [3, 4] as [UInt64])
    func keptAndNewSeriesNeverClash(seed: UInt64) throws {
        let generated = SyntheticCohort.generate(mentees: 300, mentors: 100, seed: seed)
        let cohort = try #require(SyntheticCohortParsing.cohort(generated))
        let closed: Set<LocalDate> = [LocalDate(year: 2027, month: 5, day: 3), LocalDate(year: 2027, month: 5, day: 31)]
        for cadence in [CadenceKind.everyWeeks(1), .everyWeeks(2), .monthly] {
            let settings = EveryPairScheduledTests.settings(cadence: cadence, closed: closed)
            let first = try EveryPairScheduledTests.scheduler(settings)
            let outcome = CohortMatcher.match(cohort, policy: MatchingPolicy(seed: seed), scheduler: first)
            let schedule = try #require(outcome.schedule)
            var booked: [String: [SessionSeries]] = [:]
            var again: [(mentor: Int, mentee: Int)] = []
            for (index, pair) in outcome.pairs.enumerated() {
                let series = try #require(schedule.series[index])
                if index.isMultiple(of: 2) {
                    booked[series.mentor.id, default: []].append(series)
                } else {
                    again.append((pair.mentor, pair.mentee))
                }
            }
            var rerun = first
            rerun.bookedSeries = booked
            let notBefore = LocalDate(year: 2027, month: 3, day: 20)
            rerun.notBefore = notBefore
            let rescheduled = rerun.schedule(again, in: cohort)
            #expect(rescheduled.series.count + rescheduled.unscheduled.count == again.count)
            #expect(rescheduled.series.count > again.count / 2)
            var sessions = booked.mapValues { $0.flatMap(\.sessions) }
            for (index, series) in rescheduled.series {
                #expect(series.mentor.id == cohort.mentors[again[index].mentor].id)
                #expect(series.firstStart.date > notBefore)
                #expect(series.sessions.allSatisfy { $0.date > notBefore })
                sessions[series.mentor.id, default: []] += series.sessions
            }
            var clashes = 0
            for starts in sessions.values {
                let sorted = starts.sorted()
                for (a, b) in zip(sorted, sorted.dropFirst()) where a.date == b.date && b.minuteOfDay - a.minuteOfDay < 75 {
                    clashes += 1
                }
            }
            #expect(clashes == 0)
        }
    }
}

@Suite("The longest gap between sessions")
struct LongestGapTests {
    /// Monthly on Wednesdays from Monday 11 January 2027: the 2nd Wednesday series loses
    /// 10 March and 14 April to blackouts, three months between 10 February and 12 May.
    static let blackouts: Set<LocalDate> = [LocalDate(year: 2027, month: 3, day: 10), LocalDate(year: 2027, month: 4, day: 14)]
    static let cohort = Cohort(
        mentors: [Fixtures.mentor("M1", free: "Wed 18:00-19:00")], mentees: [Fixtures.mentee("E1", free: "Wed 18:00-19:00")])

    @Test func defaultsAreTwiceTheCadence() {
        #expect(CadenceKind.everyWeeks(1).defaultMaxGapWeeks == 2)
        #expect(CadenceKind.everyWeeks(2).defaultMaxGapWeeks == 4)
        #expect(CadenceKind.everyWeeks(3).defaultMaxGapWeeks == 6)
        #expect(CadenceKind.monthly.defaultMaxGapWeeks == 8)
        var settings = EveryPairScheduledTests.settings()
        #expect(settings.gapLimitWeeks == 8)
        settings.maxGapWeeks = 10
        #expect(settings.gapLimitWeeks == 10)
    }

    @Test func aSlotWithoutALongGapIsPreferred() throws {
        let scheduler = try EveryPairScheduledTests.scheduler(EveryPairScheduledTests.settings(closed: Self.blackouts))
        let series = try #require(scheduler.schedule([(0, 0)], in: Self.cohort).series[0])
        // The 2nd Wednesday comes first in the month, but the 3rd has no gap over 8 weeks.
        #expect(series.cadence == .monthly(ordinal: 3))
        #expect(series.skipped.isEmpty)
        #expect(series.longestGapWeeks == 5)
    }

    @Test func withLongGapsOnlyTheBestIsKeptAndFlagged() throws {
        // Every Wednesday of March and April is closed: every slot has a gap of three months.
        var closed = Set<LocalDate>()
        for day in stride(from: 0, to: 61, by: 7) { closed.insert(LocalDate(year: 2027, month: 3, day: 3).adding(days: day)) }
        var settings = EveryPairScheduledTests.settings(closed: closed)
        let outcome = CohortMatcher.match(
            Self.cohort, policy: MatchingPolicy(), scheduler: try EveryPairScheduledTests.scheduler(settings))
        let series = try #require(outcome.schedule?.series[0])
        #expect(series.cadence == .monthly(ordinal: 2))
        #expect(series.sessions.map(\.date.iso).prefix(3) == ["2027-01-13", "2027-02-10", "2027-05-12"])
        #expect(series.longestGapWeeks == 13)
        let result = MatchResult(outcome, programme: Programme())
        #expect(result.pairs.map(\.longestGapWeeks) == [13])
        #expect(result.schedule?.maxGapWeeks == 8)

        // A limit the gap fits within flags nothing.
        settings.maxGapWeeks = 13
        let relaxed = CohortMatcher.match(
            Self.cohort, policy: MatchingPolicy(), scheduler: try EveryPairScheduledTests.scheduler(settings))
        #expect(MatchResult(relaxed, programme: Programme()).pairs.map(\.longestGapWeeks) == [nil])
    }
}
