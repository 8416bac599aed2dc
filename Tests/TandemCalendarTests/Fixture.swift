import Foundation
import TandemCalendar
import TandemCore

/// A small hand-made programme: four pairs covering every cadence, hostile names in several
/// scripts, two skipped dates on bank holidays and one on Christmas Day, and two cohort events.
/// The expected dates are literals (or Foundation's calendar arithmetic), not Tandem's scheduler.
enum Fixture {
    static let hostileName = "Amrit \"AK\" Kaur, Jr.; ਹਰਪ੍ਰੀਤ 🙂"
    /// What calendars show for `"Jo\nBloggs"` once control characters are gone.
    static let cleanedNewlineName = "Jo Bloggs"

    static let programme = Programme(
        name: "Ealing Reverse Mentoring 2026", coordinatorName: "Priya Shah", coordinatorEmail: "priya.shah@ealing.example",
        timeZone: "Europe/London")

    /// 2026-01-05T09:30:00Z.
    static let timestamp = Date(timeIntervalSince1970: 1_767_605_400)

    static let amrit = CalendarPerson(id: "M1", name: hostileName, email: "amrit.kaur@nhs.example")
    static let siobhan = CalendarPerson(id: "M2", name: "Siobhan O'Neill", email: "siobhan@nhs.example")
    static let chris = CalendarPerson(id: "M3", name: "Chris Evans", email: "chris.evans@nhs.example")
    static let jo = CalendarPerson(id: "E1", name: "Jo\nBloggs", email: "jo.bloggs@ealing.example")
    static let mohammed = CalendarPerson(id: "E2", name: "محمد الأحمد", email: "m.alahmad@ealing.example")
    static let tamil = CalendarPerson(id: "E3", name: "தமிழ்செல்வி", email: "tamilselvi@ealing.example")
    static let sam = CalendarPerson(id: "E4", name: "Sam Lee", email: "sam.lee@ealing.example")

    /// (a) Weekly on Thursdays at 18:00 from 5 March to 5 November 2026: across the clock
    /// change on 29 March and the one on 25 October.
    static let weekly: SessionSeries = {
        let starts = weeks(from: LocalDate(year: 2026, month: 3, day: 5), count: 36, interval: 1, minuteOfDay: 18 * 60)
        return SessionSeries(
            uid: pairUID(amrit, jo), mentor: amrit, mentee: jo, slot: WeeklySlot(weekday: .thursday, startMinute: 18 * 60),
            cadence: .weekly(interval: 1),
            durationMinutes: 60, firstStart: starts[0], occurrenceCount: 36, skipped: [], sessions: starts,
            location: "Online: Microsoft Teams, link from Priya", isOnline: true)
    }()

    /// (b) Fortnightly on Mondays at 12:30 from 23 March 2026, skipping Easter Monday (6 April)
    /// and the early May bank holiday (4 May).
    static let fortnightly: SessionSeries = {
        let all = weeks(from: LocalDate(year: 2026, month: 3, day: 23), count: 8, interval: 2, minuteOfDay: 12 * 60 + 30)
        let skipped = [
            LocalDateTime(year: 2026, month: 4, day: 6, hour: 12, minute: 30),
            LocalDateTime(year: 2026, month: 5, day: 4, hour: 12, minute: 30),
        ]
        return SessionSeries(
            uid: pairUID(siobhan, mohammed), mentor: siobhan, mentee: mohammed,
            slot: WeeklySlot(weekday: .monday, startMinute: 12 * 60 + 30),
            cadence: .weekly(interval: 2), durationMinutes: 45, firstStart: all[0], occurrenceCount: 8, skipped: skipped,
            sessions: all.filter { !skipped.contains($0) },
            location: "Perceval House, 14-16 Uxbridge Road; Ealing, W5 2HL", isOnline: false)
    }()

    /// (c) Monthly on the second Tuesday at 17:30, January to October 2026.
    static let secondTuesday: SessionSeries = {
        let days = [13, 10, 10, 14, 12, 9, 14, 11, 8, 13]
        let starts = days.enumerated().map {
            LocalDateTime(year: 2026, month: $0.offset + 1, day: $0.element, hour: 17, minute: 30)
        }
        return SessionSeries(
            uid: pairUID(amrit, tamil), mentor: amrit, mentee: tamil,
            slot: WeeklySlot(weekday: .tuesday, startMinute: 17 * 60 + 30),
            cadence: .monthly(ordinal: 2), durationMinutes: 60, firstStart: starts[0], occurrenceCount: 10, skipped: [],
            sessions: starts, location: "Ealing Hospital library", isOnline: false)
    }()

    /// (c) Monthly on the last Friday at 08:15 in 2026, skipping Christmas Day.
    static let lastFriday: SessionSeries = {
        let days = [30, 27, 27, 24, 29, 26, 31, 28, 25, 30, 27, 25]
        let all = days.enumerated().map { LocalDateTime(year: 2026, month: $0.offset + 1, day: $0.element, hour: 8, minute: 15) }
        let christmas = LocalDateTime(year: 2026, month: 12, day: 25, hour: 8, minute: 15)
        return SessionSeries(
            uid: pairUID(chris, sam), mentor: chris, mentee: sam, slot: WeeklySlot(weekday: .friday, startMinute: 8 * 60 + 15),
            cadence: .monthly(ordinal: -1), durationMinutes: 30, firstStart: all[0], occurrenceCount: 12, skipped: [christmas],
            sessions: all.filter { $0 != christmas }, location: "Café Nero, The Broadway", isOnline: false)
    }()

    static let allSeries = [weekly, fortnightly, secondTuesday, lastFriday]

    static let cohortEvents = [
        CohortEvent(
            title: "Kick-off training", start: LocalDateTime(year: 2026, month: 1, day: 8, hour: 10), durationMinutes: 180,
            location: "Ealing Town Hall, New Broadway"),
        CohortEvent(
            title: "Closing celebration", start: LocalDateTime(year: 2026, month: 12, day: 3, hour: 16), durationMinutes: 120,
            location: "Ealing Town Hall, New Broadway"),
    ].map { event in
        var event = event
        event.uid = SeriesIdentity.uid(programme: programme.key, event: event)
        return event
    }

    static func export(_ method: CalendarMethod = .publish, series: [SessionSeries] = allSeries) -> CalendarExport {
        CalendarExport(programme: programme, series: series, cohortEvents: cohortEvents, method: method, timestamp: timestamp)
    }

    /// The UID the scheduler gives the pair's series in this programme.
    static func pairUID(_ mentor: CalendarPerson, _ mentee: CalendarPerson) -> String {
        SeriesIdentity.uid(programme: programme.key, mentorID: mentor.id, menteeID: mentee.id)
    }

    /// Every `interval` weeks by Foundation's Gregorian calendar.
    static func weeks(from first: LocalDate, count: Int, interval: Int, minuteOfDay: Int) -> [LocalDateTime] {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? .current
        let start = calendar.date(from: DateComponents(year: first.year, month: first.month, day: first.day)) ?? Date()
        return (0..<count).map { index in
            let date = calendar.date(byAdding: .day, value: 7 * interval * index, to: start) ?? start
            let parts = calendar.dateComponents([.year, .month, .day], from: date)
            return LocalDateTime(
                year: parts.year ?? 0, month: parts.month ?? 0, day: parts.day ?? 0, hour: minuteOfDay / 60,
                minute: minuteOfDay % 60)
        }
    }
}
