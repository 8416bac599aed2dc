import CLibical

/// Read-only walks over components libical owns (inside a parsed calendar).
///
/// Each walk collects pointers first: libical keeps one iterator inside each component, which
/// any nested walk or lookup on the same component would reset.
enum LibicalTree {
    static func children(of component: OpaquePointer, _ kind: icalcomponent_kind = ICAL_ANY_COMPONENT) -> [OpaquePointer] {
        var result: [OpaquePointer] = []
        var child = icalcomponent_get_first_component(component, kind)
        while let current = child {
            result.append(current)
            child = icalcomponent_get_next_component(component, kind)
        }
        return result
    }

    /// `component` and every component below it, depth first.
    static func subtree(of component: OpaquePointer) -> [OpaquePointer] {
        [component] + children(of: component).flatMap { subtree(of: $0) }
    }

    static func properties(of component: OpaquePointer, _ kind: icalproperty_kind = ICAL_ANY_PROPERTY) -> [OpaquePointer] {
        var result: [OpaquePointer] = []
        var property = icalcomponent_get_first_property(component, kind)
        while let current = property {
            result.append(current)
            property = icalcomponent_get_next_property(component, kind)
        }
        return result
    }

    static func name(of property: OpaquePointer) -> String {
        takeLibicalString(icalproperty_get_property_name_r(property)) ?? ""
    }

    static func kindName(of component: OpaquePointer) -> String {
        guard let name = icalcomponent_kind_to_string(icalcomponent_isa(component)) else { return "component" }
        return String(cString: name)
    }

    /// A parameter's value as written (`TZID`, `ROLE`...), without quotes but still RFC 6868
    /// encoded (`^'` for a double quote: use `icalparameter_get_cn` for names); `nil` if absent.
    static func parameter(_ name: String, of property: OpaquePointer) -> String? {
        takeLibicalString(icalproperty_get_parameter_as_string_r(property, name))
    }

    /// The value as libical writes it (TEXT escaped).
    static func value(of property: OpaquePointer) -> String {
        takeLibicalString(icalproperty_get_value_as_string_r(property)) ?? ""
    }

    static func string(_ text: UnsafePointer<CChar>?) -> String? {
        text.map { String(cString: $0) }
    }

    /// The X-LIC-ERROR texts anywhere in the tree.
    static func errors(in component: OpaquePointer) -> [String] {
        subtree(of: component).flatMap { node in
            properties(of: node, ICAL_XLICERROR_PROPERTY).map {
                "\(kindName(of: node)): \(string(icalproperty_get_xlicerror($0)) ?? "")"
            }
        }
    }
}
