/// An assignment of residents to hospitals, stored as one hospital index per resident.
///
/// A value of `-1` means the resident is unmatched. A matching produced by
/// ``DeferredAcceptance`` is always valid for its instance; one built by hand or read from a
/// file may not be, and ``StabilityVerifier`` reports how.
public struct Matching: Sendable, Hashable, Codable {
    /// For each resident, its hospital index, or `-1` if unmatched.
    public var hospitalOfResident: ContiguousArray<Int32>

    /// Creates a matching from one hospital index (or `-1`) per resident.
    ///
    /// - Complexity: O(1).
    public init(hospitalOfResident: ContiguousArray<Int32>) {
        self.hospitalOfResident = hospitalOfResident
    }

    /// Creates a matching in which all `residentCount` residents are unmatched.
    ///
    /// - Complexity: O(residentCount).
    public init(unmatchedResidentCount residentCount: Int) {
        hospitalOfResident = ContiguousArray(repeating: -1, count: residentCount)
    }

    /// The number of matched residents (entries other than `-1`, whether valid or not).
    ///
    /// - Complexity: O(residents).
    public var pairCount: Int {
        var count = 0
        for hospital in hospitalOfResident where hospital != -1 { count &+= 1 }
        return count
    }

    /// The hospital of `resident`, or `nil` if it is unmatched or not in this matching.
    ///
    /// - Complexity: O(1).
    public func hospital(of resident: Int) -> Int32? {
        guard hospitalOfResident.indices.contains(resident) else { return nil }
        let hospital = hospitalOfResident[resident]
        return hospital == -1 ? nil : hospital
    }

    /// The residents assigned to `hospital`, in the hospital's preference order.
    ///
    /// Only residents on the hospital's list appear; an assignment along an unacceptable pair
    /// is not listed here (``StabilityVerifier`` reports it).
    ///
    /// - Precondition: `hospital` is in `0..<instance.hospitalCount`.
    /// - Complexity: O(length of the hospital's list).
    public func residents(of hospital: Int, in instance: MatchingInstance) -> [Int32] {
        let target = Int32(truncatingIfNeeded: hospital)
        return instance.residents(preferredBy: hospital).filter { resident in
            Int(resident) < hospitalOfResident.count && hospitalOfResident[Int(resident)] == target
        }
    }

    /// The residents of every hospital, each list in increasing resident index.
    ///
    /// Assignments to hospital indices outside `0..<hospitalCount` are left out.
    ///
    /// - Complexity: O(residents + hospitalCount).
    public func assignmentsByHospital(hospitalCount: Int) -> [[Int32]] {
        var assigned = [[Int32]](repeating: [], count: max(hospitalCount, 0))
        for (resident, hospital) in hospitalOfResident.enumerated()
        where hospital >= 0 && Int(hospital) < hospitalCount {
            assigned[Int(hospital)].append(Int32(truncatingIfNeeded: resident))
        }
        return assigned
    }
}
