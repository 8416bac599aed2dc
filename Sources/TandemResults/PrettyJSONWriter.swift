import Foundation
import TandemCore
import TandemSolve

/// JSON written straight into bytes in exactly the layout of Foundation's `JSONEncoder` with
/// `[.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]`, for files whose bytes were once
/// that encoder's and must stay the same:
///
/// - one member or element per line, indented two spaces per level, `"key" : value`;
/// - an empty object or array as its brackets around a blank line (`[\n\n  ]`);
/// - strings escaped as the encoder does (``JSONText/ShortEscapes/likeJSONEncoder``), `/` and
///   non-ASCII left as they are;
/// - integers in decimal, doubles as `Double.description` without a trailing `.0`.
///
/// The encoder sorts keys by their UTF-8 bytes; callers give members in that order.
struct PrettyJSONWriter {
    private var bytes: [UInt8] = []
    /// Containers open around the next member or element.
    private var depth = 0
    /// Whether the innermost open container has had no member or element yet.
    private var containerIsEmpty = true
    /// The first number JSON cannot hold (NaN, ±infinity); the encoder refuses the whole document.
    private var unrepresentable: Double?

    init(reservingCapacity capacity: Int) {
        bytes.reserveCapacity(capacity)
    }

    /// The bytes written and a final newline, as a text file ends.
    /// - Throws: ``TandemFailure`` when a number was NaN or infinite, as `JSONEncoder` would.
    consuming func finishedFile() throws(TandemFailure) -> Data {
        if let unrepresentable {
            throw TandemFailure(.software, "could not encode JSON: \(unrepresentable) is not a number JSON can hold")
        }
        bytes.append(0x0A)
        return Data(bytes)
    }

    /// An object whose members `body` writes with ``key(_:)-(StaticString)`` and a value each.
    mutating func object(_ body: (inout PrettyJSONWriter) -> Void) {
        open(UInt8(ascii: "{"))
        body(&self)
        close(UInt8(ascii: "}"))
    }

    /// An array of `elements`, each written by `element`.
    mutating func array<Elements: Sequence>(
        _ elements: Elements, _ element: (inout PrettyJSONWriter, Elements.Element) -> Void
    ) {
        open(UInt8(ascii: "["))
        for item in elements {
            startEntry()
            element(&self, item)
        }
        close(UInt8(ascii: "]"))
    }

    /// Starts an object member; the next value written is its value.
    mutating func key(_ name: StaticString) {
        startEntry()
        bytes.append(UInt8(ascii: "\""))
        name.withUTF8Buffer { bytes.append(contentsOf: $0) }
        bytes.append(contentsOf: "\" : ".utf8)
    }

    /// Starts an object member with a key from data (a dictionary's), escaped like any string.
    mutating func key(_ name: String) {
        startEntry()
        value(name)
        bytes.append(contentsOf: " : ".utf8)
    }

    private mutating func open(_ bracket: UInt8) {
        bytes.append(bracket)
        bytes.append(0x0A)
        depth += 1
        containerIsEmpty = true
    }

    private mutating func close(_ bracket: UInt8) {
        bytes.append(0x0A)
        depth -= 1
        indent()
        bytes.append(bracket)
        // Back in the enclosing container, which holds at least this one.
        containerIsEmpty = false
    }

    private mutating func startEntry() {
        if !containerIsEmpty { bytes.append(contentsOf: ",\n".utf8) }
        containerIsEmpty = false
        indent()
    }

    private mutating func indent() {
        bytes.append(contentsOf: repeatElement(UInt8(ascii: " "), count: 2 * depth))
    }

    mutating func value(_ string: String) {
        JSONText.append(string: string, to: &bytes, shortEscapes: .likeJSONEncoder)
    }

    mutating func value(_ flag: Bool) {
        bytes.append(contentsOf: (flag ? "true" : "false").utf8)
    }

    mutating func value(_ number: Int) {
        if number < 0 { bytes.append(UInt8(ascii: "-")) }
        appendDigits(of: UInt64(number.magnitude))
    }

    mutating func value(_ number: UInt64) {
        appendDigits(of: number)
    }

    /// As `JSONEncoder` writes a `Double`: its `description` (shortest round-trip digits, `1e-07`,
    /// `1e+21`, `-0.0`) less a trailing `.0`, so whole numbers read as integers.
    mutating func value(_ number: Double) {
        guard number.isFinite else {
            unrepresentable = unrepresentable ?? number
            bytes.append(contentsOf: "null".utf8)
            return
        }
        var text = number.description
        if text.hasSuffix(".0") { text.removeLast(2) }
        bytes.append(contentsOf: text.utf8)
    }

    /// Decimal digits, most significant first, without a `String` per number.
    private mutating func appendDigits(of number: UInt64) {
        let start = bytes.count
        var rest = number
        repeat {
            bytes.append(UInt8(ascii: "0") + UInt8(rest % 10))
            rest /= 10
        } while rest > 0
        bytes[start...].reverse()
    }

    mutating func member(_ name: StaticString, _ string: String) {
        key(name)
        value(string)
    }

    mutating func member(_ name: StaticString, _ flag: Bool) {
        key(name)
        value(flag)
    }

    mutating func member(_ name: StaticString, _ number: Int) {
        key(name)
        value(number)
    }

    mutating func member(_ name: StaticString, _ number: UInt64) {
        key(name)
        value(number)
    }

    mutating func member(_ name: StaticString, _ number: Double) {
        key(name)
        value(number)
    }
}
