import Foundation
import TandemCore
import TandemInput
import TandemReport
import TandemResults
import Testing

/// The sample cohort in Data/, matched as `tandem match` does, with its report pages.
enum ReportFixture {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let data = repository.appendingPathComponent("Data")

    struct Matched: Sendable {
        var loaded: CohortLoader.Loaded
        var outcome: MatchOutcome
        var result: MatchResult
    }

    /// Matches Data/ (with its schedule unless `scheduled` is false) and computes the insights.
    static func match(scheduled: Bool = true, policy change: (inout MatchingPolicy) -> Void = { _ in }) throws -> Matched {
        let loaded = try CohortLoader.load(
            mentors: data.appendingPathComponent("mentors.csv").path, mentees: data.appendingPathComponent("mentees.csv").path,
            configurationPath: data.appendingPathComponent("tandem.yaml").path)
        var policy = loaded.configuration.policy
        change(&policy)
        let scheduler =
            scheduled
            ? loaded.schedule.flatMap { settings in
                ZoneRules(identifier: settings.timeZone).map { SessionScheduler(settings: settings, zone: $0) }
            } : nil
        let outcome = CohortMatcher.match(loaded.cohort, policy: policy, scheduler: scheduler)
        var result = MatchResult(outcome, programme: loaded.configuration.programme)
        result.insights = CohortInsights(
            outcome: outcome, result: result, cohort: loaded.cohort, settings: loaded.configuration.report,
            schedule: scheduled ? loaded.schedule : nil, history: nil)
        return Matched(loaded: loaded, outcome: outcome, result: result)
    }

    static let sample: Result<Matched, any Error> = Result { try match() }

    static func pages() throws -> (coordinator: String, shareable: String, matchesJSON: [String: Any]) {
        let matched = try sample.get()
        let files = try ResultFiles.render(matched.result, zone: nil, preferencesJSON: Data())
        let json = try #require(files.first { $0.name == "matches.json" }?.data)
        let object = try #require(try JSONSerialization.jsonObject(with: json) as? [String: Any])
        return (
            ReportPage.render(matched.result, audience: .coordinator), ReportPage.render(matched.result, audience: .shareable),
            object
        )
    }
}
