/// Chooses each pair's weekly slot and lays out its series of sessions.
///
/// For every pair, the candidate slots are the quarter-hour starts at which both are free for a
/// whole session, inside the earliest/latest start times and away from clock changes. Each
/// candidate is expanded into its series (skipping closed dates) and the best is taken, in
/// this order: a series that fits before the end date; one whose gaps between sessions stay
/// within ``ScheduleSettings/gapLimitWeeks``; the first phase (alternate weeks or another
/// week of the month only when the mentor's slots are scarce); fewest skipped dates;
/// the most room around it (the longest common window); earliest in the week; earliest in the
/// day. Mentors are processed in input order and each mentor's mentees in the mentor's ranking,
/// so a mentor's sessions never overlap, buffer included.
///
/// For a re-run that keeps some pairs, ``bookedSeries`` holds the kept pairs' series, which new
/// series must not clash with, and ``notBefore`` the date after which new series start.
public struct SessionScheduler: Sendable {
    public let settings: ScheduleSettings
    public let zone: ZoneRules
    /// Series already scheduled for kept pairs, by mentor id. A new series must not clash with
    /// them, buffer included, just as with the mentor's other new series. Empty by default.
    package var bookedSeries: [String: [SessionSeries]] = [:]
    /// When set, no new series has a session (or a skipped date) on or before this date: new
    /// series start the day after. `nil` by default: they start at the programme's start date.
    package var notBefore: LocalDate?
    /// Local minute ranges per weekday touched by a clock change within the programme.
    private let avoided: [[Range<Int>]]
    /// Each venue's town, normalised once rather than for every pair.
    private let venueTownKeys: [String]

    public init(settings: ScheduleSettings, zone: ZoneRules) {
        self.settings = settings
        self.zone = zone
        venueTownKeys = settings.venues.map { TextKey.normalise($0.town) }
        var avoided = [[Range<Int>]](repeating: [], count: 7)
        for change in zone.clockChanges(from: settings.startDate, through: settings.endDate) {
            avoided[change.date.weekday.rawValue].append(change.minutes)
        }
        self.avoided = avoided
    }

    /// A pair the scheduler could not place, and why.
    public struct Unscheduled: Sendable, Hashable {
        public var mentor: Int
        public var mentee: Int
        public var reason: UnscheduledReason
    }

    public struct Outcome: Sendable {
        /// The series of each scheduled pair, keyed by the pair's position in the input.
        public var series: [Int: SessionSeries]
        public var unscheduled: [Unscheduled]
        /// Sessions each pair should get; a series with fewer is short.
        public var sessionsPerPair: Int
        /// Whole-cohort events, for every calendar.
        public var cohortEvents: [CohortEvent]
        /// The longest gap between two sessions a series should have (weeks); series with a
        /// longer one were the best their pair could get, and are flagged.
        package var maxGapWeeks = 0

        /// Pairs whose series ends short of ``sessionsPerPair`` because the programme ends first.
        public var shortCount: Int { series.values.filter { $0.sessions.count < sessionsPerPair }.count }
    }

    /// How many mentees a mentor can be given slots for: disjoint session windows in their
    /// availability times the phases of the cadence. Matching caps capacity by this, so that
    /// it never promises a mentor more mentees than their time can hold. It does not count
    /// ``bookedSeries``: see `slotCapacity(of: Mentor)` for a mentor who has some.
    public func slotCapacity(of availability: WeeklyAvailability) -> Int {
        let length = settings.sessionMinutes + settings.bufferMinutes
        var slots = 0
        for window in availability.windows {
            var start = max(window.startMinute, settings.earliestStartMinute)
            start = (start + 14) / 15 * 15
            while start <= settings.latestStartMinute, start + settings.sessionMinutes <= window.endMinute {
                if isAvoided(day: window.day, start: start) {
                    start += WeeklyAvailability.slotMinutes
                    continue
                }
                slots += 1
                start += length
            }
        }
        return slots * settings.cadence.phaseCount
    }

    /// How many new mentees `mentor` can be given slots for: `slotCapacity(of: WeeklyAvailability)`
    /// less one for each of the mentor's ``bookedSeries`` that still has a session after
    /// ``notBefore`` (a series that has ended holds no slot any more).
    ///
    /// A booked series need not sit on the grid of disjoint windows this counts (it was placed
    /// by an earlier run, perhaps against other availability), so it may block two windows
    /// rather than one: the number can still be one too many. The matcher does not rely on it
    /// being exact: a pair that then gets no slot is not made (``CohortMatcher``).
    package func slotCapacity(of mentor: Mentor) -> Int {
        let first = firstDate
        let running = (bookedSeries[mentor.id] ?? []).count(where: { series in
            series.sessions.contains { $0.date >= first }
        })
        return max(0, slotCapacity(of: mentor.availability) - running)
    }

    /// The first date a new series may use: the start date, or the day after ``notBefore``.
    private var firstDate: LocalDate {
        guard let notBefore, notBefore >= settings.startDate else { return settings.startDate }
        return notBefore.adding(days: 1)
    }

    /// Schedules `pairs` (mentor index, mentee index) of `cohort`.
    public func schedule(_ pairs: [(mentor: Int, mentee: Int)], in cohort: Cohort) -> Outcome {
        var series: [Int: SessionSeries] = [:]
        var unscheduled: [Unscheduled] = []
        var booked = cohort.mentors.map { bookedSeries[$0.id] ?? [] }
        // A slot's dates do not depend on the pair: each slot and phase is worked out once.
        // With the pair's own parts worked out once per pair (below), scheduling 10,000
        // mentees takes 0.04 s of processor time instead of 0.12 s (perf samples).
        var slotSeries: [SlotPhase: SessionSeries?] = [:]
        let gapLimit = settings.gapLimitWeeks
        for (index, pair) in pairs.enumerated() {
            let mentor = cohort.mentors[pair.mentor]
            let mentee = cohort.mentees[pair.mentee]
            let common = mentor.availability.intersection(mentee.availability).windows
            // The same for every slot tried, so worked out once per pair, not for each of its
            // dozens of candidates.
            let pairParts = PairParts(
                uid: SeriesIdentity.uid(programme: settings.programmeKey, mentorID: mentor.id, menteeID: mentee.id),
                mentor: CalendarPerson(id: mentor.id, name: mentor.name, email: mentor.email),
                mentee: CalendarPerson(id: mentee.id, name: mentee.name, email: mentee.email),
                place: place(mentor: mentor, mentee: mentee))
            var best: (key: [Int], series: SessionSeries)?
            var sawCandidate = false
            for window in common {
                var start = (max(window.startMinute, settings.earliestStartMinute) + 14) / 15 * 15
                while start <= settings.latestStartMinute, start + settings.sessionMinutes <= window.endMinute {
                    defer { start += WeeklyAvailability.slotMinutes }
                    if isAvoided(day: window.day, start: start) { continue }
                    sawCandidate = true
                    let slot = WeeklySlot(weekday: window.day, startMinute: start)
                    for phase in 0..<settings.cadence.phaseCount {
                        let slotPhase = SlotPhase(slot: slot, phase: phase)
                        let dated: SessionSeries?
                        if let known = slotSeries[slotPhase] {
                            dated = known
                        } else {
                            dated = makeSeries(slot: slot, phase: phase)
                            slotSeries[slotPhase] = .some(dated)
                        }
                        guard var candidate = dated else { continue }
                        candidate.uid = pairParts.uid
                        candidate.mentor = pairParts.mentor
                        candidate.mentee = pairParts.mentee
                        (candidate.location, candidate.isOnline) = pairParts.place
                        guard
                            !booked[pair.mentor].contains(where: { overlaps($0, candidate) })
                        else { continue }
                        let isShort = candidate.sessions.count < settings.sessionsPerPair ? 1 : 0
                        let hasLongGap = candidate.longestGapWeeks > gapLimit ? 1 : 0
                        let key = [
                            isShort, hasLongGap, phase, candidate.skipped.count, -window.durationMinutes,
                            window.day.rawValue, start,
                        ]
                        if best == nil || key.lexicographicallyPrecedes(best?.key ?? []) { best = (key, candidate) }
                    }
                }
            }
            if let chosen = best?.series {
                series[index] = chosen
                booked[pair.mentor].append(chosen)
            } else {
                let reason: UnscheduledReason =
                    sawCandidate
                    ? .clashesOrNoDateLeft(mentorName: mentor.name, endDate: settings.endDate)
                    : .noCommonSlot(sessionMinutes: settings.sessionMinutes)
                unscheduled.append(Unscheduled(mentor: pair.mentor, mentee: pair.mentee, reason: reason))
            }
        }
        return Outcome(
            series: series, unscheduled: unscheduled, sessionsPerPair: settings.sessionsPerPair,
            cohortEvents: settings.cohortEvents, maxGapWeeks: gapLimit)
    }

    private func isAvoided(day: Weekday, start: Int) -> Bool {
        let session = start..<(start + settings.sessionMinutes)
        return avoided[day.rawValue].contains { $0.overlaps(session) }
    }

    /// Two series of one mentor clash when a session of each falls on the same date closer
    /// than one session plus the buffer.
    private func overlaps(_ lhs: SessionSeries, _ rhs: SessionSeries) -> Bool {
        let gap = settings.sessionMinutes + settings.bufferMinutes
        let dates = Dictionary(grouping: lhs.sessions, by: \.date)
        for session in rhs.sessions {
            for other in dates[session.date] ?? [] {
                if abs(other.minuteOfDay - session.minuteOfDay) < gap { return true }
            }
        }
        return false
    }

    /// The occurrence dates of a slot's rule up to the programme end, in order.
    private func occurrenceDates(slot: WeeklySlot, phase: Int) -> (cadence: Cadence, dates: [LocalDate]) {
        let start = firstDate
        let offset = (slot.weekday.rawValue - start.weekday.rawValue + 7) % 7
        var date = start.adding(days: offset + 7 * phase)
        var dates: [LocalDate] = []
        switch settings.cadence {
        case .everyWeeks(let weeks):
            let interval = max(1, weeks)
            while date <= settings.endDate {
                dates.append(date)
                date = date.adding(days: 7 * interval)
            }
            return (.weekly(interval: interval), dates)
        case .monthly:
            let ordinalFromStart = (date.day - 1) / 7 + 1
            let ordinal = ordinalFromStart > 4 ? -1 : ordinalFromStart
            // Ordinals 1...4 and -1 name a day in every month, so the loop ends only at the end date.
            while date <= settings.endDate {
                dates.append(date)
                let next = date.month == 12 ? (1, date.year + 1) : (date.month + 1, date.year)
                guard let nextDate = LocalDate.nth(slot.weekday, ordinal: ordinal, month: next.0, year: next.1) else { break }
                date = nextDate
            }
            return (.monthly(ordinal: ordinal), dates)
        }
    }

    /// What a pair's series says whatever its slot.
    private struct PairParts {
        var uid: String
        var mentor: CalendarPerson
        var mentee: CalendarPerson
        var place: (location: String, isOnline: Bool)
    }

    private struct SlotPhase: Hashable {
        var slot: WeeklySlot
        var phase: Int
    }

    /// The series of `slot` and `phase`, with no pair in it yet; `nil` when no session is left.
    private func makeSeries(slot: WeeklySlot, phase: Int) -> SessionSeries? {
        let rule = occurrenceDates(slot: slot, phase: phase)
        var sessions: [LocalDateTime] = []
        var skipped: [LocalDateTime] = []
        for date in rule.dates {
            if sessions.count == settings.sessionsPerPair { break }
            let start = date.at(minuteOfDay: slot.startMinute)
            if settings.closedDates.contains(date) { skipped.append(start) } else { sessions.append(start) }
        }
        guard let first = sessions.first ?? skipped.first, !sessions.isEmpty else { return nil }
        // A rule ending on skipped dates would export EXDATEs past the last session: drop them.
        while let last = skipped.last, let lastSession = sessions.last, last > lastSession { skipped.removeLast() }
        let nobody = CalendarPerson(id: "", name: "", email: "")
        return SessionSeries(
            uid: "", mentor: nobody, mentee: nobody, slot: slot, cadence: rule.cadence,
            durationMinutes: settings.sessionMinutes, firstStart: min(first, skipped.first ?? first),
            occurrenceCount: sessions.count + skipped.count, skipped: skipped, sessions: sessions, location: "",
            isOnline: false)
    }

    /// Online if either wants online only, or if no venue is configured; otherwise the venue in
    /// the mentor's town, else the mentee's, else the first venue.
    private func place(mentor: Mentor, mentee: Mentee) -> (String, Bool) {
        guard mentor.format.allowsInPerson(with: mentee.format), let fallback = settings.venues.first else {
            return (settings.onlineLocation, true)
        }
        let venue =
            venueTownKeys.firstIndex(of: TextKey.normalise(mentor.town)).map { settings.venues[$0] }
            ?? venueTownKeys.firstIndex(of: TextKey.normalise(mentee.town)).map { settings.venues[$0] } ?? fallback
        return (venue.locationText, false)
    }
}
