import StableMatching
import Testing

@testable import TandemCore

/// The byte-level paths for printable ASCII must give exactly what the character-level
/// definitions give, for any text.
@Suite("Text keys, trimming and list items")
struct TextKeyTests {
    static func referenceNormalise(_ text: String) -> String {
        text.lowercased().split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }

    static func referenceTrim(_ text: String) -> String {
        guard let first = text.firstIndex(where: { !$0.isWhitespace }),
            let last = text.lastIndex(where: { !$0.isWhitespace })
        else { return "" }
        return String(text[first...last])
    }

    static func referenceItems(_ cell: String, separator: String) -> [String] {
        cell.split(separator: separator, omittingEmptySubsequences: true).map { referenceTrim(String($0)) }.filter { !$0.isEmpty }
    }

    static func bytes(_ strings: [String]) -> [[UInt8]] { strings.map { Array($0.utf8) } }

    static func expectSame(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let label = text.debugDescription
        #expect(
            Array(TextKey.normalise(text).utf8) == Array(referenceNormalise(text).utf8), "\(label)",
            sourceLocation: sourceLocation)
        #expect(
            Array(TextKey.normalise(text.dropFirst()).utf8) == Array(referenceNormalise(String(text.dropFirst())).utf8),
            "\(label)", sourceLocation: sourceLocation)
        #expect(
            Array(text.trimmingWhitespace().utf8) == Array(referenceTrim(text).utf8), "\(label)", sourceLocation: sourceLocation)
        for separator in [";", ",", "; ", " ", "ł"] {
            #expect(
                bytes(AvailabilityParser.items(in: text, separator: separator))
                    == bytes(referenceItems(text, separator: separator)),
                "\(label) split on \(separator.debugDescription)", sourceLocation: sourceLocation)
        }
    }

    @Test(arguments: [
        "", " ", "Mental health", " mental  Health ", "MENTAL HEALTH", "Mon 18:00-20:00; Tue 09:00-10:00;", ";;a;; b ;",
        "Urdu; English", "Punjabi;\tEnglish", "ਪੰਜਾਬੀ; English", "Polski;Łódź", "ÉCOLE", "İstanbul", "Straße", "ǅemal",
        "a\u{00A0}b", "\u{00A0}A\u{00A0}", "a\u{200B}b", "A\u{2003}B", "\u{3000}", "x\r\ny", "x\u{0085}y", "E\u{301}",
        " \u{301}A", "A \u{301}", "👩🏽‍💻 Tech", "\u{0}A\u{1F}", "A\u{7F}",
    ])
    func matchesTheCharacterDefinitions(text: String) {
        Self.expectSame(text)
    }

    @Test func matchesTheCharacterDefinitionsOnRandomText() {
        let alphabet: [String] = [
            "a", "Q", " ", " ", ";", ",", "\t", "\n", "\r", "\u{0}", "\u{7F}", "\u{0085}", "\u{00A0}", "\u{200B}", "\u{2003}",
            "\u{301}", "É", "ł", "Ł", "ß", "ਹ", "ے", "😀", "\u{200D}", "-",
        ]
        var generator = SeededGenerator(seed: 11)
        for _ in 0..<5000 {
            let length = Int.random(in: 0..<12, using: &generator)
            Self.expectSame((0..<length).map { _ in alphabet[Int.random(in: 0..<alphabet.count, using: &generator)] }.joined())
        }
    }
}
