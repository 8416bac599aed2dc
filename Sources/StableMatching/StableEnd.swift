/// One of the two extreme stable matchings of an instance.
///
/// The stable matchings form a distributive lattice; these are its ends. Every resident weakly
/// prefers its partner in the resident-optimal matching to its partner in any other stable
/// matching, and the hospital-optimal matching is, symmetrically, the worst for residents.
public enum StableEnd: String, Sendable, Hashable, Codable, CaseIterable {
    /// Residents propose: the best stable matching for every resident.
    case residentOptimal
    /// Hospitals propose: the best stable matching for every hospital.
    case hospitalOptimal
}
