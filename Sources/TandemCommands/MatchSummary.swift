import Foundation
import TandemCore

/// The short console report after `tandem match`.
enum MatchSummary {
    static func text(_ result: MatchResult, out: String, seconds: Double) -> String {
        let summary = result.summary
        let stable =
            result.stable
            ? "yes (checked: no blocking pair)"
            : "NO: \(result.blockingPairs) blocking pair(s)"
        var lines: [String] = []
        if let schedule = result.schedule {
            let series = result.series
            let sessions = series.reduce(0) { $0 + $1.sessions.count }
            let short = series.count(where: { $0.sessions.count < schedule.sessionsPerPair })
            var line =
                "Sessions:          \(sessions) scheduled for \(series.count) pair(s); "
                + "\(short) short of \(schedule.sessionsPerPair), \(schedule.unscheduled.count) not scheduled"
            if let maxGap = schedule.maxGapWeeks {
                line += ", \(result.pairs.count(where: { $0.longestGapWeeks != nil })) with a gap over \(maxGap) weeks"
            }
            lines.append(line)
            if !schedule.withoutSlot.isEmpty {
                lines.append(
                    "Without a slot:    \(schedule.withoutSlot.count) pair(s) not made (no slot could be found);"
                        + " the matching was solved again without them")
            }
        }
        for cap in result.capacityCaps {
            let mentor = cap.mentor
            lines.append(
                "Note: \(mentor.name) (\(mentor.id)) offered \(cap.offered) place(s); their availability holds \(cap.usable).")
        }
        if let tradeOff = result.tradeOff {
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
            \(result.programme.name): \(summary.mentors) mentors, \(summary.mentees) mentees
            Pairs made:        \(summary.pairs) (\(result.algorithmTitle))
            Unmatched:         \(summary.unmatchedMentees) mentee(s) on the reserve list, \(summary.unmatchedMentors) mentor(s) without a mentee
            Spare places:      \(summary.spareMentorPlaces)
            Mean pair score:   \(String(format: "%.3f", summary.meanScore))
            Stable:            \(stable)
            \(scheduling)Results in \(out)/: matches.csv, unmatched.csv, matches.json, preferences.json (\(String(format: "%.2f", seconds)) s)
            """
    }
}
