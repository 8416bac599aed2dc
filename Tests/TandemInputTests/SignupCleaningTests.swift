import StableMatching
import Testing

@testable import TandemInput

/// `SignupReader.clean` skips the per-character work when bytes show there is none to do;
/// it must give exactly what filtering every scalar and trimming characters gives.
@Suite("Cleaning sign-up values")
struct SignupCleaningTests {
    /// The previous implementation, kept as the reference.
    static func reference(_ text: String) -> String {
        let kept = String.UnicodeScalarView(
            text.unicodeScalars.filter { !($0.properties.generalCategory == .control && $0 != "\n") })
        let string = String(kept)
        guard let first = string.firstIndex(where: { !$0.isWhitespace }),
            let last = string.lastIndex(where: { !$0.isWhitespace })
        else { return "" }
        return String(string[first...last])
    }

    static func expectSame(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let cleaned = SignupReader.clean(text)
        #expect(Array(cleaned.utf8) == Array(reference(text).utf8), "\(text.debugDescription)", sourceLocation: sourceLocation)
    }

    @Test(arguments: [
        "", " ", "Amrit Kaur", "  Amrit Kaur  ", "Jo\tBloggs", "\tJo\r\n", "Jo\nBloggs", "a\u{7F}b", "\u{0}x\u{1F}",
        "ਹਰਪ੍ਰੀਤ ਕੌਰ", "فاطمہ علی", "Łucja Wróbel-Żak", "Zoë 👩🏽‍💻", "\u{00A0}Jo\u{00A0}", "\u{200B}Jo\u{200B}",
        "Jo\u{0085}", "\u{0085}", "x\u{0080}\u{009F}y\u{00A0}", "\u{2028}Jo\u{3000}", "e\u{301}", " \u{301}x", "x \u{301}",
        "\u{FEFF}M1", "M1\u{FEFF}", "\u{0600}x", "\r\n", "x\r", "a\u{1B}[31mred",
    ])
    func cleansLikeTheReference(text: String) {
        Self.expectSame(text)
    }

    @Test func cleansRandomTextLikeTheReference() {
        let alphabet: [String] = [
            "a", "Z", " ", "\t", "\n", "\r", "\u{0}", "\u{7F}", "\u{0085}", "\u{009F}", "\u{00A0}", "\u{00A1}", "\u{200B}",
            "\u{2003}", "\u{301}", "é", "ł", "ਹ", "ے", "😀", "\u{200D}", "\u{FEFF}", "-",
        ]
        var generator = SeededGenerator(seed: 7)
        for _ in 0..<5000 {
            let length = Int.random(in: 0..<10, using: &generator)
            Self.expectSame((0..<length).map { _ in alphabet[Int.random(in: 0..<alphabet.count, using: &generator)] }.joined())
        }
    }
}
