import Foundation
import TandemCore

/// The iCalendar files of one programme: a coordinator's file with every pair, and one file per
/// mentor or mentee with only their own sessions.
///
/// Each pair's sessions become one recurring VEVENT in the programme's time zone (a compact
/// VTIMEZONE written by ``TimeZoneRules``), with an EXDATE per skipped session; each cohort
/// event becomes a single VEVENT. Files carry names, contact details, times and places only,
/// with what people need to act on them: which series a session belongs to, what to prepare,
/// whom to contact, the online meeting link, and reminders (VALARMs; none in a cancellation).
/// Rendering is deterministic: the same export and timestamp give the same bytes.
///
/// Rendering is safe to call from any thread, and renders on several threads run side by side:
/// each builds and serialises its own libical objects (see ``LibicalGate/runUnshared(_:)``).
public struct CalendarExport: Sendable {
    public var programme: Programme
    public var series: [SessionSeries]
    public var cohortEvents: [CohortEvent]
    public var method: CalendarMethod
    /// Written as every event's DTSTAMP (in UTC) unless it carries when it was issued: inject a
    /// fixed value for reproducible files.
    public var timestamp: Date
    /// Who the cohort events invite (REQUEST); `nil` for the people of the file's series.
    public var eventInvitees: [CalendarPerson]?
    /// What to prepare, the online meeting links and the reminders.
    public var settings: CalendarSettings

    public init(
        programme: Programme, series: [SessionSeries], cohortEvents: [CohortEvent], method: CalendarMethod = .publish,
        timestamp: Date, settings: CalendarSettings = CalendarSettings()
    ) {
        self.programme = programme
        self.series = series
        self.cohortEvents = cohortEvents
        self.method = method
        self.timestamp = timestamp
        self.settings = settings
    }

    /// The `.ics` bytes for one audience.
    ///
    /// The coordinator's file has every series and the cohort events; a mentor's or mentee's
    /// file has only the series they are in (none, if the id is in no series) and the cohort
    /// events.
    /// - Throws: ``CalendarError`` when the programme's zone is unknown or irregular, the
    ///   coordinator has no address, a series contradicts its own rule, a session falls in a
    ///   clock change, two events would share a UID, or (for REQUEST) an attendee has no address.
    public func render(for audience: CalendarAudience) throws(CalendarError) -> Data {
        try render(for: audience, sharing: CalendarPieces())
    }

    /// The `.ics` bytes for one audience, as ``render(for:)`` writes them, taking the parts it
    /// shares with other files of the batch from `pieces` (and adding them there): pass one
    /// instance to every file of a programme's export.
    /// - Throws: as ``render(for:)``.
    public func render(for audience: CalendarAudience, sharing pieces: CalendarPieces) throws(CalendarError) -> Data {
        let plan = try CalendarPlan(export: self, audience: audience, sharing: pieces)
        let text = try LibicalGate.runUnshared { () throws(CalendarError) -> String in
            try plan.serialised(sharing: pieces)
        }
        return Data(text.utf8)
    }
}

extension CalendarAudience {
    func includes(_ series: SessionSeries) -> Bool {
        switch self {
        case .coordinator: true
        case .mentor(let id): series.mentor.id == id
        case .mentee(let id): series.mentee.id == id
        }
    }
}
