/// Other spellings of an organisation's name mapped to the one name the programme uses, so that
/// `London Borough of Ealing`, `LBE` and `Ealing Council` count as one employer for the
/// conflict-of-interest rule and in every report.
public struct OrganisationAliases: Sendable, Hashable {
    /// Normalised spelling (``TextKey/normalise(_:)``) → the name to use.
    public private(set) var nameByKey: [String: String] = [:]

    public init() {}

    /// Whether no alias is configured.
    public var isEmpty: Bool { nameByKey.isEmpty }

    /// Declares `aliases` as other spellings of `name` (which also stands for itself).
    /// - Returns: the aliases already declared for a different name, which keep their first name.
    @discardableResult
    public mutating func add(name: String, aliases: [String]) -> [(alias: String, name: String)] {
        var clashes: [(alias: String, name: String)] = []
        for spelling in [name] + aliases {
            let key = TextKey.normalise(spelling)
            guard !key.isEmpty else { continue }
            if let earlier = nameByKey[key], TextKey.normalise(earlier) != TextKey.normalise(name) {
                clashes.append((spelling, earlier))
                continue
            }
            nameByKey[key] = name
        }
        return clashes
    }

    /// The name to use for `spelling`: its configured name, else the spelling as given.
    public func canonical(_ spelling: String) -> String {
        guard !nameByKey.isEmpty else { return spelling }
        return nameByKey[TextKey.normalise(spelling)] ?? spelling
    }

    /// Whether `spelling` is a configured name or alias.
    public func isKnown(_ spelling: String) -> Bool {
        nameByKey[TextKey.normalise(spelling)] != nil
    }
}
