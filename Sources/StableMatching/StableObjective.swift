/// Which stable matching ``OptimalStableMatching`` returns.
///
/// Every objective picks one matching from the lattice of stable matchings, so the result is
/// always stable and, by the rural hospitals theorem, matches the same residents and fills each
/// hospital to the same number whatever the objective.
public enum StableObjective: String, Sendable, Hashable, Codable, CaseIterable {
    /// The best stable matching for every resident (residents propose).
    case residentOptimal
    /// The best stable matching for every hospital (hospitals propose).
    case hospitalOptimal
    /// The stable matching with the largest total ``PairWeights``.
    case weighted
    /// The stable matching with the smallest sum of ranks on both sides: the weighted optimum
    /// for ``PairWeights/rankSum(_:)``.
    case egalitarian
    /// The stable matching whose worst rank, over residents and the residents each hospital
    /// holds, is smallest.
    case minimumRegret
}
