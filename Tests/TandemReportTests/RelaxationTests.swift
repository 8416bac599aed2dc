import Foundation
import TandemCore
import TandemInput
import TandemSynthetic
import Testing

@testable import TandemResults

@Suite("Rule relaxations on a generated cohort")
struct RelaxationTests {
    /// 400 mentees and 100 mentors under Data/'s configuration, with `change` made to it.
    static func match(
        listLength: Int?, exact: Bool? = nil, change: (inout MatchingPolicy) -> Void = { _ in }
    ) throws -> MatchOutcome {
        var configuration = try ConfigurationLoader.load(path: ReportFixture.data.appendingPathComponent("tandem.yaml").path)
        configuration.policy.maxListLength = listLength
        change(&configuration.policy)
        let generated = SyntheticCohort.generate(mentees: 400, mentors: 100, seed: 11)
        let mentors = CSVText.render(header: SyntheticCohort.mentorHeader, rows: generated.mentorRows)
        let mentees = CSVText.render(header: SyntheticCohort.menteeHeader, rows: generated.menteeRows)
        var reader = try SignupReader(configuration: configuration, configurationFile: "tandem.yaml")
        let cohort = reader.read(
            mentors: try CSVTable.parse(mentors, file: "mentors.csv"), mentees: try CSVTable.parse(mentees, file: "mentees.csv"))
        return CohortMatcher.match(cohort, policy: configuration.policy, exact: exact)
    }

    @Test("Each relaxation's pair count equals matching again with the rule off", arguments: [nil, 8] as [Int?])
    func agreesWithAFullRun(listLength: Int?) throws {
        let base = try Self.match(listLength: listLength)
        let insights = CohortInsights(
            outcome: base, result: MatchResult(base, programme: Programme()), cohort: base.compiled.cohort,
            settings: ReportSettings(), schedule: nil, history: nil)
        let relaxations = try #require(insights.relaxations)
        #expect(relaxations.count >= 2)
        for relaxation in relaxations {
            #expect(relaxation.pairsWithRule == base.pairs.count)
            #expect(relaxation.pairsRemoved > 0)
            let relaxed = try Self.match(listLength: listLength) { policy in
                switch relaxation.rule {
                case "same_organisation": policy.constraints.sameOrganisation = false
                case "exclusions": policy.constraints.exclusions = false
                case "format": policy.constraints.format = false
                default: policy.minimumScore = 0
                }
            }
            #expect(
                relaxed.pairs.count == relaxation.pairsWithoutRule,
                "\(relaxation.rule), list length \(String(describing: listLength))")
        }
    }

    /// The exact method's reduced lists cannot be relaxed: the count is left out, not guessed.
    @Test func aCohortMatchedWithoutItsCompleteListsHasNoRelaxationCounts() throws {
        let base = try Self.match(listLength: nil, exact: true)
        #expect(base.exactPasses != nil)
        let insights = CohortInsights(
            outcome: base, result: MatchResult(base, programme: Programme()), cohort: base.compiled.cohort,
            settings: ReportSettings(), schedule: nil, history: nil)
        #expect(insights.relaxations == nil)
        #expect(!insights.people.isEmpty)
    }
}
