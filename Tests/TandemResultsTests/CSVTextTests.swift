import Foundation
import Testing

@testable import TandemResults

@Suite("CSV text")
struct CSVTextTests {
    @Test(arguments: ["=1+1", "+1", "-1", "@SUM(A1)", "|cmd", "\u{FEFF}=1", "\u{FF1D}1+1", "\u{FF0B}1", "\u{FF0D}1", "\u{FF20}x"])
    func aCellThatStartsLikeAFormulaIsPrefixed(cell: String) {
        #expect(CSVText.neutraliseFormula(cell) == "'" + cell)
    }

    @Test func aFormulaBehindADirectionMarkIsStillPrefixed() {
        #expect(CSVText.neutraliseFormula("\u{202E}=1+1") == "'=1+1")
    }

    @Test func directionMarksAreDroppedAndControlsBecomeSpaces() {
        #expect(CSVText.neutraliseFormula("Ann\u{202A}\u{202B}\u{202C}\u{202D}\u{202E}a") == "Anna")
        #expect(CSVText.neutraliseFormula("\u{2066}Zoë\u{2067}\u{2068}\u{2069}\u{200E}\u{200F}\u{061C}") == "Zoë")
        #expect(CSVText.neutraliseFormula("a\tb\nc\u{85}d\u{7F}e") == "a b c d e")
        #expect(CSVText.neutraliseFormula("\tx") == " x")
    }

    @Test func otherTextIsUnchanged() {
        for cell in ["", "Ruth Adebayo-Clarke", "ਹਰਪ੍ਰੀਤ", "x\u{200D}y", "a, \"b\"", "0.750", "Tuesday 18:00"] {
            #expect(CSVText.neutraliseFormula(cell) == cell)
        }
    }

    @Test func theHeaderIsWrittenAsItIs() {
        let data = CSVText.render(header: ["a", "b"], rows: [["=x", "Jo\u{202E}"]])
        #expect(String(decoding: data, as: UTF8.self) == "\u{FEFF}a,b\r\n'=x,Jo\r\n")
    }
}
