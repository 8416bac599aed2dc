// Validation and mutual-acceptability filtering used by the initialisers. Every helper runs in
// time linear in its input and allocates a fixed number of flat arrays.

import Dispatch

extension MatchingInstance {
    /// Inputs with at least this many entries (both sides) are checked on two threads.
    static let parallelEntryCount = 1 << 20

    /// Checks both sides' entries (``checkEntries(start:lists:bound:side:)``, residents' errors
    /// first) and returns the residents' lists transposed with their positions
    /// (``transposeWithPositions(start:lists:targetCount:halves:)``). On large inputs the two
    /// checks run side by side, and then the transpose runs in two halves.
    static func checkedTranspose(
        residentListStart: ContiguousArray<Int32>, residentLists: ContiguousArray<Int32>,
        hospitalListStart: ContiguousArray<Int32>, hospitalLists: ContiguousArray<Int32>
    ) throws(MatchingInstanceError) -> (start: ContiguousArray<Int32>, entries: ContiguousArray<UInt64>) {
        let residentCount = residentListStart.count - 1
        let hospitalCount = hospitalListStart.count - 1
        let halves = residentLists.count + hospitalLists.count >= parallelEntryCount ? 2 : 1
        // Each side writes only its own slot; both have run when forEachHalf returns.
        let failures = UnsafeMutablePointer<MatchingInstanceError?>.allocate(capacity: 2)
        failures.initialize(repeating: nil, count: 2)
        defer { failures.deinitialize(count: 2).deallocate() }
        nonisolated(unsafe) let sharedFailures = failures
        @Sendable func check(_ side: Int) {
            do throws(MatchingInstanceError) {
                if side == 0 {
                    try checkEntries(start: residentListStart, lists: residentLists, bound: hospitalCount, side: .resident)
                } else {
                    try checkEntries(start: hospitalListStart, lists: hospitalLists, bound: residentCount, side: .hospital)
                }
            } catch {
                sharedFailures[side] = error
            }
        }
        if halves == 2 {
            forEachHalf(2, check)
        } else {
            check(0)
            if failures[0] == nil { check(1) }
        }
        if let failure = failures[0] ?? failures[1] { throw failure }
        return transposeWithPositions(
            start: residentListStart, lists: residentLists, targetCount: hospitalCount, halves: halves)
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

    /// For each target `t` in `0..<targetCount`, the persons whose list contains `t`, in
    /// increasing person order, each with the position of that entry in `lists`: packed as
    /// `person << 32 | position`.
    ///
    /// With two halves, each thread reads every list but places only the entries of its half
    /// of the targets (split where the entries are halved), so their writes never meet.
    ///
    /// - Complexity: O(persons + entries + targetCount).
    static func transposeWithPositions(
        start: ContiguousArray<Int32>, lists: ContiguousArray<Int32>, targetCount: Int, halves: Int = 1
    ) -> (start: ContiguousArray<Int32>, entries: ContiguousArray<UInt64>) {
        var targetStart = ContiguousArray<Int32>(repeating: 0, count: targetCount + 1)
        for entry in lists { targetStart[Int(entry) + 1] &+= 1 }
        for target in 0..<targetCount { targetStart[target + 1] &+= targetStart[target] }
        let middle = halves == 1 ? targetCount : DeferredAcceptance.firstPerson(from: targetStart, atEntry: lists.count / 2)
        let cursor = UnsafeMutableBufferPointer<Int32>.allocate(capacity: targetCount + 1)
        defer { cursor.deallocate() }
        _ = cursor.initialize(from: targetStart)
        let entries = ContiguousArray<UInt64>(unsafeUninitializedCapacity: lists.count) { entries, initialized in
            nonisolated(unsafe) let (entries, cursor) = (entries, cursor)
            start.withUnsafeBufferPointer { start in
                lists.withUnsafeBufferPointer { lists in
                    nonisolated(unsafe) let (start, lists) = (start, lists)
                    forEachHalf(halves) { half in
                        let low = Int32(truncatingIfNeeded: half == 0 ? 0 : middle)
                        let high = Int32(truncatingIfNeeded: half == 0 ? middle : targetCount)
                        for person in 0..<(start.count - 1) {
                            let tag = UInt64(truncatingIfNeeded: person) << 32
                            for position in Int(start[person])..<Int(start[person + 1]) {
                                let target = lists[position]
                                guard target >= low && target < high else { continue }
                                let slot = Int(cursor[Int(target)])
                                cursor[Int(target)] = Int32(truncatingIfNeeded: slot &+ 1)
                                entries.initializeElement(at: slot, to: tag | UInt64(truncatingIfNeeded: position))
                            }
                        }
                    }
                }
            }
            initialized = lists.count
        }
        return (targetStart, entries)
    }

    /// Keeps, in each hospital's list, only the residents that list it back, and finds the
    /// rank of every resident entry at its hospital on the way (-1 where the hospital does not
    /// list the resident back).
    ///
    /// `listedBy` is ``transposeWithPositions(start:lists:targetCount:)`` of the residents'
    /// lists. Per hospital, each resident listing it is stamped with the hospital and the
    /// position of its entry; a kept resident at rank `k` then writes `k` at that position.
    /// This is the check ``keepListed(start:lists:listedByStart:listedBy:otherCount:)`` makes,
    /// plus one write per entry, and saves deferred acceptance computing the ranks again.
    ///
    /// On large inputs two threads take half of the hospitals each (split where the entries
    /// are halved), with stamps of their own; the positions they write are their hospitals'.
    ///
    /// - Complexity: O(residents + hospitals + entries); one scratch word per resident and
    ///   thread.
    static func keepListedWithRanks(
        hospitalStart: ContiguousArray<Int32>,
        hospitalLists: ContiguousArray<Int32>,
        listedByStart: ContiguousArray<Int32>,
        listedBy: ContiguousArray<UInt64>,
        residentCount: Int,
        residentEntryCount: Int
    ) -> (start: ContiguousArray<Int32>, lists: ContiguousArray<Int32>, rankAtHospital: ContiguousArray<Int32>) {
        let hospitalCount = hospitalStart.count - 1
        let halves = hospitalLists.count + residentEntryCount >= parallelEntryCount ? 2 : 1
        let middle =
            halves == 1 ? hospitalCount : DeferredAcceptance.firstPerson(from: hospitalStart, atEntry: hospitalLists.count / 2)
        var rankAtHospital = ContiguousArray<Int32>(repeating: -1, count: residentEntryCount)
        // Per half: the kept residents and, per hospital, where its kept list ends.
        let keptParts = UnsafeMutablePointer<(ends: ContiguousArray<Int32>, kept: ContiguousArray<Int32>)>.allocate(
            capacity: halves)
        keptParts.initialize(repeating: ([], []), count: halves)
        defer { keptParts.deinitialize(count: halves).deallocate() }
        rankAtHospital.withUnsafeMutableBufferPointer { ranks in
            nonisolated(unsafe) let (ranks, parts) = (ranks, keptParts)
            forEachHalf(halves) { half in
                let hospitals = half == 0 ? 0..<middle : middle..<hospitalCount
                // Per resident: the hospital that stamped it (high 32 bits, +1 so that 0 is
                // none) and the position of its entry for that hospital (low 32 bits).
                var stamp = ContiguousArray<UInt64>(repeating: 0, count: residentCount)
                var ends = ContiguousArray<Int32>()
                ends.reserveCapacity(hospitals.count)
                var kept = ContiguousArray<Int32>()
                kept.reserveCapacity(Int(hospitalStart[hospitals.upperBound] - hospitalStart[hospitals.lowerBound]))
                for hospital in hospitals {
                    let tag = UInt64(truncatingIfNeeded: hospital &+ 1) << 32
                    for index in Int(listedByStart[hospital])..<Int(listedByStart[hospital + 1]) {
                        let entry = listedBy[index]
                        stamp[Int(entry >> 32)] = tag | (entry & 0xFFFF_FFFF)
                    }
                    let first = kept.count
                    for position in Int(hospitalStart[hospital])..<Int(hospitalStart[hospital + 1]) {
                        let resident = hospitalLists[position]
                        let stamped = stamp[Int(resident)]
                        guard stamped & 0xFFFF_FFFF_0000_0000 == tag else { continue }
                        ranks[Int(stamped & 0xFFFF_FFFF)] = Int32(truncatingIfNeeded: kept.count &- first)
                        kept.append(resident)
                    }
                    ends.append(Int32(truncatingIfNeeded: kept.count))
                }
                parts[half] = (ends, kept)
            }
        }
        let keptCount = (0..<halves).reduce(0) { $0 + keptParts[$1].kept.count }
        if keptCount == hospitalLists.count {
            // Every hospital entry is mutual (the usual case): the lists stay as they are.
            return (hospitalStart, hospitalLists, rankAtHospital)
        }
        var keptStart = ContiguousArray<Int32>()
        keptStart.reserveCapacity(hospitalStart.count)
        keptStart.append(0)
        var kept = ContiguousArray<Int32>()
        kept.reserveCapacity(keptCount)
        for half in 0..<halves {
            let offset = Int32(truncatingIfNeeded: kept.count)
            for end in keptParts[half].ends { keptStart.append(offset &+ end) }
            kept.append(contentsOf: keptParts[half].kept)
        }
        return (keptStart, kept, rankAtHospital)
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
