import Foundation
import TandemCore

/// The short console report after `tandem match`.
enum MatchSummary {
    /// - Parameter programme: what the run did to the programme record; `nil` without one.
    static func text(_ result: MatchResult, out: String, seconds: Double, programme: ProgrammeNotes? = nil) -> String {
        let summary = result.summary
        var stable =
            result.stable
            ? "yes (checked: no blocking pair)"
            : "NO: \(result.blockingPairs) blocking pair(s)"
        if result.stable, let acceptable = result.acceptablePairs {
            stable = "yes (checked over all \(grouped(acceptable)) acceptable pairs: no blocking pair)"
        } else if result.stable, let cut = result.settings.maxListLength {
            stable = "yes within each mentee's best \(cut) (max_list_length); pairs beyond it were not checked"
        }
        if let programme, programme.kept > 0 {
            stable += result.stable ? "; the new pairs are stable within the free part (the kept pairs stay as they are)" : ""
        }
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
            let part = (programme?.kept ?? 0) > 0 ? " of the free part" : ""
            lines.append("Trade-off\(part) (pairs, blocking pairs, mean score, mean rank given by mentees / mentors):")
            for option in tradeOff.options {
                let name = option.name.padding(toLength: 26, withPad: " ", startingAt: 0)
                lines.append(
                    "  \(option.isChosen ? ">" : " ") \(name) \(option.pairs) pairs, \(option.blockingPairs) blocking, "
                        + "mean \(String(format: "%.3f", option.meanScore)), ranks "
                        + "\(String(format: "%.1f", option.meanMenteeRank)) / \(String(format: "%.1f", option.meanMentorRank))")
            }
        }
        if let programme {
            lines.append(
                "Programme record:  \(programme.record) (\(programme.kept) pair(s) kept, \(programme.made) made, "
                    + "\(programme.ended) ended; \(programme.changes) calendar change(s) in \(out)/changes/)")
        }
        let scheduling = lines.isEmpty ? "" : lines.joined(separator: "\n") + "\n"
        // Mentees no mentor could ever take are not on the reserve list: no freed place helps them.
        let neverPossible = result.unmatched.count { person in
            guard person.side == .mentee else { return false }
            switch person.reason {
            case .noWindow, .noPossiblePartner: return true
            default: return false
            }
        }
        let reserve = summary.unmatchedMentees - neverPossible
        return """
            \(result.programme.name): \(summary.mentors) mentors, \(summary.mentees) mentees
            Pairs made:        \(summary.pairs) (\(result.algorithmTitle))
            Unmatched:         \(reserve) mentee(s) on the reserve list, \(neverPossible) no mentor could ever take, \(summary.unmatchedMentors) mentor(s) without a mentee
            Spare places:      \(summary.spareMentorPlaces)
            Mean pair score:   \(String(format: "%.3f", summary.meanScore))
            Stable:            \(stable)
            \(scheduling)Results in \(out)/: \(result.insights == nil ? "" : "report.html (report-shareable.html to share), ")matches.csv, unmatched.csv, matches.json, preferences.json (\(String(format: "%.2f", seconds)) s)
            """
    }
}

/// `237412118` as `237,412,118`.
func grouped(_ number: Int) -> String {
    var digits = String(number.magnitude)
    var groups: [Substring] = []
    while digits.count > 3 {
        groups.insert(digits.suffix(3), at: 0)
        digits.removeLast(3)
    }
    groups.insert(Substring(digits), at: 0)
    return (number < 0 ? "-" : "") + groups.joined(separator: ",")
}

/// What a run did to the programme record, for its summary.
struct ProgrammeNotes {
    var record: String
    var kept = 0
    var made = 0
    var ended = 0
    var changes = 0
    var warnings: [String] = []

    init(record: String) {
        self.record = record
    }
}
