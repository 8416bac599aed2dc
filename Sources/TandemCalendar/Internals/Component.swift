import CLibical

/// An icalcomponent this code owns: freed on deinit unless handed to a parent with
/// ``Component/append(_:)-(Component)`` (which consumes it).
struct Component: ~Copyable {
    let raw: OpaquePointer

    init(_ kind: icalcomponent_kind) throws(CalendarError) {
        guard let raw = icalcomponent_new(kind) else {
            throw .libical(call: "icalcomponent_new", message: LibicalGate.lastError)
        }
        self.raw = raw
    }

    /// Takes ownership of a component nobody else owns (a parse result or a fresh clone).
    init(adopting raw: OpaquePointer) {
        self.raw = raw
    }

    /// Parses one top-level component; `nil` when libical cannot (it may report nothing).
    static func parse(_ text: String) -> Component? {
        guard let raw = icalparser_parse_string(text) else { return nil }
        return Component(adopting: raw)
    }

    /// A new VCALENDAR holding copies of `properties` (a calendar's own), for checking some of
    /// that calendar's components on their own; `nil` when libical cannot make it.
    static func calendar(copying properties: [OpaquePointer]) -> Component? {
        guard let calendar = try? Component(ICAL_VCALENDAR_COMPONENT) else { return nil }
        for property in properties {
            guard let copy = icalproperty_new_clone(property) else { return nil }
            icalcomponent_add_property(calendar.raw, copy)
        }
        return calendar
    }

    deinit {
        icalcomponent_free(raw)
    }

    /// Gives up ownership without freeing: for a caller that hands the pointer on.
    consuming func release() -> OpaquePointer {
        let raw = self.raw
        discard self
        return raw
    }

    /// A deep copy with its own owner.
    func clone() throws(CalendarError) -> Component {
        guard let copy = icalcomponent_new_clone(raw) else {
            throw .libical(call: "icalcomponent_new_clone", message: LibicalGate.lastError)
        }
        return Component(adopting: copy)
    }

    /// Adds `child` as the last sub-component; the parent frees it from now on.
    func append(_ child: consuming Component) {
        icalcomponent_add_component(raw, child.release())
    }

    /// Adds `property` as the last property; the component frees it from now on.
    func append(_ property: consuming Property) {
        icalcomponent_add_property(raw, property.release())
    }

    /// libical's serialisation: CRLF line ends, folded at 75 octets, TEXT escaped.
    func serialised() throws(CalendarError) -> String {
        guard let text = takeLibicalString(icalcomponent_as_ical_string_r(raw)) else {
            throw .libical(call: "icalcomponent_as_ical_string_r", message: LibicalGate.lastError)
        }
        return text
    }
}
