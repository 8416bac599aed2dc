import Foundation
import TandemCore
import Testing

@testable import TandemInput

@Suite("Tables written as .xlsx read back unchanged")
struct XLSXRoundTripTests {
    /// SplitMix64: the same tables on every run and machine.
    struct Generator: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    /// Pieces that are hard for a reader: escapes and text that looks like them, XML's
    /// special characters, line ends, spaces, scripts, characters outside the BMP, a control
    /// character, and text that looks like a number or a date.
    static let pieces = [
        "a", "Kaur", " ", "  ", "_x000D_", "_x005F_", "_x", "x_", "&", "<tag>", "\"", "'", "\r\n", "\n", "\r", "\t",
        "ਹਰਪ੍ਰੀਤ", "فاطمة", "é", "’", "😀", "\u{1}", "1-2", "007", "3.50", "2026-11-03", ";", ",", "=SUM(A1)", "TRUE",
    ]

    static func text(_ generator: inout Generator, maximumPieces: Int) -> String {
        let count = Int.random(in: 0...maximumPieces, using: &generator)
        return (0..<count).map { _ in pieces.randomElement(using: &generator) ?? "" }.joined()
    }

    @Test func randomTablesReadBackIdentical() throws {
        var generator = Generator(state: 2026)
        for round in 0..<60 {
            let width = Int.random(in: 1...8, using: &generator)
            let header = (0..<width).map { column in "h\(column)" + Self.text(&generator, maximumPieces: 2) + "z" }
            let rows = (0..<Int.random(in: 0...12, using: &generator)).map { row in
                ["M\(row)"] + (1..<width).map { _ in Self.text(&generator, maximumPieces: 4) }
            }
            let data = try TestWorkbook.text([header] + rows)
            let table = try SignupFile.parse(data, file: "round\(round).xlsx")
            #expect(table.header == header, "round \(round)")
            #expect(table.records.map(\.fields) == rows, "round \(round)")
            #expect(table.records.map(\.line) == Array(rows.indices.map { $0 + 2 }), "round \(round)")
        }
    }

    @Test func escapesUndoneOneAtATime() {
        #expect(XLSXText.unescaped("a_x000D_b") == "a\rb")
        #expect(XLSXText.unescaped("_x005F_x000D_") == "_x000D_")
        #expect(XLSXText.unescaped("_xD83D__xDE00_") == "😀")
        #expect(XLSXText.unescaped("_x00e9_") == "é")
        #expect(XLSXText.unescaped("_x12_ _xZZZZ_ _x0041") == "_x12_ _xZZZZ_ _x0041")
    }

    @Test func numbersReadAsExcelShowsThem() {
        let cases = [
            ("1", "1"), ("1.0", "1"), ("-0", "0"), ("7700900123", "7700900123"), ("0.30000000000000004", "0.3"),
            ("1.5E+20", "1.5e+20"), ("12.25", "12.25"), ("abc", "abc"),
        ]
        for (value, expected) in cases { #expect(XLSXText.number(value) == expected, "\(value)") }
    }

    @Test func civilDatesAgreeWithKnownDays() {
        #expect(ExcelDate.civil(0) == "1970-01-01")
        #expect(ExcelDate.civil(-25_569 + 46_329) == "2026-11-03")
        #expect(ExcelDate.civil(-719_468) == "0000-03-01")
        #expect(ExcelDate.dateText(days: 0, date1904: false) == "1900-01-00")
        #expect(ExcelDate.dateText(days: 0, date1904: true) == "1904-01-01")
    }

    /// Damaged workbooks (bytes changed anywhere, in the archive or the XML) end in a table or
    /// a data error naming the file, never in a crash.
    @Test func damagedWorkbooksFailCleanly() throws {
        var generator = Generator(state: 65)
        let whole = [UInt8](try TestWorkbook.text([["id", "name", "notes"], ["M1", "Amrit", "a_x000D_b"], ["M2", "Jo", "x"]]))
        var failures = 0
        for _ in 0..<400 {
            var bytes = whole
            for _ in 0..<Int.random(in: 1...4, using: &generator) {
                bytes[Int.random(in: 0..<bytes.count, using: &generator)] = UInt8.random(in: 0...255, using: &generator)
            }
            do {
                _ = try SignupFile.parse(Data(bytes), file: "damaged.xlsx")
            } catch {
                failures += 1
                #expect(error.kind == .dataError)
                #expect(error.description.hasPrefix("damaged.xlsx"))
            }
        }
        #expect(failures > 0)
        for length in stride(from: 0, to: whole.count, by: 7) {
            #expect(throws: TandemFailure.self) { try SignupFile.parse(Data(whole.prefix(length)), file: "cut.xlsx") }
        }
    }
}
