import Foundation
import Testing

@testable import TandemInput

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// Checks the workbook XML scanner against Foundation's `XMLParser` (libxml2), event for event.
@Suite("Reading workbook XML")
struct XMLScannerTests {
    /// Records events, joining adjacent text as both parsers may split it differently.
    final class Recorder: XMLPartHandler {
        var events: [String] = []
        var failure: String?

        func start(_ element: String, attributes: XMLAttributes) {
            let sorted = attributes.pairs.sorted { $0.name < $1.name }.map { "\($0.name)=\($0.value.debugDescription)" }
            events.append("<\(element) \(sorted.joined(separator: " "))>")
        }

        func end(_ element: String) { events.append("</\(element)>") }

        func characters(_ text: String) {
            if let last = events.last, last.hasPrefix("text:") {
                events[events.count - 1] = last + text
            } else {
                events.append("text:" + text)
            }
        }
    }

    /// Foundation's parser feeding a recorder, prefixes and namespace declarations dropped.
    final class Reference: NSObject, XMLParserDelegate {
        let recorder = Recorder()
        var failed = false

        static func local(_ name: String) -> String {
            name.split(separator: ":").last.map(String.init) ?? name
        }

        func parser(
            _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
            attributes: [String: String] = [:]
        ) {
            var local: [String: String] = [:]
            for (key, value) in attributes where key != "xmlns" && !key.hasPrefix("xmlns:") { local[Self.local(key)] = value }
            recorder.start(Self.local(elementName), attributes: XMLAttributes(pairs: local.map { ($0.key, $0.value) }))
        }

        func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) {
            recorder.end(Self.local(elementName))
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) { recorder.characters(string) }
        func parser(_ parser: XMLParser, foundCDATA CDATABlock: Data) {
            recorder.characters(String(decoding: CDATABlock, as: UTF8.self))
        }
        func parser(_ parser: XMLParser, parseErrorOccurred parseError: Error) { failed = true }
    }

    static func scanned(_ text: String) -> (events: [String], problem: String?) {
        let recorder = Recorder()
        let problem = XMLPart.parse(Data(text.utf8), into: recorder)
        return (recorder.events, problem)
    }

    static func reference(_ text: String) -> [String]? {
        let parser = XMLParser(data: Data(text.utf8))
        let delegate = Reference()
        parser.delegate = delegate
        guard parser.parse(), !delegate.failed else { return nil }
        return delegate.recorder.events
    }

    @Test(arguments: [
        "<a/>",
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\r\n<a x='1' y=\"2\"><b>text</b><!-- note --><c/></a>",
        "<x:a xmlns:x=\"urn:x\" xmlns=\"urn:y\" r:id=\"rId1\" xmlns:r=\"urn:r\"><x:b>1</x:b></x:a>",
        "<a>&lt;&gt;&amp;&quot;&apos;&#13;&#x1F600;&#233;</a>",
        "<a b=\"&amp;&#10;x\ty\r\nz\">line\r\nends\rhere\n</a>",
        "<a><![CDATA[<not> &amp; markup]]></a>",
        "<a>  <t xml:space=\"preserve\">  spaced  </t>\n</a>",
        "\u{FEFF}<a>bom</a>",
        "<si><r><rPr><b/></rPr><t>Kaur, </t></r><r><t>Amrit</t></r><rPh sb=\"0\"><t>カ</t></rPh></si>",
        "<a><?pi data?>x<b\n  c = 'd'\n/></a>",
    ])
    func wellFormedPartsGiveTheSameEventsAsFoundation(text: String) throws {
        let scanned = Self.scanned(text)
        #expect(scanned.problem == nil)
        let reference = try #require(Self.reference(text))
        #expect(scanned.events == reference)
    }

    @Test(arguments: [
        "", "text", "<a>", "<a></b>", "<a><b></a></b>", "<a/><b/>", "<a>&unknown;</a>", "<a>& x</a>", "<a b=c/>",
        "<a b=\"1\" b=\"2\"/>", "<a b=\"<\"/>", "<a><!-- open</a>", "<!DOCTYPE a [<!ENTITY x \"y\">]><a>&x;</a>",
        "<a>&#0;</a>", "<a>&#xD800;</a>", "<a b=\"1\"c=\"2\"/>", "<a>x</a>tail", "<a",
    ])
    func malformedPartsAreRefused(text: String) {
        #expect(Self.scanned(text).problem != nil)
    }

    @Test func theProblemNamesItsLine() {
        let problem = Self.scanned("<a>\n<b>\n</c></a>").problem
        #expect(problem?.contains("line 3") == true)
    }

    /// Random documents of nested elements, attributes and text with references, comments and
    /// CDATA read the same through both parsers.
    @Test func randomDocumentsGiveTheSameEventsAsFoundation() throws {
        var generator = XLSXRoundTripTests.Generator(state: 15)
        let texts = [
            "a", " ", "\n", "\r\n", "\t", "&amp;", "&lt;", "&#13;", "&#x41;", "é", "😀", "_x000D_", "<![CDATA[c&d]]>", "<!--n-->",
        ]
        let attributeValues = ["1", "", "a b", "&quot;", "&#10;", "x\ty", "é"]
        func element(_ depth: Int) -> String {
            let name = ["c", "x:v", "t", "row", "si"].randomElement(using: &generator) ?? "c"
            var attributes = ""
            for key in ["r", "s", "t"] where Bool.random(using: &generator) {
                attributes += " \(key)=\"\(attributeValues.randomElement(using: &generator) ?? "")\""
            }
            if depth > 3 || Int.random(in: 0..<4, using: &generator) == 0 { return "<\(name)\(attributes)/>" }
            var content = ""
            for _ in 0..<Int.random(in: 0...4, using: &generator) {
                content += Bool.random(using: &generator) ? element(depth + 1) : (texts.randomElement(using: &generator) ?? "")
            }
            return "<\(name)\(attributes)>\(content)</\(name)>"
        }
        for round in 0..<300 {
            let text = "<root xmlns:x=\"urn:x\">" + element(0) + "</root>"
            let scanned = Self.scanned(text)
            #expect(scanned.problem == nil, "round \(round): \(text)")
            #expect(scanned.events == Self.reference(text), "round \(round): \(text)")
        }
    }
}
