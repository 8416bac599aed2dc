import Foundation
import StableMatching
import TandemCore
import TandemInput
import TandemResults
import TandemSynthetic
import Testing

@testable import TandemSolve

/// `preferences.json` is written straight from the instance; its bytes must be those of the
/// `SolveInput` it replaced on the hot path.
@Suite("preferences.json")
struct PreferencesJSONTests {
    func expectSameBytes(_ instance: MatchingInstance, cohort: Cohort, sourceLocation: SourceLocation = #_sourceLocation) {
        let expected = SolveInput(instance, cohort: cohort).jsonData()
        let actual = PreferencesJSON.render(instance, cohort: cohort)
        #expect(actual == expected, sourceLocation: sourceLocation)
    }

    @Test func matchesSolveInputForAGeneratedCohort() throws {
        let generated = SyntheticCohort.generate(mentees: 300, mentors: 80, seed: 3)
        let mentors = CSVText.render(header: SyntheticCohort.mentorHeader, rows: generated.mentorRows)
        let mentees = CSVText.render(header: SyntheticCohort.menteeHeader, rows: generated.menteeRows)
        var reader = try SignupReader(configuration: TandemConfiguration(), configurationFile: "tandem.yaml")
        let cohort = reader.read(
            mentors: try CSVTable.parse(mentors, file: "mentors.csv"), mentees: try CSVTable.parse(mentees, file: "mentees.csv"))
        let outcome = CohortMatcher.match(cohort, policy: MatchingPolicy())
        expectSameBytes(outcome.scored.instance, cohort: outcome.compiled.cohort)
    }

    @Test func matchesSolveInputForIdsThatNeedEscapingOrSortAcrossScripts() throws {
        let mentorIDs = ["M\"1", "m\\2", "M\t3", "ਮ4", "Ł5", "M😀6", "\u{1}M7", "M1"]
        let menteeIDs = ["E1", "é2", "e\u{301}3", "E\n4", "فا5", "E 6", ""]
        let instance = try MatchingInstance(
            residentPreferences: menteeIDs.indices.map { mentee in
                mentorIDs.indices.filter { ($0 + mentee) % 3 != 0 }.map { Int32($0) }
            },
            hospitalPreferences: mentorIDs.indices.map { mentor in
                menteeIDs.indices.reversed().filter { ($0 + mentor) % 3 != 0 }.map { Int32($0) }
            },
            capacities: mentorIDs.indices.map { Int32($0 % 3) })
        let cohort = Cohort(
            mentors: mentorIDs.map { Mentor(id: $0, name: "x") }, mentees: menteeIDs.map { Mentee(id: $0, name: "y") })
        expectSameBytes(instance, cohort: cohort)
    }

    @Test func keepsTheDictionaryResultForRepeatedOrEquivalentIds() throws {
        // Sign-up checks refuse these; the file must still not depend on how it is written.
        let mentorIDs = ["M1", "M2", "M1", "caf\u{E9}", "cafe\u{301}"]
        let menteeIDs = ["E1", "E1", "E2"]
        let instance = try MatchingInstance(
            residentPreferences: [[0, 1, 2, 3, 4], [4, 3, 2, 1, 0], [1, 3]],
            hospitalPreferences: [[0, 1, 2], [2, 1, 0], [1, 0], [0, 1, 2], [2, 1, 0]],
            capacities: [1, 2, 3, 1, 2])
        let cohort = Cohort(
            mentors: mentorIDs.map { Mentor(id: $0, name: "x") }, mentees: menteeIDs.map { Mentee(id: $0, name: "y") })
        expectSameBytes(instance, cohort: cohort)
    }

    @Test func emptyInstance() throws {
        let instance = try MatchingInstance(residentPreferences: [], hospitalPreferences: [], capacities: [])
        expectSameBytes(instance, cohort: Cohort(mentors: [], mentees: []))
    }
}
