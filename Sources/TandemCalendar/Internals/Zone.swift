import CLibical

/// An icaltimezone built from one of our VTIMEZONE components (never a built-in zone: those
/// carry the `/freeassociation.sourceforge.net/` TZID and decades of history clients reject).
///
/// A class, not a `~Copyable` struct, because libical time values point at the zone: the
/// writer keeps the instance alive with `withExtendedLifetime` while any such value exists.
final class Zone {
    let raw: OpaquePointer

    /// Installs a copy of `vtimezone`; the zone owns and frees that copy.
    convenience init(vtimezone: borrowing Component) throws(CalendarError) {
        try self.init(cloning: vtimezone.raw)
    }

    /// Installs a copy of a VTIMEZONE owned elsewhere (such as one inside a parsed calendar).
    init(cloning vtimezone: OpaquePointer) throws(CalendarError) {
        guard let copy = icalcomponent_new_clone(vtimezone) else {
            throw .libical(call: "icalcomponent_new_clone", message: LibicalGate.lastError)
        }
        guard let zone = icaltimezone_new() else {
            icalcomponent_free(copy)
            throw .libical(call: "icaltimezone_new", message: LibicalGate.lastError)
        }
        guard icaltimezone_set_component(zone, copy) != 0 else {
            // Refused (no TZID): the copy is still ours.
            icalcomponent_free(copy)
            icaltimezone_free(zone, 1)
            throw .libical(call: "icaltimezone_set_component", message: "the VTIMEZONE has no TZID")
        }
        raw = zone
    }

    deinit {
        icaltimezone_free(raw, 1)
    }

    var tzid: String {
        guard let tzid = icaltimezone_get_tzid(raw) else { return "" }
        return String(cString: tzid)
    }
}
