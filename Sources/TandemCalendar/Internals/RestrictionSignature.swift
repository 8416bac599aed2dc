import CLibical

/// All that libical's RFC 5546 restriction check can see of a component: two components with
/// the same signature, in calendars with the same METHOD, pass or fail it alike and get the
/// same messages.
///
/// In libical 3.0.16 (`icalrestriction.c.in`), `icalrestriction_check` checks the calendar and
/// each component directly inside it. For a component it counts the properties of each kind
/// and calls a table's function on the first property of some kinds; those functions read only
/// a STATUS or ACTION value and whether the component has a DURATION, DTEND or REPEAT. The
/// signature is more than that, so that a later libical reading more of the tree is less
/// likely to be fooled: every property's kind in order, the STATUS and ACTION values, and the
/// same of every component inside (a VALARM's ACTION among them).
/// `RestrictionSignatureTests` holds the installed libical to that premise.
struct RestrictionSignature: Hashable {
    /// The component's kind, its properties' kinds, then each sub-component's the same way,
    /// each component closed by `end`.
    private var kinds: [UInt32] = []
    /// The STATUS and ACTION values, in the order of `kinds`.
    private var values: [String] = []

    private static let componentFlag: UInt32 = 1 << 31
    private static let end = UInt32.max

    /// Run inside ``LibicalGate/run(_:)``.
    init(of component: OpaquePointer) {
        append(component)
    }

    private mutating func append(_ component: OpaquePointer) {
        kinds.append(Self.componentFlag | icalcomponent_isa(component).rawValue)
        for property in LibicalTree.properties(of: component) {
            let kind = icalproperty_isa(property)
            kinds.append(kind.rawValue)
            if kind == ICAL_STATUS_PROPERTY || kind == ICAL_ACTION_PROPERTY { values.append(LibicalTree.value(of: property)) }
        }
        for child in LibicalTree.children(of: component) { append(child) }
        kinds.append(Self.end)
    }

    /// Frees every component directly inside `calendar` whose signature an earlier one has, so
    /// that the restriction check of what is left gives the verdict of the whole calendar.
    /// Run inside ``LibicalGate/run(_:)``.
    /// - Complexity: O(n × k) for n components of k signatures (libical finds a component to
    ///   remove by walking the list from the start, past the k kept).
    static func keepFirstOfEach(in calendar: OpaquePointer) {
        var seen = Set<RestrictionSignature>()
        for child in LibicalTree.children(of: calendar) where !seen.insert(RestrictionSignature(of: child)).inserted {
            icalcomponent_remove_component(calendar, child)
            icalcomponent_free(child)
        }
    }
}
