import Foundation

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// Receives one XML part's elements and text, with namespace prefixes dropped: the parts of a
/// workbook use fixed namespaces, and some writers prefix the main one (`<x:c>`) while Excel
/// does not.
protocol XMLPartHandler: AnyObject {
    func start(_ element: String, attributes: [String: String])
    func end(_ element: String)
    func characters(_ text: String)
    /// Set to stop parsing with this message (which names what is wrong, not where).
    var failure: String? { get }
}

/// Streams an XML part through Foundation's `XMLParser` into an ``XMLPartHandler``.
enum XMLPart {
    /// Parses `data`; returns `nil` when it parsed, else what went wrong (with the line).
    static func parse(_ data: Data, into handler: some XMLPartHandler) -> String? {
        // Workbook parts never have a document type declaration; refusing one rules out entity
        // expansion ("billion laughs") and external entities whatever the parser's defaults.
        let head = String(decoding: data.prefix(4096), as: UTF8.self)
        if head.range(of: "<!DOCTYPE", options: .caseInsensitive) != nil || head.contains("<!ENTITY") {
            return "has a document type declaration, which workbook files never have"
        }
        let parser = XMLParser(data: data)
        let delegate = Delegate(handler)
        parser.delegate = delegate
        parser.shouldResolveExternalEntities = false
        let parsed = parser.parse()
        if let failure = handler.failure { return failure }
        // Foundation on Linux reports success for some malformed documents, so the errors seen
        // on the way and whether every element closed are checked as well.
        if let error = delegate.error ?? (parsed ? nil : (parser.lineNumber, (parser.parserError as NSError?)?.code ?? 0)) {
            return "is not well-formed XML (line \(error.line), XML parser error \(error.code))"
        }
        if !delegate.sawRoot || delegate.depth != 0 {
            return "is not well-formed XML (it ends before its elements are closed)"
        }
        return nil
    }

    /// The element or attribute name after its namespace prefix.
    static func localName(_ name: String) -> String {
        guard let colon = name.utf8.lastIndex(of: UInt8(ascii: ":")) else { return name }
        return String(name[name.utf8.index(after: colon)...])
    }

    private final class Delegate: NSObject, XMLParserDelegate {
        let handler: any XMLPartHandler
        /// The line and code of the first error the parser reported.
        var error: (line: Int, code: Int)?
        var depth = 0
        var sawRoot = false

        init(_ handler: any XMLPartHandler) { self.handler = handler }

        func parser(_ parser: XMLParser, parseErrorOccurred parseError: Error) {
            if error == nil { error = (parser.lineNumber, (parseError as NSError).code) }
        }

        func parser(
            _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
            attributes: [String: String] = [:]
        ) {
            var local = attributes
            // Checked byte by byte: String.contains(String) goes through Foundation, and this
            // runs for every cell.
            for (key, value) in attributes where key.utf8.contains(UInt8(ascii: ":")) {
                local[key] = nil
                if !key.hasPrefix("xmlns") { local[XMLPart.localName(key)] = value }
            }
            depth += 1
            sawRoot = true
            handler.start(XMLPart.localName(elementName), attributes: local)
            if handler.failure != nil { parser.abortParsing() }
        }

        func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) {
            depth -= 1
            handler.end(XMLPart.localName(elementName))
            if handler.failure != nil { parser.abortParsing() }
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            handler.characters(string)
        }

        func parser(_ parser: XMLParser, foundCDATA CDATABlock: Data) {
            handler.characters(String(decoding: CDATABlock, as: UTF8.self))
        }
    }
}
