import Foundation
import StableMatching
import TandemCore

// The mentors section, read in two parts side by side when it is large.
extension SolveInstanceReader {
    /// A part of the mentors section as read by one worker: lists by mentor, with the mentor an
    /// index of the table or, when negative, `-(k + 1)` for new id `newMentors[k]`.
    struct MentorPart: Sendable {
        var entries = ContiguousArray<Int32>()
        var lists: [(mentor: Int32, start: Int, end: Int)] = []
        var newMentors: [[UInt8]] = []
        /// Where the worker stopped: the split (first part) or after the section's `}`.
        var end = 0
        /// Whether the first worker met the section's end before the split.
        var complete = false
    }

    /// Where a second worker can start on the mentors section (whose first member starts at
    /// `position`): the `,` of a `], "` near the middle of the rest of the file; `nil` when the
    /// rest is small or none is found. It may be inside a string: the first worker checks that
    /// it ends exactly there.
    func mentorSplit() -> Int? {
        memberSplit(from: position + (bytes.count - position) / 2)
    }

    /// The `,` of the first `], "` from `guess` on (or from the tests' `splitSearchStart`); `nil`
    /// when less than `parallelMinimum` bytes follow `position`, or when there is none.
    func memberSplit(from guess: Int) -> Int? {
        let remaining = bytes.count - position
        guard remaining >= parallelMinimum, remaining >= 2 else { return nil }
        var index = max(position, splitSearchStart ?? guess)
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: "]") {
                var next = index + 1
                while next < bytes.count, Self.isWhitespace(bytes[next]) { next += 1 }
                if next < bytes.count, bytes[next] == UInt8(ascii: ",") {
                    let comma = next
                    next += 1
                    while next < bytes.count, Self.isWhitespace(bytes[next]) { next += 1 }
                    if next < bytes.count, bytes[next] == UInt8(ascii: "\"") { return comma }
                }
            }
            index += 1
        }
        return nil
    }

    static func isWhitespace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
    }

    /// Reads the mentors section (from its first member) with two workers that only look ids
    /// up, the first up to `split` and the second from there to the section's end; then adds
    /// each worker's entries to `mentorLists` as a part of its own (not copied: the lists are
    /// copied once, into index order, when the instance is built) and reports each list
    /// (mentor, part, start, end) in file order, new mentor ids interned in file order, exactly
    /// as the sequential loop would.
    ///
    /// - Throws: `.readSequentially` for anything else (then the whole file is read again in
    ///   order, so errors are reported exactly as before).
    mutating func parallelMentors(split: Int, into mentorLists: inout MentorLists) throws(Failure) {
        nonisolated(unsafe) let first = self
        var second = self
        second.position = split
        nonisolated(unsafe) let secondStart = second
        let (head, tail) = Concurrently.run(
            {
                var worker = first
                return Result { () throws(Failure) -> MentorPart in try worker.mentorPart(until: split) }
            },
            {
                var worker = secondStart
                return Result { () throws(Failure) -> MentorPart in try worker.mentorPart(until: nil) }
            })
        guard case .success(let headPart) = head else { throw .readSequentially }
        // The section ended before the split (which was after it): the first worker read it all.
        let parts: [MentorPart]
        if headPart.complete {
            parts = [headPart]
        } else if case .success(let tailPart) = tail {
            parts = [headPart, tailPart]
        } else {
            throw .readSequentially
        }
        for part in parts {
            let index = mentorLists.parts.count
            mentorLists.parts.append(part.entries)
            for item in part.lists {
                let mentor: Int32
                if item.mentor >= 0 {
                    mentor = item.mentor
                } else {
                    mentor = Self.index(of: part.newMentors[Int(-(item.mentor + 1))], in: mentors)
                }
                mentorLists.lists.append((mentor, index, item.start, item.end))
            }
        }
        position = parts[parts.count - 1].end
    }

    /// One worker's part of the mentors section: members from `position` (at a member's key,
    /// or, for the second worker, at the `,` before one) up to `split` (which must then fall
    /// exactly after a member, unless the section ends before it: then `complete`), or to the
    /// section's `}` when `split` is `nil`. Tables are only
    /// read.
    mutating func mentorPart(until split: Int?) throws(Failure) -> MentorPart {
        var part = MentorPart()
        // Room up front (pages never written are never faulted in): an entry takes at least
        // three bytes and usually eight or more, so growing would copy the entries at least once.
        part.entries.reserveCapacity(((split ?? bytes.count) - position) / 8)
        if split == nil {
            guard try continueObject() else { throw .readSequentially }
        }
        // The mentee ids of the lists wait in `batch` across lists; a list's start and end count them.
        return try Self.withKeyBatch { batch throws(Failure) -> MentorPart in
            func finished(complete: Bool = false) throws(Failure) -> MentorPart {
                guard batch.lookUpExisting(in: mentees, appendingTo: &part.entries) else { throw .readSequentially }
                part.end = position
                part.complete = complete
                return part
            }
            while true {
                let mentor: Int32
                let start = part.entries.count &+ batch.count
                switch try token() {
                case .raw(let range):
                    let key = key(range)
                    mentors.prefetch(key)
                    try expect(UInt8(ascii: ":"), "':'")
                    try existingList(into: &batch, appendingTo: &part.entries)
                    if let index = mentors.existingIndex(of: key) {
                        mentor = Int32(truncatingIfNeeded: index)
                    } else {
                        part.newMentors.append(Array(bytes[range]))
                        mentor = -Int32(truncatingIfNeeded: part.newMentors.count)
                    }
                case .decoded(let decoded):
                    try expect(UInt8(ascii: ":"), "':'")
                    try existingList(into: &batch, appendingTo: &part.entries)
                    if let index = Self.existingIndex(of: decoded, in: mentors) {
                        mentor = Int32(truncatingIfNeeded: index)
                    } else {
                        part.newMentors.append(decoded)
                        mentor = -Int32(truncatingIfNeeded: part.newMentors.count)
                    }
                }
                part.lists.append((mentor, start, part.entries.count &+ batch.count))
                if let split {
                    skipWhitespace()
                    if position == split { return try finished() }
                    // Past the split (it was inside a string).
                    guard position < split else { throw .readSequentially }
                    if try !continueObject() { return try finished(complete: true) }
                } else if try !continueObject() {
                    return try finished()
                }
            }
        }
    }

    /// Reads an array of mentee ids already in the table: their keys wait in `batch` (looked
    /// up, onto `indices`, when it is full), an id with escapes is looked up at once.
    /// - Throws: `.readSequentially` for an id not in the table.
    mutating func existingList(
        into batch: inout KeyBatch, appendingTo indices: inout ContiguousArray<Int32>
    ) throws(Failure) {
        guard try openArray() else { return }
        repeat {
            if let key = shortListKey() {
                guard batch.addExisting(key, in: mentees, appendingTo: &indices) else { throw .readSequentially }
                continue
            }
            switch try token() {
            case .raw(let range):
                guard batch.addExisting(key(range), in: mentees, appendingTo: &indices) else { throw .readSequentially }
            case .decoded(let decoded):
                guard batch.lookUpExisting(in: mentees, appendingTo: &indices),
                    let index = Self.existingIndex(of: decoded, in: mentees)
                else { throw .readSequentially }
                indices.append(Int32(truncatingIfNeeded: index))
            }
        } while try continueArray()
    }

    static func existingIndex(of decoded: [UInt8], in table: IdentifierTable) -> Int? {
        decoded.withUnsafeBufferPointer { buffer in
            withUnsafePointer(to: UInt8(0)) { zero in
                table.existingIndex(of: IdentifierKey(buffer.baseAddress ?? zero, count: buffer.count, readable: buffer.count))
            }
        }
    }

    /// The first mentor id (in index order) that is also a mentee id, if any.
    func sharedIdentifier() -> String? {
        let ids = IdentifierBytes(mentors)
        var shared: String?
        ids.forEachKeyBatch { first, keys in
            guard let found = mentees.firstExisting(in: keys) else { return true }
            shared = mentors.identifier(at: first + found)
            return false
        }
        return shared
    }
}
