/// How counts about people are made safe to share: small counts hidden, others rounded.
///
/// The default is NHS Digital's rule for sub-national counts of individuals: 1 to 7 shown as
/// `*`, every other count rounded to the nearest 5 (0 stays 0).
public struct DisclosureRule: Sendable, Hashable {
    /// Counts from 1 up to one below this are suppressed.
    public var suppressBelow: Int
    /// Other counts are rounded to the nearest multiple of this (1 = not rounded).
    public var roundTo: Int

    public init(suppressBelow: Int = 8, roundTo: Int = 5) {
        self.suppressBelow = suppressBelow
        self.roundTo = roundTo
    }
}

/// The report's settings from the configuration's `report` section.
public struct ReportSettings: Sendable, Hashable {
    public var disclosure: DisclosureRule
    /// Organisation name (as written) → type, overriding ``OrganisationType/classify(_:side:)``.
    public var organisationTypes: [String: OrganisationType]

    public init(disclosure: DisclosureRule = DisclosureRule(), organisationTypes: [String: OrganisationType] = [:]) {
        self.disclosure = disclosure
        self.organisationTypes = organisationTypes
    }

    /// The type of `organisation`: the configured one, else the rule's.
    public func type(of organisation: String, side: CohortSide) -> OrganisationType {
        let key = TextKey.normalise(organisation)
        if let configured = organisationTypes.first(where: { TextKey.normalise($0.key) == key })?.value {
            return configured
        }
        return OrganisationType.classify(organisation, side: side)
    }
}
