import CLibical

/// An icalproperty this code owns: freed on deinit unless appended to a component.
struct Property: ~Copyable {
    let raw: OpaquePointer

    /// Wraps the result of an `icalproperty_new_*` call, which is `nil` only on failure.
    init(_ raw: OpaquePointer?, call: String) throws(CalendarError) {
        guard let raw else { throw .libical(call: call, message: LibicalGate.lastError) }
        self.raw = raw
    }

    deinit {
        icalproperty_free(raw)
    }

    consuming func release() -> OpaquePointer {
        let raw = self.raw
        discard self
        return raw
    }

    /// Adds a parameter made by an `icalparameter_new_*` call; the property frees it from now on.
    func add(parameter: OpaquePointer?, call: String) throws(CalendarError) {
        guard let parameter else { throw .libical(call: call, message: LibicalGate.lastError) }
        icalproperty_add_parameter(raw, parameter)
    }

    /// libical's serialisation of the property line: CRLF ends, folded at 75 octets, TEXT escaped.
    func serialised() throws(CalendarError) -> String {
        guard let text = takeLibicalString(icalproperty_as_ical_string_r(raw)) else {
            throw .libical(call: "icalproperty_as_ical_string_r", message: LibicalGate.lastError)
        }
        return text
    }
}
