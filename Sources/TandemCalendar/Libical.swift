import CLibical

/// Facts about the linked libical, the only C library Tandem calls (through this module alone).
package enum Libical {
    /// The libical version compiled against, e.g. `3.0.16`.
    package static var version: String { ICAL_VERSION }

    /// Parses `text` with libical and serialises it again: proof that the library is linked and
    /// working, and the basis of the calendar round-trip checks.
    /// - Returns: libical's serialisation, or `nil` if it could not parse a component.
    package static func roundTrip(_ text: String) -> String? {
        LibicalGate.run { () -> String? in
            guard let component = Component.parse(text) else { return nil }
            return try? component.serialised()
        }
    }
}
