import TandemSolve

/// Encodes an `Encodable` value to exactly the bytes of Foundation's `JSONEncoder` with
/// `[.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]` and `.convertToSnakeCase`, from the
/// same `Codable` conformances, in a tenth of the time: `JSONEncoder` spent about a second on
/// the 10 MB `matches.json` of 10,000 mentees (docs/performance.md). The tests compare the two
/// encoders' bytes.
///
/// The layout: one member or element per line, indented two spaces a level, `"key" : value`,
/// members sorted by the UTF-8 bytes of their keys; an empty object or array as its brackets
/// around a blank line; integers in decimal, doubles as `description` without a trailing `.0`.
enum JSONFileEncoder {
    /// The JSON text of `value`.
    /// - Throws: ``Failure`` when a number is NaN or infinite, which JSON cannot hold.
    static func encode<Value: Encodable>(_ value: Value) throws -> [UInt8] {
        let context = Context()
        let tree = try TreeEncoder.tree(of: value, context: context)
        var bytes: [UInt8] = []
        bytes.reserveCapacity(context.literals.count * 2)
        write(tree, depth: 0, literals: context.literals, to: &bytes)
        return bytes
    }

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    private static func write(_ node: Node, depth: Int, literals: [UInt8], to bytes: inout [UInt8]) {
        switch node {
        case .literal(let range):
            bytes.append(contentsOf: literals[range])
        case .array(let array):
            bytes.append(contentsOf: "[\n".utf8)
            for (index, item) in array.items.enumerated() {
                if index > 0 { bytes.append(contentsOf: ",\n".utf8) }
                indent(depth + 1, &bytes)
                write(item, depth: depth + 1, literals: literals, to: &bytes)
            }
            bytes.append(0x0A)
            indent(depth, &bytes)
            bytes.append(UInt8(ascii: "]"))
        case .object(let object):
            bytes.append(contentsOf: "{\n".utf8)
            // Usually already sorted: the file's types declare their fields in key order.
            func precedes(_ first: ObjectNode.Member, _ second: ObjectNode.Member) -> Bool {
                first.key.utf8.lexicographicallyPrecedes(second.key.utf8)
            }
            var members = object.members
            if zip(members, members.dropFirst()).contains(where: { !precedes($0, $1) }) { members.sort(by: precedes) }
            for (index, member) in members.enumerated() {
                if index > 0 { bytes.append(contentsOf: ",\n".utf8) }
                indent(depth + 1, &bytes)
                JSONText.append(string: member.key, to: &bytes)
                bytes.append(contentsOf: " : ".utf8)
                write(member.value, depth: depth + 1, literals: literals, to: &bytes)
            }
            bytes.append(0x0A)
            indent(depth, &bytes)
            bytes.append(UInt8(ascii: "}"))
        }
    }

    private static func indent(_ depth: Int, _ bytes: inout [UInt8]) {
        bytes.append(contentsOf: repeatElement(UInt8(ascii: " "), count: 2 * depth))
    }
}

extension JSONFileEncoder {
    /// A value on its way to text: a finished literal (its bytes in ``Context/literals``), or a
    /// container still being filled.
    enum Node {
        case literal(Range<Int>)
        case array(ArrayNode)
        case object(ObjectNode)
    }

    final class ArrayNode {
        var items: [Node] = []
    }

    final class ObjectNode {
        typealias Member = (key: String, value: Node)
        var members: [Member] = []
    }

    /// What one encoding shares: the literals' bytes, one after another (rather than an array
    /// each), and the keys converted so far.
    final class Context {
        var literals: [UInt8] = []
        private var converted: [String: String] = [:]

        /// `null`.
        func null() -> Node {
            let start = literals.count
            literals.append(contentsOf: "null".utf8)
            return .literal(start..<literals.count)
        }

        /// The literal of a scalar (every type an encoder must take as a single value); `nil`
        /// for any other value. Types are compared, not cast: a failed dynamic cast is slow, and
        /// most values are not scalars.
        func literal<Value: Encodable>(of value: Value) throws -> Node? {
            let start = literals.count
            func digits(_ number: some BinaryInteger) { literals.append(contentsOf: String(number).utf8) }
            switch Value.self {
            case is String.Type: JSONText.append(string: unsafeBitCast(value, to: String.self), to: &literals)
            case is Int.Type: digits(unsafeBitCast(value, to: Int.self))
            case is Double.Type: try append(double: unsafeBitCast(value, to: Double.self))
            case is Bool.Type: literals.append(contentsOf: (unsafeBitCast(value, to: Bool.self) ? "true" : "false").utf8)
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
            default: return nil
            }
            return .literal(start..<literals.count)
        }

        /// As `JSONEncoder` writes a `Double`: its `description` less a trailing `.0`.
        private func append(double number: Double) throws {
            guard number.isFinite else { throw Failure(description: "\(number) is not a number JSON can hold") }
            var text = number.description
            if text.hasSuffix(".0") { text.removeLast(2) }
            literals.append(contentsOf: text.utf8)
        }

        /// `menteeRank` → `mentee_rank`: an underscore before each capital, all lower case.
        func snakeCase(_ key: String) -> String {
            if let known = converted[key] { return known }
            var result = ""
            for character in key {
                if character.isUppercase, !result.isEmpty { result.append("_") }
                result += character.lowercased()
            }
            converted[key] = result
            return result
        }
    }
}

/// The `Encoder` the values' conformances talk to: it builds a ``JSONFileEncoder/Node`` tree.
private final class TreeEncoder: Encoder {
    typealias Node = JSONFileEncoder.Node

    let codingPath: [any CodingKey] = []
    let userInfo: [CodingUserInfoKey: Any] = [:]
    let context: JSONFileEncoder.Context
    /// Where the value goes when it is not simply returned (a superclass's part).
    private let place: Place?
    var node: Node? {
        didSet {
            guard let node else { return }
            switch place {
            case .member(let object, let index): object.members[index].value = node
            case .element(let array): array.items[array.items.count - 1] = node
            case nil: break
            }
        }
    }

    private enum Place {
        case member(JSONFileEncoder.ObjectNode, Int)
        case element(JSONFileEncoder.ArrayNode)
    }

    init(context: JSONFileEncoder.Context) {
        self.context = context
        place = nil
    }

    /// An encoder whose value replaces member `index` of `object`.
    init(context: JSONFileEncoder.Context, into object: JSONFileEncoder.ObjectNode, at index: Int) {
        self.context = context
        place = .member(object, index)
    }

    /// An encoder whose value replaces the last element of `array`.
    init(context: JSONFileEncoder.Context, into array: JSONFileEncoder.ArrayNode) {
        self.context = context
        place = .element(array)
    }

    /// The tree of `value`: scalars directly, anything else through its conformance.
    static func tree(of value: some Encodable, context: JSONFileEncoder.Context) throws -> Node {
        if let literal = try context.literal(of: value) { return literal }
        let encoder = TreeEncoder(context: context)
        try value.encode(to: encoder)
        return encoder.node ?? .object(JSONFileEncoder.ObjectNode())
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        let object: JSONFileEncoder.ObjectNode
        if case .object(let existing) = node {
            object = existing
        } else {
            object = JSONFileEncoder.ObjectNode()
            node = .object(object)
        }
        return KeyedEncodingContainer(KeyedContainer<Key>(object: object, context: context))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        let array: JSONFileEncoder.ArrayNode
        if case .array(let existing) = node {
            array = existing
        } else {
            array = JSONFileEncoder.ArrayNode()
            node = .array(array)
        }
        return UnkeyedContainer(array: array, context: context)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer {
        SingleValueContainer(encoder: self)
    }
}

private struct KeyedContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let object: JSONFileEncoder.ObjectNode
    let context: JSONFileEncoder.Context
    var codingPath: [any CodingKey] { [] }

    private func add(_ node: JSONFileEncoder.Node, _ key: Key) {
        object.members.append((context.snakeCase(key.stringValue), node))
    }

    mutating func encodeNil(forKey key: Key) throws { add(context.null(), key) }

    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        add(try TreeEncoder.tree(of: value, context: context), key)
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key)
        -> KeyedEncodingContainer<NestedKey>
    {
        let nested = JSONFileEncoder.ObjectNode()
        add(.object(nested), key)
        return KeyedEncodingContainer(KeyedContainer<NestedKey>(object: nested, context: context))
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        let nested = JSONFileEncoder.ArrayNode()
        add(.array(nested), key)
        return UnkeyedContainer(array: nested, context: context)
    }

    mutating func superEncoder() -> any Encoder {
        object.members.append(("super", .object(JSONFileEncoder.ObjectNode())))
        return TreeEncoder(context: context, into: object, at: object.members.count - 1)
    }

    mutating func superEncoder(forKey key: Key) -> any Encoder {
        add(.object(JSONFileEncoder.ObjectNode()), key)
        return TreeEncoder(context: context, into: object, at: object.members.count - 1)
    }
}

private struct UnkeyedContainer: UnkeyedEncodingContainer {
    let array: JSONFileEncoder.ArrayNode
    let context: JSONFileEncoder.Context
    var codingPath: [any CodingKey] { [] }
    var count: Int { array.items.count }

    mutating func encodeNil() throws { array.items.append(context.null()) }

    mutating func encode<T: Encodable>(_ value: T) throws {
        array.items.append(try TreeEncoder.tree(of: value, context: context))
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        let nested = JSONFileEncoder.ObjectNode()
        array.items.append(.object(nested))
        return KeyedEncodingContainer(KeyedContainer<NestedKey>(object: nested, context: context))
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        let nested = JSONFileEncoder.ArrayNode()
        array.items.append(.array(nested))
        return UnkeyedContainer(array: nested, context: context)
    }

    mutating func superEncoder() -> any Encoder {
        let nested = JSONFileEncoder.ArrayNode()
        array.items.append(.array(nested))
        return TreeEncoder(context: context, into: nested)
    }
}

private struct SingleValueContainer: SingleValueEncodingContainer {
    let encoder: TreeEncoder
    var codingPath: [any CodingKey] { [] }

    mutating func encodeNil() throws { encoder.node = encoder.context.null() }

    mutating func encode<T: Encodable>(_ value: T) throws {
        encoder.node = try TreeEncoder.tree(of: value, context: encoder.context)
    }
}
