import CSV
import Foundation
import StableMatching
import TandemCore
import Testing

@testable import TandemInput

/// The byte-level reader must split every file exactly as the CSV.swift reader it replaced,
/// malformed ones included, so that the same sign-up files give the same cohort.
@Suite("Byte-level CSV reader against CSV.swift")
struct CSVRecordParserTests {
    /// Records as the previous implementation produced them: CSV.swift's rows, each with the
    /// physical line it starts on.
    func reference(_ text: String) throws -> [CSVTable.Record] {
        let reader = try CSVReader(string: text, hasHeaderRow: false)
        var records: [CSVTable.Record] = []
        var line = 1
        while let fields = reader.next() {
            records.append(CSVTable.Record(line: line, fields: fields))
            line += 1 + fields.reduce(0) { $0 + CSVRecordParser.lineBreaks(in: Array($1.utf8)) }
        }
        return records
    }

    func parsed(_ text: String) -> [CSVTable.Record] {
        Array(text.utf8).withUnsafeBufferPointer { CSVRecordParser.records($0) }
    }

    func expectSame(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let expected = try reference(text)
        let actual = parsed(text)
        #expect(actual.map(\.fields) == expected.map(\.fields), "\(text.debugDescription)", sourceLocation: sourceLocation)
        #expect(actual.map(\.line) == expected.map(\.line), "\(text.debugDescription)", sourceLocation: sourceLocation)
        // Equal strings may still differ in bytes (é composed or not); outputs must not.
        #expect(
            actual.map { $0.fields.map { Array($0.utf8) } } == expected.map { $0.fields.map { Array($0.utf8) } },
            sourceLocation: sourceLocation)
    }

    @Test(arguments: [
        "id,name\nM1,Amrit\n",
        "id,name\r\nM1,Amrit\r\nM2,Jo",
        "id,name\rM1,Amrit\rM2,Jo\r",
        "a,b,\n",
        "a,b,",
        "a,\"\"\n\"\",b",
        "\"a\",\"b\"\r\n\"c\"\r\"d\"\n\"e\"",
        "\"said \"\"hi\"\"\r\nover two lines\",x\n",
        "\"line one\nline two\r\nline three\rline four\",y\nz,w\n",
        // Malformed: quotes inside unquoted fields, text after a closing quote.
        "ab\"c,d\"e\n",
        "\"abc\"def,g\"\n",
        "\"abc\"é,g\"\n",
        "\"abc\"😀,g\"\n",
        "\"abc\" ,x\n",
        "\"abc\"",
        "\"abc\"\"",
        "\n\n,\n",
        "\r\n\r\n",
        // Scripts, emoji, no-break and zero-width spaces.
        "id,name\nM1,ਹਰਪ੍ਰੀਤ ਕੌਰ\nM2,فاطمہ علی\nM3,Łucja Wróbel\nM4,\"Zoë 👩🏽‍💻, NHS\"\n",
        "id,name\n\u{00A0}M1\u{00A0},\u{200B}Jo\u{200B}\n\u{FEFF}x,\u{0085}y\u{2028}\n",
        "e\u{301},\"e\u{301}\"\"\u{301}\"\n",
    ])
    func matchesCSVSwift(text: String) throws {
        try expectSame(text)
    }

    @Test func matchesCSVSwiftOnRandomText() throws {
        let alphabet: [String] = [
            "a", "Z", "1", " ", ",", ",", "\"", "\"", "\r", "\n", "\r\n", "é", "e\u{301}", "ł", "ਹ", "ੀ", "ے", "😀", "👩🏽‍💻",
            "\u{00A0}", "\u{200B}", "\u{0085}", "\t",
        ]
        var generator = SeededGenerator(seed: 4180)
        for _ in 0..<3000 {
            let length = Int.random(in: 0..<24, using: &generator)
            let text = (0..<length).map { _ in alphabet[Int.random(in: 0..<alphabet.count, using: &generator)] }.joined()
            try expectSame(text)
        }
    }

    @Test func refusesInvalidUTF8AndUnclosedQuotesWithTheirLines() {
        let cases: [([UInt8], String, Int)] = [
            (Array("id,name\nM1,\"a\r\nb\"\nM2,".utf8) + [0xC3, 0x28] + Array("\n".utf8), "not valid UTF-8", 4),
            (Array("id,name\nM1,".utf8) + [0xED, 0xA0, 0x80], "not valid UTF-8", 2),
            (Array("id,name\nM1,\"Łucja\nM2,x\n".utf8), "never closed", 2),
        ]
        for (bytes, message, line) in cases {
            #expect {
                try CSVTable.parse(Data(bytes), file: "mentees.csv")
            } throws: { error in
                guard let failure = error as? TandemFailure else { return false }
                return failure.description.contains(message) && failure.problems.first?.line == line
            }
        }
    }

    @Test func keepsLineNumbersAfterQuotedLineBreaksAndBlankRows() throws {
        let text = "\u{FEFF}id,notes\r\nM1,\"first\r\nsecond\"\r\n\r\n , \u{00A0}\r\nM2,\"a\rb\nc\"\r\nM3,x\r\n"
        let table = try CSVTable.parse(Data(text.utf8), file: "mentors.csv")
        #expect(table.records.map(\.line) == [2, 6, 9])
        #expect(table.records[0].fields == ["M1", "first\r\nsecond"])
        #expect(table.records[1].fields == ["M2", "a\rb\nc"])
    }
}
