import CLibical
import Foundation
import TandemCore

/// Checks of a finished calendar file that do not trust the code that wrote it: libical parses
/// it back, and the text itself is held to what strict clients need.
///
/// Used by the tests and by the command line after writing each file. All libical work runs
/// behind the module's lock, so these are safe to call from any thread.
public enum CalendarCheck {
    /// Everything wrong with `ics`, one sentence each; empty for a good file.
    ///
    /// Checks: valid UTF-8; CRLF line ends only; no physical line over 75 octets; no fold inside
    /// a backslash escape (some Outlook versions misread those); libical
    /// parses it as a VCALENDAR with no X-LIC-ERROR; re-serialising it gives the same bytes;
    /// VERSION 2.0, PRODID and METHOD present; `icalrestriction_check` (RFC 5546) passes for
    /// each component on its own (libical's check stops at the first bad one); every TZID has
    /// a VTIMEZONE and every VTIMEZONE agrees with the system zone of that name at every 15
    /// minutes of the years the events span; event times carry a TZID (never floating);
    /// DTSTAMP and any UNTIL are UTC; UIDs are present and distinct; every rule ends, and every
    /// EXDATE removes an occurrence at its exact local start with the DTSTART's TZID; every
    /// VALARM is complete, and a cancellation has none.
    public static func problems(in ics: Data) -> [String] {
        problems(in: ics, waiting: true) ?? []
    }

    /// ``problems(in:)``, or `nil` without checking when another thread is using libical (which
    /// the checks need to themselves), so that a caller with other work can do that first and
    /// come back.
    public static func problemsUnlessBusy(in ics: Data) -> [String]? {
        problems(in: ics, waiting: false)
    }

    private static func problems(in ics: Data, waiting: Bool) -> [String]? {
        guard let text = String(validating: ics, as: UTF8.self) else {
            return lineProblems(in: ics) + ["The file is not valid UTF-8."]
        }
        let check = { () -> [String] in
            var problems: [String] = []
            guard let calendar = Component.parse(text) else {
                return ["libical cannot parse the file (a BEGIN without END?)."]
            }
            guard icalcomponent_isa(calendar.raw) == ICAL_VCALENDAR_COMPONENT else {
                return ["The file's top component is \(LibicalTree.kindName(of: calendar.raw)), not VCALENDAR."]
            }
            // Before anything adds X-LIC-ERROR properties to the tree.
            if let again = try? calendar.serialised(), again != text {
                problems.append("libical re-serialises the file differently, first at line \(firstDifferingLine(text, again)).")
            }
            problems += LibicalTree.errors(in: calendar.raw).map { "libical parse error in \($0)" }
            problems += calendarPropertyProblems(calendar.raw)
            // The event checks come first: the restriction check may add X-LIC-ERROR properties
            // to the tree, and leaves one component of each signature in it. The messages keep
            // their order.
            let events = eventProblems(calendar.raw)
            return problems + restrictionProblems(calendar.raw, text: text) + events
        }
        guard let libical = waiting ? LibicalGate.run(check) : LibicalGate.runIfAvailable(check) else { return nil }
        return lineProblems(in: ics) + libical
    }

    /// Every VEVENT's occurrences, expanded by libical's recurrence iterator with its EXDATEs
    /// removed by libical, as local wall-clock starts in the event's own zone, keyed by UID.
    /// Empty if libical cannot parse `ics`.
    public static func expandedStarts(in ics: Data) -> [String: [LocalDateTime]] {
        guard let text = String(validating: ics, as: UTF8.self) else { return [:] }
        return LibicalGate.run {
            guard let calendar = Component.parse(text) else { return [:] }
            var result: [String: [LocalDateTime]] = [:]
            for event in LibicalTree.children(of: calendar.raw, ICAL_VEVENT_COMPONENT) {
                if let expansion = Expansion(event: event) {
                    result[expansion.uid, default: []] += expansion.kept
                }
            }
            return result
        }
    }

    // MARK: - The text

    static func lineProblems(in ics: Data) -> [String] {
        // Over the raw bytes: Data's own subscript is several times slower per byte, and this
        // walks the whole coordinator's file.
        ics.withUnsafeBytes { lineProblems(in: $0) }
    }

    static func lineProblems(in ics: UnsafeRawBufferPointer) -> [String] {
        var problems: [String] = []
        var line = 1
        var lineStart = ics.startIndex
        var previous: UInt8?
        var trailingBackslashes = 0
        var previousLineEndsInEscape = false
        for index in ics.indices {
            let byte = ics[index]
            if previous == 0x0D, byte != 0x0A {
                problems.append("Line \(line) has a carriage return without a line feed.")
            }
            if index == lineStart, byte == 0x20 || byte == 0x09, previousLineEndsInEscape {
                // Legal, but some Outlook versions misread the value (libical 3.0 folds this way
                // when a long run of text has no space to fold at).
                problems.append("Line \(line - 1) folds inside a backslash escape; give the long text a space.")
            }
            if byte == 0x0A {
                if previous != 0x0D { problems.append("Line \(line) ends with a bare line feed, not CRLF.") }
                let length = index - lineStart - (previous == 0x0D ? 1 : 0)
                if length > 75 { problems.append("Line \(line) is \(length) octets long; the limit is 75.") }
                previousLineEndsInEscape = !trailingBackslashes.isMultiple(of: 2)
                line += 1
                lineStart = index + 1
            }
            if byte == 0x5C {
                trailingBackslashes += 1
            } else if byte != 0x0D {
                trailingBackslashes = 0
            }
            previous = byte
        }
        if !ics.isEmpty, previous != 0x0A { problems.append("The file does not end with CRLF.") }
        if problems.count > 20 {
            problems = Array(problems.prefix(20)) + ["… and \(problems.count - 20) more line problems."]
        }
        return problems
    }

    static func firstDifferingLine(_ left: String, _ right: String) -> Int {
        let leftLines = left.split(separator: "\r\n", omittingEmptySubsequences: false)
        let rightLines = right.split(separator: "\r\n", omittingEmptySubsequences: false)
        let common = min(leftLines.count, rightLines.count)
        return ((0..<common).first { leftLines[$0] != rightLines[$0] } ?? common) + 1
    }

    // MARK: - libical's view (run inside the gate)

    static func calendarPropertyProblems(_ calendar: OpaquePointer) -> [String] {
        var problems: [String] = []
        let version = LibicalTree.properties(of: calendar, ICAL_VERSION_PROPERTY).first.map(LibicalTree.value(of:))
        if version != "2.0" { problems.append("VERSION is \(version ?? "missing"), not 2.0.") }
        if LibicalTree.properties(of: calendar, ICAL_PRODID_PROPERTY).isEmpty { problems.append("PRODID is missing.") }
        if LibicalTree.properties(of: calendar, ICAL_METHOD_PROPERTY).isEmpty { problems.append("METHOD is missing.") }
        return problems
    }

    /// `icalrestriction_check` on a copy of the calendar holding one component at a time.
    ///
    /// libical's check of the whole calendar passes only if every component passes (it stops at
    /// the first failure), and components with the same ``RestrictionSignature`` pass or fail
    /// alike. So a good file costs one check of `calendar` with one component of each signature
    /// left in it (the rest are freed; the check may add X-LIC-ERROR properties): a handful of
    /// components for a coordinator's file of thousands, at about 70 µs each. Only a failing
    /// file is parsed again from `text` and checked one component at a time, for a message
    /// about each bad component.
    static func restrictionProblems(_ calendar: OpaquePointer, text: String) -> [String] {
        RestrictionSignature.keepFirstOfEach(in: calendar)
        if icalrestriction_check(calendar) != 0 { return [] }
        guard let fresh = Component.parse(text) else { return ["libical cannot parse the file again."] }
        return restrictionProblems(fresh.raw)
    }

    static func restrictionProblems(_ calendar: OpaquePointer) -> [String] {
        var problems: [String] = []
        let calendarProperties = LibicalTree.properties(of: calendar).filter { icalproperty_isa($0) != ICAL_XLICERROR_PROPERTY }
        for child in LibicalTree.children(of: calendar) {
            guard let wrapper = Component.calendar(copying: calendarProperties), let copy = icalcomponent_new_clone(child)
            else {
                problems.append("libical could not copy a component to check it.")
                continue
            }
            wrapper.append(Component(adopting: copy))
            if icalrestriction_check(wrapper.raw) == 0 {
                let label = label(of: child)
                let errors = LibicalTree.errors(in: wrapper.raw)
                problems +=
                    errors.isEmpty ? ["\(label) fails libical's RFC 5546 restrictions."] : errors.map { "\(label): \($0)" }
            }
        }
        return problems
    }

    static func label(of component: OpaquePointer) -> String {
        let kind = LibicalTree.kindName(of: component)
        if let uid = LibicalTree.string(icalcomponent_get_uid(component)) { return "\(kind) \(uid)" }
        if let tzid = LibicalTree.properties(of: component, ICAL_TZID_PROPERTY).first.map(LibicalTree.value(of:)) {
            return "\(kind) \(tzid)"
        }
        return kind
    }

    static func eventProblems(_ calendar: OpaquePointer) -> [String] {
        var problems: [String] = []
        let zones = LibicalTree.children(of: calendar, ICAL_VTIMEZONE_COMPONENT)
        let defined = Set(
            zones.compactMap { LibicalTree.properties(of: $0, ICAL_TZID_PROPERTY).first.map(LibicalTree.value(of:)) })
        var uids = Set<String>()
        var yearsByZone: [String: ClosedRange<Int>] = [:]
        let isCancel =
            LibicalTree.properties(of: calendar, ICAL_METHOD_PROPERTY).first.map(LibicalTree.value(of:)) == "CANCEL"
        for event in LibicalTree.children(of: calendar, ICAL_VEVENT_COMPONENT) {
            let label = label(of: event)
            problems += alarmProblems(event, label: label, isCancel: isCancel)
            if let uid = LibicalTree.string(icalcomponent_get_uid(event)) {
                if !uids.insert(uid).inserted { problems.append("UID \(uid) is used by two events.") }
            } else {
                problems.append("A VEVENT has no UID.")
            }
            for property in LibicalTree.properties(of: event) {
                let name = LibicalTree.name(of: property)
                let tzid = LibicalTree.parameter("TZID", of: property)
                if let tzid, !defined.contains(tzid) {
                    problems.append("\(label): \(name) names TZID \(tzid), which has no VTIMEZONE.")
                }
                switch icalproperty_isa(property) {
                case ICAL_DTSTAMP_PROPERTY where !icalproperty_get_dtstamp(property).isUTC:
                    problems.append("\(label): DTSTAMP is not in UTC.")
                case ICAL_DTSTART_PROPERTY, ICAL_DTEND_PROPERTY, ICAL_EXDATE_PROPERTY:
                    let time: icaltimetype
                    switch icalproperty_isa(property) {
                    case ICAL_DTSTART_PROPERTY: time = icalproperty_get_dtstart(property)
                    case ICAL_DTEND_PROPERTY: time = icalproperty_get_dtend(property)
                    default: time = icalproperty_get_exdate(property)
                    }
                    if tzid == nil, !time.isUTC, time.is_date == 0 {
                        problems.append("\(label): \(name) is a floating time (no TZID).")
                    }
                case ICAL_RRULE_PROPERTY:
                    let until = icalproperty_get_rrule(property).until
                    if !until.isNull, !until.isUTC { problems.append("\(label): the RRULE's UNTIL is not in UTC.") }
                default: break
                }
            }
            guard let expansion = Expansion(event: event) else {
                problems.append("\(label) has no DTSTART.")
                continue
            }
            if expansion.isUnbounded { problems.append("\(label): the RRULE has no end (COUNT or UNTIL).") }
            if expansion.kept.isEmpty { problems.append("\(label) has no occurrence left.") }
            for exception in expansion.exceptions {
                if exception.tzid != expansion.startTZID {
                    problems.append("\(label): an EXDATE's TZID \(exception.tzid ?? "none") differs from DTSTART's.")
                } else if !expansion.generated.contains(exception.time) {
                    problems.append("\(label): the EXDATE \(exception.time.date.iso) is not at an occurrence's start.")
                }
            }
            if let tzid = expansion.startTZID, let first = expansion.generated.first, let last = expansion.generated.last {
                let known = yearsByZone[tzid]
                yearsByZone[tzid] =
                    min(known?.lowerBound ?? first.year, first.year)...max(known?.upperBound ?? last.year, last.year)
            }
        }
        for zone in zones {
            guard let tzid = LibicalTree.properties(of: zone, ICAL_TZID_PROPERTY).first.map(LibicalTree.value(of:)),
                let years = yearsByZone[tzid]
            else { continue }
            if let mismatch = systemZoneMismatch(zone, tzid: tzid, years: years) { problems.append(mismatch) }
        }
        return problems
    }

    /// A VALARM needs ACTION and TRIGGER, and a DISPLAY one a DESCRIPTION, or clients drop it;
    /// RFC 5546 allows none in a CANCEL.
    static func alarmProblems(_ event: OpaquePointer, label: String, isCancel: Bool) -> [String] {
        let alarms = LibicalTree.children(of: event, ICAL_VALARM_COMPONENT)
        if isCancel, !alarms.isEmpty { return ["\(label): a cancellation carries a VALARM."] }
        var problems: [String] = []
        for alarm in alarms {
            let action = LibicalTree.properties(of: alarm, ICAL_ACTION_PROPERTY).first.map(LibicalTree.value(of:))
            if action == nil || LibicalTree.properties(of: alarm, ICAL_TRIGGER_PROPERTY).isEmpty {
                problems.append("\(label): a VALARM has no ACTION or no TRIGGER.")
            }
            if action == "DISPLAY", LibicalTree.properties(of: alarm, ICAL_DESCRIPTION_PROPERTY).isEmpty {
                problems.append("\(label): a DISPLAY VALARM has no DESCRIPTION.")
            }
        }
        return problems
    }

    /// Verdicts of ``systemZoneMismatch(_:tzid:years:)`` by VTIMEZONE text and years. Every file of
    /// a programme carries the same VTIMEZONE; comparing it with the system zone once, not once
    /// per file, keeps checking thousands of per-person files cheap. Only touched under the
    /// libical lock.
    nonisolated(unsafe) private static var zoneVerdicts: [String: String?] = [:]

    /// Compares a VTIMEZONE, as libical evaluates it, with the system zone of the same name
    /// (memoised per VTIMEZONE text and years).
    static func systemZoneMismatch(_ vtimezone: OpaquePointer, tzid: String, years: ClosedRange<Int>) -> String? {
        let text = takeLibicalString(icalcomponent_as_ical_string_r(vtimezone)) ?? ""
        let key = "\(years.lowerBound)-\(years.upperBound)\n" + text
        if let verdict = zoneVerdicts[key] { return verdict }
        let verdict = compareWithSystemZone(vtimezone, tzid: tzid, years: years)
        zoneVerdicts[key] = verdict
        return verdict
    }

    private static func compareWithSystemZone(_ vtimezone: OpaquePointer, tzid: String, years: ClosedRange<Int>) -> String? {
        guard let system = TimeZone(identifier: tzid) else {
            return "VTIMEZONE \(tzid) is not a zone this system knows, so it cannot be checked."
        }
        guard let zone = try? Zone(cloning: vtimezone) else { return "libical cannot install VTIMEZONE \(tzid)." }
        let start = LocalDate(year: years.lowerBound, month: 1, day: 1).dayNumber * 86_400
        let end = LocalDate(year: years.upperBound + 1, month: 1, day: 1).dayNumber * 86_400
        var mismatches = 0
        var first: Int?
        for second in stride(from: start, to: end, by: 900) {
            var time = icaltimetype.utc(secondsSince1970: second)
            var isDaylight: Int32 = 0
            let offset = icaltimezone_get_utc_offset_of_utc_time(zone.raw, &time, &isDaylight)
            if Int(offset) != system.secondsFromGMT(atSecondsSince1970: second) {
                mismatches += 1
                if first == nil { first = second }
            }
        }
        guard let first else { return nil }
        let when = Date(timeIntervalSince1970: TimeInterval(first)).formatted(.iso8601)
        return "VTIMEZONE \(tzid) disagrees with the system zone at \(mismatches) quarter-hours of "
            + "\(years.lowerBound)–\(years.upperBound), first at \(when)."
    }
}
