/// One side of a two-sided many-to-one market.
///
/// Residents hold at most one place; hospitals hold up to their capacity. The names are the
/// literature's (the hospitals/residents problem), not a statement about the domain.
public enum Side: String, Sendable, Hashable, Codable, CaseIterable {
    /// The side whose members are matched to at most one partner.
    case resident
    /// The side whose members have a capacity.
    case hospital
}
