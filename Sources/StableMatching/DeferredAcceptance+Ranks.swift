extension DeferredAcceptance {
    /// For every entry of one side's lists, the rank its owner has in the listed person's list.
    ///
    /// Entry `p` of `ownLists` belongs to person `a` and names `b = ownLists[p]`; the result at
    /// `p` is the 0-based position of `a` in `b`'s list. This turns "does `b` prefer `a`?" into
    /// one array read during proposals. `halves` (1 or 2) defaults to 2 from
    /// ``parallelEntryCount`` entries on (each half reads all of the other side's lists, so
    /// two threads pay off only on large inputs).
    ///
    /// Each `a` first collects, in its own slot range, the ranks it has with the people listing
    /// it (packed with who they are, so the scattered writes touch one array), in the other
    /// side's index order; a per-person scratch array then reorders them into `a`'s preference
    /// order. Lists must be mutual, which ``MatchingInstance`` guarantees, so `a`'s slot range
    /// is exactly its list range.
    ///
    /// On large inputs two threads each take the own persons of one half (split where the
    /// entries are halved): each reads all of the other side's lists but scatters and reorders
    /// only its own persons' slots, so the halves share no writes and need no second pass.
    ///
    /// - Complexity: O(persons on both sides + entries) time; 12 bytes per entry.
    static func crossRanks(
        ownStart: ContiguousArray<Int32>,
        ownLists: ContiguousArray<Int32>,
        otherStart: ContiguousArray<Int32>,
        otherLists: ContiguousArray<Int32>,
        halves: Int? = nil
    ) -> ContiguousArray<Int32> {
        let ownCount = ownStart.count - 1
        let otherCount = otherStart.count - 1
        let entryCount = ownLists.count
        let halves = halves ?? (entryCount >= Self.parallelEntryCount ? 2 : 1)
        let middle = halves == 1 ? ownCount : MatchingInstance.firstPerson(from: ownStart, atEntry: entryCount / 2)
        // Upper 32 bits: the other person; lower 32 bits: the own person's rank in its list.
        let collected = UnsafeMutableBufferPointer<UInt64>.allocate(capacity: entryCount)
        let cursor = UnsafeMutableBufferPointer<Int32>.allocate(capacity: ownCount + 1)
        defer {
            collected.deallocate()
            cursor.deallocate()
        }
        _ = cursor.initialize(from: ownStart)
        return ContiguousArray(unsafeUninitializedCapacity: entryCount) { output, initialized in
            nonisolated(unsafe) let output = output
            nonisolated(unsafe) let (collected, cursor) = (collected, cursor)
            ownStart.withUnsafeBufferPointer { ownStart in
                ownLists.withUnsafeBufferPointer { ownLists in
                    otherStart.withUnsafeBufferPointer { otherStart in
                        otherLists.withUnsafeBufferPointer { otherLists in
                            nonisolated(unsafe) let lists = (ownStart, ownLists, otherStart, otherLists)
                            Concurrently.forEach(halves) { half in
                                let (ownStart, ownLists, otherStart, otherLists) = lists
                                let persons = half == 0 ? 0..<middle : middle..<ownCount
                                let low = Int32(truncatingIfNeeded: persons.lowerBound)
                                let high = Int32(truncatingIfNeeded: persons.upperBound)
                                for other in 0..<otherCount {
                                    let first = Int(otherStart[other])
                                    let tag = UInt64(truncatingIfNeeded: other) << 32
                                    for position in first..<Int(otherStart[other + 1]) {
                                        let own = otherLists[position]
                                        guard own >= low && own < high else { continue }
                                        let slot = Int(cursor[Int(own)])
                                        cursor[Int(own)] = Int32(truncatingIfNeeded: slot &+ 1)
                                        collected[slot] = tag | UInt64(truncatingIfNeeded: position &- first)
                                    }
                                }
                                let rankWithOther = UnsafeMutableBufferPointer<Int32>.allocate(capacity: otherCount)
                                defer { rankWithOther.deallocate() }
                                for own in persons {
                                    let range = Int(ownStart[own])..<Int(ownStart[own + 1])
                                    for slot in range {
                                        let value = collected[slot]
                                        rankWithOther[Int(value >> 32)] = Int32(truncatingIfNeeded: value)
                                    }
                                    for position in range {
                                        let listed = ownLists[position]
                                        output.initializeElement(at: position, to: rankWithOther[Int(listed)])
                                    }
                                }
                            }
                        }
                    }
                }
            }
            initialized = entryCount
        }
    }
}
