import TandemCore
import TandemInput

extension MatchCommand {
    /// `result` with what the report needs beyond it: the groups, the reserve order, spare places,
    /// what would help and the rule relaxations, computed while the scored cohort is in memory.
    /// - Parameter history: what the programme record says so far; `nil` without a record.
    static func withInsights(
        _ result: MatchResult, outcome: MatchOutcome, loaded: CohortLoader.Loaded, history: ProgrammeHistory?
    ) -> MatchResult {
        var result = result
        result.insights = CohortInsights(
            outcome: outcome, result: result, cohort: loaded.cohort, settings: loaded.configuration.report,
            schedule: loaded.schedule, history: history)
        return result
    }
}
