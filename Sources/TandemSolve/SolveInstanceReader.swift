import Foundation
import StableMatching
import Synchronization
import TandemCore

/// A fast reader of the `tandem solve` format straight into dense indices.
///
/// `JSONDecoder` builds a dictionary of arrays of `String`s and then every id is hashed again to
/// index it: for 10^6 mentees with 10^7 list entries that alone took tens of seconds. This reader
/// walks the bytes once and interns each id by its bytes in an open-addressing table, so an
/// entry costs one hash of a few bytes. Ids with escape sequences are decoded exactly.
public struct SolveInstanceReader {
    /// The instance and its ids, indices in order of first appearance in the file.
    public struct Parsed: Sendable {
        /// The ids' UTF-8 bytes by index; kept as bytes because a million `String`s cost more
        /// than the rest of writing the result.
        let menteeIDBytes: IdentifierBytes
        let mentorIDBytes: IdentifierBytes
        public var instance: MatchingInstance
        /// Per mentee, the weights object as read (mentor index → weight), if any.
        public var weights: [Int32: [Int32: Double]]?

        public var menteeIDs: [String] { menteeIDBytes.strings }
        public var mentorIDs: [String] { mentorIDBytes.strings }

        /// The weights aligned with the instance's mentee lists; `nil` when the input had none.
        public var pairWeights: PairWeights? {
            guard let weights else { return nil }
            var aligned = ContiguousArray<Double>()
            aligned.reserveCapacity(instance.entryCount)
            for mentee in 0..<instance.residentCount {
                let row = weights[Int32(mentee)] ?? [:]
                for mentor in instance.hospitals(preferredBy: mentee) { aligned.append(row[mentor] ?? 0) }
            }
            return PairWeights(residentEntryWeights: aligned)
        }
    }

    enum Failure: Error {
        case syntax(offset: Int, expected: String)
        case content(String)
        /// The parallel reading of the mentors met something it does not handle (an error, a
        /// mentee id not read before, a split inside a string): read the file again in order,
        /// which finds the same result or the exact error.
        case readSequentially
    }

    private let bytes: UnsafeBufferPointer<UInt8>
    private let base: UnsafePointer<UInt8>
    private var position = 0
    private var mentees = IdentifierTable()
    private var mentors = IdentifierTable()
    /// The mentors section is read by two workers when what follows its start is at least this
    /// many bytes (`Int.max`: never).
    private let parallelMinimum: Int
    /// Where to start looking for the split of the mentors section (`nil`: halfway through what
    /// follows its start); tests move it over the whole file.
    private let splitSearchStart: Int?

    private init(
        bytes: UnsafeBufferPointer<UInt8>, base: UnsafePointer<UInt8>, parallelMinimum: Int, splitSearchStart: Int? = nil
    ) {
        self.bytes = bytes
        self.base = base
        self.parallelMinimum = parallelMinimum
        self.splitSearchStart = splitSearchStart
    }

    /// Below this, splitting the mentors section costs more than it saves.
    static let defaultParallelMinimum = 1 << 20

    /// Parses `data`.
    /// - Throws: ``TandemFailure`` (65) naming the byte offset of a syntax error, or the first
    ///   inconsistent id.
    public static func parse(_ data: Data, file: String) throws(TandemFailure) -> Parsed {
        try parse(data, file: file, parallelMinimum: defaultParallelMinimum)
    }

    /// Parses `data`, reading the mentors section with two workers when at least
    /// `parallelMinimum` bytes follow its start, looking for the split from `splitSearchStart`
    /// (tests pass small values to exercise that path with every split).
    static func parse(
        _ data: Data, file: String, parallelMinimum: Int, splitSearchStart: Int? = nil
    ) throws(TandemFailure) -> Parsed {
        let result: Result<Parsed, Failure> = data.withUnsafeBytes { raw in
            let bytes = raw.bindMemory(to: UInt8.self)
            guard let base = bytes.baseAddress else { return .failure(.syntax(offset: 0, expected: "'{'")) }
            var reader = SolveInstanceReader(
                bytes: bytes, base: base, parallelMinimum: parallelMinimum, splitSearchStart: splitSearchStart)
            do throws(Failure) {
                return .success(try reader.document())
            } catch .readSequentially {
                var sequential = SolveInstanceReader(bytes: bytes, base: base, parallelMinimum: Int.max)
                do throws(Failure) {
                    return .success(try sequential.document())
                } catch {
                    return .failure(error)
                }
            } catch {
                return .failure(error)
            }
        }
        switch result {
        case .success(let parsed): return parsed
        case .failure(.readSequentially):
            // Only thrown by the parallel path, which the sequential reader never takes.
            throw TandemFailure(.dataError, problem: InputProblem(file: file, message: "could not be read"))
        case .failure(.syntax(let offset, let expected)):
            throw TandemFailure(
                .dataError,
                problem: InputProblem(file: file, message: "is not valid JSON: expected \(expected) at byte \(offset + 1)"))
        case .failure(.content(let message)):
            throw TandemFailure(.dataError, problem: InputProblem(file: file, message: message))
        }
    }

    // MARK: - The document

    private mutating func document() throws(Failure) -> Parsed {
        // Mentee lists in file order: the list of menteeOfList[k] is
        // menteeEntries[menteeStart[k]..<menteeStart[k + 1]].
        var menteeStart = ContiguousArray<Int32>()
        var menteeEntries = ContiguousArray<Int32>()
        // Room for the entries up front (an entry takes at least 3 bytes, typically 10 or more):
        // growing by doubling copied tens of megabytes and faulted in as much fresh memory.
        // Pages never written are never faulted in.
        menteeEntries.reserveCapacity(bytes.count / 16)
        var menteeOfList = ContiguousArray<Int32>()
        var mentorLists = MentorLists()
        var declarations = MentorDeclarations()
        var weights: [Int32: [Int32: Double]]?
        var sawMentees = false
        var sawMentors = false
        var sawCapacities = false

        if try openObject() {
            repeat {
                let key = try memberKey()
                let name = String(decoding: key, as: UTF8.self)
                // A section given twice would otherwise be merged into the first.
                if name == "mentees" && sawMentees || name == "mentors" && sawMentors
                    || name == "capacities" && sawCapacities || name == "weights" && weights != nil
                {
                    throw .content("\"\(name)\" appears twice; give each section once")
                }
                switch name {
                case "mentees":
                    sawMentees = true
                    if try openObject() {
                        var lists = MenteeLists(start: menteeStart, entries: menteeEntries, mentee: menteeOfList)
                        menteeStart = []
                        menteeEntries = []
                        menteeOfList = []
                        // A quarter of the rest: the mentees and mentors sections are usually
                        // about the same size.
                        if let split = memberSplit(from: position + (bytes.count - position) / 4) {
                            try parallelMentees(split: split, lists: &lists)
                        } else {
                            try menteeMembers(until: nil, sizingFor: (bytes.count - position) / 2, lists: &lists)
                        }
                        menteeStart = lists.start
                        menteeEntries = lists.entries
                        menteeOfList = lists.mentee
                    }
                case "mentors":
                    sawMentors = true
                    if try openObject() {
                        // With the mentees read first, a mentor's list only looks ids up: two
                        // workers can read halves of the section (see `parallelMentors`).
                        declarations.cover(mentors.count)
                        if sawMentees, let split = mentorSplit() {
                            try parallelMentors(split: split, into: &mentorLists)
                        } else {
                            var entries = ContiguousArray<Int32>()
                            let part = mentorLists.parts.count
                            repeat {
                                let start = entries.count
                                let mentor = try listMember(keyIn: mentors, listIn: mentees, appendingTo: &entries)
                                mentorLists.lists.append((mentor, part, start, entries.count))
                            } while try continueObject()
                            mentorLists.parts.append(entries)
                        }
                        for list in mentorLists.lists { declarations.declare(list.mentor) }
                    }
                case "capacities":
                    sawCapacities = true
                    if try openObject() { try capacityMembers(into: &declarations) }
                case "weights":
                    var table: [Int32: [Int32: Double]] = [:]
                    var weighed = Set<Int32>()
                    if try openObject() {
                        repeat {
                            let mentee = try memberIdentifier(in: mentees)
                            guard weighed.insert(mentee).inserted else {
                                throw .content("mentee '\(mentees.identifier(at: Int(mentee)))' appears twice in \"weights\"")
                            }
                            if try openObject() {
                                repeat {
                                    let mentor = try memberIdentifier(in: mentors)
                                    let weight = try number()
                                    guard table[mentee, default: [:]].updateValue(weight, forKey: mentor) == nil else {
                                        throw .content(
                                            "mentor '\(mentors.identifier(at: Int(mentor)))' appears twice in the weights of mentee '\(mentees.identifier(at: Int(mentee)))'"
                                        )
                                    }
                                } while try continueObject()
                            }
                        } while try continueObject()
                    }
                    weights = table
                default:
                    throw .content(
                        "unknown key '\(String(decoding: key, as: UTF8.self))'; expected mentees, mentors, capacities, weights")
                }
            } while try continueObject()
        }
        skipWhitespace()
        guard position == bytes.count else { throw .syntax(offset: position, expected: "the end of the file") }
        guard sawMentees, sawMentors, sawCapacities else {
            throw .content("needs \"mentees\", \"mentors\" and \"capacities\"")
        }

        // Every id used must be declared on its side (the first offender in index order).
        let menteeCount = mentees.count
        let mentorCount = mentors.count
        var listOfMentee = ContiguousArray<Int32>(repeating: -1, count: menteeCount)
        var menteeTwice = false
        for (list, mentee) in menteeOfList.enumerated() {
            if listOfMentee[Int(mentee)] >= 0 { menteeTwice = true }
            listOfMentee[Int(mentee)] = Int32(truncatingIfNeeded: list)
        }
        if let unknown = listOfMentee.firstIndex(of: -1) {
            throw .content("'\(mentees.identifier(at: unknown))' is listed by a mentor but is not a mentee")
        }
        declarations.cover(mentorCount)
        if let unknown = declarations.declared.prefix(mentorCount).firstIndex(of: false) {
            throw .content("'\(mentors.identifier(at: unknown))' is listed by a mentee but is not a mentor")
        }
        if let missing = declarations.capacity.prefix(mentorCount).firstIndex(of: -1) {
            throw .content("mentor '\(mentors.identifier(at: missing))' has no capacity; every mentor needs one")
        }
        if menteeTwice { throw .content("a mentee appears twice in \"mentees\"") }
        var listOfMentor = ContiguousArray<Int>(repeating: -1, count: mentorCount)
        for (list, entry) in mentorLists.lists.enumerated() {
            if listOfMentor[Int(entry.mentor)] >= 0 { throw .content("a mentor appears twice in \"mentors\"") }
            listOfMentor[Int(entry.mentor)] = list
        }
        if let shared = sharedIdentifier() { throw .content("'\(shared)' is both a mentee and a mentor; ids must be unique") }
        // Ids are kept as bytes; invalid UTF-8 would be printed with U+FFFD, so that two ids
        // could print the same.
        if let invalid = mentees.firstInvalidUTF8() {
            throw .content("mentee id \(mentees.invalidIdentifier(at: invalid)) is not valid UTF-8; save the file as UTF-8")
        }
        if let invalid = mentors.firstInvalidUTF8() {
            throw .content("mentor id \(mentors.invalidIdentifier(at: invalid)) is not valid UTF-8; save the file as UTF-8")
        }

        // CSR in index order (keys may come in any order in the file). Mentees are usually
        // numbered in file order already (their keys come first), and then the lists are used
        // as read.
        var residentListStart: ContiguousArray<Int32>
        var residentLists: ContiguousArray<Int32>
        if listOfMentee.indices.allSatisfy({ listOfMentee[$0] == Int32(truncatingIfNeeded: $0) }) {
            residentListStart = menteeStart
            residentListStart.append(Int32(truncatingIfNeeded: menteeEntries.count))
            residentLists = menteeEntries
        } else {
            residentListStart = ContiguousArray(repeating: 0, count: menteeCount + 1)
            residentLists = ContiguousArray()
            residentLists.reserveCapacity(menteeEntries.count)
            for mentee in 0..<menteeCount {
                let list = Int(listOfMentee[mentee])
                let end = list + 1 < menteeStart.count ? Int(menteeStart[list + 1]) : menteeEntries.count
                residentLists.append(contentsOf: menteeEntries[Int(menteeStart[list])..<end])
                residentListStart[mentee + 1] = Int32(truncatingIfNeeded: residentLists.count)
            }
        }
        menteeEntries = []
        // Two threads copy from about a million entries (a file of several megabytes; a thread
        // costs more than copying less). Tests lower `parallelMinimum` to take that path.
        let (hospitalListStart, hospitalLists) = mentorLists.inIndexOrder(
            listOfMentor: listOfMentor, inHalves: mentorLists.entryCount >= parallelMinimum)
        mentorLists = MentorLists()
        let capacities = ContiguousArray(declarations.capacity.prefix(mentorCount))
        do {
            let instance = try MatchingInstance(
                residentListStart: residentListStart, residentLists: residentLists, hospitalListStart: hospitalListStart,
                hospitalLists: hospitalLists, capacities: capacities)
            return Parsed(
                menteeIDBytes: IdentifierBytes(mentees), mentorIDBytes: IdentifierBytes(mentors), instance: instance,
                weights: weights)
        } catch {
            throw .content("is not a valid instance: \(error)")
        }
    }

    /// Per mentor index, grown as mentors appear: the capacity (-1 until read) and whether the
    /// mentor was declared (as a key of "mentors" or "capacities").
    struct MentorDeclarations {
        var capacity = ContiguousArray<Int32>()
        var declared = ContiguousArray<Bool>()

        /// Makes room for mentors `0..<count`.
        mutating func cover(_ count: Int) {
            guard declared.count < count else { return }
            capacity.append(contentsOf: repeatElement(-1, count: count - declared.count))
            declared.append(contentsOf: repeatElement(false, count: count - declared.count))
        }

        mutating func declare(_ mentor: Int32) {
            cover(Int(mentor) + 1)
            declared[Int(mentor)] = true
        }
    }

    /// The mentors' lists as read, in file order: list `k`'s entries are
    /// `parts[lists[k].part][lists[k].start..<lists[k].end]`. Two workers reading the section
    /// each leave a part; one reader leaves one.
    struct MentorLists {
        var parts: [ContiguousArray<Int32>] = []
        var lists: [(mentor: Int32, part: Int, start: Int, end: Int)] = []

        /// How many entries the lists hold.
        var entryCount: Int { parts.reduce(0) { $0 + $1.count } }

        /// The lists as CSR in mentor index order (`listOfMentor[m]`: mentor `m`'s list, or -1
        /// for none). Copying 10^7 entries is a memory-bound pass of its own: `inHalves`, two
        /// threads copy halves of the mentors.
        func inIndexOrder(
            listOfMentor: ContiguousArray<Int>, inHalves: Bool
        ) -> (start: ContiguousArray<Int32>, entries: ContiguousArray<Int32>) {
            let mentorCount = listOfMentor.count
            var start = ContiguousArray<Int32>(repeating: 0, count: mentorCount + 1)
            for mentor in 0..<mentorCount {
                let list = listOfMentor[mentor]
                let length = list >= 0 ? lists[list].end - lists[list].start : 0
                start[mentor + 1] = start[mentor] &+ Int32(truncatingIfNeeded: length)
            }
            let total = Int(start[mentorCount])
            let listStart = start
            let middle = inHalves ? MatchingInstance.firstPerson(from: start, atEntry: total / 2) : mentorCount
            let entries = ContiguousArray<Int32>(unsafeUninitializedCapacity: total) { buffer, initialized in
                nonisolated(unsafe) let buffer = buffer
                let copy = { @Sendable (mentors: Range<Int>) in
                    for mentor in mentors {
                        let list = listOfMentor[mentor]
                        guard list >= 0 else { continue }
                        let (_, part, first, end) = lists[list]
                        parts[part].withUnsafeBufferPointer { source in
                            _ = UnsafeMutableBufferPointer(rebasing: buffer[Int(listStart[mentor])..<Int(listStart[mentor + 1])])
                                .initialize(from: UnsafeBufferPointer(rebasing: source[first..<end]))
                        }
                    }
                }
                if middle == mentorCount {
                    copy(0..<mentorCount)
                } else {
                    _ = Concurrently.run({ copy(0..<middle) }, { copy(middle..<mentorCount) })
                }
                initialized = total
            }
            return (start, entries)
        }
    }

    /// Reads the members of "capacities" (from the first member's key to the closing `}`).
    ///
    /// The ids are looked up a batch at a time, their slots prefetched together (a quarter of
    /// a million mentors, each lookup a likely cache miss); each value is checked as soon as it
    /// is read, so errors come in file order as when reading one member at a time.
    private mutating func capacityMembers(into declarations: inout MentorDeclarations) throws(Failure) {
        let table = mentors
        // The capacities of the ids waiting in the batch, in order, and the ids' indices.
        var values = ContiguousArray<Int32>()
        var indices = ContiguousArray<Int32>()
        try Self.withKeyBatch { batch throws(Failure) in
            func settle() throws(Failure) {
                indices.removeAll(keepingCapacity: true)
                batch.intern(in: table, appendingTo: &indices)
                for (mentor, capacity) in zip(indices, values) {
                    try set(capacity, of: mentor)
                }
                values.removeAll(keepingCapacity: true)
            }
            func set(_ capacity: Int32, of mentor: Int32) throws(Failure) {
                declarations.declare(mentor)
                guard declarations.capacity[Int(mentor)] < 0 else {
                    throw .content("mentor '\(table.identifier(at: Int(mentor)))' appears twice in \"capacities\"")
                }
                declarations.capacity[Int(mentor)] = capacity
            }
            repeat {
                let token = try token()
                try expect(UInt8(ascii: ":"), "':'")
                let value = try number()
                let capacity = Int32(exactly: value).flatMap { $0 >= 0 ? $0 : nil }
                switch token {
                case .raw(let range) where capacity != nil:
                    if batch.isFull { try settle() }
                    batch.add(key(range), in: table, appendingTo: &indices)
                    values.append(capacity ?? 0)
                case .raw(let range):
                    try settle()
                    let mentor = table.index(of: key(range))
                    throw .content("capacity of '\(table.identifier(at: Int(mentor)))' must be a whole number, 0 or more")
                case .decoded(let decoded):
                    try settle()
                    let mentor = Self.index(of: decoded, in: table)
                    guard let capacity else {
                        declarations.declare(mentor)
                        throw .content("capacity of '\(table.identifier(at: Int(mentor)))' must be a whole number, 0 or more")
                    }
                    try set(capacity, of: mentor)
                }
            } while try continueObject()
            try settle()
        }
    }

    // MARK: - The mentees section in parallel

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
    private mutating func menteeMembers(
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
    private func sizeMenteeTable(members: Int, bytesRead: Int, sectionBytes: Int) {
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
    private static func withKeyBatch<Result>(_ body: (inout KeyBatch) throws(Failure) -> Result) throws(Failure) -> Result {
        try withUnsafeTemporaryAllocation(of: IdentifierKey.self, capacity: IdentifierTable.batchSize) {
            keys throws(Failure) -> Result in
            var batch = KeyBatch(keys: keys)
            return try body(&batch)
        }
    }

    /// Calls `body` with empty key batches for the mentees section.
    private static func withKeyBatches<Result>(
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
    private mutating func menteeMember(into lists: inout MenteeLists, batches: inout MenteeKeyBatches) throws(Failure) {
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
    private final class StopFlag: Sendable {
        private let stopped = Mutex(false)

        var isSet: Bool { stopped.withLock { $0 } }
        func set() { stopped.withLock { $0 = true } }
    }

    /// Reads the mentees section (from its first member) with two workers: this reader up to
    /// `split`, interning as always, and a second one from `split` to the section's end with
    /// tables of its own, whose ids are then interned here in its order of first appearance —
    /// exactly the indices of reading in order. When the first worker does not stop exactly at
    /// `split` (it was inside a string, or past the section), it goes on alone.
    private mutating func parallelMentees(split: Int, lists: inout MenteeLists) throws(Failure) {
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
    private mutating func menteePart(stop: StopFlag, sizingFor partBytes: Int) throws(Failure) -> MenteePart {
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
    private static func intern(_ ids: IdentifierBytes, in table: IdentifierTable) -> ContiguousArray<Int32> {
        var indices = ContiguousArray<Int32>()
        indices.reserveCapacity(ids.count)
        // A batch at a time, as the lists are (half a million ids, each a likely cache miss).
        ids.forEachKeyBatch { _, keys in
            table.indices(of: keys, appendingTo: &indices)
            return true
        }
        return indices
    }

    // MARK: - The mentors section in parallel

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
    private func mentorSplit() -> Int? {
        memberSplit(from: position + (bytes.count - position) / 2)
    }

    /// The `,` of the first `], "` from `guess` on (or from the tests' `splitSearchStart`); `nil`
    /// when less than `parallelMinimum` bytes follow `position`, or when there is none.
    private func memberSplit(from guess: Int) -> Int? {
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

    private static func isWhitespace(_ byte: UInt8) -> Bool {
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
    private mutating func parallelMentors(split: Int, into mentorLists: inout MentorLists) throws(Failure) {
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
    private mutating func mentorPart(until split: Int?) throws(Failure) -> MentorPart {
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
    private mutating func existingList(
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

    private static func existingIndex(of decoded: [UInt8], in table: IdentifierTable) -> Int? {
        decoded.withUnsafeBufferPointer { buffer in
            withUnsafePointer(to: UInt8(0)) { zero in
                table.existingIndex(of: IdentifierKey(buffer.baseAddress ?? zero, count: buffer.count, readable: buffer.count))
            }
        }
    }

    /// The first mentor id (in index order) that is also a mentee id, if any.
    private func sharedIdentifier() -> String? {
        let ids = IdentifierBytes(mentors)
        var shared: String?
        ids.forEachKeyBatch { first, keys in
            guard let found = mentees.firstExisting(in: keys) else { return true }
            shared = mentors.identifier(at: first + found)
            return false
        }
        return shared
    }

    // MARK: - JSON

    // The helpers below run once or twice per id: they are inlined into the loops, and the
    // description of what was expected is a StaticString, made a String only for an error.

    @inline(__always)
    private mutating func skipWhitespace() {
        while position < bytes.count {
            switch bytes[position] {
            case 0x20, 0x09, 0x0A, 0x0D: position += 1
            default: return
            }
        }
    }

    @inline(__always)
    private mutating func expect(_ byte: UInt8, _ description: StaticString) throws(Failure) {
        skipWhitespace()
        guard position < bytes.count, bytes[position] == byte else {
            throw .syntax(offset: position, expected: description.description)
        }
        position += 1
    }

    /// Whether the next byte is `byte` (consumed if so).
    @inline(__always)
    private mutating func take(_ byte: UInt8) -> Bool {
        skipWhitespace()
        guard position < bytes.count, bytes[position] == byte else { return false }
        position += 1
        return true
    }

    /// Reads `{`; `false` when the object is empty (its `}` read too).
    private mutating func openObject() throws(Failure) -> Bool {
        try expect(UInt8(ascii: "{"), "'{'")
        return !take(UInt8(ascii: "}"))
    }

    /// Reads a member's key and its `:`.
    private mutating func memberKey() throws(Failure) -> [UInt8] {
        let key = try string()
        try expect(UInt8(ascii: ":"), "':'")
        return key
    }

    /// After a member: `true` at `,` (another follows), `false` at `}`.
    @inline(__always)
    private mutating func continueObject() throws(Failure) -> Bool {
        if take(UInt8(ascii: ",")) { return true }
        try expect(UInt8(ascii: "}"), "',' or '}'")
        return false
    }

    private mutating func openArray() throws(Failure) -> Bool {
        try expect(UInt8(ascii: "["), "'['")
        return !take(UInt8(ascii: "]"))
    }

    @inline(__always)
    private mutating func continueArray() throws(Failure) -> Bool {
        if take(UInt8(ascii: ",")) { return true }
        try expect(UInt8(ascii: "]"), "',' or ']'")
        return false
    }

    /// A string's UTF-8 bytes, escapes decoded.
    private mutating func string() throws(Failure) -> [UInt8] {
        switch try token() {
        case .raw(let range): Array(bytes[range])
        case .decoded(let decoded): decoded
        }
    }

    /// A string as it stands in the file (no escapes: the common case, no copy) or decoded.
    enum Token {
        case raw(Range<Int>)
        case decoded([UInt8])
    }

    /// Reads a member's key as an id of `table` (interned, without copying it when it has no
    /// escapes) and its `:`.
    private mutating func memberIdentifier(in table: IdentifierTable) throws(Failure) -> Int32 {
        let index =
            switch try token() {
            case .raw(let range): table.index(of: key(range))
            case .decoded(let decoded): Self.index(of: decoded, in: table)
            }
        try expect(UInt8(ascii: ":"), "':'")
        return index
    }

    /// Reads a member `"id": [ids]` whose key is an id of `keys` and whose list holds ids of
    /// `listed` (their indices appended to `indices`); returns the key's index.
    ///
    /// The key is interned after its list is read, with its slot prefetched before: the cache
    /// miss of a new key in a large table overlaps reading the list instead of stalling.
    private mutating func listMember(
        keyIn keys: IdentifierTable, listIn listed: IdentifierTable, appendingTo indices: inout ContiguousArray<Int32>
    ) throws(Failure) -> Int32 {
        switch try token() {
        case .raw(let range):
            let key = key(range)
            keys.prefetch(key)
            try expect(UInt8(ascii: ":"), "':'")
            try identifierList(in: listed, appendingTo: &indices)
            return keys.index(of: key)
        case .decoded(let decoded):
            let index = Self.index(of: decoded, in: keys)
            try expect(UInt8(ascii: ":"), "':'")
            try identifierList(in: listed, appendingTo: &indices)
            return index
        }
    }

    /// Reads an array of ids of `table` and appends their indices to `indices`.
    ///
    /// The ids are hashed as they are read and looked up a batch at a time: see
    /// ``IdentifierTable/indices(of:appendingTo:)``.
    private mutating func identifierList(
        in table: IdentifierTable, appendingTo indices: inout ContiguousArray<Int32>
    ) throws(Failure) {
        try Self.withKeyBatch { batch throws(Failure) in
            try identifierList(in: table, into: &batch, appendingTo: &indices)
            batch.intern(in: table, appendingTo: &indices)
        }
    }

    /// Reads an array of ids of `table`: their keys wait in `batch` (interned onto `indices`
    /// when it is full, so a batch may span lists); an id with escapes is interned at once,
    /// after what is pending.
    @inline(__always)
    private mutating func identifierList(
        in table: IdentifierTable, into batch: inout KeyBatch, appendingTo indices: inout ContiguousArray<Int32>
    ) throws(Failure) {
        guard try openArray() else { return }
        repeat {
            if let key = shortListKey() {
                batch.add(key, in: table, appendingTo: &indices)
                continue
            }
            switch try token() {
            case .raw(let range): batch.add(key(range), in: table, appendingTo: &indices)
            case .decoded(let decoded):
                batch.intern(in: table, appendingTo: &indices)
                indices.append(Self.index(of: decoded, in: table))
            }
        } while try continueArray()
    }

    /// The key of the next id of a list when it is short and has no escapes, as most are: one
    /// eight-byte load finds its closing quote (a byte-parallel compare) and is the key's
    /// prefix as well. `nil` otherwise, having read only whitespace: then ``token()`` reads it.
    @inline(__always)
    private mutating func shortListKey() -> IdentifierKey? {
        skipWhitespace()
        guard position + 9 <= bytes.count, bytes[position] == UInt8(ascii: "\"") else { return nil }
        let word = UnsafeRawPointer(base + position + 1).loadUnaligned(as: UInt64.self).littleEndian
        let stops = Self.bytes(of: word, equalTo: UInt8(ascii: "\"")) | Self.bytes(of: word, equalTo: UInt8(ascii: "\\"))
        guard stops != 0 else { return nil }
        let count = stops.trailingZeroBitCount >> 3
        guard bytes[position + 1 + count] == UInt8(ascii: "\"") else { return nil }
        let key = IdentifierKey(base + position + 1, count: count, loaded: word)
        position += count + 2
        return key
    }

    /// The high bit of each byte of `word` equal to `byte`, exact up to and including the first
    /// such byte (a borrow may mark bytes after it): enough to find the first.
    @inline(__always)
    private static func bytes(of word: UInt64, equalTo byte: UInt8) -> UInt64 {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let difference = word ^ (ones &* UInt64(byte))
        return (difference &- ones) & ~difference & (ones << 7)
    }

    /// The key of the id at `range` of the file.
    @inline(__always)
    private func key(_ range: Range<Int>) -> IdentifierKey {
        IdentifierKey(base + range.lowerBound, count: range.count, readable: bytes.count - range.lowerBound)
    }

    private static func index(of decoded: [UInt8], in table: IdentifierTable) -> Int32 {
        decoded.withUnsafeBufferPointer { buffer in
            // An empty array may have no storage; any valid pointer does for zero bytes.
            withUnsafePointer(to: UInt8(0)) { zero in
                table.index(of: IdentifierKey(buffer.baseAddress ?? zero, count: buffer.count, readable: buffer.count))
            }
        }
    }

    /// The next string. The common case (no escapes) is inlined into the loops that read
    /// ids; escapes go to ``escapedToken(start:)``.
    @inline(__always)
    private mutating func token() throws(Failure) -> Token {
        try expect(UInt8(ascii: "\""), "a string")
        let start = position
        while position < bytes.count, bytes[position] != UInt8(ascii: "\""), bytes[position] != UInt8(ascii: "\\") {
            position += 1
        }
        if position < bytes.count, bytes[position] == UInt8(ascii: "\"") {
            position += 1
            return .raw(start..<(position - 1))
        }
        return try escapedToken(start: start)
    }

    /// The rest of a string that starts at `start` and has an escape (or no end) at `position`:
    /// rare, so decoded with Foundation.
    @inline(never)
    private mutating func escapedToken(start: Int) throws(Failure) -> Token {
        guard position < bytes.count else { throw .syntax(offset: start, expected: "the end of a string") }
        var end = position
        while end < bytes.count, bytes[end] != UInt8(ascii: "\"") { end += bytes[end] == UInt8(ascii: "\\") ? 2 : 1 }
        guard end < bytes.count else { throw .syntax(offset: start, expected: "the end of a string") }
        // A lone surrogate decodes to U+FFFD, so two different ids could print the same.
        if let offset = Self.loneSurrogateEscape(in: start..<end, of: bytes) {
            throw .syntax(offset: offset, expected: "a \\u escape that is a whole character (a lone surrogate half names none)")
        }
        let literal = Data(bytes[(start - 1)...end])
        guard let decoded = try? JSONDecoder().decode(String.self, from: literal) else {
            throw .syntax(offset: start, expected: "a valid string escape")
        }
        position = end + 1
        return .decoded(Array(decoded.utf8))
    }

    /// The offset of the first `\\uXXXX` escape in `range` that is half of a surrogate pair
    /// without its other half, if any.
    static func loneSurrogateEscape(in range: Range<Int>, of bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        func unit(at offset: Int) -> UInt32? {
            guard offset + 6 <= range.upperBound, bytes[offset] == UInt8(ascii: "\\"), bytes[offset + 1] == UInt8(ascii: "u")
            else { return nil }
            return UInt32(String(decoding: bytes[(offset + 2)..<(offset + 6)], as: UTF8.self), radix: 16)
        }
        var offset = range.lowerBound
        while offset < range.upperBound {
            guard bytes[offset] == UInt8(ascii: "\\") else {
                offset += 1
                continue
            }
            switch unit(at: offset) {
            case .some(0xD800...0xDBFF):
                guard let low = unit(at: offset + 6), (0xDC00...0xDFFF).contains(low) else { return offset }
                offset += 12
            case .some(0xDC00...0xDFFF):
                return offset
            case .some:
                offset += 6
            case nil:
                offset += 2
            }
        }
        return nil
    }

    /// Whether `byte` can be part of a JSON number.
    @inline(__always)
    private static func isNumberByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "e"),
            UInt8(ascii: "E"):
            true
        default: false
        }
    }

    private mutating func number() throws(Failure) -> Double {
        skipWhitespace()
        let start = position
        // Whole numbers (every capacity) without making a String: up to 15 digits are exact as
        // a Double, the value `Double(String)` gives for them.
        var whole: UInt64 = 0
        while position < bytes.count, position - start < 15, bytes[position] &- UInt8(ascii: "0") < 10 {
            whole = whole &* 10 &+ UInt64(bytes[position] &- UInt8(ascii: "0"))
            position += 1
        }
        if position > start, position == bytes.count || !Self.isNumberByte(bytes[position]) {
            return Double(whole)
        }
        while position < bytes.count, Self.isNumberByte(bytes[position]) { position += 1 }
        guard let value = Double(String(decoding: bytes[start..<position], as: UTF8.self)), value.isFinite else {
            throw .syntax(offset: start, expected: "a number")
        }
        return value
    }
}
