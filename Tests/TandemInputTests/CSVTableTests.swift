import Foundation
import TandemCore
import TandemResults
import Testing

@testable import TandemInput

@Suite("Reading sign-up CSV files")
struct CSVTableTests {
    func parse(_ text: String) throws -> CSVTable {
        try CSVTable.parse(Data(text.utf8), file: "mentors.csv")
    }

    @Test func acceptsBOMCRLFAndQuotedFieldsWithCommasQuotesAndNewlines() throws {
        let text = "\u{FEFF}id,name,notes\r\nM1,\"Kaur, Amrit\",\"said \"\"hi\"\"\r\nover two lines\"\r\nM2,Jo,plain\r\n"
        let table = try parse(text)
        #expect(table.header == ["id", "name", "notes"])
        #expect(table.records.count == 2)
        #expect(table.records[0].fields == ["M1", "Kaur, Amrit", "said \"hi\"\r\nover two lines"])
        // The second record starts on physical line 4, after a field spanning two lines.
        #expect(table.records.map(\.line) == [2, 4])
    }

    @Test func skipsBlankRowsButKeepsLineNumbers() throws {
        let table = try parse("id,name\n\nM1,A\n,\nM2,B\n")
        #expect(table.records.map(\.line) == [3, 5])
    }

    @Test func keepsScriptsIntact() throws {
        let table = try parse("id,name\nM1,ਹਰਪ੍ਰੀਤ ਕੌਰ\nM2,தர்ஷினி\nM3,فاطمة\n")
        #expect(table.records.map { $0.fields[1] } == ["ਹਰਪ੍ਰੀਤ ਕੌਰ", "தர்ஷினி", "فاطمة"])
    }

    @Test(arguments: [
        (Data(), "is empty"),
        (Data(" \n\n".utf8), "is empty"),
        (Data([0x69, 0x64, 0x0A, 0x00, 0x01, 0x02]), "binary data"),
        (Data([0x69, 0x64, 0x0A, 0x4D, 0xE9, 0x0A]), "not valid UTF-8"),
        (Data("id,name\nM1,\"unterminated\nM2,x\n".utf8), "never closed"),
    ])
    func refusesWhatIsNotACSVFile(data: Data, expected: String) {
        #expect {
            try CSVTable.parse(data, file: "mentors.csv")
        } throws: { error in
            guard let failure = error as? TandemFailure else { return false }
            return failure.kind == .dataError && failure.description.contains(expected)
                && failure.description.hasPrefix("mentors.csv")
        }
    }

    @Test func reportsTheLineOfAnUnclosedQuote() throws {
        do {
            _ = try parse("id,name\nM1,a\nM2,\"b\nM3,c\n")
            Issue.record("expected a failure")
        } catch let failure as TandemFailure {
            #expect(failure.problems.first?.line == 3)
        }
    }

    @Test func missingFileIsNoInput() {
        #expect {
            try CSVTable.read(path: "/nonexistent/mentors.csv")
        } throws: { ($0 as? TandemFailure)?.kind == .noInput }
    }

    @Test func writerQuotesAndNeutralisesFormulas() throws {
        let data = CSVText.render(header: ["a", "b"], rows: [["=HYPERLINK(\"x\")", "Kaur, Amrit"], ["-3", "plain"]])
        let text = String(decoding: data, as: UTF8.self)
        #expect(text == "\u{FEFF}a,b\r\n\"'=HYPERLINK(\"\"x\"\")\",\"Kaur, Amrit\"\r\n'-3,plain\r\n")
        let back = try CSVTable.parse(data, file: "out.csv")
        #expect(back.records[0].fields == ["'=HYPERLINK(\"x\")", "Kaur, Amrit"])
    }
}

@Suite("Oversized input")
struct OversizedCSVTests {
    @Test func aHugeFirstLineIsRefusedAtOnce() {
        let data = Data(repeating: UInt8(ascii: "x"), count: CSVTable.maximumHeaderBytes + 10)
        #expect {
            try CSVTable.parse(data, file: "big.csv")
        } throws: { error in
            (error as? TandemFailure)?.problems.first?.line == 1
        }
    }
}
