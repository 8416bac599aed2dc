import Foundation
import StableMatching

/// A fast reader of the `tandem solve` format straight into dense indices.
///
/// `JSONDecoder` builds a dictionary of arrays of `String`s and then every id is hashed again to
/// index it: for 10^6 mentees with 10^7 list entries that alone took tens of seconds. This reader
/// walks the bytes once and interns each id by its bytes in an open-addressing table, so an
/// entry costs one hash of a few bytes. Ids with escape sequences are decoded exactly.
public struct SolveInstanceReader {
    /// The instance and its ids, indices in order of first appearance in the file.
    public struct Parsed: Sendable {
        public var menteeIDs: [String]
        public var mentorIDs: [String]
        public var instance: MatchingInstance
        /// Per mentee, the weights object as read (mentor index → weight), if any.
        public var weights: [Int32: [Int32: Double]]?

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
    }

    private let bytes: UnsafeBufferPointer<UInt8>
    private var position = 0
    private var mentees = IdentifierTable()
    private var mentors = IdentifierTable()

    private init(bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
    }

    /// Parses `data`.
    /// - Throws: ``TandemFailure`` (65) naming the byte offset of a syntax error, or the first
    ///   inconsistent id.
    public static func parse(_ data: Data, file: String) throws(TandemFailure) -> Parsed {
        let result: Result<Parsed, Failure> = data.withUnsafeBytes { raw in
            var reader = SolveInstanceReader(bytes: raw.bindMemory(to: UInt8.self))
            do throws(Failure) {
                return .success(try reader.document())
            } catch {
                return .failure(error)
            }
        }
        switch result {
        case .success(let parsed): return parsed
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
        var menteeStart: [Int32] = []
        var menteeEntries: [Int32] = []
        var menteeOfList: [Int32] = []
        var mentorLists: [(mentor: Int32, start: Int, end: Int)] = []
        var mentorEntries: [Int32] = []
        var capacityOf: [Int32: Int32] = [:]
        var weights: [Int32: [Int32: Double]]?
        var declaredMentors = Set<Int32>()
        var sawMentees = false
        var sawMentors = false
        var sawCapacities = false

        if try openObject() {
            repeat {
                let key = try memberKey()
                switch String(decoding: key, as: UTF8.self) {
                case "mentees":
                    sawMentees = true
                    if try openObject() {
                        repeat {
                            menteeOfList.append(mentees.index(of: try memberKey()))
                            menteeStart.append(Int32(menteeEntries.count))
                            if try openArray() {
                                repeat { menteeEntries.append(try identifier(in: .hospital)) } while try continueArray()
                            }
                        } while try continueObject()
                    }
                case "mentors":
                    sawMentors = true
                    if try openObject() {
                        repeat {
                            let mentor = mentors.index(of: try memberKey())
                            declaredMentors.insert(mentor)
                            let start = mentorEntries.count
                            if try openArray() {
                                repeat { mentorEntries.append(try identifier(in: .resident)) } while try continueArray()
                            }
                            mentorLists.append((mentor, start, mentorEntries.count))
                        } while try continueObject()
                    }
                case "capacities":
                    sawCapacities = true
                    if try openObject() {
                        repeat {
                            let id = try memberKey()
                            let mentor = mentors.index(of: id)
                            declaredMentors.insert(mentor)
                            let value = try number()
                            guard let capacity = Int32(exactly: value), capacity >= 0 else {
                                throw .content(
                                    "capacity of '\(String(decoding: id, as: UTF8.self))' must be a whole number, 0 or more")
                            }
                            capacityOf[mentor] = capacity
                        } while try continueObject()
                    }
                case "weights":
                    var table: [Int32: [Int32: Double]] = [:]
                    if try openObject() {
                        repeat {
                            let mentee = mentees.index(of: try memberKey())
                            if try openObject() {
                                repeat {
                                    let mentor = mentors.index(of: try memberKey())
                                    table[mentee, default: [:]][mentor] = try number()
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

        // Every id used must be declared on its side.
        let menteeIDs = mentees.identifiers
        let mentorIDs = mentors.identifiers
        let declaredMentees = Set(menteeOfList)
        if let unknown = (0..<Int32(menteeIDs.count)).first(where: { !declaredMentees.contains($0) }) {
            throw .content("'\(menteeIDs[Int(unknown)])' is listed by a mentor but is not a mentee")
        }
        if let unknown = (0..<Int32(mentorIDs.count)).first(where: { !declaredMentors.contains($0) }) {
            throw .content("'\(mentorIDs[Int(unknown)])' is listed by a mentee but is not a mentor")
        }
        if let missing = (0..<Int32(mentorIDs.count)).first(where: { capacityOf[$0] == nil }) {
            throw .content("mentor '\(mentorIDs[Int(missing)])' has no capacity; every mentor needs one")
        }
        if declaredMentees.count != menteeOfList.count { throw .content("a mentee appears twice in \"mentees\"") }
        if Set(mentorLists.map(\.mentor)).count != mentorLists.count { throw .content("a mentor appears twice in \"mentors\"") }
        if let shared = Set(menteeIDs).intersection(mentorIDs).first {
            throw .content("'\(shared)' is both a mentee and a mentor; ids must be unique")
        }

        // CSR in index order (keys may come in any order in the file).
        var residentOrder = [Int](repeating: -1, count: menteeIDs.count)
        for (list, mentee) in menteeOfList.enumerated() { residentOrder[Int(mentee)] = list }
        var residentListStart = ContiguousArray<Int32>(repeating: 0, count: menteeIDs.count + 1)
        var residentLists = ContiguousArray<Int32>()
        residentLists.reserveCapacity(menteeEntries.count)
        for mentee in 0..<menteeIDs.count {
            let list = residentOrder[mentee]
            let end = list + 1 < menteeStart.count ? Int(menteeStart[list + 1]) : menteeEntries.count
            residentLists.append(contentsOf: menteeEntries[Int(menteeStart[list])..<end])
            residentListStart[mentee + 1] = Int32(residentLists.count)
        }
        var hospitalOrder = [Int](repeating: -1, count: mentorIDs.count)
        for (list, entry) in mentorLists.enumerated() { hospitalOrder[Int(entry.mentor)] = list }
        var hospitalListStart = ContiguousArray<Int32>(repeating: 0, count: mentorIDs.count + 1)
        var hospitalLists = ContiguousArray<Int32>()
        hospitalLists.reserveCapacity(mentorEntries.count)
        for mentor in 0..<mentorIDs.count {
            let list = hospitalOrder[mentor]
            if list >= 0 { hospitalLists.append(contentsOf: mentorEntries[mentorLists[list].start..<mentorLists[list].end]) }
            hospitalListStart[mentor + 1] = Int32(hospitalLists.count)
        }
        let capacities = ContiguousArray((0..<Int32(mentorIDs.count)).map { capacityOf[$0] ?? 0 })
        do {
            let instance = try MatchingInstance(
                residentListStart: residentListStart, residentLists: residentLists, hospitalListStart: hospitalListStart,
                hospitalLists: hospitalLists, capacities: capacities)
            return Parsed(menteeIDs: menteeIDs, mentorIDs: mentorIDs, instance: instance, weights: weights)
        } catch {
            throw .content("is not a valid instance: \(error)")
        }
    }

    // MARK: - JSON

    private mutating func skipWhitespace() {
        while position < bytes.count {
            switch bytes[position] {
            case 0x20, 0x09, 0x0A, 0x0D: position += 1
            default: return
            }
        }
    }

    private mutating func expect(_ byte: UInt8, _ description: String) throws(Failure) {
        skipWhitespace()
        guard position < bytes.count, bytes[position] == byte else { throw .syntax(offset: position, expected: description) }
        position += 1
    }

    /// Whether the next byte is `byte` (consumed if so).
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
    private mutating func continueObject() throws(Failure) -> Bool {
        if take(UInt8(ascii: ",")) { return true }
        try expect(UInt8(ascii: "}"), "',' or '}'")
        return false
    }

    private mutating func openArray() throws(Failure) -> Bool {
        try expect(UInt8(ascii: "["), "'['")
        return !take(UInt8(ascii: "]"))
    }

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

    /// The index of the next string in `table`, interned without copying it when it has no escapes.
    private mutating func identifier(in side: Side) throws(Failure) -> Int32 {
        let next = try token()
        let buffer = bytes
        switch (next, side) {
        case (.raw(let range), .resident): return mentees.index(of: UnsafeBufferPointer(rebasing: buffer[range]))
        case (.raw(let range), .hospital): return mentors.index(of: UnsafeBufferPointer(rebasing: buffer[range]))
        case (.decoded(let decoded), .resident): return decoded.withUnsafeBufferPointer { mentees.index(of: $0) }
        case (.decoded(let decoded), .hospital): return decoded.withUnsafeBufferPointer { mentors.index(of: $0) }
        }
    }

    private mutating func token() throws(Failure) -> Token {
        try expect(UInt8(ascii: "\""), "a string")
        let start = position
        while position < bytes.count, bytes[position] != UInt8(ascii: "\""), bytes[position] != UInt8(ascii: "\\") {
            position += 1
        }
        guard position < bytes.count else { throw .syntax(offset: start, expected: "the end of a string") }
        if bytes[position] == UInt8(ascii: "\"") {
            position += 1
            return .raw(start..<(position - 1))
        }
        // Rare: escapes. Decode this one string with Foundation.
        var end = position
        while end < bytes.count, bytes[end] != UInt8(ascii: "\"") { end += bytes[end] == UInt8(ascii: "\\") ? 2 : 1 }
        guard end < bytes.count else { throw .syntax(offset: start, expected: "the end of a string") }
        let literal = Data(bytes[(start - 1)...end])
        guard let decoded = try? JSONDecoder().decode(String.self, from: literal) else {
            throw .syntax(offset: start, expected: "a valid string escape")
        }
        position = end + 1
        return .decoded(Array(decoded.utf8))
    }

    private mutating func number() throws(Failure) -> Double {
        skipWhitespace()
        let start = position
        while position < bytes.count, "+-0123456789.eE".utf8.contains(bytes[position]) { position += 1 }
        guard let value = Double(String(decoding: bytes[start..<position], as: UTF8.self)), value.isFinite else {
            throw .syntax(offset: start, expected: "a number")
        }
        return value
    }
}

/// Ids interned by their UTF-8 bytes in an open-addressing hash table (linear probing).
///
/// Each slot keeps the id's first eight bytes packed into a word beside its length and index,
/// so a lookup of a typical short id touches one cache line; longer ids are compared in full.
struct IdentifierTable {
    private struct Slot {
        /// The id's first (up to) eight bytes, little-endian.
        var prefix: UInt64
        /// `length << 32 | index + 1`; 0 marks an empty slot.
        var lengthAndIndex: UInt64
    }

    private var arena: [UInt8] = []
    private var offsets: [Int] = [0]
    private var slots = [Slot](repeating: Slot(prefix: 0, lengthAndIndex: 0), count: 1024)

    var count: Int { offsets.count - 1 }

    var identifiers: [String] {
        (0..<count).map { String(decoding: arena[offsets[$0]..<offsets[$0 + 1]], as: UTF8.self) }
    }

    /// The index of `id`, adding it if new.
    mutating func index(of id: [UInt8]) -> Int32 {
        id.withUnsafeBufferPointer { index(of: $0) }
    }

    /// The index of `id`, adding it if new.
    mutating func index(of id: UnsafeBufferPointer<UInt8>) -> Int32 {
        if count * 2 >= slots.count { grow() }
        let prefix = Self.prefix(id)
        let mask = slots.count - 1
        var slot = Int(Self.hash(id) & UInt64(mask))
        while true {
            let entry = slots[slot]
            if entry.lengthAndIndex == 0 {
                let index = count
                slots[slot] = Slot(prefix: prefix, lengthAndIndex: UInt64(id.count) << 32 | UInt64(index + 1))
                arena.append(contentsOf: id)
                offsets.append(arena.count)
                return Int32(index)
            }
            if entry.prefix == prefix, Int(entry.lengthAndIndex >> 32) == id.count {
                let index = Int(entry.lengthAndIndex & 0xFFFF_FFFF) - 1
                if id.count <= 8 || tailMatches(index, id) { return Int32(index) }
            }
            slot = (slot + 1) & mask
        }
    }

    private func tailMatches(_ index: Int, _ id: UnsafeBufferPointer<UInt8>) -> Bool {
        let start = offsets[index]
        return arena.withUnsafeBufferPointer { stored in
            guard let storedBase = stored.baseAddress, let idBase = id.baseAddress else { return id.isEmpty }
            return memcmp(storedBase + start, idBase, id.count) == 0
        }
    }

    private mutating func grow() {
        var larger = [Slot](repeating: Slot(prefix: 0, lengthAndIndex: 0), count: slots.count * 2)
        let mask = larger.count - 1
        for entry in slots where entry.lengthAndIndex != 0 {
            let index = Int(entry.lengthAndIndex & 0xFFFF_FFFF) - 1
            let hash = arena.withUnsafeBufferPointer {
                Self.hash(UnsafeBufferPointer(rebasing: $0[offsets[index]..<offsets[index + 1]]))
            }
            var slot = Int(hash & UInt64(mask))
            while larger[slot].lengthAndIndex != 0 { slot = (slot + 1) & mask }
            larger[slot] = entry
        }
        slots = larger
    }

    private static func prefix(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var value: UInt64 = 0
        for (offset, byte) in bytes.prefix(8).enumerated() { value |= UInt64(byte) << UInt64(8 * offset) }
        return value
    }

    private static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var value: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes { value = (value ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
        return SeededGenerator.mix(value)
    }
}
