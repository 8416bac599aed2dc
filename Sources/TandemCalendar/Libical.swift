import CLibical

/// Facts about the linked libical, the only C library Tandem calls (through this module alone).
public enum Libical {
    /// The libical version compiled against, e.g. `3.0.16`.
    public static var version: String { ICAL_VERSION }

    /// Parses `text` with libical and serialises it again: proof that the library is linked and
    /// working, and the basis of the calendar round-trip checks.
    /// - Returns: libical's serialisation, or `nil` if it could not parse a component.
    public static func roundTrip(_ text: String) -> String? {
        guard let component = icalparser_parse_string(text) else { return nil }
        defer { icalcomponent_free(component) }
        // icalcomponent_as_ical_string returns a buffer libical owns (ring buffer); copy it at once.
        guard let serialised = icalcomponent_as_ical_string(component) else { return nil }
        return String(cString: serialised)
    }
}
