import CLibical
import Foundation
import TandemCore

/// A calendar file as libical reads it back: what clients will see, for tests and reports.
public struct CalendarContents: Sendable, Hashable {
    public struct Participant: Sendable, Hashable {
        /// The CN parameter, decoded (RFC 6868 `^'` back to `"`).
        public var name: String?
        /// The calendar address, such as `mailto:amrit@example.org`.
        public var address: String
        public var role: String?
        public var rsvp: String?
    }

    /// A reminder inside an event.
    public struct Alarm: Sendable, Hashable {
        /// Such as `DISPLAY`.
        public var action: String?
        /// As written, such as `-P1D` or `-PT1H`.
        public var trigger: String?
        public var description: String?
    }

    public struct Event: Sendable, Hashable {
        public var uid: String
        public var summary: String?
        public var location: String?
        public var description: String?
        /// The URL property.
        public var url: String?
        /// The VALARMs, in order.
        public var alarms: [Alarm]
        public var start: LocalDateTime?
        public var startTZID: String?
        public var end: LocalDateTime?
        public var endTZID: String?
        /// The RRULE as libical writes it, such as `FREQ=MONTHLY;COUNT=6;BYDAY=2TU`.
        public var rule: String?
        public var exceptions: [LocalDateTime]
        public var exceptionTZIDs: [String?]
        /// As written, such as `20260105T093000Z`.
        public var stamp: String?
        public var sequence: Int?
        public var status: String?
        public var organizer: Participant?
        public var attendees: [Participant]
        /// Every property name in order, for checks that nothing else is disclosed.
        public var propertyNames: [String]
    }

    public var method: String?
    public var productID: String?
    public var version: String?
    public var calendarScale: String?
    /// X-WR-CALNAME.
    public var name: String?
    /// Component names in order, such as `["VTIMEZONE", "VEVENT", "VEVENT"]`.
    public var componentNames: [String]
    public var timeZoneIDs: [String]
    public var events: [Event]
}

extension CalendarCheck {
    /// Parses `ics` with libical; `nil` if libical cannot.
    public static func contents(of ics: Data) -> CalendarContents? {
        guard let text = String(validating: ics, as: UTF8.self) else { return nil }
        return LibicalGate.run { () -> CalendarContents? in
            guard let calendar = Component.parse(text) else { return nil }
            func first(_ kind: icalproperty_kind, in component: OpaquePointer) -> OpaquePointer? {
                LibicalTree.properties(of: component, kind).first
            }
            let children = LibicalTree.children(of: calendar.raw)
            return CalendarContents(
                method: first(ICAL_METHOD_PROPERTY, in: calendar.raw).map(LibicalTree.value(of:)),
                productID: first(ICAL_PRODID_PROPERTY, in: calendar.raw).map(LibicalTree.value(of:)),
                version: first(ICAL_VERSION_PROPERTY, in: calendar.raw).map(LibicalTree.value(of:)),
                calendarScale: first(ICAL_CALSCALE_PROPERTY, in: calendar.raw).map(LibicalTree.value(of:)),
                name: LibicalTree.properties(of: calendar.raw, ICAL_X_PROPERTY)
                    .first { LibicalTree.string(icalproperty_get_x_name($0)) == "X-WR-CALNAME" }
                    .flatMap { LibicalTree.string(icalproperty_get_x($0)) },
                componentNames: children.map(LibicalTree.kindName(of:)),
                timeZoneIDs: LibicalTree.children(of: calendar.raw, ICAL_VTIMEZONE_COMPONENT).compactMap {
                    first(ICAL_TZID_PROPERTY, in: $0).map(LibicalTree.value(of:))
                },
                events: LibicalTree.children(of: calendar.raw, ICAL_VEVENT_COMPONENT).map(event(from:)))
        }
    }

    static func event(from event: OpaquePointer) -> CalendarContents.Event {
        func first(_ kind: icalproperty_kind) -> OpaquePointer? { LibicalTree.properties(of: event, kind).first }
        func participant(_ property: OpaquePointer, address: UnsafePointer<CChar>?) -> CalendarContents.Participant {
            CalendarContents.Participant(
                name: LibicalTree.string(
                    icalproperty_get_first_parameter(property, ICAL_CN_PARAMETER).flatMap(icalparameter_get_cn)),
                address: LibicalTree.string(address) ?? "",
                role: LibicalTree.parameter("ROLE", of: property), rsvp: LibicalTree.parameter("RSVP", of: property))
        }
        let exdates = LibicalTree.properties(of: event, ICAL_EXDATE_PROPERTY)
        return CalendarContents.Event(
            uid: LibicalTree.string(icalcomponent_get_uid(event)) ?? "",
            summary: LibicalTree.string(icalcomponent_get_summary(event)),
            location: LibicalTree.string(icalcomponent_get_location(event)),
            description: LibicalTree.string(icalcomponent_get_description(event)),
            url: first(ICAL_URL_PROPERTY).map(LibicalTree.value(of:)),
            alarms: LibicalTree.children(of: event, ICAL_VALARM_COMPONENT).map { alarm in
                func value(_ kind: icalproperty_kind) -> String? {
                    LibicalTree.properties(of: alarm, kind).first.map(LibicalTree.value(of:))
                }
                return CalendarContents.Alarm(
                    action: value(ICAL_ACTION_PROPERTY), trigger: value(ICAL_TRIGGER_PROPERTY),
                    description: LibicalTree.properties(of: alarm, ICAL_DESCRIPTION_PROPERTY).first
                        .flatMap { LibicalTree.string(icalproperty_get_description($0)) })
            },
            start: first(ICAL_DTSTART_PROPERTY).map { icalproperty_get_dtstart($0).localDateTime },
            startTZID: first(ICAL_DTSTART_PROPERTY).flatMap { LibicalTree.parameter("TZID", of: $0) },
            end: first(ICAL_DTEND_PROPERTY).map { icalproperty_get_dtend($0).localDateTime },
            endTZID: first(ICAL_DTEND_PROPERTY).flatMap { LibicalTree.parameter("TZID", of: $0) },
            rule: first(ICAL_RRULE_PROPERTY).flatMap { property in
                var rule = icalproperty_get_rrule(property)
                return takeLibicalString(icalrecurrencetype_as_string_r(&rule))
            },
            exceptions: exdates.map { icalproperty_get_exdate($0).localDateTime },
            exceptionTZIDs: exdates.map { LibicalTree.parameter("TZID", of: $0) },
            stamp: first(ICAL_DTSTAMP_PROPERTY).map { icalproperty_get_dtstamp($0).icalText },
            sequence: first(ICAL_SEQUENCE_PROPERTY).map { Int(icalproperty_get_sequence($0)) },
            status: first(ICAL_STATUS_PROPERTY).map(LibicalTree.value(of:)),
            organizer: first(ICAL_ORGANIZER_PROPERTY).map { participant($0, address: icalproperty_get_organizer($0)) },
            attendees: LibicalTree.properties(of: event, ICAL_ATTENDEE_PROPERTY).map {
                participant($0, address: icalproperty_get_attendee($0))
            },
            propertyNames: LibicalTree.properties(of: event).map(LibicalTree.name(of:)))
    }

    /// A VTIMEZONE's UTC offset (seconds east) at each instant, as libical evaluates it.
    /// `nil` if libical cannot parse or install `vtimezone`.
    public static func utcOffsets(ofVTimeZone vtimezone: String, at instants: [Date]) -> [Int]? {
        LibicalGate.run { () -> [Int]? in
            guard let component = Component.parse(vtimezone), let zone = try? Zone(vtimezone: component) else { return nil }
            return instants.map { instant in
                var time = icaltimetype.utc(instant)
                var isDaylight: Int32 = 0
                return Int(icaltimezone_get_utc_offset_of_utc_time(zone.raw, &time, &isDaylight))
            }
        }
    }

    /// The instant libical assigns to each wall-clock time in a VTIMEZONE. `nil` if libical
    /// cannot parse or install `vtimezone`.
    public static func instants(ofVTimeZone vtimezone: String, localTimes: [LocalDateTime]) -> [Date]? {
        LibicalGate.run { () -> [Date]? in
            guard let component = Component.parse(vtimezone), let zone = try? Zone(vtimezone: component) else { return nil }
            return localTimes.map { local in
                var time = icaltimetype.local(local, in: zone)
                var isDaylight: Int32 = 0
                let offset = Int(icaltimezone_get_utc_offset(zone.raw, &time, &isDaylight))
                return Date(timeIntervalSince1970: TimeInterval(local.secondsSince1970 - offset))
            }
        }
    }
}
