import Foundation
import StableMatching
import TandemCore
import Testing

@testable import TandemInput

/// Large files' rows are read on all cores; their problems must come out exactly as reading
/// the rows one by one gives them: the same order, and an answer given on many rows one
/// problem listing them all.
@Suite("Reading many sign-up rows side by side")
struct SignupRowsSideBySideTests {
    /// 6,000 mentees with a problem every few rows: blank ids and names, bad e-mails, unknown
    /// formats and consents, unreadable availability, missing fields, and the same unknown
    /// answer in rows far apart.
    static func menteeTable(seed: UInt64) throws -> CSVTable {
        var generator = SeededGenerator(seed: seed)
        var text = SignupReaderTests.menteeHeader + "\n"
        for row in 0..<6_000 {
            var fields = [
                "E\(row)", "Person \(row)", "p\(row)@example.org", "Org \(row % 7)", "Nurse", "Acton", "English",
                "Housing", "Tue 18:00-19:00", "online", "", "", "yes",
            ]
            switch Int.random(in: 0..<12, using: &generator) {
            case 0: fields[0] = ""
            case 1: fields[1] = ""
            case 2: fields[2] = "not-an-address"
            case 3: fields[9] = ["Teams", "video call", "phone"].randomElement(using: &generator) ?? "Teams"
            case 4: fields[12] = "maybe"
            case 5: fields[8] = ["whenever", "Tue evenings-ish", ""].randomElement(using: &generator) ?? ""
            case 6: fields.removeLast(2)
            default: break
            }
            text += fields.joined(separator: ",") + "\n"
        }
        return try CSVTable.parse(Data(text.utf8), file: "mentees.csv")
    }

    static func mentorTable() throws -> CSVTable {
        let text =
            SignupReaderTests.mentorHeader
            + "\nM1,Amrit Kaur,a@example.org,Southall Group,Southall,English,Housing,,Tue 18:00-20:00,online,2,,,yes\n"
        return try CSVTable.parse(Data(text.utf8), file: "mentors.csv")
    }

    @Test(arguments: [1, 2, 3] as [UInt64])
    func problemsAndCohortMatchReadingRowByRow(seed: UInt64) throws {
        let mentees = try Self.menteeTable(seed: seed)
        var sideBySide = try SignupReader(configuration: TandemConfiguration(), configurationFile: "tandem.yaml")
        var oneByOne = sideBySide
        oneByOne.parallelRowCount = .max
        let parallelCohort = sideBySide.read(mentors: try Self.mentorTable(), mentees: mentees)
        let sequentialCohort = oneByOne.read(mentors: try Self.mentorTable(), mentees: mentees)
        #expect(sideBySide.problems.count > 1_000)
        #expect(sideBySide.problems == oneByOne.problems)
        #expect(sideBySide.rowProblems == oneByOne.rowProblems)
        #expect(sideBySide.suggestions == oneByOne.suggestions)
        #expect(parallelCohort.mentees == sequentialCohort.mentees)
        #expect(parallelCohort.mentors == sequentialCohort.mentors)
    }

    @Test func anAnswerGivenFarApartIsOneProblemListingEveryRow() throws {
        var text = SignupReaderTests.menteeHeader + "\n"
        for row in 0..<5_000 {
            let format = row == 3 || row == 4_990 ? "Teams" : "online"
            text += "E\(row),Person \(row),p\(row)@example.org,Org,Nurse,Acton,English,Housing,Tue 18:00-19:00,\(format),,,yes\n"
        }
        var reader = try SignupReader(configuration: TandemConfiguration(), configurationFile: "tandem.yaml")
        _ = reader.read(mentors: try Self.mentorTable(), mentees: try CSVTable.parse(Data(text.utf8), file: "mentees.csv"))
        let formats = reader.problems.filter { $0.field == "format" }
        #expect(formats.count == 1)
        #expect(formats.first?.line == 5)
        #expect(formats.first?.message.contains("(2 rows: lines 5, 4992)") == true)
    }
}
