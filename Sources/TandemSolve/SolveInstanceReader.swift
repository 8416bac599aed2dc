import Foundation
import StableMatching
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

    let bytes: UnsafeBufferPointer<UInt8>
    let base: UnsafePointer<UInt8>
    var position = 0
    var mentees = IdentifierTable()
    var mentors = IdentifierTable()
    /// The mentors section is read by two workers when what follows its start is at least this
    /// many bytes (`Int.max`: never).
    let parallelMinimum: Int
    /// Where to start looking for the split of the mentors section (`nil`: halfway through what
    /// follows its start); tests move it over the whole file.
    let splitSearchStart: Int?

    init(
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

    mutating func document() throws(Failure) -> Parsed {
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
    mutating func capacityMembers(into declarations: inout MentorDeclarations) throws(Failure) {
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
}
