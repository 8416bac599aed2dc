/// A resident–hospital pair, as reported by ``StabilityVerifier``.
///
/// Used both for pairs that block a matching and for matched pairs that are not mutually
/// acceptable. Pairs order by resident, then hospital.
public struct BlockingPair: Sendable, Hashable, Codable, Comparable, CustomStringConvertible {
    /// The resident index.
    public let resident: Int32
    /// The hospital index.
    public let hospital: Int32

    /// Creates a pair.
    ///
    /// - Complexity: O(1).
    public init(resident: Int32, hospital: Int32) {
        self.resident = resident
        self.hospital = hospital
    }

    public static func < (lhs: BlockingPair, rhs: BlockingPair) -> Bool {
        (lhs.resident, lhs.hospital) < (rhs.resident, rhs.hospital)
    }

    public var description: String { "(resident \(resident), hospital \(hospital))" }
}
