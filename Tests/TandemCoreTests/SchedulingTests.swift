import StableMatching
import TandemSynthetic
import Testing

@testable import TandemCore

@Suite("Local dates")
struct LocalDateTests {
    @Test func dayNumbersRoundTripAndKnowTheWeekday() {
        #expect(LocalDate(year: 1970, month: 1, day: 1).dayNumber == 0)
        #expect(LocalDate(year: 2026, month: 11, day: 27).weekday == .friday)
        #expect(LocalDate(year: 2028, month: 2, day: 29).weekday == .tuesday)
        for day in stride(from: -800_000, to: 800_000, by: 997) {
            #expect(LocalDate(dayNumber: day).dayNumber == day)
        }
        #expect(LocalDate(iso: "2027-02-29") == nil)
        #expect(LocalDate(iso: "2028-02-29")?.iso == "2028-02-29")
    }

    @Test func nthAndLastWeekdayOfAMonth() {
        #expect(LocalDate.nth(.tuesday, ordinal: 2, month: 3, year: 2027) == LocalDate(year: 2027, month: 3, day: 9))
        #expect(LocalDate.nth(.friday, ordinal: -1, month: 4, year: 2027) == LocalDate(year: 2027, month: 4, day: 30))
    }
}

@Suite("Session scheduling")
struct SchedulingTests {
    static let zone = ZoneRules(identifier: "Europe/London")

    func scheduler(_ settings: ScheduleSettings) throws -> SessionScheduler {
        SessionScheduler(settings: settings, zone: try #require(Self.zone))
    }

    func settings(
        cadence: CadenceKind, start: LocalDate = LocalDate(year: 2027, month: 3, day: 1),
        end: LocalDate = LocalDate(year: 2027, month: 12, day: 31), sessions: Int = 6, closed: Set<LocalDate> = []
    ) -> ScheduleSettings {
        ScheduleSettings(
            startDate: start, endDate: end, sessionsPerPair: sessions, cadence: cadence, bufferMinutes: 15, closedDates: closed)
    }

    @Test func weeklySeriesKeepsLocalTimeAcrossTheSpringClockChange() throws {
        let scheduler = try scheduler(settings(cadence: .everyWeeks(1), start: LocalDate(year: 2027, month: 3, day: 15)))
        let cohort = Cohort(mentors: [Fixtures.mentor("M1")], mentees: [Fixtures.mentee("E1")])
        let series = try #require(scheduler.schedule([(0, 0)], in: cohort).series[0])
        #expect(
            series.sessions.map(\.date.iso) == [
                "2027-03-16", "2027-03-23", "2027-03-30", "2027-04-06", "2027-04-13", "2027-04-20",
            ])
        #expect(series.sessions.allSatisfy { $0.hour == 18 && $0.minute == 0 })
        #expect(scheduler.zone.isoString(series.sessions[1]) == "2027-03-23T18:00:00+00:00")
        #expect(scheduler.zone.isoString(series.sessions[2]) == "2027-03-30T18:00:00+01:00")
    }

    @Test func closedDatesAreSkippedAndTheSeriesCarriesOn() throws {
        // Monday slots, fortnightly from 2027-04-19, with the two May bank holidays closed.
        let closed: Set<LocalDate> = [LocalDate(year: 2027, month: 5, day: 3), LocalDate(year: 2027, month: 5, day: 31)]
        let scheduler = try scheduler(
            settings(cadence: .everyWeeks(2), start: LocalDate(year: 2027, month: 4, day: 19), closed: closed))
        let cohort = Cohort(
            mentors: [Fixtures.mentor("M1", free: "Mon 12:00-13:00")], mentees: [Fixtures.mentee("E1", free: "Mon 12:00-13:00")])
        let series = try #require(scheduler.schedule([(0, 0)], in: cohort).series[0])
        #expect(series.sessions.count == 6)
        #expect(
            series.skipped.map(\.date) == [LocalDate(year: 2027, month: 5, day: 3), LocalDate(year: 2027, month: 5, day: 31)])
        #expect(series.occurrenceCount == 8)
        #expect(series.sessions.last?.date == LocalDate(year: 2027, month: 7, day: 26))
        #expect(series.skipped.allSatisfy { $0.hour == 12 })
    }

    @Test func seriesIsShortWhenTheProgrammeEndsFirst() throws {
        let scheduler = try scheduler(
            settings(
                cadence: .monthly, start: LocalDate(year: 2027, month: 1, day: 1), end: LocalDate(year: 2027, month: 4, day: 30)))
        let outcome = scheduler.schedule([(0, 0)], in: Cohort(mentors: [Fixtures.mentor("M1")], mentees: [Fixtures.mentee("E1")]))
        #expect(outcome.series[0]?.sessions.count == 4)
        #expect(outcome.shortCount == 1)
    }

    @Test func monthlySeriesKeepsItsNthWeekday() throws {
        let scheduler = try scheduler(settings(cadence: .monthly, start: LocalDate(year: 2027, month: 1, day: 8)))
        let series = try #require(
            scheduler.schedule([(0, 0)], in: Cohort(mentors: [Fixtures.mentor("M1")], mentees: [Fixtures.mentee("E1")])).series[0]
        )
        #expect(series.cadence == .monthly(ordinal: 2))
        #expect(series.sessions.map(\.date.day) == [12, 9, 9, 13, 11, 8])
    }

    @Test func oneSlotIsSharedOnAlternateWeeksOnlyWhenNeeded() throws {
        let scheduler = try scheduler(settings(cadence: .everyWeeks(2)))
        let mentor = Fixtures.mentor("M1", free: "Tue 18:00-19:00", capacity: 2)
        let cohort = Cohort(mentors: [mentor], mentees: [Fixtures.mentee("E1"), Fixtures.mentee("E2")])
        #expect(scheduler.slotCapacity(of: mentor.availability) == 2)
        let outcome = scheduler.schedule([(0, 0), (0, 1)], in: cohort)
        let first = try #require(outcome.series[0])
        let second = try #require(outcome.series[1])
        #expect(first.slot == second.slot)
        #expect(Set(first.sessions.map(\.date)).isDisjoint(with: second.sessions.map(\.date)))
        #expect(second.sessions[0].date == first.sessions[0].date.adding(days: 7))

        let weekly = try self.scheduler(settings(cadence: .everyWeeks(1)))
        #expect(weekly.slotCapacity(of: mentor.availability) == 1)
        #expect(weekly.schedule([(0, 0), (0, 1)], in: cohort).unscheduled.count == 1)
    }

    @Test func neverStartsInTheClockChangeHour() throws {
        let scheduler = try scheduler(settings(cadence: .everyWeeks(1), start: LocalDate(year: 2027, month: 3, day: 1)))
        let cohort = Cohort(
            mentors: [Fixtures.mentor("M1", free: "Sun 00:30-03:00")], mentees: [Fixtures.mentee("E1", free: "Sun 00:30-03:00")])
        let series = try #require(scheduler.schedule([(0, 0)], in: cohort).series[0])
        #expect(series.slot.startMinute >= 120)
    }

    /// Property: on generated cohorts no mentor is double-booked (buffer included), every session
    /// lies in both people's availability, and none falls on a closed date.
    @Test(arguments: [3, 4] as [UInt64])
    func generatedCohortsScheduleWithoutConflicts(seed: UInt64) throws {
        let generated = SyntheticCohort.generate(mentees: 300, mentors: 100, seed: seed)
        let cohort = try #require(SyntheticCohortParsing.cohort(generated))
        let closed: Set<LocalDate> = [LocalDate(year: 2027, month: 5, day: 3), LocalDate(year: 2027, month: 5, day: 31)]
        for cadence in [CadenceKind.everyWeeks(1), .everyWeeks(2), .monthly] {
            let settings = ScheduleSettings(
                startDate: LocalDate(year: 2027, month: 3, day: 1), endDate: LocalDate(year: 2027, month: 12, day: 31),
                cadence: cadence, bufferMinutes: 15, earliestStartMinute: 8 * 60, latestStartMinute: 20 * 60,
                closedDates: closed)
            let scheduler = try scheduler(settings)
            let outcome = CohortMatcher.match(cohort, policy: MatchingPolicy(seed: seed), scheduler: scheduler)
            let schedule = try #require(outcome.schedule)
            #expect(schedule.series.count + schedule.unscheduled.count == outcome.pairs.count)
            var byMentor: [Int: [LocalDateTime]] = [:]
            for (index, series) in schedule.series {
                let pair = outcome.pairs[index]
                let both = cohort.mentors[pair.mentor].availability.intersection(cohort.mentees[pair.mentee].availability)
                for session in series.sessions {
                    #expect(!closed.contains(session.date))
                    let start = session.hour * 60 + session.minute
                    let inside = both.windows.contains {
                        $0.day == session.date.weekday && $0.startMinute <= start && start + 60 <= $0.endMinute
                    }
                    #expect(inside)
                    #expect(start >= 8 * 60 && start <= 20 * 60)
                }
                byMentor[pair.mentor, default: []] += series.sessions
            }
            for sessions in byMentor.values {
                let sorted = sessions.sorted()
                for (a, b) in zip(sorted, sorted.dropFirst()) where a.date == b.date {
                    #expect((b.hour * 60 + b.minute) - (a.hour * 60 + a.minute) >= 75)
                }
            }
        }
    }
}
