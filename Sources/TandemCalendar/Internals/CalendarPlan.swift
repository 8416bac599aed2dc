import Foundation
import TandemCore

/// What one calendar file will say, decided and checked in Swift before libical is touched:
/// cleaned text, validated rules, sorted events and the zone's compact rules.
struct CalendarPlan: Sendable {
    struct Contact: Sendable, Hashable {
        var name: String
        var email: String
    }

    enum Recurrence: Sendable, Hashable {
        case weekly(interval: Int, count: Int)
        case monthly(weekday: Weekday, ordinal: Int, count: Int)
    }

    struct Event: Sendable, Hashable {
        var uid: String
        /// The revision (SEQUENCE) and when it was issued (DTSTAMP).
        var sequence: Int
        var stamp: Date
        var start: LocalDateTime
        var end: LocalDateTime
        var recurrence: Recurrence?
        /// EXDATEs, each exactly an occurrence's local start.
        var exceptions: [LocalDateTime]
        var summary: String
        /// The location text; an online pair's ``link`` is written as its location instead.
        var location: String
        var description: String
        /// The online meeting link, or `nil`.
        var link: String?
        /// Reminders, in minutes before the start, longest first; none in a cancellation.
        var reminderMinutes: [Int]
        /// Empty for PUBLISH.
        var attendees: [Contact]
        /// The last wall-clock minute the event touches, for the zone's year range.
        var lastEnd: LocalDateTime
        /// Whether every file of the programme that has the event has it exactly so (a cohort
        /// event in a PUBLISH file, which names no attendees), so that it is serialised once
        /// for all of them (see ``CalendarPieces``).
        var isSameInEveryFile = false
    }

    var method: CalendarMethod
    var calendarName: String
    var zone: CompactZone
    var timestamp: Date
    var organizer: Contact
    var events: [Event]
}

extension CalendarPlan.Event {
    /// What the properties before DESCRIPTION say.
    struct Leading: Hashable, Sendable {
        var uid: String
        var stamp: Date
        var start: LocalDateTime
        var end: LocalDateTime
        var recurrence: CalendarPlan.Recurrence?
        var exceptions: [LocalDateTime]
        var summary: String
        var location: String
        var link: String?

        /// The UID and stamp tell one series' revisions apart, and are quick to hash (equality
        /// still compares everything).
        func hash(into hasher: inout Hasher) {
            hasher.combine(uid)
            hasher.combine(stamp)
        }
    }

    /// What the properties and alarms after the attendees say.
    struct Trailing: Hashable, Sendable {
        var sequence: Int
        var summary: String
        var reminderMinutes: [Int]

        func hash(into hasher: inout Hasher) {
            hasher.combine(sequence)
            hasher.combine(summary)
        }
    }

    var leading: Leading {
        Leading(
            uid: uid, stamp: stamp, start: start, end: end, recurrence: recurrence, exceptions: exceptions,
            summary: summary, location: location, link: link)
    }

    var trailing: Trailing { Trailing(sequence: sequence, summary: summary, reminderMinutes: reminderMinutes) }
}

extension CalendarPlan {
    /// - Parameter pieces: holds each series' event as the batch's other files have it (see
    ///   ``EventBuilder/event(for:sharing:)``).
    init(export: CalendarExport, audience: CalendarAudience, sharing pieces: CalendarPieces) throws(CalendarError) {
        let programme = export.programme
        guard let systemZone = TimeZone(identifier: programme.timeZone) else {
            throw .unknownTimeZone(programme.timeZone)
        }
        let organizer = Contact(
            name: CalendarText.clean(programme.coordinatorName), email: CalendarText.address(programme.coordinatorEmail))
        guard !organizer.email.isEmpty else { throw .missingCoordinatorEmail }
        if let problem = CalendarSettings.problem(inPrepare: export.settings.prepare) {
            throw .invalidSetting(name: "calendar.prepare", reason: problem)
        }

        let builder = EventBuilder(
            programme: programme, organizer: organizer, method: export.method, audience: audience,
            clock: WallClock(zone: systemZone), timestamp: export.timestamp, settings: export.settings)
        // Sorted first so that the input order cannot change the bytes (cohort invitations list
        // people in the order of their series).
        let chosen = export.series.filter(audience.includes).sorted {
            ($0.firstStart, $0.mentor.id, $0.mentee.id) < ($1.firstStart, $1.mentor.id, $1.mentee.id)
        }
        var events: [Event] = []
        for series in chosen {
            events.append(try builder.event(for: series, sharing: pieces))
        }
        // A PUBLISH file names no attendees, so whom a cohort event invites (for the coordinator,
        // everyone in a series) is only worked out for the other methods.
        let invitees =
            export.method == .publish
            ? []
            : export.eventInvitees.map { people in people.map { (id: $0.id, contact: builder.contact($0)) } }
                ?? builder.invitees(of: chosen)
        for cohortEvent in export.cohortEvents {
            events.append(try builder.event(for: cohortEvent, invitees: invitees))
        }

        // The events are still in the order of `chosen` then the cohort events; an owner's
        // description is only built for the message.
        var uids = Set<String>()
        for (index, event) in events.enumerated() where !uids.insert(event.uid).inserted {
            let owner =
                index < chosen.count
                ? EventBuilder.owner(chosen[index]) : EventBuilder.owner(export.cohortEvents[index - chosen.count])
            throw .duplicateIdentifier(uid: event.uid, owner: owner)
        }
        events.sort { ($0.start, $0.uid) < ($1.start, $1.uid) }

        let years: ClosedRange<Int>
        if let first = events.map(\.start).min(), let last = events.map(\.lastEnd).max() {
            years = first.year...last.year
        } else {
            let now = export.timestamp.timeIntervalSince1970 + Double(systemZone.secondsFromGMT(for: export.timestamp))
            let year = LocalDate(dayNumber: Int((now / 86_400).rounded(.down))).year
            years = year...year
        }
        self.init(
            method: export.method, calendarName: CalendarText.unstructured(programme.name),
            zone: try CompactZone.cached(identifier: programme.timeZone, years: years), timestamp: export.timestamp,
            organizer: organizer, events: events)
    }
}

/// Turns series and cohort events into planned VEVENTs for one audience.
struct EventBuilder {
    var programme: Programme
    var organizer: CalendarPlan.Contact
    var method: CalendarMethod
    var audience: CalendarAudience
    var clock: WallClock
    /// The DTSTAMP of events that do not carry when they were issued.
    var timestamp: Date
    var settings: CalendarSettings
    /// The reminders of every event: distinct, longest first, none for a cancellation (RFC 5546
    /// allows no VALARM in a CANCEL).
    let reminderMinutes: [Int]
    /// The programme's name and what to prepare, cleaned once for all the file's events.
    private let programmeName: String
    private let prepare: String

    init(
        programme: Programme, organizer: CalendarPlan.Contact, method: CalendarMethod, audience: CalendarAudience,
        clock: WallClock, timestamp: Date, settings: CalendarSettings
    ) {
        self.programme = programme
        self.organizer = organizer
        self.method = method
        self.audience = audience
        self.clock = clock
        self.timestamp = timestamp
        self.settings = settings
        reminderMinutes = method == .cancel ? [] : Set(settings.reminderMinutes.filter { $0 > 0 }).sorted(by: >)
        programmeName = CalendarText.clean(programme.name)
        prepare = CalendarText.clean(settings.prepare)
    }

    static func owner(_ series: SessionSeries) -> String {
        "The series of mentor '\(series.mentor.id)' with mentee '\(series.mentee.id)'"
    }

    static func owner(_ event: CohortEvent) -> String {
        "The cohort event '\(CalendarText.clean(event.title))' on \(event.start.date.iso)"
    }

    /// What a series' event says in every file that holds it (all but the description and the
    /// attendees), with the two people's contacts.
    struct SeriesEvent: Sendable {
        var event: CalendarPlan.Event
        var mentor: CalendarPlan.Contact
        var mentee: CalendarPlan.Contact
    }

    /// The series' event for this file's audience and method. Its checks and the parts every
    /// file shares are worked out once per batch (`pieces`); a programme's series each appear
    /// in the coordinator's file, both people's files and an invitation.
    func event(for series: SessionSeries, sharing pieces: CalendarPieces) throws(CalendarError) -> CalendarPlan.Event {
        let key = CalendarPieces.SeriesKey(
            series: series, timestamp: timestamp, timeZone: programme.timeZone, meetingLink: settings.meetingLink)
        let shared = try pieces.seriesEvent(for: key) { () throws(CalendarError) in try seriesEvent(for: series) }
        var event = shared.event
        event.description = description(of: series, mentor: shared.mentor, mentee: shared.mentee, link: event.link)
        event.attendees = try attendees([(series.mentor.id, shared.mentor), (series.mentee.id, shared.mentee)])
        event.reminderMinutes = reminderMinutes
        return event
    }

    /// ``SeriesEvent``: what depends on the series, the zone, the timestamp and the meeting
    /// links alone, not on the file's audience or method.
    func seriesEvent(for series: SessionSeries) throws(CalendarError) -> SeriesEvent {
        guard !series.uid.isEmpty else {
            throw .invalidSeries(mentorID: series.mentor.id, menteeID: series.mentee.id, reason: "it has no UID")
        }
        if let problem = series.ruleProblem() {
            throw .invalidSeries(mentorID: series.mentor.id, menteeID: series.mentee.id, reason: problem)
        }
        let occurrences = series.ruleOccurrences()
        for start in occurrences {
            try requireSingleInstant(start, owner: Self.owner(series))
            try requireSingleInstant(start.adding(minutes: series.durationMinutes), owner: Self.owner(series))
        }
        let mentor = contact(series.mentor)
        let mentee = contact(series.mentee)
        let recurrence: CalendarPlan.Recurrence
        switch series.cadence {
        case .weekly(let interval): recurrence = .weekly(interval: interval, count: series.occurrenceCount)
        case .monthly(let ordinal):
            recurrence = .monthly(weekday: series.firstStart.date.weekday, ordinal: ordinal, count: series.occurrenceCount)
        }
        let link = series.isOnline ? settings.meetingLink?.link(forSeriesUID: series.uid) : nil
        let summary = "Reverse mentoring: \(mentor.name) & \(mentee.name)"
        let event = CalendarPlan.Event(
            uid: series.uid, sequence: series.sequence, stamp: series.issued ?? timestamp,
            start: series.firstStart, end: series.firstStart.adding(minutes: series.durationMinutes),
            recurrence: recurrence, exceptions: series.skipped.sorted(), summary: summary,
            location: CalendarText.clean(series.location), description: "", link: link, reminderMinutes: [],
            attendees: [], lastEnd: (occurrences.last ?? series.firstStart).adding(minutes: series.durationMinutes))
        return SeriesEvent(event: event, mentor: mentor, mentee: mentee)
    }

    func event(for event: CohortEvent, invitees: [(id: String, contact: CalendarPlan.Contact)]) throws(CalendarError)
        -> CalendarPlan.Event
    {
        let title = CalendarText.clean(event.title)
        guard !title.isEmpty else { throw .invalidEvent(title: event.title, reason: "it has no title") }
        guard !event.uid.isEmpty else { throw .invalidEvent(title: title, reason: "it has no UID") }
        guard event.durationMinutes > 0, event.durationMinutes <= 24 * 60 else {
            throw .invalidEvent(title: title, reason: "it must last between 1 minute and 24 hours")
        }
        let end = event.start.adding(minutes: event.durationMinutes)
        try requireSingleInstant(event.start, owner: Self.owner(event))
        try requireSingleInstant(end, owner: Self.owner(event))
        let description = [programmeName, line("Coordinator", organizer)].filter { !$0.isEmpty }
            .joined(separator: "\n")
        return CalendarPlan.Event(
            uid: event.uid, sequence: 0, stamp: event.issued ?? timestamp,
            start: event.start, end: end, recurrence: nil, exceptions: [], summary: title,
            location: CalendarText.clean(event.location), description: description, link: nil,
            reminderMinutes: reminderMinutes,
            attendees: try attendees(invitees.isEmpty ? [("coordinator", organizer)] : invitees), lastEnd: end,
            isSameInEveryFile: method == .publish)
    }

    /// Who a cohort event's invitation goes to: the audience's own person, or for the
    /// coordinator everyone in a series, each once, in order of first appearance.
    func invitees(of series: [SessionSeries]) -> [(id: String, contact: CalendarPlan.Contact)] {
        var seen = Set<String>()
        var result: [(id: String, contact: CalendarPlan.Contact)] = []
        for pair in series {
            let people: [CalendarPerson]
            switch audience {
            case .coordinator: people = [pair.mentor, pair.mentee]
            case .mentor: people = [pair.mentor]
            case .mentee: people = [pair.mentee]
            }
            for person in people where seen.insert(person.id).inserted {
                result.append((person.id, contact(person)))
            }
        }
        return result
    }

    func contact(_ person: CalendarPerson) -> CalendarPlan.Contact {
        CalendarPlan.Contact(name: CalendarText.clean(person.name), email: CalendarText.address(person.email))
    }

    /// What a session's reader needs to act on it, one line each: the programme; when, and
    /// where this session stands in its series; the dates skipped; the other person (both, for
    /// the coordinator); the meeting link; what to prepare; whom to ask.
    ///
    /// For example, in a mentor's file:
    ///
    ///     Reverse mentoring session, Ealing Reverse Mentoring 2027.
    ///     When: 2nd Tuesday of each month, 18:00, for 60 minutes: one of 6 monthly sessions, January to June 2027.
    ///     Your mentee: Jo Bloggs (jo.bloggs@ealing.example)
    ///     Join online: https://teams.example/ealing-0a1b2c3d4e5f
    ///     To prepare: ...
    ///     Questions, or cannot come? Coordinator: Priya Shah (priya.shah@ealing.example)
    func description(
        of series: SessionSeries, mentor: CalendarPlan.Contact, mentee: CalendarPlan.Contact, link: String?
    ) -> String {
        var lines = [programmeName.isEmpty ? "Reverse mentoring session." : "Reverse mentoring session, \(programmeName)."]
        lines.append("When: \(series.slotDescription), for \(series.durationMinutes) minutes: \(series.seriesDescription).")
        // Only the gaps between sessions: a rule that starts on a closed date needs no mention.
        let skipped = series.skipped.filter { skipped in
            series.sessions.contains { $0 < skipped } && series.sessions.contains { $0 > skipped }
        }.sorted().map(\.date.spokenText)
        if let last = skipped.last {
            let list = skipped.count == 1 ? last : skipped.dropLast().joined(separator: ", ") + " or " + last
            lines.append("No session on \(list).")
        }
        switch audience {
        case .coordinator: lines += [line("Mentor", mentor), line("Mentee", mentee)]
        case .mentor: lines.append(line("Your mentee", mentee))
        case .mentee: lines.append(line("Your mentor", mentor))
        }
        if let link { lines.append("Join online: \(link)") }
        if !prepare.isEmpty { lines.append("To prepare: \(prepare)") }
        lines.append(line("Questions, or cannot come? Coordinator", organizer))
        return lines.map(Self.foldable).joined(separator: "\n")
    }

    /// `line`, with a space after it when it ends in a long run without one (a link).
    ///
    /// libical folds a long line after the last space, `;` or `:` of its 74 octets; only a line
    /// with none is split at the 74th octet, which can fall between the `\` and `n` of the
    /// escaped newline after a long link (misread by some Outlook versions). A trailing space
    /// gives such a line a fold point before the escape.
    static func foldable(_ line: String) -> String {
        let lastRun = line.utf8.reversed().prefix { $0 != UInt8(ascii: " ") }.count
        return lastRun >= CalendarSettings.longestRunWithoutSpace ? line + " " : line
    }

    private func line(_ label: String, _ contact: CalendarPlan.Contact) -> String {
        switch (contact.name.isEmpty, contact.email.isEmpty) {
        case (false, false): "\(label): \(contact.name) (\(contact.email))"
        case (false, true): "\(label): \(contact.name)"
        case (true, _): "\(label): \(contact.email)"
        }
    }

    private func attendees(_ people: [(id: String, contact: CalendarPlan.Contact)]) throws(CalendarError)
        -> [CalendarPlan.Contact]
    {
        guard method != .publish else { return [] }
        for person in people where person.contact.email.isEmpty {
            throw .missingEmail(personID: person.id)
        }
        return people.map(\.contact)
    }

    /// `owner` is only described when the time is refused (this runs for every occurrence).
    private func requireSingleInstant(_ time: LocalDateTime, owner: @autoclosure () -> String) throws(CalendarError) {
        let count = clock.instants(of: time).count
        guard count == 1 else {
            throw .unrepresentableLocalTime(time, timeZone: programme.timeZone, isRepeated: count > 1, owner: owner())
        }
    }
}
