import ArgumentParser
import Foundation
import StableMatching
import TandemCalendar
import TandemCore
import TandemInput
import TandemRecord
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

    @OptionGroup var recordOptions: RecordOptions

    @Flag(help: "Match without the programme record: keep no pair and record nothing (to try settings out).")
    var noRecord = false

    @Flag(help: "End every active pair from today (later sessions cancelled) and match everyone afresh.")
    var rematch = false

    @Flag(help: "Let the folder's group read the files written (files 0640, folders 0750; else 0600 and 0700).")
    var groupReadable = false

    @Flag(help: "Write no report pages (report.html, report-shareable.html) and skip the analysis behind them.")
    var noReport = false

    @Flag(help: "Print nothing but errors.")
    var quiet = false

    @Flag(help: "Match everyone whose sign-up rows are sound; list the rows with problems in needs-attention.csv.")
    var skipInvalid = false

    func validate() throws {
        if noRecord, rematch || recordOptions.record != nil {
            throw ValidationError("--no-record cannot go with --rematch or --record")
        }
    }

    func run() throws {
        try reportingFailures {
            if let failure = OutputFolder.check(out, writer: "tandem match") { throw failure }
            let progress = TerminalProgress(quiet: quiet)
            let loaded = try progress.phase("Reading the sign-ups") {
                try CohortLoader.load(
                    mentors: cohort.mentorsPath, mentees: cohort.menteesPath, configurationPath: cohort.configurationPath,
                    skipInvalid: skipInvalid, requireEmail: method == .request)
            }
            for line in InputProblem.reportLines(loaded.warnings + Self.leftOutWarnings(loaded.leftOut)) where !quiet {
                printError(line)
            }
            let attention = Self.needsAttention(loaded.leftOut)
            for line in loaded.formats where !quiet { CommandEnvironment.standardOutput.write(Data((line + "\n").utf8)) }
            var policy = loaded.configuration.policy
            if let optimal { policy.optimal = optimal }
            if let objective { policy.objective = objective }
            if let seed { policy.seed = seed }

            let started = Date()
            let programme = loaded.configuration.programme
            let clock = try RunClock(timeZone: programme.timeZone)
            var scheduler = try loaded.schedule.map { settings throws(TandemFailure) in
                guard let zone = ZoneRules(identifier: settings.timeZone) else {
                    throw TandemFailure(.dataError, "unknown time zone \(settings.timeZone)")
                }
                return SessionScheduler(settings: settings, zone: zone)
            }
            try MemoryCheck.refuseUnaffordableLists(
                loaded.cohort, policy: policy, scheduled: scheduler != nil, progress: progress)
            if noRecord {
                let outcome = CohortMatcher.match(
                    loaded.cohort, policy: policy, scheduler: scheduler, progress: progress, countingRelaxations: !noReport)
                let (result, files) = try render(
                    MatchResult(outcome, programme: programme), outcome: outcome, loaded: loaded, zone: scheduler?.zone,
                    timestamp: clock.now, calendarSettings: loaded.configuration.calendar, progress: progress
                ) { () throws(TandemFailure) in nil }
                try save(files + attention, progress: progress)
                if !quiet { print(MatchSummary.text(result, out: out, seconds: Date().timeIntervalSince(started))) }
                if !quiet { printLeftOut(loaded.leftOut) }
                return
            }

            let recordPath = recordOptions.path(forResults: out)
            let record = try ProgrammeRecord(path: recordPath, groupReadable: groupReadable)
            let (result, notes) = try record.change { transaction throws(TandemFailure) in
                let run = try transaction.beginRun(
                    command: rematch ? "match --rematch" : "match", runDate: clock.today, timeZone: programme.timeZone,
                    startedAt: clock.now)
                var notes = ProgrammeNotes(record: recordPath)
                if rematch {
                    notes.ended += try transaction.endPairs(
                        .all, from: clock.today, reason: RecordTransaction.rematchReason, run: run, issued: clock.now
                    ).count
                }
                let continuation = try Continuation(
                    cohort: loaded.cohort, active: try transaction.activePairs(), withdrawn: try transaction.withdrawnPeople(),
                    ended: try transaction.endedPairs(), mentorsFile: cohort.mentorsPath)
                try Self.refuseWithdrawing(continuation.absent, leftOut: loaded.leftOut)
                for id in continuation.absent {
                    _ = try transaction.withdraw(person: id, from: clock.today, reason: "no longer in the sign-ups", run: run)
                    notes.warnings.append(
                        "\(id) is no longer in the sign-ups: withdrawn from \(clock.today.iso), and their pairs end then")
                }
                for pair in continuation.endedByAbsence {
                    notes.ended += try transaction.endPairs(
                        .pair(mentor: pair.mentorID, mentee: pair.menteeID), from: clock.today,
                        reason: "no longer in the sign-ups", run: run, issued: clock.now
                    ).count
                }
                scheduler?.bookedSeries = continuation.keptSeriesByMentor
                scheduler?.notBefore = clock.today
                let outcome = CohortMatcher.match(
                    continuation.residual, policy: policy, scheduler: scheduler, progress: progress,
                    countingRelaxations: !noReport)
                var fresh = MatchResult(outcome, programme: programme)
                for index in fresh.pairs.indices {
                    guard var series = fresh.pairs[index].series else { continue }
                    series.uid = try transaction.unusedUID(for: series, programme: programme.key)
                    series.issued = clock.now
                    fresh.pairs[index].series = series
                }
                if let events = fresh.schedule?.cohortEvents {
                    fresh.schedule?.cohortEvents = try transaction.issue(events, now: clock.now)
                }
                let combined = MatchResult(continuing: continuation, cohort: loaded.cohort, policy: policy, residual: fresh)
                // Revisions from earlier runs not yet sent, then this run's new series. The people
                // and the new pairs are recorded below, while the calendars render.
                let unsent = try transaction.unsentSeries(signedUp: loaded.cohort)
                let freshSeries = fresh.pairs.compactMap(\.series)
                let revisions =
                    unsent.map { item in
                        ChangeFiles.Revision(
                            series: item.series, change: item.isCancelled ? .cancelled : item.wasSent ? .updated : .new)
                    } + freshSeries.map { ChangeFiles.Revision(series: $0, change: .new) }
                var changes: @Sendable () throws(TandemFailure) -> ChangeFiles.Plan? = { nil }
                var newcomers: [(person: CalendarPerson, side: CohortSide)] = []
                if let schedule = combined.schedule {
                    let events = schedule.cohortEvents.filter { $0.start.date > clock.today }
                    var joining: [(person: CalendarPerson, side: CohortSide)] = []
                    for revision in revisions where revision.change == .new {
                        joining += [(revision.series.mentor, .mentor), (revision.series.mentee, .mentee)]
                    }
                    let notInvited = events.isEmpty ? [] : try transaction.notInvitedToEvents(joining.map(\.person.id))
                    var seen = Set<String>()
                    newcomers = joining.filter { notInvited.contains($0.person.id) && seen.insert($0.person.id).inserted }
                    let (programme, active, now, settings) = (
                        combined.programme, combined.series, clock.now, loaded.configuration.calendar
                    )
                    let invited = newcomers
                    changes = { () throws(TandemFailure) in
                        try ChangeFiles.plan(
                            programme: programme, revisions: revisions, active: active, events: events, newcomers: invited,
                            timestamp: now, settings: settings)
                    }
                }
                let (result, files) = try render(
                    combined, outcome: outcome, loaded: loaded, zone: scheduler?.zone, timestamp: clock.now,
                    calendarSettings: loaded.configuration.calendar, changes: changes, progress: progress
                ) { () throws(TandemFailure) in
                    try transaction.recordPeople(of: loaded.cohort, run: run)
                    for pair in fresh.pairs {
                        try transaction.addPair(pair, run: run, runDate: clock.today)
                    }
                    try transaction.markInvitedToEvents(newcomers.map(\.person.id))
                    return noReport ? nil : try transaction.history()
                }
                try save(files + attention, progress: progress)
                try transaction.markSent(uids: unsent.map(\.series.uid) + freshSeries.map(\.uid))
                notes.kept = continuation.kept.count
                notes.made = fresh.pairs.count
                notes.changes = revisions.count
                return (result, notes)
            }
            if !quiet {
                for warning in notes.warnings { printError("warning: " + warning) }
                print(MatchSummary.text(result, out: out, seconds: Date().timeIntervalSince(started), programme: notes))
                printLeftOut(loaded.leftOut)
            }
        }
    }

    /// `result` with its insights (unless `--no-report`), and its files: the result files and,
    /// with a schedule, the calendars, then the files of `changes` (rendered with the calendars).
    ///
    /// The programme record's writes, then the insights and the result files that show them,
    /// run beside `preferences.json` and the calendars, which need none of them: each side's
    /// single-threaded stretches then fill the other's idle core (at 10,000 × 2,500 on two
    /// cores, the two phases took 0.5 s and 0.75 s one after the other).
    /// - Parameters:
    ///   - changes: plans the `changes/` files a run with the programme record sends (worked
    ///     out, and its calendars rendered, beside the insights).
    ///   - record: writes this run to the programme record and returns what the record says so
    ///     far, for the report (`nil` without a record); it runs on the calling thread, the one
    ///     the record's connection belongs to.
    private func render(
        _ result: MatchResult, outcome: MatchOutcome, loaded: CohortLoader.Loaded, zone: ZoneRules?, timestamp: Date,
        calendarSettings: CalendarSettings, changes: @Sendable () throws(TandemFailure) -> ChangeFiles.Plan? = { nil },
        progress: TerminalProgress,
        record: () throws(TandemFailure) -> ProgrammeHistory?
    ) throws(TandemFailure) -> (result: MatchResult, files: [(name: String, data: Data)]) {
        let method = method
        let report = !noReport
        let phase = report ? "Finding what would help; writing results and calendars" : "Writing results and calendars"
        let (results, (preferences, calendars)) = progress.phase(phase, unit: "files") {
            Concurrently.run(
                onCallingThread: {
                    Result { () throws(TandemFailure) -> (MatchResult, [(name: String, data: Data)]) in
                        let history = try record()
                        let result =
                            report ? Self.withInsights(result, outcome: outcome, loaded: loaded, history: history) : result
                        // preferences.json takes its place in the list below.
                        return (result, try ResultFiles.render(result, zone: zone, preferencesJSON: Data(), report: report))
                    }
                },
                beside: {
                    Concurrently.run(
                        { PreferencesJSON.render(outcome.scored.instance, cohort: outcome.compiled.cohort) },
                        {
                            Result { () throws(TandemFailure) -> [(name: String, data: Data)] in
                                guard let schedule = result.schedule else { return [] }
                                let plan = try changes()
                                let files = try CalendarFiles.render(
                                    programme: result.programme, series: result.series, events: schedule.cohortEvents,
                                    method: method, timestamp: timestamp, settings: calendarSettings,
                                    alongside: plan?.jobs ?? [], progress: { _, total in progress.advance(by: 1, of: total) })
                                return files.calendars.map { ("calendars/" + $0.name, $0.data) } + files.alongside
                                    + (plan.map { [$0.invitations] } ?? [])
                            }
                        })
                })
        }
        var (withInsights, files) = try results.get()
        for index in files.indices where files[index].name == ResultFiles.preferencesName {
            files[index].data = preferences
        }
        return (withInsights, files + (try calendars.get()))
    }

    private func save(_ files: [(name: String, data: Data)], progress: TerminalProgress) throws(TandemFailure) {
        let saved = progress.phase("Saving to \(out)", total: files.count, unit: "files") {
            Result { () throws(TandemFailure) in
                try OutputFolder.write(
                    files, to: out, writer: "tandem match", options: .init(sharing: groupReadable ? .group : .owner))
            }
        }
        if let notice = try saved.get().notice, !quiet { printError(notice) }
    }
}

extension StableChoice: ExpressibleByArgument {}
extension MatchObjective: ExpressibleByArgument {}
