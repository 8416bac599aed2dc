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
        var lines: [String] = []
        if let schedule = outcome.schedule {
            let sessions = schedule.series.values.reduce(0) { $0 + $1.sessions.count }
            lines.append(
                "Sessions:          \(sessions) scheduled for \(schedule.series.count) pair(s); "
                    + "\(schedule.shortCount) short of \(schedule.sessionsPerPair), \(schedule.unscheduled.count) not scheduled")
        }
        for cap in outcome.capacityCaps {
            let mentor = cohort.mentors[cap.mentor]
            lines.append(
                "Note: \(mentor.name) (\(mentor.id)) offered \(cap.offered) place(s); their availability holds \(cap.usable).")
        }
        if let tradeOff = outcome.tradeOff {
            lines.append("Trade-off (pairs, blocking pairs, mean score, mean rank given by mentees / mentors):")
            for option in tradeOff.options {
                let name = option.name.padding(toLength: 26, withPad: " ", startingAt: 0)
                lines.append(
                    "  \(option.isChosen ? ">" : " ") \(name) \(option.pairs) pairs, \(option.blockingPairs) blocking, "
                        + "mean \(String(format: "%.3f", option.meanScore)), ranks "
                        + "\(String(format: "%.1f", option.meanMenteeRank)) / \(String(format: "%.1f", option.meanMentorRank))")
            }
        }
        let scheduling = lines.isEmpty ? "" : lines.joined(separator: "\n") + "\n"
        return """
            \(programme.name): \(cohort.mentors.count) mentors, \(cohort.mentees.count) mentees
            Pairs made:        \(outcome.pairs.count) (\(outcome.algorithmTitle))
            Unmatched:         \(unmatchedMentees) mentee(s) on the reserve list, \(unmatchedMentors) mentor(s) without a mentee
            Spare places:      \(outcome.spareMentorPlaces)
            Mean pair score:   \(String(format: "%.3f", outcome.meanScore))
            Stable:            \(stable)
            \(scheduling)Results in \(out)/: matches.csv, unmatched.csv, matches.json, preferences.json (\(String(format: "%.2f", seconds)) s)
            """
    }
}
