/// Reads the XML of a workbook part byte by byte into an ``XMLPartHandler``.
///
/// The parts Excel and Forms write use a small part of XML: elements, attributes, text, the
/// five named entities and character references, CDATA, comments and processing instructions.
/// That is all this reads; a document type declaration (and so any other entity) is refused,
/// which rules out entity expansion attacks. It checks what a reader needs to trust the
/// content: tags nest and match, attributes are quoted, references are known, and the document
/// has one root element that is closed. `XMLScannerTests` checks it against Foundation's
/// `XMLParser` event for event.
///
/// Foundation's `XMLParser` was slower: it hands each event through libxml2's callbacks into
/// Foundation strings (validating a generated 2,500 + 10,000-person cohort as workbooks took
/// 311 ms of CPU with it, 204 ms with this, 89 ms as CSV).
struct XMLScanner {
    private let bytes: UnsafeBufferPointer<UInt8>
    private var index = 0
    private var line = 1
    /// The byte ranges of the names of the elements open.
    private var stack: [Range<Int>] = []
    private var sawRoot = false

    private static let less = UInt8(ascii: "<")
    private static let greater = UInt8(ascii: ">")
    private static let slash = UInt8(ascii: "/")
    private static let ampersand = UInt8(ascii: "&")
    private static let carriageReturn = UInt8(ascii: "\r")
    private static let lineFeed = UInt8(ascii: "\n")

    /// Scans UTF-8 `bytes` (a leading byte order mark is skipped); returns `nil` when the part
    /// is well-formed, else what is wrong with it.
    static func scan(_ bytes: UnsafeBufferPointer<UInt8>, into handler: some XMLPartHandler) -> String? {
        var scanner = XMLScanner(bytes: bytes)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { scanner.index = 3 }
        do {
            try scanner.document(handler)
            return nil
        } catch {
            if let failure = handler.failure { return failure }
            return "is not well-formed XML (line \(scanner.line): \(error.reason))"
        }
    }

    private init(bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

    struct Malformed: Error {
        var reason: String
    }

    private mutating func document(_ handler: some XMLPartHandler) throws(Malformed) {
        while index < bytes.count {
            if bytes[index] != Self.less {
                let start = index
                while index < bytes.count, bytes[index] != Self.less { index += 1 }
                let text = try decoded(start..<index, attribute: false)
                if stack.isEmpty {
                    guard text.allSatisfy({ $0 == " " || $0 == "\n" || $0 == "\t" }) else {
                        throw Malformed(reason: "text outside the root element")
                    }
                    continue
                }
                handler.characters(text)
                continue
            }
            try markup(handler)
            if handler.failure != nil { throw Malformed(reason: "stopped") }
        }
        guard sawRoot else { throw Malformed(reason: "no root element") }
        guard stack.isEmpty else { throw Malformed(reason: "the document ends before its elements are closed") }
    }

    /// Reads what starts at a `<`.
    private mutating func markup(_ handler: some XMLPartHandler) throws(Malformed) {
        if starts(with: "<?") {
            try skip(past: "?>")
        } else if starts(with: "<!--") {
            try skip(past: "-->")
        } else if starts(with: "<![CDATA[") {
            guard !stack.isEmpty else { throw Malformed(reason: "CDATA outside the root element") }
            index += 9
            let start = index
            try skip(past: "]]>")
            handler.characters(String(decoding: bytes[start..<index - 3], as: UTF8.self))
        } else if starts(with: "<!") {
            throw Malformed(reason: "a document type declaration, which workbook files never have")
        } else if index + 1 < bytes.count, bytes[index + 1] == Self.slash {
            index += 2
            let name = try self.name()
            skipSpace()
            guard index < bytes.count, bytes[index] == Self.greater else { throw Malformed(reason: "an unfinished end tag") }
            index += 1
            guard let open = stack.popLast(), bytes[open].elementsEqual(bytes[name]) else {
                throw Malformed(reason: "an end tag that does not match its start tag")
            }
            handler.end(localName(name))
        } else {
            try startTag(handler)
        }
    }

    private mutating func startTag(_ handler: some XMLPartHandler) throws(Malformed) {
        index += 1
        let name = try self.name()
        if stack.isEmpty {
            guard !sawRoot else { throw Malformed(reason: "a second root element") }
            sawRoot = true
        }
        var attributes = XMLAttributes()
        while true {
            let hadSpace = skipSpace()
            guard index < bytes.count else { throw Malformed(reason: "an unfinished start tag") }
            if bytes[index] == Self.greater {
                index += 1
                stack.append(name)
                handler.start(localName(name), attributes: attributes)
                return
            }
            if bytes[index] == Self.slash {
                guard index + 1 < bytes.count, bytes[index + 1] == Self.greater else {
                    throw Malformed(reason: "an unfinished start tag")
                }
                index += 2
                handler.start(localName(name), attributes: attributes)
                if handler.failure == nil { handler.end(localName(name)) }
                return
            }
            guard hadSpace else { throw Malformed(reason: "attributes without space between them") }
            let attribute = try self.name()
            skipSpace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: "=") else {
                throw Malformed(reason: "an attribute without a value")
            }
            index += 1
            skipSpace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") || bytes[index] == UInt8(ascii: "'") else {
                throw Malformed(reason: "an attribute value without quotes")
            }
            let quote = bytes[index]
            index += 1
            let start = index
            while index < bytes.count, bytes[index] != quote {
                if bytes[index] == Self.less { throw Malformed(reason: "'<' in an attribute value") }
                index += 1
            }
            guard index < bytes.count else { throw Malformed(reason: "an unfinished attribute value") }
            let value = try decoded(start..<index, attribute: true)
            index += 1
            // Namespace declarations are not attributes of the content; prefixes are dropped.
            let attributeName = bytes[attribute]
            if attributeName.starts(with: "xmlns".utf8) && (attribute.count == 5 || bytes[attribute.lowerBound + 5] == 0x3A) {
                continue
            }
            let key = localName(attribute)
            guard attributes[key] == nil else { throw Malformed(reason: "an attribute given twice") }
            attributes.pairs.append((key, value))
        }
    }

    /// The range of a name: the bytes up to space, `/`, `>` or `=`.
    private mutating func name() throws(Malformed) -> Range<Int> {
        let start = index
        while index < bytes.count {
            switch bytes[index] {
            case 0x20, 0x09, 0x0A, 0x0D, Self.slash, Self.greater, UInt8(ascii: "="), Self.less, UInt8(ascii: "\""),
                UInt8(ascii: "'"), Self.ampersand:
                guard index > start else { throw Malformed(reason: "a tag or attribute without a name") }
                return start..<index
            default:
                index += 1
            }
        }
        throw Malformed(reason: "the document ends inside a tag")
    }

    @discardableResult
    private mutating func skipSpace() -> Bool {
        let start = index
        while index < bytes.count {
            switch bytes[index] {
            case Self.lineFeed:
                line += 1
                index += 1
            case 0x20, 0x09, Self.carriageReturn:
                index += 1
            default:
                return index > start
            }
        }
        return index > start
    }

    private func starts(with text: StaticString) -> Bool {
        let count = text.utf8CodeUnitCount
        guard index + count <= bytes.count else { return false }
        let pattern = UnsafeBufferPointer(start: text.utf8Start, count: count)
        for offset in 0..<count where bytes[index + offset] != pattern[offset] { return false }
        return true
    }

    /// Moves past the next `terminator`, counting lines.
    private mutating func skip(past terminator: StaticString) throws(Malformed) {
        while index < bytes.count {
            if starts(with: terminator) {
                index += terminator.utf8CodeUnitCount
                return
            }
            if bytes[index] == Self.lineFeed { line += 1 }
            index += 1
        }
        throw Malformed(reason: "the document ends inside a comment, CDATA section or processing instruction")
    }

    /// The text of `range` with references replaced and line ends made line feeds, as XML
    /// requires; in an attribute value, tabs and line ends are spaces.
    private mutating func decoded(_ range: Range<Int>, attribute: Bool) throws(Malformed) -> String {
        let slice = bytes[range]
        var plain = true
        for byte in slice {
            if byte == Self.lineFeed { line += 1 }
            if byte == Self.ampersand || byte == Self.carriageReturn || attribute && (byte == Self.lineFeed || byte == 0x09) {
                plain = false
            }
        }
        if plain { return String(decoding: slice, as: UTF8.self) }
        var output: [UInt8] = []
        output.reserveCapacity(slice.count)
        var position = range.lowerBound
        while position < range.upperBound {
            let byte = bytes[position]
            switch byte {
            case Self.carriageReturn:
                output.append(attribute ? 0x20 : Self.lineFeed)
                if position + 1 < range.upperBound, bytes[position + 1] == Self.lineFeed { position += 1 }
                position += 1
            case Self.lineFeed where attribute, 0x09 where attribute:
                output.append(0x20)
                position += 1
            case Self.ampersand:
                guard let semicolon = bytes[position..<range.upperBound].firstIndex(of: UInt8(ascii: ";")),
                    let scalar = Self.reference(bytes[position + 1..<semicolon])
                else {
                    throw Malformed(reason: "an '&' that is not a known reference (write '&amp;')")
                }
                output.append(contentsOf: String(Character(scalar)).utf8)
                position = semicolon + 1
            default:
                output.append(byte)
                position += 1
            }
        }
        return String(decoding: output, as: UTF8.self)
    }

    /// The character of a reference's name (`amp`, `#13`, `#x1F600`).
    private static func reference(_ name: Slice<UnsafeBufferPointer<UInt8>>) -> Unicode.Scalar? {
        switch String(decoding: name, as: UTF8.self) {
        case "lt": return "<"
        case "gt": return ">"
        case "amp": return "&"
        case "quot": return "\""
        case "apos": return "'"
        case let text where text.hasPrefix("#x"):
            return UInt32(text.dropFirst(2), radix: 16).flatMap(character)
        case let text where text.hasPrefix("#"):
            return UInt32(text.dropFirst(), radix: 10).flatMap(character)
        default: return nil
        }
    }

    /// A character XML allows a reference to (not NUL, not a surrogate).
    private static func character(_ value: UInt32) -> Unicode.Scalar? {
        guard value != 0 else { return nil }
        return Unicode.Scalar(value)
    }

    /// The name at `range` after its namespace prefix, as a string.
    private func localName(_ range: Range<Int>) -> String {
        let name = bytes[range]
        guard let colon = name.lastIndex(of: 0x3A) else { return String(decoding: name, as: UTF8.self) }
        return String(decoding: bytes[(colon + 1)..<range.upperBound], as: UTF8.self)
    }
}
