// Validation and mutual-acceptability filtering used by the initialisers. Every helper runs in
// time linear in its input and allocates a fixed number of flat arrays.

import Dispatch

extension MatchingInstance {
    /// Inputs with at least this many entries (both sides) are checked on two threads.
    static let parallelEntryCount = 1 << 20

    /// Checks both sides' entries (``checkEntries(start:lists:bound:side:)``, residents' errors
    /// first) and returns the residents' lists transposed (``transpose(start:lists:targetCount:)``).
    /// On large inputs the hospitals' check runs beside the residents' check and transpose.
    static func checkedTranspose(
        residentListStart: ContiguousArray<Int32>, residentLists: ContiguousArray<Int32>,
        hospitalListStart: ContiguousArray<Int32>, hospitalLists: ContiguousArray<Int32>
    ) throws(MatchingInstanceError) -> (start: ContiguousArray<Int32>, lists: ContiguousArray<Int32>) {
        let residentCount = residentListStart.count - 1
        let hospitalCount = hospitalListStart.count - 1
        @Sendable func residentSide() -> Result<
            (start: ContiguousArray<Int32>, lists: ContiguousArray<Int32>), MatchingInstanceError
        > {
            do throws(MatchingInstanceError) {
                try checkEntries(start: residentListStart, lists: residentLists, bound: hospitalCount, side: .resident)
            } catch {
                return .failure(error)
            }
            return .success(transpose(start: residentListStart, lists: residentLists, targetCount: hospitalCount))
        }
        @Sendable func hospitalSide() -> Result<Void, MatchingInstanceError> {
            Result { () throws(MatchingInstanceError) in
                try checkEntries(start: hospitalListStart, lists: hospitalLists, bound: residentCount, side: .hospital)
            }
        }
        guard residentLists.count + hospitalLists.count >= parallelEntryCount else {
            let transposed = try residentSide().get()
            try hospitalSide().get()
            return transposed
        }
        // Each iteration writes only its own slot; concurrentPerform returns after both.
        let residentSlot = UnsafeMutablePointer<
            Result<(start: ContiguousArray<Int32>, lists: ContiguousArray<Int32>), MatchingInstanceError>?
        >
        .allocate(capacity: 1)
        let hospitalSlot = UnsafeMutablePointer<Result<Void, MatchingInstanceError>?>.allocate(capacity: 1)
        residentSlot.initialize(to: nil)
        hospitalSlot.initialize(to: nil)
        defer {
            residentSlot.deinitialize(count: 1).deallocate()
            hospitalSlot.deinitialize(count: 1).deallocate()
        }
        nonisolated(unsafe) let sharedResident = residentSlot
        nonisolated(unsafe) let sharedHospital = hospitalSlot
        DispatchQueue.concurrentPerform(iterations: 2) { part in
            if part == 0 { sharedResident.pointee = residentSide() } else { sharedHospital.pointee = hospitalSide() }
        }
        let transposed = try (residentSlot.pointee ?? residentSide()).get()
        try (hospitalSlot.pointee ?? hospitalSide()).get()
        return transposed
    }
    /// Concatenates per-person lists into CSR offsets and entries.
    ///
    /// - Complexity: O(persons + entries).
    static func flatten(
        _ lists: [[Int32]]
    ) throws(MatchingInstanceError) -> (
        start: ContiguousArray<Int32>, lists: ContiguousArray<Int32>
    ) {
        var total = 0
        for list in lists { total += list.count }
        guard total <= Int(Int32.max), lists.count < Int(Int32.max) else {
            throw .tooLarge(count: max(total, lists.count))
        }
        var start = ContiguousArray<Int32>()
        start.reserveCapacity(lists.count + 1)
        var flat = ContiguousArray<Int32>()
        flat.reserveCapacity(total)
        start.append(0)
        for list in lists {
            flat.append(contentsOf: list)
            start.append(Int32(truncatingIfNeeded: flat.count))
        }
        return (start, flat)
    }

    /// Checks that `start` is a valid CSR offset array over `entryCount` entries.
    ///
    /// - Complexity: O(start.count).
    static func checkOffsets(
        _ start: ContiguousArray<Int32>, entryCount: Int, side: Side
    ) throws(MatchingInstanceError) {
        guard let first = start.first, let last = start.last, first == 0, Int(last) == entryCount,
            start.count <= Int(Int32.max)
        else { throw .malformedOffsets(side: side) }
        var previous: Int32 = 0
        for offset in start {
            guard offset >= previous else { throw .malformedOffsets(side: side) }
            previous = offset
        }
    }

    /// Checks every entry is in `0..<bound` and no list names the same index twice.
    ///
    /// - Complexity: O(persons + entries + bound), one scratch array of `bound` stamps.
    static func checkEntries(
        start: ContiguousArray<Int32>, lists: ContiguousArray<Int32>, bound: Int, side: Side
    ) throws(MatchingInstanceError) {
        // lastLister[e] is the last person seen listing e; persons are visited in order, so an
        // equal stamp means a duplicate within the current list.
        var lastLister = ContiguousArray<Int32>(repeating: -1, count: bound)
        for person in 0..<(start.count - 1) {
            let stamp = Int32(truncatingIfNeeded: person)
            for position in Int(start[person])..<Int(start[person + 1]) {
                let entry = lists[position]
                guard entry >= 0, Int(entry) < bound else {
                    throw .indexOutOfRange(side: side, person: person, entry: entry)
                }
                guard lastLister[Int(entry)] != stamp else {
                    throw .duplicateEntry(side: side, person: person, entry: entry)
                }
                lastLister[Int(entry)] = stamp
            }
        }
    }

    /// For each target `t` in `0..<targetCount`, the persons whose list contains `t`, in
    /// increasing person order (a counting sort).
    ///
    /// - Complexity: O(persons + entries + targetCount).
    static func transpose(
        start: ContiguousArray<Int32>, lists: ContiguousArray<Int32>, targetCount: Int
    ) -> (start: ContiguousArray<Int32>, lists: ContiguousArray<Int32>) {
        var targetStart = ContiguousArray<Int32>(repeating: 0, count: targetCount + 1)
        for entry in lists { targetStart[Int(entry) + 1] &+= 1 }
        for target in 0..<targetCount { targetStart[target + 1] &+= targetStart[target] }
        var cursor = targetStart
        var persons = ContiguousArray<Int32>(repeating: 0, count: lists.count)
        for person in 0..<(start.count - 1) {
            for position in Int(start[person])..<Int(start[person + 1]) {
                let target = Int(lists[position])
                persons[Int(cursor[target])] = Int32(truncatingIfNeeded: person)
                cursor[target] &+= 1
            }
        }
        return (targetStart, persons)
    }

    /// Keeps, in each person's list, only the entries whose target lists that person back.
    ///
    /// `listedBy[listedByStart[p]..<listedByStart[p + 1]]` must hold the targets (indices below
    /// `otherCount`) whose lists contain person `p`.
    ///
    /// - Complexity: O(persons + entries + otherCount), one scratch array of stamps.
    static func keepListed(
        start: ContiguousArray<Int32>,
        lists: ContiguousArray<Int32>,
        listedByStart: ContiguousArray<Int32>,
        listedBy: ContiguousArray<Int32>,
        otherCount: Int
    ) -> (start: ContiguousArray<Int32>, lists: ContiguousArray<Int32>) {
        var listsPerson = ContiguousArray<Int32>(repeating: -1, count: otherCount)
        var keptStart = ContiguousArray<Int32>()
        keptStart.reserveCapacity(start.count)
        keptStart.append(0)
        var kept = ContiguousArray<Int32>()
        kept.reserveCapacity(min(lists.count, listedBy.count))
        for person in 0..<(start.count - 1) {
            let stamp = Int32(truncatingIfNeeded: person)
            for position in Int(listedByStart[person])..<Int(listedByStart[person + 1]) {
                listsPerson[Int(listedBy[position])] = stamp
            }
            for position in Int(start[person])..<Int(start[person + 1]) {
                let target = lists[position]
                if listsPerson[Int(target)] == stamp { kept.append(target) }
            }
            keptStart.append(Int32(truncatingIfNeeded: kept.count))
        }
        return (keptStart, kept)
    }
}
