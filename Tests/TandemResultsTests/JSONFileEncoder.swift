import Foundation
import TandemSolve

@testable import TandemResults

/// Encodes an `Encodable` value to exactly the bytes of Foundation's `JSONEncoder` with
/// `[.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]` and `.convertToSnakeCase`, from the
/// same `Codable` conformances, writing each value as its conformance hands it over: no tree of
/// values, no sorting. The reference ``JSONFileWriter`` and the `matches.json` types' field
/// writers are checked against, through the types' `Codable` conformances.
///
/// So the types must declare their stored properties in the order of their keys (UTF-8 order
/// of the snake_case names), which is what sorting would give; a key out of order is an error,
/// and the tests compare this encoder's bytes with `JSONEncoder`'s. (Dictionaries, whose keys
/// come in hash order, are therefore not for this encoder.)
///
/// The layout: one member or element per line, indented two spaces a level, `"key" : value`;
/// an empty object or array as its brackets around a blank line; integers in decimal, doubles
/// as `description` without a trailing `.0`.
enum JSONFileEncoder {
    /// The JSON text of `value`.
    /// - Throws: ``Failure`` when a number is NaN or infinite, which JSON cannot hold, or when a
    ///   type's keys come out of order.
    static func encode<Value: Encodable>(_ value: Value) throws -> [UInt8] {
        let writer = Writer()
        try writer.write(value)
        if let failure = writer.failure { throw failure }
        return writer.bytes
    }

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }
}

extension JSONFileEncoder {
    /// The text so far and the containers still open.
    final class Writer {
        private(set) var bytes: [UInt8] = []
        /// The first failure where the `Encoder` API cannot throw (nested containers).
        private(set) var failure: Failure?
        /// Open objects and arrays, outermost first.
        private var open: [Container] = []
        /// Keys as written (quoted snake_case), each converted once: the same few keys repeat
        /// thousands of times.
        private var keyText: [String: (name: String, bytes: [UInt8])] = [:]

        private struct Container {
            var isObject: Bool
            var count = 0
            var lastKey = ""
        }

        init() {
            bytes.reserveCapacity(1 << 20)
        }

        /// Writes `value` where the next value goes, and closes whatever it opened.
        func write<Value: Encodable>(_ value: Value) throws {
            if try appendScalar(value) { return }
            let level = open.count
            try value.encode(to: StreamEncoder(writer: self, level: level))
            if open.count == level {
                // Encoded nothing: `JSONEncoder` writes an empty object.
                openContainer(isObject: true)
            }
            closeContainers(downTo: level)
        }

        /// Opens an object or array at the current position; it becomes level `open.count - 1`.
        func openContainer(isObject: Bool) {
            bytes.append(isObject ? UInt8(ascii: "{") : UInt8(ascii: "["))
            bytes.append(0x0A)
            open.append(Container(isObject: isObject))
        }

        /// Starts the next member (with `key`) or element (`nil`) of the container at `level`,
        /// first closing containers a previous entry left open inside it.
        func beginEntry(at level: Int, key: String?) throws {
            closeContainers(downTo: level + 1)
            if open[level].count > 0 { bytes.append(contentsOf: ",\n".utf8) }
            open[level].count += 1
            indent(level + 1)
            guard let key else { return }
            let converted = convert(key)
            if open[level].count > 1, !open[level].lastKey.utf8.lexicographicallyPrecedes(converted.name.utf8) {
                throw Failure(
                    description:
                        "key '\(converted.name)' comes after '\(open[level].lastKey)': declare the fields in key order")
            }
            open[level].lastKey = converted.name
            bytes.append(contentsOf: converted.bytes)
        }

        /// ``beginEntry(at:key:)`` for the callers that cannot throw: the failure is kept for the end.
        func beginEntryKeepingFailure(at level: Int, key: String?) {
            do {
                try beginEntry(at: level, key: key)
            } catch {
                failure = failure ?? (error as? Failure) ?? Failure(description: "\(error)")
            }
        }

        /// Closes containers until `level` remain open.
        func closeContainers(downTo level: Int) {
            while open.count > level {
                let container = open.removeLast()
                bytes.append(0x0A)
                indent(open.count)
                bytes.append(container.isObject ? UInt8(ascii: "}") : UInt8(ascii: "]"))
            }
        }

        func appendNull() {
            bytes.append(contentsOf: "null".utf8)
        }

        private func indent(_ level: Int) {
            bytes.append(contentsOf: repeatElement(UInt8(ascii: " "), count: 2 * level))
        }

        /// `menteeRank` → `"mentee_rank" : `: an underscore before each capital, all lower case.
        private func convert(_ key: String) -> (name: String, bytes: [UInt8]) {
            if let known = keyText[key] { return known }
            var name = ""
            for character in key {
                if character.isUppercase, !name.isEmpty { name.append("_") }
                name += character.lowercased()
            }
            var text: [UInt8] = []
            JSONText.append(string: name, to: &text)
            text.append(contentsOf: " : ".utf8)
            keyText[key] = (name, text)
            return (name, text)
        }

        /// Appends a scalar's literal (every type an encoder must take as a single value) and
        /// returns `true`; `false` for any other value. Types are compared, not cast: a failed
        /// dynamic cast is slow, and most values are not scalars.
        private func appendScalar<Value: Encodable>(_ value: Value) throws -> Bool {
            func digits(_ number: some BinaryInteger) { bytes.append(contentsOf: String(number).utf8) }
            switch Value.self {
            case is String.Type: JSONText.append(string: unsafeBitCast(value, to: String.self), to: &bytes)
            case is Int.Type: digits(unsafeBitCast(value, to: Int.self))
            case is Double.Type: try append(double: unsafeBitCast(value, to: Double.self))
            case is Bool.Type: bytes.append(contentsOf: (unsafeBitCast(value, to: Bool.self) ? "true" : "false").utf8)
            case is UInt64.Type: digits(unsafeBitCast(value, to: UInt64.self))
            case is Int8.Type: digits(unsafeBitCast(value, to: Int8.self))
            case is Int16.Type: digits(unsafeBitCast(value, to: Int16.self))
            case is Int32.Type: digits(unsafeBitCast(value, to: Int32.self))
            case is Int64.Type: digits(unsafeBitCast(value, to: Int64.self))
            case is UInt.Type: digits(unsafeBitCast(value, to: UInt.self))
            case is UInt8.Type: digits(unsafeBitCast(value, to: UInt8.self))
            case is UInt16.Type: digits(unsafeBitCast(value, to: UInt16.self))
            case is UInt32.Type: digits(unsafeBitCast(value, to: UInt32.self))
            case is Float.Type: try append(double: Double(unsafeBitCast(value, to: Float.self)))
            default: return false
            }
            return true
        }

        /// As `JSONEncoder` writes a `Double`: its `description` less a trailing `.0`.
        private func append(double number: Double) throws {
            guard number.isFinite else { throw Failure(description: "\(number) is not a number JSON can hold") }
            var text = number.description
            if text.hasSuffix(".0") { text.removeLast(2) }
            bytes.append(contentsOf: text.utf8)
        }
    }
}

/// The `Encoder` a value's conformance talks to: its container opens at `level`.
private struct StreamEncoder: Encoder {
    let writer: JSONFileEncoder.Writer
    let level: Int
    var codingPath: [any CodingKey] { [] }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        writer.openContainer(isObject: true)
        return KeyedEncodingContainer(KeyedContainer<Key>(writer: writer, level: level))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        writer.openContainer(isObject: false)
        return UnkeyedContainer(writer: writer, level: level)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer {
        SingleValueContainer(writer: writer)
    }
}

private struct KeyedContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let writer: JSONFileEncoder.Writer
    let level: Int
    var codingPath: [any CodingKey] { [] }

    mutating func encodeNil(forKey key: Key) throws {
        try writer.beginEntry(at: level, key: key.stringValue)
        writer.appendNull()
    }

    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        try writer.beginEntry(at: level, key: key.stringValue)
        try writer.write(value)
    }

    // Nested containers stay open until the next entry of this one, or its end.
    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key)
        -> KeyedEncodingContainer<NestedKey>
    {
        writer.beginEntryKeepingFailure(at: level, key: key.stringValue)
        writer.openContainer(isObject: true)
        return KeyedEncodingContainer(KeyedContainer<NestedKey>(writer: writer, level: level + 1))
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        writer.beginEntryKeepingFailure(at: level, key: key.stringValue)
        writer.openContainer(isObject: false)
        return UnkeyedContainer(writer: writer, level: level + 1)
    }

    mutating func superEncoder() -> any Encoder {
        writer.beginEntryKeepingFailure(at: level, key: "super")
        return StreamEncoder(writer: writer, level: level + 1)
    }

    mutating func superEncoder(forKey key: Key) -> any Encoder {
        writer.beginEntryKeepingFailure(at: level, key: key.stringValue)
        return StreamEncoder(writer: writer, level: level + 1)
    }
}

private struct UnkeyedContainer: UnkeyedEncodingContainer {
    let writer: JSONFileEncoder.Writer
    let level: Int
    private(set) var count = 0
    var codingPath: [any CodingKey] { [] }

    init(writer: JSONFileEncoder.Writer, level: Int) {
        self.writer = writer
        self.level = level
    }

    mutating func encodeNil() throws {
        try writer.beginEntry(at: level, key: nil)
        writer.appendNull()
        count += 1
    }

    mutating func encode<T: Encodable>(_ value: T) throws {
        try writer.beginEntry(at: level, key: nil)
        try writer.write(value)
        count += 1
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        writer.beginEntryKeepingFailure(at: level, key: nil)
        writer.openContainer(isObject: true)
        count += 1
        return KeyedEncodingContainer(KeyedContainer<NestedKey>(writer: writer, level: level + 1))
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        writer.beginEntryKeepingFailure(at: level, key: nil)
        writer.openContainer(isObject: false)
        count += 1
        return UnkeyedContainer(writer: writer, level: level + 1)
    }

    mutating func superEncoder() -> any Encoder {
        writer.beginEntryKeepingFailure(at: level, key: nil)
        count += 1
        return StreamEncoder(writer: writer, level: level + 1)
    }
}

private struct SingleValueContainer: SingleValueEncodingContainer {
    let writer: JSONFileEncoder.Writer
    var codingPath: [any CodingKey] { [] }

    mutating func encodeNil() throws { writer.appendNull() }

    mutating func encode<T: Encodable>(_ value: T) throws { try writer.write(value) }
}

extension MatchesFile {
    /// The file's bytes through the `Codable` conformance: what ``encoded()`` is checked against.
    func encodedThroughCodable() throws -> Data {
        var bytes = try JSONFileEncoder.encode(self)
        bytes.append(0x0A)
        return Data(bytes)
    }
}
