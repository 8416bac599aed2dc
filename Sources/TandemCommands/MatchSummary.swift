import Foundation
import TandemCore

/// The short console report after `tandem match`.
enum MatchSummary {
    static func text(_ outcome: MatchOutcome, programme: Programme, out: String, seconds: Double) -> String {
        let cohort = outcome.compiled.cohort
        let unmatchedMentees = outcome.unmatched.filter { $0.side == .mentee }.count
        let unmatchedMentors = outcome.unmatched.filter { $0.side == .mentor }.count
        let stable =
            outcome.isStable
            ? "yes (checked: no blocking pair)"
            : "NO: \(outcome.report.blockingPairs.count) blocking pair(s), \(outcome.report.capacityViolations.count) over capacity"
        return """
            \(programme.name): \(cohort.mentors.count) mentors, \(cohort.mentees.count) mentees
            Pairs made:        \(outcome.pairs.count) (\(outcome.optimal.rawValue)-optimal stable matching)
            Unmatched:         \(unmatchedMentees) mentee(s) on the reserve list, \(unmatchedMentors) mentor(s) without a mentee
            Spare places:      \(outcome.spareMentorPlaces)
            Mean pair score:   \(String(format: "%.3f", outcome.meanScore))
            Stable:            \(stable)
            Results in \(out)/: matches.csv, unmatched.csv, matches.json, preferences.json (\(String(format: "%.2f", seconds)) s)
            """
    }
}
