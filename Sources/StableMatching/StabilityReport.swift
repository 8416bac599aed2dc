/// What ``StabilityVerifier`` found wrong with a matching, if anything.
public struct StabilityReport: Sendable, Hashable, Codable {
    /// Hospitals holding more residents than their capacity, in increasing index order.
    public var capacityViolations: [Int32]
    /// Matched pairs that are not mutually acceptable, or whose hospital index is out of range,
    /// in increasing resident order.
    public var unacceptablePairs: [BlockingPair]
    /// Pairs that block the matching, sorted by resident, then hospital.
    public var blockingPairs: [BlockingPair]

    /// Creates a report.
    ///
    /// - Complexity: O(1).
    public init(
        capacityViolations: [Int32] = [],
        unacceptablePairs: [BlockingPair] = [],
        blockingPairs: [BlockingPair] = []
    ) {
        self.capacityViolations = capacityViolations
        self.unacceptablePairs = unacceptablePairs
        self.blockingPairs = blockingPairs
    }

    /// Whether the matching respects every capacity and uses only mutually acceptable pairs.
    ///
    /// - Complexity: O(1).
    public var isValid: Bool { capacityViolations.isEmpty && unacceptablePairs.isEmpty }

    /// Whether the matching is valid and no pair blocks it.
    ///
    /// - Complexity: O(1).
    public var isStable: Bool { isValid && blockingPairs.isEmpty }
}
