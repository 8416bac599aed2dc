import Testing

@testable import TandemCore

/// ``CalendarSettings/problem(inPrepare:)``'s byte-by-byte path for ASCII against its word split.
@Suite("Preparation text check")
struct PreparationTextTests {
    /// The rule by `Character` words, as the check states it.
    static func hasProblemByWords(_ text: String) -> Bool {
        text.split(whereSeparator: \.isWhitespace).contains { word in
            word.utf8.count >= CalendarSettings.longestRunWithoutSpace && word.contains { $0 == "," || $0 == "\\" }
        }
    }

    @Test("the ASCII shortcut finds a problem exactly when the word split does")
    func shortcutAgreesWithWords() {
        let long = String(repeating: "a", count: 59)
        var texts = [
            "", "Bring a question, and a pen.", long + ",", "x" + long + ",", long + "\\", "\t" + long + "b,\r\n",
            long + ", b", long + "b\u{0B},", long + "b\u{0C}" + long + "c,", "https://example.org/a,b," + long,
            long + "é,", "Bring\u{1F}" + long + ",",
        ]
        // Words of up to 90 characters, a few with commas or backslashes, between separators,
        // some of which (0x1C, a hyphen) are not whitespace.
        var random = SeededRandom(seed: 3)
        let letters = Array("abcdefgh,\\")
        let separators = [" ", "\t", "\r\n", "\n", "\u{0B}", "\u{1C}", "-", "  "]
        for _ in 0..<400 {
            var text = ""
            for _ in 0..<Int.random(in: 1...4, using: &random) {
                let length = Int.random(in: 0...90, using: &random)
                let marks = Int.random(in: 0...4, using: &random) == 0
                text += String(
                    (0..<length).map { _ in letters[Int.random(in: 0..<(marks ? letters.count : 8), using: &random)] })
                text += separators[Int.random(in: 0..<separators.count, using: &random)]
            }
            texts.append(text)
        }
        for text in texts {
            #expect(
                (CalendarSettings.problem(inPrepare: text) != nil) == Self.hasProblemByWords(text), "\(text.debugDescription)")
        }
        #expect(CalendarSettings.problem(inPrepare: "x" + long + ",") != nil)
        #expect(!CalendarSettings.isPlainASCII(prepare: "x" + long + ","))
        #expect(CalendarSettings.isPlainASCII(prepare: "Bring a question, and a pen."))
    }
}
