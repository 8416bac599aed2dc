import Foundation

/// How a pair's sessions repeat.
public enum Cadence: Sendable, Hashable, Codable {
    /// Every `interval` weeks on the slot's weekday (1 = weekly, 2 = fortnightly).
    case weekly(interval: Int)
    /// Monthly on the `ordinal`th weekday of the slot (e.g. 2nd Tuesday; -1 = last).
    case monthly(ordinal: Int)
}

/// A pair's weekly slot: a weekday and a local start time.
public struct WeeklySlot: Sendable, Hashable, Codable {
    public var weekday: Weekday
    /// Minutes after local midnight.
    public var startMinute: Int

    public init(weekday: Weekday, startMinute: Int) {
        self.weekday = weekday
        self.startMinute = startMinute
    }
}

/// One person as a calendar shows them: only what the other person needs.
public struct CalendarPerson: Sendable, Hashable, Codable {
    public var id: String
    public var name: String
    public var email: String

    public init(id: String, name: String, email: String) {
        self.id = id
        self.name = name
        self.email = email
    }
}

/// The series of sessions of one mentor–mentee pair.
///
/// The recurrence rule expands from `firstStart` by `cadence` for `occurrenceCount`
/// occurrences; the `skipped` ones (bank holidays, blackouts) are removed, leaving `sessions`.
public struct SessionSeries: Sendable, Hashable {
    /// The calendar UID, the same for this pair in this programme on every run (``SeriesIdentity``).
    public var uid: String
    public var mentor: CalendarPerson
    public var mentee: CalendarPerson
    public var slot: WeeklySlot
    public var cadence: Cadence
    public var durationMinutes: Int
    /// The first occurrence of the rule (a session, or a skipped date).
    public var firstStart: LocalDateTime
    /// Occurrences the rule generates, skipped ones included.
    public var occurrenceCount: Int
    /// Occurrences removed from the rule (EXDATE), each at its exact local start.
    public var skipped: [LocalDateTime]
    /// The session starts, in order.
    public var sessions: [LocalDateTime]
    /// Where they meet: a venue's name and address, or the online meeting text.
    public var location: String
    public var isOnline: Bool
    /// The revision calendars know this series by (iCalendar `SEQUENCE`): 0 when first sent, one
    /// more for each change its two people must be told about.
    public var sequence = 0
    /// When this revision was issued (its events' `DTSTAMP`); `nil` for the file's own timestamp.
    public var issued: Date?

    public init(
        uid: String, mentor: CalendarPerson, mentee: CalendarPerson, slot: WeeklySlot, cadence: Cadence, durationMinutes: Int,
        firstStart: LocalDateTime, occurrenceCount: Int, skipped: [LocalDateTime], sessions: [LocalDateTime],
        location: String, isOnline: Bool
    ) {
        self.uid = uid
        self.mentor = mentor
        self.mentee = mentee
        self.slot = slot
        self.cadence = cadence
        self.durationMinutes = durationMinutes
        self.firstStart = firstStart
        self.occurrenceCount = occurrenceCount
        self.skipped = skipped
        self.sessions = sessions
        self.location = location
        self.isOnline = isOnline
    }
}

extension SessionSeries {
    /// The longest time between two consecutive sessions, in whole weeks, rounded up (0 with
    /// fewer than two sessions). A series keeps one weekday, so its gaps are whole weeks;
    /// skipped dates are what make one longer than the cadence.
    package var longestGapWeeks: Int {
        var longest = 0
        for (earlier, later) in zip(sessions, sessions.dropFirst()) {
            longest = max(longest, later.date.dayNumber - earlier.date.dayNumber)
        }
        return (longest + 6) / 7
    }
}

/// A whole-cohort event such as the kick-off training or the closing session.
public struct CohortEvent: Sendable, Hashable {
    /// The calendar UID; set from the programme's key when the schedule is resolved.
    public var uid: String
    public var title: String
    public var start: LocalDateTime
    public var durationMinutes: Int
    public var location: String
    /// When the event was first issued (its `DTSTAMP`); `nil` for the file's own timestamp.
    public var issued: Date?

    public init(uid: String = "", title: String, start: LocalDateTime, durationMinutes: Int, location: String) {
        self.uid = uid
        self.title = title
        self.start = start
        self.durationMinutes = durationMinutes
        self.location = location
    }
}
