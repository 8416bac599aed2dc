import Foundation
import TandemCore
import Testing

@testable import TandemInput

@Suite("Reading sign-up text in Excel's encodings and separators")
struct SignupFileEncodingTests {
    static let rows = [["id", "name", "town"], ["M1", "Renée Côté", "Ealing £5 ’til"], ["M2", "Kaur, Amrit", "Southall"]]

    /// `rows` joined with `separator`, quoting fields that hold it, with CRLF line ends.
    static func text(_ separator: String) -> String {
        rows.map { row in
            row.map { $0.contains(separator) ? "\"\($0)\"" : $0 }.joined(separator: separator)
        }.joined(separator: "\r\n") + "\r\n"
    }

    static func utf16(_ text: String, bigEndian: Bool, byteOrderMark: Bool) -> Data {
        var bytes: [UInt8] = byteOrderMark ? (bigEndian ? [0xFE, 0xFF] : [0xFF, 0xFE]) : []
        for unit in text.utf16 {
            let high = UInt8(unit >> 8)
            let low = UInt8(unit & 0xFF)
            bytes += bigEndian ? [high, low] : [low, high]
        }
        return Data(bytes)
    }

    /// Windows-1252 bytes of text whose characters are all in that code page.
    static func windows1252(_ text: String) -> Data {
        let high: [Character: UInt8] = ["’": 0x92, "€": 0x80, "“": 0x93, "”": 0x94]
        return Data(
            text.map { character -> UInt8 in
                if let byte = high[character] { return byte }
                return UInt8(character.unicodeScalars.first?.value ?? 0x3F)
            })
    }

    func parse(_ data: Data) throws -> CSVTable { try SignupFile.parse(data, file: "mentors.csv") }

    @Test(arguments: [(",", CSVSeparator.comma), (";", .semicolon), ("\t", .tab)])
    func eachSeparatorInEachEncodingReadsTheSameRows(separator: String, expected: CSVSeparator) throws {
        let text = Self.text(separator)
        let inputs: [(Data, SignupFileFormat.TextEncoding, Bool)] = [
            (Data(text.utf8), .utf8, false),
            (Data("\u{FEFF}\(text)".utf8), .utf8, true),
            (Self.windows1252(text), .windows1252, false),
            (Self.utf16(text, bigEndian: false, byteOrderMark: true), .utf16LittleEndian, true),
            (Self.utf16(text, bigEndian: true, byteOrderMark: true), .utf16BigEndian, true),
            (Self.utf16(text, bigEndian: false, byteOrderMark: false), .utf16LittleEndian, false),
        ]
        for (data, encoding, byteOrderMark) in inputs {
            let table = try parse(data)
            #expect(table.header == Self.rows[0], "\(encoding)")
            #expect(table.records.map(\.fields) == Array(Self.rows.dropFirst()), "\(encoding) \(separator)")
            #expect(table.records.map(\.line) == [2, 3])
            #expect(table.format == .text(encoding: encoding, byteOrderMark: byteOrderMark, separator: expected))
        }
    }

    @Test func theFormatLineSaysWhatWasFound() {
        let lines = [
            SignupFileFormat.text(encoding: .utf8, byteOrderMark: true, separator: .comma),
            .text(encoding: .utf8, byteOrderMark: false, separator: .tab),
            .text(encoding: .windows1252, byteOrderMark: false, separator: .semicolon),
            .text(encoding: .utf16LittleEndian, byteOrderMark: true, separator: .tab),
        ].map(\.description)
        #expect(
            lines == [
                "CSV, UTF-8 with BOM, comma-separated", "Tab-separated text, UTF-8, tab-separated",
                "CSV, Windows-1252 (not UTF-8), semicolon-separated", "Unicode text (UTF-16LE, tab-separated)",
            ])
    }

    @Test func windows1252KeepsAccentsPoundAndCurlyQuotes() throws {
        let data = Data([0x69, 0x64, 0x2C, 0x6E, 0x0D, 0x0A, 0x4D, 0x31, 0x2C, 0xE9, 0xA3, 0x92, 0x80, 0x81])
        let table = try parse(data)
        #expect(table.records.first?.fields == ["M1", "é£’€\u{81}"])
    }

    @Test func aSemicolonFileWithCommasInItsQuestionsIsSemicolonSeparated() throws {
        let text = "id;Which themes, if any, matter to you?;name\nM1;Housing, health;Jo\nM2;Racism;Al, B\n"
        let table = try parse(Data(text.utf8))
        #expect(table.header.count == 3)
        #expect(table.records[0].fields == ["M1", "Housing, health", "Jo"])
    }

    @Test func aCommaFileWithSemicolonListsIsCommaSeparated() throws {
        let text = "id,themes,name\nM1,Racism in services;Housing;,Jo\nM2,\"Housing; health\",Al\n"
        let table = try parse(Data(text.utf8))
        #expect(table.records.map(\.fields) == [["M1", "Racism in services;Housing;", "Jo"], ["M2", "Housing; health", "Al"]])
        #expect(table.format == .text(encoding: .utf8, byteOrderMark: false, separator: .comma))
    }

    @Test func aSingleColumnFileIsComma() throws {
        let table = try parse(Data("id\nM1\nM2\n".utf8))
        #expect(table.records.map(\.fields) == [["M1"], ["M2"]])
        #expect(table.format == .text(encoding: .utf8, byteOrderMark: false, separator: .comma))
    }

    @Test func binaryDataSaysHowToSave() throws {
        let failure = try #require(throws: TandemFailure.self) {
            try parse(Data([0x00, 0x01, 0x02, 0x50, 0x4B, 0x03, 0x04]))
        }
        #expect(failure.description.contains("binary data"))
        #expect(failure.description.contains("CSV UTF-8 (Comma delimited)"))
        #expect(failure.description.contains("Excel Workbook (.xlsx)"))
    }

    @Test func quotesAndLineBreaksSurviveTranscoding() throws {
        let text = "id\tnotes\r\nM1\t\"two\r\nlines\"\r\nM2\tplain\r\n"
        let table = try parse(Self.utf16(text, bigEndian: false, byteOrderMark: true))
        #expect(table.records.map(\.fields) == [["M1", "two\r\nlines"], ["M2", "plain"]])
        #expect(table.records.map(\.line) == [2, 4])
    }

    @Test func readingAPathFindsTheFormat() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tandem-signup-file-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let csv = folder.appendingPathComponent("mentors.txt")
        try Self.utf16(Self.text("\t"), bigEndian: false, byteOrderMark: true).write(to: csv)
        let workbook = folder.appendingPathComponent("mentors.csv")
        try TestWorkbook.text(Self.rows).write(to: workbook)
        #expect(try SignupFile.read(path: csv.path).records.count == 2)
        let table = try SignupFile.read(path: workbook.path, displayName: "mentors.csv")
        #expect(table.format == .workbook(sheet: "Sheet1"))
        #expect(table.records.map(\.fields) == Array(Self.rows.dropFirst()))
    }

    @Test func aStrayByteInAUTF8FileIsReportedNotReadAsWindows1252() throws {
        let bytes = Array("id,name\nM1,Zoë\nM2,Łucja\nM3,".utf8) + [0xE9] + Array("\n".utf8)
        let failure = try #require(throws: TandemFailure.self) { try parse(Data(bytes)) }
        #expect(failure.description.contains("not valid UTF-8"))
        #expect(failure.problems.first?.line == 4)
    }

    @Test(arguments: [
        (Array("%PDF-1.7\n".utf8) + [0xE2, 0xE3, 0xCF, 0xD3], "is a PDF document"),
        ([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A], "is an image"),
        (Array("id,name\nM1,".utf8) + [0xE9, 0x01, 0x02, 0x9C], "binary data"),
    ])
    func filesThatAreNotTablesSayWhatTheyAre(bytes: [UInt8], expected: String) throws {
        let failure = try #require(throws: TandemFailure.self) { try parse(Data(bytes)) }
        #expect(failure.kind == .dataError)
        #expect(failure.description.contains(expected))
        #expect(failure.description.contains("Save As"))
    }
}
