import Foundation
import StableMatching
import Synchronization
import TandemCore

// The mentees section, read in two parts side by side when it is large.
extension SolveInstanceReader {
    /// Mentee lists in file order: the list of `mentee[k]` is `entries[start[k]..<start[k + 1]]`
    /// (the last up to the end).
    struct MenteeLists: Sendable {
        var start: ContiguousArray<Int32>
        var entries: ContiguousArray<Int32>
        var mentee: ContiguousArray<Int32>
    }

    /// Where ``menteeMembers(until:lists:)`` stopped.
    enum Stop {
        /// After the section's `}`.
        case end
        /// Right after a member, at or past the split (whitespace skipped).
        case member
    }

    /// Reads mentee members (from a member's key) into `lists`, interning ids, up to the
    /// section's `}`, or, when `split` is given, until a member ends at or past it. With
    /// `sectionBytes`, the mentee table is sized early for the mentees that many bytes of the
    /// section hold (``sizeMenteeTable(members:bytesRead:sectionBytes:)``).
    @discardableResult
    mutating func menteeMembers(
        until split: Int?, sizingFor sectionBytes: Int?, lists: inout MenteeLists
    ) throws(Failure) -> Stop {
        let start = position
        return try Self.withKeyBatches { batches throws(Failure) -> Stop in
            var members = 0
            repeat {
                try menteeMember(into: &lists, batches: &batches)
                members &+= 1
                if Self.isSizingPoint(members), let sectionBytes {
                    sizeMenteeTable(members: members, bytesRead: position - start, sectionBytes: sectionBytes)
                }
                if let split {
                    skipWhitespace()
                    if position >= split {
                        batches.intern(in: self, into: &lists)
                        return .member
                    }
                }
            } while try continueObject()
            batches.intern(in: self, into: &lists)
            return .end
        }
    }

    /// Whether the mentee table is sized after `members` members: after 1,024, then after
    /// 16 times as many each time.
    static func isSizingPoint(_ members: Int) -> Bool {
        members >= 1024 && members & (members - 1) == 0 && (members.trailingZeroBitCount - 10) % 4 == 0
    }

    /// Sizes the mentee table for the mentees of `sectionBytes` bytes of the section, estimated
    /// from the first `members` members, which took `bytesRead` bytes. Grown one doubling at a
    /// time, a table of 10^6 ids was rehashed a dozen times and its memory touched twice over;
    /// sized at 1,024, 16,384 and 262,144 members it is rehashed twice, small.
    ///
    /// Only the table's size changes: ids get the same indices either way. The estimate trusts
    /// the guess that the mentees section is about half of what follows it, so it is capped at
    /// 16 times the mentees read so far: a file whose mentees section is far smaller (say,
    /// empty lists and long mentor lists) costs a table of a few megabytes, not of the file's size.
    func sizeMenteeTable(members: Int, bytesRead: Int, sectionBytes: Int) {
        guard bytesRead > 0 else { return }
        let estimate = Double(members) * Double(sectionBytes) / Double(bytesRead)
        // No margin added: the table keeps room for four times its ids (a power of two), and
        // 5% more than a million ids would have doubled a 64 MB table.
        mentees.reserveCapacity(min(Int(estimate), 16 * members))
    }

    /// Ids of the mentees section read but not yet looked up. At 10^6 mentees a list holds
    /// about ten mentor ids, and each lookup is a likely cache miss: keys wait here across lists
    /// and are looked up a batch at a time (their slots prefetched together), in order, so
    /// the indices are those of interning one by one.
    struct MenteeKeyBatches {
        /// The mentees' own keys (one per member).
        var mentees: KeyBatch
        /// The mentor ids of their lists.
        var mentors: KeyBatch

        /// Looks up everything pending: mentee indices onto `lists.mentee`, mentor indices onto
        /// `lists.entries`.
        mutating func intern(in reader: SolveInstanceReader, into lists: inout MenteeLists) {
            mentees.intern(in: reader.mentees, appendingTo: &lists.mentee)
            mentors.intern(in: reader.mentors, appendingTo: &lists.entries)
        }
    }

    /// Keys waiting to be looked up in a table together, in a fixed buffer.
    struct KeyBatch {
        let keys: UnsafeMutableBufferPointer<IdentifierKey>
        var count = 0

        var isFull: Bool { count == keys.count }

        /// Adds `key`, first looking up what is pending when the buffer is full.
        @inline(__always)
        mutating func add(_ key: IdentifierKey, in table: IdentifierTable, appendingTo indices: inout ContiguousArray<Int32>) {
            if isFull { intern(in: table, appendingTo: &indices) }
            keys.initializeElement(at: count, to: key)
            count &+= 1
        }

        /// Appends the index of each pending key's id (adding new ids) and empties the batch.
        mutating func intern(in table: IdentifierTable, appendingTo indices: inout ContiguousArray<Int32>) {
            table.indices(of: UnsafeBufferPointer(rebasing: keys[..<count]), appendingTo: &indices)
            count = 0
        }

        /// ``add(_:in:appendingTo:)`` for ids that must already be in `table`: `false` if one
        /// looked up is not.
        @inline(__always)
        mutating func addExisting(
            _ key: IdentifierKey, in table: IdentifierTable, appendingTo indices: inout ContiguousArray<Int32>
        ) -> Bool {
            if isFull, !lookUpExisting(in: table, appendingTo: &indices) { return false }
            keys.initializeElement(at: count, to: key)
            count &+= 1
            return true
        }

        /// ``intern(in:appendingTo:)`` without adding ids: `false` if one is not in `table`.
        mutating func lookUpExisting(in table: IdentifierTable, appendingTo indices: inout ContiguousArray<Int32>) -> Bool {
            defer { count = 0 }
            return table.existingIndices(of: UnsafeBufferPointer(rebasing: keys[..<count]), appendingTo: &indices)
        }
    }

    /// Calls `body` with an empty key batch on the stack.
    static func withKeyBatch<Result>(_ body: (inout KeyBatch) throws(Failure) -> Result) throws(Failure) -> Result {
        try withUnsafeTemporaryAllocation(of: IdentifierKey.self, capacity: IdentifierTable.batchSize) {
            keys throws(Failure) -> Result in
            var batch = KeyBatch(keys: keys)
            return try body(&batch)
        }
    }

    /// Calls `body` with empty key batches for the mentees section.
    static func withKeyBatches<Result>(
        _ body: (inout MenteeKeyBatches) throws(Failure) -> Result
    ) throws(Failure) -> Result {
        try withKeyBatch { mentees throws(Failure) -> Result in
            try withKeyBatch { mentors throws(Failure) -> Result in
                var batches = MenteeKeyBatches(mentees: mentees, mentors: mentors)
                return try body(&batches)
            }
        }
    }

    /// Reads one member `"mentee": ["mentor", ...]` of the mentees section into `lists`, its ids
    /// added to `batches` (an id with escapes is interned at once, after what is pending).
    @inline(__always)
    mutating func menteeMember(into lists: inout MenteeLists, batches: inout MenteeKeyBatches) throws(Failure) {
        lists.start.append(Int32(truncatingIfNeeded: lists.entries.count &+ batches.mentors.count))
        switch try token() {
        case .raw(let range):
            let key = key(range)
            // A new mentee's slot is a cache miss: start loading it now.
            mentees.prefetch(key)
            batches.mentees.add(key, in: mentees, appendingTo: &lists.mentee)
        case .decoded(let decoded):
            batches.mentees.intern(in: mentees, appendingTo: &lists.mentee)
            lists.mentee.append(Self.index(of: decoded, in: mentees))
        }
        try expect(UInt8(ascii: ":"), "':'")
        try identifierList(in: mentors, into: &batches.mentors, appendingTo: &lists.entries)
    }

    /// What the second worker read of the mentees section, with its own tables: indices are
    /// local (in order of first appearance in its part) until merged.
    struct MenteePart: Sendable {
        var lists = MenteeLists(start: [], entries: [], mentee: [])
        var menteeIDs: IdentifierBytes
        var mentorIDs: IdentifierBytes
        /// After the section's `}`.
        var end: Int
    }

    /// Tells the second worker to give up (its work will not be used).
    final class StopFlag: Sendable {
        private let stopped = Mutex(false)

        var isSet: Bool { stopped.withLock { $0 } }
        func set() { stopped.withLock { $0 = true } }
    }

    /// Reads the mentees section (from its first member) with two workers: this reader up to
    /// `split`, interning as always, and a second one from `split` to the section's end with
    /// tables of its own, whose ids are then interned here in its order of first appearance —
    /// exactly the indices of reading in order. When the first worker does not stop exactly at
    /// `split` (it was inside a string, or past the section), it goes on alone.
    mutating func parallelMentees(split: Int, lists: inout MenteeLists) throws(Failure) {
        let stop = StopFlag()
        // The split halves the section (as guessed from the file's size).
        let partBytes = split - position
        nonisolated(unsafe) let first = self
        let firstLists = lists
        var second = self
        second.position = split
        second.mentees = IdentifierTable()
        second.mentors = IdentifierTable()
        nonisolated(unsafe) let secondStart = second
        let (head, tail) = Concurrently.run(
            { () -> Result<(position: Int, stop: Stop, lists: MenteeLists), Failure> in
                var worker = first
                var lists = firstLists
                do throws(Failure) {
                    // This table also takes the second part's ids: size it for the whole section.
                    let stopped = try worker.menteeMembers(until: split, sizingFor: 2 * partBytes, lists: &lists)
                    if stopped != .member || worker.position != split { stop.set() }
                    return .success((worker.position, stopped, lists))
                } catch {
                    stop.set()
                    return .failure(error)
                }
            },
            { () -> Result<MenteePart, Failure> in
                var worker = secondStart
                return Result { () throws(Failure) -> MenteePart in try worker.menteePart(stop: stop, sizingFor: partBytes) }
            })
        // The first worker read in order from the section's start: its error is the error.
        let headResult: (position: Int, stop: Stop, lists: MenteeLists)
        switch head {
        case .success(let result): headResult = result
        case .failure(let error): throw error
        }
        lists = headResult.lists
        position = headResult.position
        // The section ended before the split: done.
        if headResult.stop == .end { return }
        guard position == split, case .success(let part) = tail else {
            // Past the split (it was inside a string), or the second worker failed: go on in
            // order from right after the last member, as the sequential reader would.
            if try continueObject() { try menteeMembers(until: nil, sizingFor: nil, lists: &lists) }
            return
        }
        // Renumber the second worker's part into the tables. The mentee and mentor tables are
        // separate, so each side is interned and renumbered on its own thread, writing its own
        // arrays (sized here first).
        let offset = Int32(truncatingIfNeeded: lists.entries.count)
        let firstNewList = lists.start.count
        let firstEntries = Int(offset)
        lists.start.append(contentsOf: repeatElement(0, count: part.lists.start.count))
        lists.mentee.append(contentsOf: repeatElement(0, count: part.lists.mentee.count))
        lists.entries.append(contentsOf: repeatElement(0, count: part.lists.entries.count))
        nonisolated(unsafe) let tables = (mentees: mentees, mentors: mentors)
        lists.start.withUnsafeMutableBufferPointer { start in
            lists.mentee.withUnsafeMutableBufferPointer { mentee in
                lists.entries.withUnsafeMutableBufferPointer { entries in
                    nonisolated(unsafe) let (start, mentee, entries) = (start, mentee, entries)
                    _ = Concurrently.run(
                        {
                            tables.mentees.reserveCapacity(tables.mentees.count + part.menteeIDs.count)
                            let menteeIndex = Self.intern(part.menteeIDs, in: tables.mentees)
                            for (list, local) in part.lists.mentee.enumerated() {
                                mentee[firstNewList + list] = menteeIndex[Int(local)]
                            }
                            for (list, localStart) in part.lists.start.enumerated() {
                                start[firstNewList + list] = offset &+ localStart
                            }
                        },
                        {
                            let mentorIndex = Self.intern(part.mentorIDs, in: tables.mentors)
                            part.lists.entries.withUnsafeBufferPointer { local in
                                mentorIndex.withUnsafeBufferPointer { index in
                                    for entry in local.indices { entries[firstEntries + entry] = index[Int(local[entry])] }
                                }
                            }
                        })
                }
            }
        }
        position = part.end
    }

    /// The second worker's part of the mentees section, from the `,` at `position` to the
    /// section's `}`, into fresh tables (the mentee table sized for `partBytes` bytes).
    mutating func menteePart(stop: StopFlag, sizingFor partBytes: Int) throws(Failure) -> MenteePart {
        var lists = MenteeLists(start: [], entries: [], mentee: [])
        // Room up front, as for the first part (`document()`): pages never written are never
        // faulted in, and growing by doubling would copy the entries several times.
        lists.entries.reserveCapacity((bytes.count - position) / 16)
        guard try continueObject() else { throw .readSequentially }
        let start = position
        try Self.withKeyBatches { batches throws(Failure) in
            var members = 0
            repeat {
                try menteeMember(into: &lists, batches: &batches)
                members &+= 1
                if Self.isSizingPoint(members) {
                    sizeMenteeTable(members: members, bytesRead: position - start, sectionBytes: partBytes)
                }
                if members & 1023 == 0, stop.isSet { throw .readSequentially }
            } while try continueObject()
            batches.intern(in: self, into: &lists)
        }
        return MenteePart(
            lists: lists, menteeIDs: IdentifierBytes(mentees), mentorIDs: IdentifierBytes(mentors), end: position)
    }

    /// Interns each of `ids` in `table`, in order: the table's index of each.
    static func intern(_ ids: IdentifierBytes, in table: IdentifierTable) -> ContiguousArray<Int32> {
        var indices = ContiguousArray<Int32>()
        indices.reserveCapacity(ids.count)
        // A batch at a time, as the lists are (half a million ids, each a likely cache miss).
        ids.forEachKeyBatch { _, keys in
            table.indices(of: keys, appendingTo: &indices)
            return true
        }
        return indices
    }
}
