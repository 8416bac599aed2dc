import Foundation
import StableMatching
import TandemCore

// The JSON tokens the reader walks: whitespace, punctuation, strings with their escapes, numbers.
extension SolveInstanceReader {
    // The helpers below run once or twice per id: they are inlined into the loops, and the
    // description of what was expected is a StaticString, made a String only for an error.

    @inline(__always)
    mutating func skipWhitespace() {
        while position < bytes.count {
            switch bytes[position] {
            case 0x20, 0x09, 0x0A, 0x0D: position += 1
            default: return
            }
        }
    }

    @inline(__always)
    mutating func expect(_ byte: UInt8, _ description: StaticString) throws(Failure) {
        skipWhitespace()
        guard position < bytes.count, bytes[position] == byte else {
            throw .syntax(offset: position, expected: description.description)
        }
        position += 1
    }

    /// Whether the next byte is `byte` (consumed if so).
    @inline(__always)
    mutating func take(_ byte: UInt8) -> Bool {
        skipWhitespace()
        guard position < bytes.count, bytes[position] == byte else { return false }
        position += 1
        return true
    }

    /// Reads `{`; `false` when the object is empty (its `}` read too).
    mutating func openObject() throws(Failure) -> Bool {
        try expect(UInt8(ascii: "{"), "'{'")
        return !take(UInt8(ascii: "}"))
    }

    /// Reads a member's key and its `:`.
    mutating func memberKey() throws(Failure) -> [UInt8] {
        let key = try string()
        try expect(UInt8(ascii: ":"), "':'")
        return key
    }

    /// After a member: `true` at `,` (another follows), `false` at `}`.
    @inline(__always)
    mutating func continueObject() throws(Failure) -> Bool {
        if take(UInt8(ascii: ",")) { return true }
        try expect(UInt8(ascii: "}"), "',' or '}'")
        return false
    }

    mutating func openArray() throws(Failure) -> Bool {
        try expect(UInt8(ascii: "["), "'['")
        return !take(UInt8(ascii: "]"))
    }

    @inline(__always)
    mutating func continueArray() throws(Failure) -> Bool {
        if take(UInt8(ascii: ",")) { return true }
        try expect(UInt8(ascii: "]"), "',' or ']'")
        return false
    }

    /// A string's UTF-8 bytes, escapes decoded.
    mutating func string() throws(Failure) -> [UInt8] {
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
    mutating func memberIdentifier(in table: IdentifierTable) throws(Failure) -> Int32 {
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
    mutating func listMember(
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
    mutating func identifierList(
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
    mutating func identifierList(
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
    mutating func shortListKey() -> IdentifierKey? {
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
    static func bytes(of word: UInt64, equalTo byte: UInt8) -> UInt64 {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let difference = word ^ (ones &* UInt64(byte))
        return (difference &- ones) & ~difference & (ones << 7)
    }

    /// The key of the id at `range` of the file.
    @inline(__always)
    func key(_ range: Range<Int>) -> IdentifierKey {
        IdentifierKey(base + range.lowerBound, count: range.count, readable: bytes.count - range.lowerBound)
    }

    static func index(of decoded: [UInt8], in table: IdentifierTable) -> Int32 {
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
    mutating func token() throws(Failure) -> Token {
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
    mutating func escapedToken(start: Int) throws(Failure) -> Token {
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
    static func isNumberByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "e"),
            UInt8(ascii: "E"):
            true
        default: false
        }
    }

    mutating func number() throws(Failure) -> Double {
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
