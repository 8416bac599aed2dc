/// Why a ``MatchingInstance`` could not be built from the given lists.
///
/// Every case names the offending person and value so that a caller can translate it into a
/// message about its own input (a file line, a form field).
public enum MatchingInstanceError: Error, Equatable, Sendable {
    /// A list on `side` names a person of the other side that does not exist.
    case indexOutOfRange(side: Side, person: Int, entry: Int32)
    /// A list on `side` names the same person twice.
    case duplicateEntry(side: Side, person: Int, entry: Int32)
    /// A hospital has a negative capacity.
    case negativeCapacity(hospital: Int, capacity: Int32)
    /// The number of capacities differs from the number of hospitals.
    case capacityCountMismatch(expected: Int, got: Int)
    /// A CSR offset array is empty, does not start at 0, decreases, or does not end at the
    /// length of its entry array.
    case malformedOffsets(side: Side)
    /// The people or list entries do not fit the 32-bit indices used internally.
    case tooLarge(count: Int)
}

extension MatchingInstanceError: CustomStringConvertible {
    public var description: String {
        switch self {
        case .indexOutOfRange(let side, let person, let entry):
            return "\(side) \(person) lists \(side.other) \(entry), which does not exist; "
                + "remove the entry or add the missing \(side.other)."
        case .duplicateEntry(let side, let person, let entry):
            return "\(side) \(person) lists \(side.other) \(entry) more than once; "
                + "keep only its best-ranked occurrence."
        case .negativeCapacity(let hospital, let capacity):
            return "hospital \(hospital) has capacity \(capacity); capacities must be 0 or more."
        case .capacityCountMismatch(let expected, let got):
            return
                "\(got) capacities were given for \(expected) hospitals; give exactly one per hospital."
        case .malformedOffsets(let side):
            return "the \(side) list offsets are malformed; they must start at 0, never decrease, "
                + "and end at the number of entries."
        case .tooLarge(let count):
            return "\(count) people or list entries exceed the supported maximum of \(Int32.max)."
        }
    }
}

extension Side {
    /// The opposite side.
    var other: Side {
        switch self {
        case .resident: .hospital
        case .hospital: .resident
        }
    }
}
