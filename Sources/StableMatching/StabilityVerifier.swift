/// Checks a matching against an instance: capacities, acceptability and every blocking pair.
///
/// The verifier is deliberately independent of ``DeferredAcceptance``: it reads only the
/// instance's lists (never a solver's working state) and computes the ranks it needs itself,
/// so a bug in the solver cannot hide behind the same bug in the check.
///
/// A pair `(r, h)` blocks when it is acceptable, `r` is unmatched or prefers `h` to its
/// hospital, and `h` has fewer residents than its capacity or prefers `r` to its worst assigned
/// resident. For matchings that are not valid the check still runs, with these conventions: an
/// assignment along an unacceptable pair (or to a nonexistent hospital) is worse for the
/// resident than any hospital on its list and, at the hospital, worse than any resident on its
/// list; matching entries past the instance's residents are reported as unacceptable, and
/// residents missing from the matching count as unmatched.
public enum StabilityVerifier {
    /// From this many entries the verifier runs on two threads. Later than building the
    /// instance (``MatchingInstance/parallelEntryCount``): below it one thread is faster, the
    /// market fitting in cache (docs/performance.md).
    static let parallelEntryCount = 1 << 20

    /// Verifies `matching` against `instance`.
    ///
    /// - Parameters:
    ///   - matching: One hospital index (or `-1`) per resident.
    ///   - instance: The market the matching claims to solve.
    /// - Returns: Capacity violations, unacceptable pairs and blocking pairs, each sorted.
    /// - Complexity: O(R + H + L) time and memory.
    public static func verify(_ matching: Matching, in instance: MatchingInstance)
        -> StabilityReport
    {
        verify(matching, in: instance, halves: nil)
    }

    /// ``verify(_:in:)`` with the scan of the residents' lists and the blocking-pair search on
    /// `halves` threads (1 or 2; by default 2 from ``parallelEntryCount`` entries on; tests
    /// choose).
    static func verify(_ matching: Matching, in instance: MatchingInstance, halves: Int?) -> StabilityReport {
        let residentCount = instance.residentCount
        let hospitalCount = instance.hospitalCount
        let residentStart = instance.residentListStart
        let residentLists = instance.residentLists
        let given = matching.hospitalOfResident
        let halves = halves ?? (instance.entryCount >= Self.parallelEntryCount ? 2 : 1)

        // The hospital of each resident of the instance, -1 if unmatched or out of range.
        var hospitalOf = ContiguousArray<Int32>(repeating: -1, count: residentCount)
        var report = StabilityReport()
        var isUnacceptable = ContiguousArray<Bool>(repeating: false, count: residentCount)
        for resident in 0..<min(residentCount, given.count) {
            let hospital = given[resident]
            if hospital >= 0 && Int(hospital) < hospitalCount {
                hospitalOf[resident] = hospital
            } else if hospital != -1 {
                isUnacceptable[resident] = true
            }
        }

        // Resident side: how many of its list entries a resident prefers to what it has. Each
        // half of the residents (split where their entries are halved) writes only its own.
        var preferredCount = ContiguousArray<Int32>(repeating: 0, count: residentCount)
        let middleResident =
            halves == 1 ? residentCount : MatchingInstance.firstPerson(from: residentStart, atEntry: residentLists.count / 2)
        preferredCount.withUnsafeMutableBufferPointer { preferredCount in
            isUnacceptable.withUnsafeMutableBufferPointer { isUnacceptable in
                nonisolated(unsafe) let (preferredCount, isUnacceptable) = (preferredCount, isUnacceptable)
                Concurrently.forEach(halves) { [hospitalOf] half in
                    for resident in half == 0 ? 0..<middleResident : middleResident..<residentCount {
                        let first = Int(residentStart[resident])
                        let end = Int(residentStart[resident + 1])
                        var count = end - first
                        let hospital = hospitalOf[resident]
                        if hospital >= 0 {
                            var position = first
                            while position < end && residentLists[position] != hospital { position += 1 }
                            if position < end {
                                count = position - first
                            } else {
                                isUnacceptable[resident] = true
                            }
                        }
                        preferredCount[resident] = Int32(truncatingIfNeeded: count)
                    }
                }
            }
        }

        // Hospital side: the residents each hospital holds, grouped by hospital (a counting
        // sort), so that the blocking-pair search can find the worst of them. assignedStart[h]
        // first counts h's residents, then holds where they end; placing residents from the
        // last one on moves it back to where they start.
        var assignedStart = ContiguousArray<Int32>(repeating: 0, count: hospitalCount + 1)
        for hospital in hospitalOf where hospital >= 0 { assignedStart[Int(hospital)] &+= 1 }
        var assignedCount: Int32 = 0
        for hospital in 0...hospitalCount {
            assignedCount &+= assignedStart[hospital]
            assignedStart[hospital] = assignedCount
        }
        var assigned = ContiguousArray<Int32>(repeating: 0, count: Int(assignedCount))
        for resident in (0..<residentCount).reversed() where hospitalOf[resident] >= 0 {
            let hospital = Int(hospitalOf[resident])
            assignedStart[hospital] &-= 1
            assigned[Int(assignedStart[hospital])] = Int32(truncatingIfNeeded: resident)
        }

        let search = blockingPairs(
            instance: instance, hospitalOf: hospitalOf, preferredCount: preferredCount, assignedStart: assignedStart,
            assigned: assigned, halves: halves)
        for resident in search.notListedByHospital { isUnacceptable[Int(resident)] = true }

        for resident in 0..<residentCount where isUnacceptable[resident] {
            report.unacceptablePairs.append(
                BlockingPair(
                    resident: Int32(truncatingIfNeeded: resident), hospital: given[resident]))
        }
        if given.count > residentCount {
            for resident in residentCount..<given.count where given[resident] != -1 {
                report.unacceptablePairs.append(
                    BlockingPair(
                        resident: Int32(truncatingIfNeeded: resident), hospital: given[resident]))
            }
        }
        for hospital in 0..<hospitalCount {
            let held = assignedStart[hospital + 1] &- assignedStart[hospital]
            if held > instance.capacities[hospital] {
                report.capacityViolations.append(Int32(truncatingIfNeeded: hospital))
            }
        }

        report.blockingPairs = search.pairs
        return report
    }

    /// Every blocking pair, sorted by resident then hospital, and the assigned residents missing
    /// from their hospital's list (in no particular order).
    ///
    /// Candidates are the `(r, h)` with `h` strictly ahead of `r`'s current hospital in `r`'s
    /// list; they are bucketed by hospital (a counting sort), each hospital stamps the ranks of
    /// the residents on its list into a scratch array, reads there the ranks of the residents
    /// it holds (`assigned[assignedStart[h]..<assignedStart[h + 1]]`) for the worst of them,
    /// and keeps the candidates it would take; a second counting sort by resident restores
    /// (resident, hospital) order. A held resident the hospital does not list ranks, by the
    /// verifier's convention, after all that it lists.
    ///
    /// A hospital without room stamps its list only up to the last resident it holds: a
    /// candidate it ranks after that one, or does not list, cannot block. In a stable
    /// matching of a competitive market that is a small part of the lists (at 5,000 × 1,000
    /// with 50-item lists, 4,329 of 250,000 entries).
    static func blockingPairs(
        instance: MatchingInstance,
        hospitalOf: ContiguousArray<Int32>,
        preferredCount: ContiguousArray<Int32>,
        assignedStart: ContiguousArray<Int32>,
        assigned: ContiguousArray<Int32>,
        halves: Int
    ) -> (pairs: [BlockingPair], notListedByHospital: [Int32]) {
        let residentCount = instance.residentCount
        let hospitalCount = instance.hospitalCount
        let residentStart = instance.residentListStart
        let residentLists = instance.residentLists
        let hospitalStart = instance.hospitalListStart
        let hospitalLists = instance.hospitalLists

        var candidateStart = ContiguousArray<Int32>(repeating: 0, count: hospitalCount + 1)
        for resident in 0..<residentCount {
            let first = Int(residentStart[resident])
            for position in first..<(first + Int(preferredCount[resident])) {
                candidateStart[Int(residentLists[position]) + 1] &+= 1
            }
        }
        for hospital in 0..<hospitalCount {
            candidateStart[hospital + 1] &+= candidateStart[hospital]
        }
        var cursor = candidateStart
        var candidates = ContiguousArray<Int32>(
            repeating: 0, count: Int(candidateStart[hospitalCount]))
        for resident in 0..<residentCount {
            let first = Int(residentStart[resident])
            for position in first..<(first + Int(preferredCount[resident])) {
                let hospital = Int(residentLists[position])
                candidates[Int(cursor[hospital])] = Int32(truncatingIfNeeded: resident)
                cursor[hospital] &+= 1
            }
        }

        // Each hospital stamps the residents on its list with itself and their rank there, finds
        // the worst of the residents it holds, and keeps the candidates it would take. On large
        // inputs two threads take half of the hospitals each (split where the entries are
        // halved), with stamps of their own; their pairs, each in hospital order, are joined in
        // order.
        let middle =
            halves == 1 ? hospitalCount : MatchingInstance.firstPerson(from: hospitalStart, atEntry: hospitalLists.count / 2)
        let parts = UnsafeMutablePointer<(found: [BlockingPair], notListed: [Int32])>.allocate(capacity: halves)
        parts.initialize(repeating: ([], []), count: halves)
        defer { parts.deinitialize(count: halves).deallocate() }
        nonisolated(unsafe) let shared = (parts: parts, candidates: candidates, candidateStart: candidateStart)
        Concurrently.forEach(halves) { half in
            // Per resident: the stamping hospital + 1 (high 32 bits) and the rank there.
            var stamp = ContiguousArray<UInt64>(repeating: 0, count: residentCount)
            var found: [BlockingPair] = []
            var notListed: [Int32] = []
            for hospital in half == 0 ? 0..<middle : middle..<hospitalCount {
                let tag = UInt64(truncatingIfNeeded: hospital &+ 1) << 32
                let first = Int(hospitalStart[hospital])
                let end = Int(hospitalStart[hospital + 1])
                let held = assignedStart[hospital + 1] &- assignedStart[hospital]
                let hasRoom = held < instance.capacities[hospital]
                // Without room, only the residents up to the last one held matter (none if it
                // holds none: then no candidate can block).
                var unseenHeld = hasRoom ? -1 : held
                var position = first
                while position < end && unseenHeld != 0 {
                    let resident = hospitalLists[position]
                    stamp[Int(resident)] = tag | UInt64(truncatingIfNeeded: position &- first)
                    if hospitalOf[Int(resident)] == Int32(truncatingIfNeeded: hospital) { unseenHeld &-= 1 }
                    position &+= 1
                }
                // The rank of the worst resident held, -1 if none.
                var worstRank: Int32 = -1
                for index in Int(assignedStart[hospital])..<Int(assignedStart[hospital + 1]) {
                    let resident = assigned[index]
                    let stamped = stamp[Int(resident)]
                    var rank = Int32(truncatingIfNeeded: stamped)
                    if stamped & 0xFFFF_FFFF_0000_0000 != tag {
                        notListed.append(resident)
                        rank = Int32(truncatingIfNeeded: end &- first)
                    }
                    worstRank = max(worstRank, rank)
                }
                for index in Int(shared.candidateStart[hospital])..<Int(shared.candidateStart[hospital + 1]) {
                    let resident = shared.candidates[index]
                    let stamped = stamp[Int(resident)]
                    guard stamped & 0xFFFF_FFFF_0000_0000 == tag else { continue }
                    if hasRoom || Int32(truncatingIfNeeded: stamped) < worstRank {
                        found.append(BlockingPair(resident: resident, hospital: Int32(truncatingIfNeeded: hospital)))
                    }
                }
            }
            shared.parts[half] = (found, notListed)
        }
        let byHospital = (0..<halves).flatMap { parts[$0].found }
        var perResident = ContiguousArray<Int32>(repeating: 0, count: residentCount + 1)
        for pair in byHospital { perResident[Int(pair.resident) + 1] &+= 1 }

        // Stable counting sort by resident; within a resident, hospitals stay increasing.
        for resident in 0..<residentCount { perResident[resident + 1] &+= perResident[resident] }
        var sorted = [BlockingPair](
            repeating: BlockingPair(resident: -1, hospital: -1), count: byHospital.count)
        for pair in byHospital {
            let resident = Int(pair.resident)
            sorted[Int(perResident[resident])] = pair
            perResident[resident] &+= 1
        }
        return (sorted, (0..<halves).flatMap { parts[$0].notListed })
    }
}
