import Testing

@testable import TandemCalendar

@Suite("Calendar text")
struct CalendarTextTests {
    /// The rule by Unicode category, scalar by scalar: what the ASCII fast path must agree with.
    static func reference(_ text: String) -> String {
        var result = String.UnicodeScalarView()
        var pendingSpace = false
        for scalar in text.unicodeScalars {
            switch scalar.properties.generalCategory {
            case .control, .lineSeparator, .paragraphSeparator, .spaceSeparator:
                pendingSpace = !result.isEmpty
            default:
                if pendingSpace { result.append(" ") }
                pendingSpace = false
                result.append(scalar)
            }
        }
        return String(result)
    }

    @Test func theASCIIPathAgreesWithTheUnicodeRuleForEveryASCIICharacter() {
        for byte in UInt8(0)..<0x80 {
            let character = String(decoding: [byte], as: UTF8.self)
            let texts = [character, "a" + character + "b", character + character + "x", "x" + character, "a  \(character) b"]
            for text in texts {
                #expect(CalendarText.cleanASCII(text) == Self.reference(text), "byte \(byte)")
            }
        }
    }

    @Test func theASCIIPathLeavesOtherTextToTheUnicodeRule() {
        for text in ["Zoë", "a\u{00A0}b", "a\u{2028}b", "ਹਰਪ੍ਰੀਤ", "x\u{200D}y"] {
            #expect(CalendarText.cleanASCII(text) == nil)
            #expect(CalendarText.clean(text) == Self.reference(text))
        }
    }

    @Test func cleanTextComesBackUnchanged() {
        for text in ["", "Ruth Adebayo-Clarke", "a b", "Room 2, 30 Example Broadway; W5"] {
            #expect(CalendarText.clean(text) == text)
        }
        #expect(CalendarText.clean("  Kick-off\t\ttraining \r\n") == "Kick-off training")
        #expect(CalendarText.address(" ruth @example.org ") == "ruth@example.org")
    }

    @Test func directionMarksAreDropped() {
        let marks = "\u{061C}\u{200E}\u{200F}\u{202A}\u{202B}\u{202C}\u{202D}\u{202E}\u{2066}\u{2067}\u{2068}\u{2069}"
        #expect(CalendarText.clean("Ann" + marks + "a Smith") == "Anna Smith")
        #expect(CalendarText.clean(marks + " x\u{202E}y " + marks) == "xy")
        #expect(CalendarText.clean("x\u{200D}y\u{200C}z") == "x\u{200D}y\u{200C}z")
    }
}
