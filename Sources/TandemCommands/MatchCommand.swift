import ArgumentParser
import Foundation
import StableMatching
import TandemCalendar
import TandemCore
import TandemInput
import TandemResults
import TandemSolve

struct MatchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "match",
        abstract: "Score every pair, compute a stable matching, verify it, and write the results.",
        discussion: """
            With no options it matches the sample cohort in Data/ and writes ./out. The folder is \
            replaced only when every file was written, so a failed run keeps the previous results.
            """
    )

    @OptionGroup var cohort: CohortOptions

    @Option(help: ArgumentHelp("Results folder.", valueName: "dir"))
    var out: String = "out"

    @Option(
        help: """
            Which stable matching: weighted (best total score), egalitarian, min-regret, mentee or mentor. \
            Default: the configuration's, else weighted.
            """
    )
    var optimal: StableChoice?

    @Option(help: "stable (default), or coverage: the most pairs, even at the cost of blocking pairs.")
    var objective: MatchObjective?

    @Option(help: "Tie-break seed; overrides the configuration's.")
    var seed: UInt64?

    @Option(help: "Calendar files: publish (to import) or request (invitations with attendees, to e-mail).")
    var method: CalendarMethod = .publish

    @Flag(help: "Print nothing but errors.")
    var quiet = false

    func run() throws {
        try reportingFailures {
            let progress = TerminalProgress(quiet: quiet)
            let loaded = try progress.phase("Reading the sign-ups") {
                try CohortLoader.load(
                    mentors: cohort.mentorsPath, mentees: cohort.menteesPath, configurationPath: cohort.configurationPath)
            }
            for warning in loaded.warnings where !quiet { printError(warning.description) }
            var policy = loaded.configuration.policy
            if let optimal { policy.optimal = optimal }
            if let objective { policy.objective = objective }
            if let seed { policy.seed = seed }

            let started = Date()
            let scheduler = try loaded.schedule.map { settings throws(TandemFailure) in
                guard let zone = ZoneRules(identifier: settings.timeZone) else {
                    throw TandemFailure(.dataError, "unknown time zone \(settings.timeZone)")
                }
                return SessionScheduler(settings: settings, zone: zone)
            }
            try MemoryCheck.refuseUnaffordableLists(loaded.cohort, policy: policy, progress: progress)
            let outcome = CohortMatcher.match(loaded.cohort, policy: policy, scheduler: scheduler, progress: progress)
            let result = MatchResult(outcome, programme: loaded.configuration.programme)
            let timestamp = try CalendarFiles.timestamp()
            let zone = scheduler?.zone
            // Result files and calendars do not depend on each other: render them side by side.
            let (results, calendars) = progress.phase("Writing results and calendars", unit: "files") {
                Concurrently.run(
                    {
                        Result { () throws(TandemFailure) -> [(name: String, data: Data)] in
                            let preferences = PreferencesJSON.render(outcome.scored.instance, cohort: outcome.compiled.cohort)
                            return try ResultFiles.render(result, zone: zone, preferencesJSON: preferences)
                        }
                    },
                    {
                        Result { () throws(TandemFailure) -> [(name: String, data: Data)] in
                            guard let schedule = result.schedule else { return [] }
                            return try CalendarFiles.render(
                                programme: result.programme, series: result.series, events: schedule.cohortEvents,
                                method: method, timestamp: timestamp,
                                progress: { _, total in progress.advance(by: 1, of: total) }
                            ).map { ("calendars/" + $0.name, $0.data) }
                        }
                    })
            }
            let files = try results.get() + calendars.get()
            try progress.phase("Saving to \(out)", total: files.count, unit: "files") {
                try OutputFolder.write(files, to: out)
            }
            if !quiet {
                print(
                    MatchSummary.text(
                        result, out: out, seconds: Date().timeIntervalSince(started)))
            }
        }
    }
}

extension StableChoice: ExpressibleByArgument {}
extension MatchObjective: ExpressibleByArgument {}
