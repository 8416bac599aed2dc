// Validation and mutual-acceptability filtering used by the initialisers. Every helper runs in
// time linear in its input and allocates a fixed number of flat arrays.

extension MatchingInstance {
    /// Inputs with at least this many entries (both sides) are checked on two threads: at
    /// 5,000 × 1,000 that makes `tandem solve` faster for a little more processor time
    /// (docs/performance.md).
    static let parallelEntryCount = 1 << 16

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
        // Each side writes only its own slot; both have run when `Concurrently.forEach` returns.
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
            Concurrently.forEach(2, check)
        } else {
            check(0)
            if failures[0] == nil { check(1) }
        }
        if let failure = failures[0] ?? failures[1] { throw failure }
        return transposeWithPositions(
            start: residentListStart, lists: residentLists, targetCount: hospitalCount, halves: halves)
    }

    /// The first person whose list starts at or after entry `entry` (`start.count - 1` if none):
    /// where work split in two halves of the entries changes hands.
    package static func firstPerson(from start: ContiguousArray<Int32>, atEntry entry: Int) -> Int {
        var low = 0
        var high = start.count - 1
        while low < high {
            let middle = (low + high) / 2
            if Int(start[middle]) < entry { low = middle + 1 } else { high = middle }
        }
        return low
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
    /// increasing person order (a counting sort), each with the position of that entry in
    /// `lists`: packed as `person << 32 | position`.
    ///
    /// With two halves, each thread takes the persons of one half (split where the entries are
    /// halved): it counts its own entries per target, then places them after the other half's
    /// lower persons, so each thread reads only its half of the lists and their writes never meet.
    ///
    /// - Complexity: O(persons + entries + targetCount); one count per target and half.
    static func transposeWithPositions(
        start: ContiguousArray<Int32>, lists: ContiguousArray<Int32>, targetCount: Int, halves: Int = 1
    ) -> (start: ContiguousArray<Int32>, entries: ContiguousArray<UInt64>) {
        let personCount = start.count - 1
        let middle = halves == 1 ? personCount : firstPerson(from: start, atEntry: lists.count / 2)
        // cursors[half * (targetCount + 1) + t]: first how many of the half's entries name t,
        // then where the half places its next entry naming t.
        let cursors = UnsafeMutablePointer<Int32>.allocate(capacity: halves * (targetCount + 1))
        defer { cursors.deallocate() }
        cursors.initialize(repeating: 0, count: halves * (targetCount + 1))
        nonisolated(unsafe) let sharedCursors = cursors
        return start.withUnsafeBufferPointer { start in
            lists.withUnsafeBufferPointer { lists in
                nonisolated(unsafe) let (start, lists) = (start, lists)
                Concurrently.forEach(halves) { half in
                    let counts = sharedCursors + half * (targetCount + 1)
                    for position in Int(start[half == 0 ? 0 : middle])..<Int(start[half == 0 ? middle : personCount]) {
                        counts[Int(lists[position])] &+= 1
                    }
                }
                // Target t's persons start after those of all targets before it; within t, the
                // first half's (lower) persons come first.
                var targetStart = ContiguousArray<Int32>(repeating: 0, count: targetCount + 1)
                var total: Int32 = 0
                for target in 0..<targetCount {
                    targetStart[target] = total
                    for half in 0..<halves {
                        let count = cursors[half * (targetCount + 1) + target]
                        cursors[half * (targetCount + 1) + target] = total
                        total &+= count
                    }
                }
                targetStart[targetCount] = total
                let entries = ContiguousArray<UInt64>(unsafeUninitializedCapacity: lists.count) { entries, initialized in
                    nonisolated(unsafe) let entries = entries
                    Concurrently.forEach(halves) { half in
                        let cursor = sharedCursors + half * (targetCount + 1)
                        for person in half == 0 ? 0..<middle : middle..<personCount {
                            let tag = UInt64(truncatingIfNeeded: person) << 32
                            for position in Int(start[person])..<Int(start[person + 1]) {
                                let target = Int(lists[position])
                                let slot = Int(cursor[target])
                                cursor[target] = Int32(truncatingIfNeeded: slot &+ 1)
                                entries.initializeElement(at: slot, to: tag | UInt64(truncatingIfNeeded: position))
                            }
                        }
                    }
                    initialized = lists.count
                }
                return (targetStart, entries)
            }
        }
    }

    /// Keeps, in each person's list, only the entries whose target lists that person back, and
    /// finds on the way, for every entry of the other side's lists, the rank its owner has in
    /// the kept list it names (-1 where that person does not list the owner back).
    ///
    /// `listedBy` is ``transposeWithPositions(start:lists:targetCount:halves:)`` of the other
    /// side's lists (`otherEntryCount` entries). Per person, each one listing it is stamped with
    /// the person and the position of its entry; a kept entry at rank `k` then writes `k` at
    /// that position. Built for hospitals, these are the ranks residents-propose needs, so
    /// deferred acceptance does not compute them again.
    ///
    /// On large inputs two threads take half of the persons each (split where the entries are
    /// halved), with stamps of their own; the positions they write are their persons' entries.
    ///
    /// - Complexity: O(persons + entries + other side's persons and entries); one scratch word
    ///   per person of the other side and thread.
    static func keepListed(
        start: ContiguousArray<Int32>,
        lists: ContiguousArray<Int32>,
        listedByStart: ContiguousArray<Int32>,
        listedBy: ContiguousArray<UInt64>,
        otherCount: Int,
        otherEntryCount: Int
    ) -> (start: ContiguousArray<Int32>, lists: ContiguousArray<Int32>, rankAtTarget: ContiguousArray<Int32>) {
        let personCount = start.count - 1
        let halves = lists.count + otherEntryCount >= parallelEntryCount ? 2 : 1
        let middle = halves == 1 ? personCount : firstPerson(from: start, atEntry: lists.count / 2)
        // Every rank starts at -1 (not listed back). Filling 10^7 of them is a pass over fresh
        // memory of its own: two threads fill a half each.
        var rankAtTarget = ContiguousArray<Int32>(unsafeUninitializedCapacity: otherEntryCount) { ranks, initialized in
            nonisolated(unsafe) let ranks = ranks
            Concurrently.forEach(halves) { half in
                let halfway = halves == 1 ? otherEntryCount : otherEntryCount / 2
                let range = half == 0 ? 0..<halfway : halfway..<otherEntryCount
                UnsafeMutableBufferPointer(rebasing: ranks[range]).initialize(repeating: -1)
            }
            initialized = otherEntryCount
        }
        // Per half: how many entries are kept and, only when building kept lists, those entries
        // and, per person, where its kept list ends.
        let keptParts = UnsafeMutablePointer<(count: Int, ends: ContiguousArray<Int32>, kept: ContiguousArray<Int32>)>
            .allocate(capacity: halves)
        keptParts.initialize(repeating: (0, [], []), count: halves)
        defer { keptParts.deinitialize(count: halves).deallocate() }
        var keptCount = 0
        // The first pass writes the ranks and only counts the kept entries: usually every entry
        // is mutual and the lists stay as they are, so writing out a copy of them would be
        // wasted. Only if some entry is dropped does a second pass, stamping again, write the
        // kept lists (and not the ranks, which are those of the first pass).
        rankAtTarget.withUnsafeMutableBufferPointer { ranks in
            nonisolated(unsafe) let (ranks, parts) = (ranks, keptParts)
            func pass(buildingLists: Bool) {
                Concurrently.forEach(halves) { half in
                    let persons = half == 0 ? 0..<middle : middle..<personCount
                    // Per person of the other side: the person that stamped it (high 32 bits, +1
                    // so that 0 is none) and the position of its entry naming that person (low
                    // 32 bits).
                    var stamp = ContiguousArray<UInt64>(repeating: 0, count: otherCount)
                    var ends = ContiguousArray<Int32>()
                    var kept = ContiguousArray<Int32>()
                    if buildingLists {
                        ends.reserveCapacity(persons.count)
                        kept.reserveCapacity(parts[half].count)
                    }
                    var keptInHalf = 0
                    for person in persons {
                        let tag = UInt64(truncatingIfNeeded: person &+ 1) << 32
                        for index in Int(listedByStart[person])..<Int(listedByStart[person + 1]) {
                            let entry = listedBy[index]
                            stamp[Int(entry >> 32)] = tag | (entry & 0xFFFF_FFFF)
                        }
                        // The rank of the next kept entry in the person's kept list.
                        var rank: Int32 = 0
                        for position in Int(start[person])..<Int(start[person + 1]) {
                            let target = lists[position]
                            let stamped = stamp[Int(target)]
                            guard stamped & 0xFFFF_FFFF_0000_0000 == tag else { continue }
                            if buildingLists {
                                kept.append(target)
                            } else {
                                ranks[Int(stamped & 0xFFFF_FFFF)] = rank
                            }
                            rank &+= 1
                        }
                        keptInHalf &+= Int(rank)
                        if buildingLists { ends.append(Int32(truncatingIfNeeded: kept.count)) }
                    }
                    parts[half] = (keptInHalf, ends, kept)
                }
            }
            pass(buildingLists: false)
            keptCount = (0..<halves).reduce(0) { $0 + parts[$1].count }
            if keptCount != lists.count { pass(buildingLists: true) }
        }
        if keptCount == lists.count {
            // Every entry is mutual (the usual case): the lists stay as they are.
            return (start, lists, rankAtTarget)
        }
        var keptStart = ContiguousArray<Int32>()
        keptStart.reserveCapacity(start.count)
        keptStart.append(0)
        var kept = ContiguousArray<Int32>()
        kept.reserveCapacity(keptCount)
        for half in 0..<halves {
            let offset = Int32(truncatingIfNeeded: kept.count)
            for end in keptParts[half].ends { keptStart.append(offset &+ end) }
            kept.append(contentsOf: keptParts[half].kept)
        }
        return (keptStart, kept, rankAtTarget)
    }
}
