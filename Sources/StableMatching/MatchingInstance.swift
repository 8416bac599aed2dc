/// A many-to-one two-sided market over dense integer indices, with preference lists in CSR
/// form and only mutually acceptable pairs kept.
///
/// Residents are `0..<residentCount`, hospitals `0..<hospitalCount`. Resident `r`'s list,
/// most preferred first, is `residentLists[residentListStart[r]..<residentListStart[r + 1]]`;
/// hospitals likewise. A pair is acceptable only if each side lists the other, so after
/// construction resident `r` lists hospital `h` exactly when `h` lists `r`. A hospital with
/// capacity 0 is allowed; it accepts no one.
///
/// The arrays are flat `ContiguousArray<Int32>` so that a million residents with ten million
/// entries cost a handful of allocations and stay cache-friendly.
public struct MatchingInstance: Sendable, Equatable {
    /// The number of residents.
    public let residentCount: Int
    /// The number of hospitals.
    public let hospitalCount: Int
    /// The capacity of each hospital, each at least 0.
    public let capacities: ContiguousArray<Int32>
    /// Offsets into ``residentLists``; `residentCount + 1` values starting at 0.
    public let residentListStart: ContiguousArray<Int32>
    /// Hospital indices; each resident's acceptable hospitals, most preferred first.
    public let residentLists: ContiguousArray<Int32>
    /// Offsets into ``hospitalLists``; `hospitalCount + 1` values starting at 0.
    public let hospitalListStart: ContiguousArray<Int32>
    /// Resident indices; each hospital's acceptable residents, most preferred first.
    public let hospitalLists: ContiguousArray<Int32>
    /// How many one-sided entries (on either side) were dropped while building.
    public let droppedEntryCount: Int
    /// For each entry of ``residentLists``, the resident's rank in that hospital's list, when
    /// building found them on the way (no resident entry was dropped); deferred acceptance
    /// then need not compute them again, and `tandem solve` orders each mentor's mentees by
    /// them. Derived from the lists, so not part of equality.
    package let rankAtHospital: ContiguousArray<Int32>?

    /// The number of mutually acceptable pairs (the total list length on either side).
    ///
    /// - Complexity: O(1).
    public var entryCount: Int { residentLists.count }

    /// Builds an instance from one preference list per person.
    ///
    /// A pair is kept only if each side lists the other; one-sided entries are dropped and
    /// counted in ``droppedEntryCount``. The relative order of kept entries is preserved.
    ///
    /// - Parameters:
    ///   - residentPreferences: For each resident, hospital indices, most preferred first.
    ///   - hospitalPreferences: For each hospital, resident indices, most preferred first.
    ///   - capacities: One capacity (0 or more) per hospital.
    /// - Throws: ``MatchingInstanceError`` for an index out of range, a duplicate entry, a
    ///   negative capacity, a capacity count that differs from the hospital count, or sizes
    ///   beyond 32-bit indices.
    /// - Complexity: O(R + H + L) time and memory, where L is the total list length; it uses
    ///   scratch arrays, no dictionaries and no sorting.
    public init(
        residentPreferences: [[Int32]],
        hospitalPreferences: [[Int32]],
        capacities: [Int32]
    ) throws(MatchingInstanceError) {
        let residents = try Self.flatten(residentPreferences)
        let hospitals = try Self.flatten(hospitalPreferences)
        try self.init(
            residentListStart: residents.start,
            residentLists: residents.lists,
            hospitalListStart: hospitals.start,
            hospitalLists: hospitals.lists,
            capacities: ContiguousArray(capacities)
        )
    }

    /// Builds an instance from preference lists already in CSR form.
    ///
    /// The person counts are `residentListStart.count - 1` and `hospitalListStart.count - 1`.
    /// One-sided entries are dropped as in
    /// ``init(residentPreferences:hospitalPreferences:capacities:)``.
    ///
    /// - Parameters:
    ///   - residentListStart: Offsets into `residentLists`, one per resident plus one.
    ///   - residentLists: Hospital indices, each resident's list most preferred first.
    ///   - hospitalListStart: Offsets into `hospitalLists`, one per hospital plus one.
    ///   - hospitalLists: Resident indices, each hospital's list most preferred first.
    ///   - capacities: One capacity (0 or more) per hospital.
    /// - Throws: ``MatchingInstanceError`` for malformed offsets, a capacity problem, an index
    ///   out of range or a duplicate entry (checked in that order, residents before hospitals).
    /// - Complexity: O(R + H + L) time and memory; a fixed number of allocations, none per
    ///   person.
    public init(
        residentListStart: ContiguousArray<Int32>,
        residentLists: ContiguousArray<Int32>,
        hospitalListStart: ContiguousArray<Int32>,
        hospitalLists: ContiguousArray<Int32>,
        capacities: ContiguousArray<Int32>
    ) throws(MatchingInstanceError) {
        try Self.checkOffsets(residentListStart, entryCount: residentLists.count, side: .resident)
        try Self.checkOffsets(hospitalListStart, entryCount: hospitalLists.count, side: .hospital)
        let residentCount = residentListStart.count - 1
        let hospitalCount = hospitalListStart.count - 1
        guard capacities.count == hospitalCount else {
            throw .capacityCountMismatch(expected: hospitalCount, got: capacities.count)
        }
        for hospital in capacities.indices where capacities[hospital] < 0 {
            throw .negativeCapacity(hospital: hospital, capacity: capacities[hospital])
        }
        // Hospitals keep the residents who listed them, finding each resident entry's rank at
        // its hospital on the way; then, only if something was dropped on the resident side,
        // residents keep the hospitals that still list them. Both sides' entries are checked
        // first (side by side on large inputs; errors are still reported residents first).
        let listedHospital = try Self.checkedTranspose(
            residentListStart: residentListStart, residentLists: residentLists, hospitalListStart: hospitalListStart,
            hospitalLists: hospitalLists)
        let keptHospitals = Self.keepListed(
            start: hospitalListStart, lists: hospitalLists,
            listedByStart: listedHospital.start, listedBy: listedHospital.entries,
            otherCount: residentCount, otherEntryCount: residentLists.count)
        let mutualCount = keptHospitals.lists.count
        var keptResidents = (start: residentListStart, lists: residentLists)
        var rankAtHospital: ContiguousArray<Int32>? = keptHospitals.rankAtTarget
        if mutualCount != residentLists.count {
            let listedResident = Self.transposeWithPositions(
                start: keptHospitals.start, lists: keptHospitals.lists, targetCount: residentCount)
            let kept = Self.keepListed(
                start: residentListStart, lists: residentLists,
                listedByStart: listedResident.start, listedBy: listedResident.entries,
                otherCount: hospitalCount, otherEntryCount: keptHospitals.lists.count)
            keptResidents = (kept.start, kept.lists)
            // Positions moved with the dropped entries.
            rankAtHospital = nil
        }

        self.residentCount = residentCount
        self.hospitalCount = hospitalCount
        self.capacities = capacities
        self.residentListStart = keptResidents.start
        self.residentLists = keptResidents.lists
        self.hospitalListStart = keptHospitals.start
        self.hospitalLists = keptHospitals.lists
        self.droppedEntryCount =
            (residentLists.count - mutualCount) + (hospitalLists.count - mutualCount)
        self.rankAtHospital = rankAtHospital
    }

    /// Instances are equal when their people, lists and capacities are (and as many entries
    /// were dropped building them).
    public static func == (left: MatchingInstance, right: MatchingInstance) -> Bool {
        left.residentCount == right.residentCount && left.hospitalCount == right.hospitalCount
            && left.capacities == right.capacities && left.residentListStart == right.residentListStart
            && left.residentLists == right.residentLists && left.hospitalListStart == right.hospitalListStart
            && left.hospitalLists == right.hospitalLists && left.droppedEntryCount == right.droppedEntryCount
    }

    /// The hospitals `resident` finds acceptable (and that accept it), most preferred first.
    ///
    /// - Precondition: `resident` is in `0..<residentCount`.
    /// - Complexity: O(1).
    @inlinable
    public func hospitals(preferredBy resident: Int) -> ArraySlice<Int32> {
        precondition(resident >= 0 && resident < residentCount, "resident index out of range")
        return residentLists[
            Int(residentListStart[resident])..<Int(residentListStart[resident + 1])]
    }

    /// The residents `hospital` finds acceptable (and that accept it), most preferred first.
    ///
    /// - Precondition: `hospital` is in `0..<hospitalCount`.
    /// - Complexity: O(1).
    @inlinable
    public func residents(preferredBy hospital: Int) -> ArraySlice<Int32> {
        precondition(hospital >= 0 && hospital < hospitalCount, "hospital index out of range")
        return hospitalLists[
            Int(hospitalListStart[hospital])..<Int(hospitalListStart[hospital + 1])]
    }

    /// The 0-based position of hospital `h` in resident `r`'s list, or `nil` if the pair is
    /// not acceptable.
    ///
    /// - Precondition: `r` is in `0..<residentCount`.
    /// - Complexity: O(length of `r`'s list).
    public func rank(ofHospital h: Int, forResident r: Int) -> Int? {
        let list = hospitals(preferredBy: r)
        guard let target = Int32(exactly: h) else { return nil }
        return list.firstIndex(of: target).map { $0 - list.startIndex }
    }

    /// The 0-based position of resident `r` in hospital `h`'s list, or `nil` if the pair is
    /// not acceptable.
    ///
    /// - Precondition: `h` is in `0..<hospitalCount`.
    /// - Complexity: O(length of `h`'s list).
    public func rank(ofResident r: Int, forHospital h: Int) -> Int? {
        let list = residents(preferredBy: h)
        guard let target = Int32(exactly: r) else { return nil }
        return list.firstIndex(of: target).map { $0 - list.startIndex }
    }
}
