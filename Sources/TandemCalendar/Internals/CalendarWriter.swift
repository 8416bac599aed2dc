import CLibical
import Foundation

extension CalendarPlan {
    static let productID = "-//Tandem//Reverse mentoring calendar//EN"

    /// What ends every calendar, as libical writes it: the opening piece is libical's
    /// serialisation of the calendar without its events, less this.
    static let closing = "END:VCALENDAR\r\n"

    /// The calendar as libical serialises it, put together from libical-serialised pieces
    /// (see ``CalendarPieces``): the opening, each event's VEVENT, and the closing. Run inside
    /// ``LibicalGate/runUnshared(_:)`` (or ``LibicalGate/run(_:)``): it must keep to what the
    /// former allows.
    func serialised(sharing pieces: CalendarPieces) throws(CalendarError) -> String {
        let opening = try pieces.text(for: .opening(method: method, name: calendarName, zone: zone)) {
            () throws(CalendarError) in try openingText()
        }
        // libical writes a calendar as its opening, each VEVENT's own serialisation and the closing.
        var text = opening
        text.reserveCapacity(opening.utf8.count + events.count * 1_500 + Self.closing.utf8.count)
        let tzid = zone.identifier
        let isCancelled = method == .cancel
        for event in events {
            if event.isSameInEveryFile {
                text += try pieces.text(for: .event(event, tzid: tzid, organizer: organizer, isCancelled: isCancelled)) {
                    () throws(CalendarError) in
                    try event.component(tzid: tzid, organizer: organizer, isCancelled: isCancelled).serialised()
                }
            } else {
                try event.appendSerialised(
                    to: &text, tzid: tzid, organizer: organizer, isCancelled: isCancelled, sharing: pieces)
            }
        }
        text += Self.closing
        return text
    }

    /// libical's serialisation of the calendar's properties and VTIMEZONE: the calendar
    /// without events, less its closing line.
    private func openingText() throws(CalendarError) -> String {
        let calendar = try Component(ICAL_VCALENDAR_COMPONENT)
        calendar.append(try Property(icalproperty_new_prodid(Self.productID), call: "icalproperty_new_prodid"))
        calendar.append(try Property(icalproperty_new_version("2.0"), call: "icalproperty_new_version"))
        calendar.append(try Property(icalproperty_new_calscale("GREGORIAN"), call: "icalproperty_new_calscale"))
        let libicalMethod =
            switch method {
            case .publish: ICAL_METHOD_PUBLISH
            case .request: ICAL_METHOD_REQUEST
            case .cancel: ICAL_METHOD_CANCEL
            }
        calendar.append(try Property(icalproperty_new_method(libicalMethod), call: "icalproperty_new_method"))
        if !calendarName.isEmpty {
            let name = try Property(icalproperty_new_x(calendarName), call: "icalproperty_new_x")
            icalproperty_set_x_name(name.raw, "X-WR-CALNAME")
            calendar.append(name)
        }
        calendar.append(try zone.component())
        let text = try calendar.serialised()
        guard text.utf8.count >= Self.closing.utf8.count,
            text.utf8.suffix(Self.closing.utf8.count).elementsEqual(Self.closing.utf8)
        else {
            throw .libical(call: "icalcomponent_as_ical_string_r", message: "the calendar does not end with END:VCALENDAR")
        }
        return String(decoding: text.utf8.dropLast(Self.closing.utf8.count), as: UTF8.self)
    }
}

extension CalendarPlan.Event {
    /// The VEVENT, its times in the VTIMEZONE named `tzid`.
    func component(tzid: String, organizer: CalendarPlan.Contact, isCancelled: Bool) throws(CalendarError) -> Component {
        let event = try Component(ICAL_VEVENT_COMPONENT)
        try addLeadingProperties(tzid: tzid) { event.append($0) }
        event.append(try descriptionProperty())
        event.append(try Self.organizerProperty(organizer))
        try addAttendees { event.append($0) }
        try addTrailingProperties(isCancelled: isCancelled) { event.append($0) }
        for minutes in reminderMinutes {
            event.append(try Self.alarm(minutesBefore: minutes, text: summary))
        }
        return event
    }

    /// The VEVENT's text as libical serialises ``component(tzid:organizer:isCancelled:)``,
    /// put together from libical's serialisation of each property and alarm (libical writes a
    /// component as its BEGIN line, its properties, its sub-components and its END line). The
    /// parts a series has alike in every file of a batch (its times, rule, summary and place;
    /// its sequence, status and reminders; the organizer) are serialised once and shared
    /// through `pieces`: a programme's series each appear in the coordinator's file, both
    /// people's files and an invitation, each with its own description.
    func appendSerialised(
        to text: inout String, tzid: String, organizer: CalendarPlan.Contact, isCancelled: Bool,
        sharing pieces: CalendarPieces
    ) throws(CalendarError) {
        let frame = try pieces.text(for: .emptyEvent) { () throws(CalendarError) in
            try Component(ICAL_VEVENT_COMPONENT).serialised()
        }
        // "BEGIN:VEVENT\r\n", then "END:VEVENT\r\n", as libical writes them.
        guard let lineEnd = frame.utf8.firstIndex(of: UInt8(ascii: "\n")) else {
            throw .libical(call: "icalcomponent_as_ical_string_r", message: "an empty VEVENT has no line end")
        }
        let split = frame.utf8.index(after: lineEnd)
        text += frame[..<split]
        text += try pieces.text(for: .leadingProperties(leading, tzid: tzid)) { () throws(CalendarError) in
            var text = ""
            try addLeadingProperties(tzid: tzid) { (property) throws(CalendarError) in text += try property.serialised() }
            return text
        }
        text += try descriptionProperty().serialised()
        text += try pieces.text(for: .organizer(organizer)) { () throws(CalendarError) in
            try Self.organizerProperty(organizer).serialised()
        }
        try addAttendees { (property) throws(CalendarError) in text += try property.serialised() }
        text += try pieces.text(for: .trailingProperties(trailing, isCancelled: isCancelled)) {
            () throws(CalendarError) in
            var text = ""
            try addTrailingProperties(isCancelled: isCancelled) { (property) throws(CalendarError) in
                text += try property.serialised()
            }
            for minutes in reminderMinutes {
                text += try Self.alarm(minutesBefore: minutes, text: summary).serialised()
            }
            return text
        }
        text += frame[split...]
    }

    /// UID, DTSTAMP, DTSTART, DTEND, RRULE, EXDATEs, SUMMARY, LOCATION and URL, in that order.
    private func addLeadingProperties(
        tzid: String, to add: (consuming Property) throws(CalendarError) -> Void
    ) throws(CalendarError) {
        try add(try Property(icalproperty_new_uid(uid), call: "icalproperty_new_uid"))
        try add(try Property(icalproperty_new_dtstamp(.utc(stamp)), call: "icalproperty_new_dtstamp"))
        // Each time carries its TZID parameter: a time alone would be written floating. (This is
        // what icalcomponent_set_dtstart writes for a time in a zone, without installing the
        // zone in libical for every file.)
        let dtstart = try Property(icalproperty_new_dtstart(.local(start, in: nil)), call: "icalproperty_new_dtstart")
        try dtstart.add(parameter: icalparameter_new_tzid(tzid), call: "icalparameter_new_tzid")
        try add(dtstart)
        let dtend = try Property(icalproperty_new_dtend(.local(end, in: nil)), call: "icalproperty_new_dtend")
        try dtend.add(parameter: icalparameter_new_tzid(tzid), call: "icalparameter_new_tzid")
        try add(dtend)
        if let recurrence {
            try add(try Property(icalproperty_new_rrule(recurrence.libicalRule), call: "icalproperty_new_rrule"))
        }
        for exception in exceptions {
            let exdate = try Property(icalproperty_new_exdate(.local(exception, in: nil)), call: "icalproperty_new_exdate")
            try exdate.add(parameter: icalparameter_new_tzid(tzid), call: "icalparameter_new_tzid")
            try add(exdate)
        }
        try add(try Property(icalproperty_new_summary(summary), call: "icalproperty_new_summary"))
        // An online pair's link is its location, and its URL, unless libical cannot fold it
        // (then the location text stands, and the description still has the link).
        let linkLocation = try link.map { link throws(CalendarError) in
            try Property(icalproperty_new_location(link), call: "icalproperty_new_location")
        }
        if let linkLocation, let link, !Self.breaksItsLineEnd(linkLocation) {
            try add(linkLocation)
            try add(try Property(icalproperty_new_url(link), call: "icalproperty_new_url"))
        } else if !location.isEmpty {
            try add(try Property(icalproperty_new_location(location), call: "icalproperty_new_location"))
        }
    }

    private func descriptionProperty() throws(CalendarError) -> Property {
        try Property(icalproperty_new_description(description), call: "icalproperty_new_description")
    }

    private static func organizerProperty(_ organizer: CalendarPlan.Contact) throws(CalendarError) -> Property {
        let property = try Property(
            icalproperty_new_organizer(mailto(organizer.email)), call: "icalproperty_new_organizer")
        if !organizer.name.isEmpty {
            try property.add(parameter: icalparameter_new_cn(organizer.name), call: "icalparameter_new_cn")
        }
        return property
    }

    private func addAttendees(to add: (consuming Property) throws(CalendarError) -> Void) throws(CalendarError) {
        for attendee in attendees {
            let property = try Property(icalproperty_new_attendee(Self.mailto(attendee.email)), call: "icalproperty_new_attendee")
            if !attendee.name.isEmpty {
                try property.add(parameter: icalparameter_new_cn(attendee.name), call: "icalparameter_new_cn")
            }
            try property.add(parameter: icalparameter_new_role(ICAL_ROLE_REQPARTICIPANT), call: "icalparameter_new_role")
            try property.add(parameter: icalparameter_new_rsvp(ICAL_RSVP_TRUE), call: "icalparameter_new_rsvp")
            try add(property)
        }
    }

    /// SEQUENCE and STATUS (the reminders follow them, as the VEVENT's sub-components).
    private func addTrailingProperties(
        isCancelled: Bool, to add: (consuming Property) throws(CalendarError) -> Void
    ) throws(CalendarError) {
        try add(try Property(icalproperty_new_sequence(Int32(sequence)), call: "icalproperty_new_sequence"))
        let status = isCancelled ? ICAL_STATUS_CANCELLED : ICAL_STATUS_CONFIRMED
        try add(try Property(icalproperty_new_status(status), call: "icalproperty_new_status"))
    }

    /// A reminder `minutes` before the start: a DISPLAY alarm with a relative TRIGGER
    /// (`-P1D`, `-PT1H`), which recurring events repeat for every occurrence. Apple Calendar
    /// and Outlook honour it; Google Calendar ignores alarms in imported files.
    static func alarm(minutesBefore minutes: Int, text: String) throws(CalendarError) -> Component {
        let alarm = try Component(ICAL_VALARM_COMPONENT)
        alarm.append(try Property(icalproperty_new_action(ICAL_ACTION_DISPLAY), call: "icalproperty_new_action"))
        let trigger = icaltriggertype_from_int(Int32(-60 * minutes))
        alarm.append(try Property(icalproperty_new_trigger(trigger), call: "icalproperty_new_trigger"))
        alarm.append(try Property(icalproperty_new_description(text), call: "icalproperty_new_description"))
        return alarm
    }

    /// Whether libical folds `property` between the CR and LF that end it, which breaks the
    /// file. libical 3.0 folds after the last space, `;` or `:` within 74 octets, and a part
    /// with none at the 74th octet; when the last part is 73 octets with none (a long link),
    /// that octet is the CR. Only a value with such a long run is serialised to find out.
    /// A space after the value would give the fold a place, but parsers drop it, so the file
    /// would not read back as written: a link that breaks is left out of LOCATION and URL.
    static func breaksItsLineEnd(_ property: borrowing Property) -> Bool {
        guard let value = icalproperty_get_value(property.raw),
            let text = takeLibicalString(icalvalue_as_ical_string_r(value))
        else { return false }
        var run = 0
        for byte in text.utf8.reversed() {
            if byte == UInt8(ascii: " ") || byte == UInt8(ascii: ";") || byte == UInt8(ascii: ":") { break }
            run += 1
        }
        guard run >= 70 else { return false }
        let line = Array((takeLibicalString(icalproperty_as_ical_string_r(property.raw)) ?? "").utf8)
        return zip(line, line.dropFirst()).contains { $0 == 0x0D && $1 != 0x0A }
    }

    static func mailto(_ address: String) -> String {
        address.lowercased().hasPrefix("mailto:") ? address : "mailto:" + address
    }
}

extension CalendarPlan.Recurrence {
    var libicalRule: icalrecurrencetype {
        switch self {
        case .weekly(let interval, let count):
            tandem_recurrence(ICAL_WEEKLY_RECURRENCE, Int32(interval), Int32(count), 0, 0)
        case .monthly(let weekday, let ordinal, let count):
            tandem_recurrence(ICAL_MONTHLY_RECURRENCE, 1, Int32(count), 0, tandem_encode_by_day(weekday.libical, Int32(ordinal)))
        }
    }
}
