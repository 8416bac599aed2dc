import Foundation
import TandemCore
import Testing

@testable import TandemInput

@Suite("Leaving out the rows with problems (--skip-invalid)")
struct SkipInvalidTests {
    static let mentors = """
        Response number,name,email,availability,themes_offered
        7,Amrit Kaur,amrit@example.org,Tue 18:00-20:00,Housing
        8,Bina Shah,not an email,Tue 18:00-20:00,Housing
        """
    static let mentees = """
        Response number,name,email,availability,themes_wanted,preferred_mentors
        7,Jo Smith,jo@example.org,Tue 18:00-20:00,Housing,M8; M7
        """

    func check(skipInvalid: Bool) throws -> CohortLoader.Checked {
        let configuration = try ConfigurationLoader.parse("input:\n  id_column: response number\n", file: "tandem.yaml")
        return try CohortLoader.read(
            try CSVTable.parse(Data(Self.mentors.utf8), file: "mentors.csv"),
            try CSVTable.parse(Data(Self.mentees.utf8), file: "mentees.csv"), configuration: configuration,
            configurationFile: "tandem.yaml", skipInvalid: skipInvalid)
    }

    @Test func withoutItOneBadRowStopsEveryone() throws {
        let checked = try check(skipInvalid: false)
        #expect(checked.rowsWithProblems == 1)
        guard case .failure(let failure) = checked.loaded else {
            Issue.record("expected a failure")
            return
        }
        #expect(
            failure.problems.filter { $0.severity == .error }.map(\.description) == [
                "mentors.csv:3: error: field 'email': 'not an email' is not an e-mail address; correct it, or leave it blank if the person has none"
            ])
    }

    @Test func withItTheSoundRowsAreMatchedAndReferencesToTheRestAreWarnings() throws {
        let loaded = try check(skipInvalid: true).loaded.get()
        // Any heading can hold the response numbers; they are prefixed by side.
        #expect(loaded.cohort.mentors.map(\.id) == ["M7"])
        #expect(loaded.cohort.mentees.map(\.id) == ["E7"])
        #expect(
            loaded.leftOut.map { [$0.id, $0.name, $0.problem.file, String($0.problem.line ?? 0)] } == [
                ["M8", "Bina Shah", "mentors.csv", "3"]
            ])
        #expect(
            loaded.warnings.map(\.description) == [
                "mentees.csv:2: warning: field 'preferred_mentors': 'M8' is left out of this run because of problems in their row, so this has no effect"
            ])
    }
}
