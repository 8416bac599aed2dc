import ArgumentParser
import Foundation
import TandemCalendar
import TandemCore
import TandemInput
import TandemResults

struct CalendarCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "calendar",
        abstract: "Write the calendar files again from a saved matches.json, without matching again.",
        discussion: """
            Writes DIR/calendars/ (programme.ics, mentors/<id>.ics, mentees/<id>.ics). With --config, \
            the programme name and coordinator come from the configuration instead (e.g. after a \
            change of coordinator), and so do the calendar section's preparation text, meeting links and \
            reminders (without it: no preparation text or links, reminders a day and an hour before); \
            the sessions and their calendar UIDs always come from matches.json.
            """
    )

    @Option(help: ArgumentHelp("The matches.json of an earlier 'tandem match'.", valueName: "file"))
    var matches: String

    @Option(
        help: ArgumentHelp(
            "Programme configuration (YAML) for the programme name, coordinator and calendar section.", valueName: "file"))
    var config: String?

    @Option(help: ArgumentHelp("Folder to write calendars/ into. Default: the folder of matches.json.", valueName: "dir"))
    var out: String?

    @Option(help: "publish (files to import) or request (invitations with attendees, to e-mail).")
    var method: CalendarMethod = .publish

    @Flag(help: "Let the folder's group read the files written (files 0640, folders 0750; else 0600 and 0700).")
    var groupReadable = false

    @Flag(help: "Print nothing but errors.")
    var quiet = false

    func run() throws {
        try reportingFailures {
            let saved = try SavedMatches.load(path: matches)
            guard let schedule = saved.schedule, !saved.series.isEmpty else {
                throw TandemFailure(
                    .dataError,
                    problem: InputProblem(
                        file: matches,
                        message:
                            "has no scheduled sessions; add a schedule section to the configuration and run tandem match again"))
            }
            // The UIDs are the saved ones: a renamed programme keeps every series' UID.
            var programme = saved.programme
            var settings = CalendarSettings()
            if let config {
                let configuration = try ConfigurationLoader.load(path: config)
                programme.name = configuration.programme.name
                programme.coordinatorName = configuration.programme.coordinatorName
                programme.coordinatorEmail = configuration.programme.coordinatorEmail
                settings = configuration.calendar
            }
            let progress = TerminalProgress(quiet: quiet)
            let files = try progress.phase("Writing the calendars", unit: "files") {
                try CalendarFiles.render(
                    programme: programme, series: saved.series, events: schedule.cohortEvents, method: method,
                    timestamp: try CalendarFiles.timestamp(), settings: settings,
                    progress: { _, total in progress.advance(by: 1, of: total) })
            }
            let folder = out ?? URL(fileURLWithPath: matches).deletingLastPathComponent().path
            let target = URL(fileURLWithPath: folder).appendingPathComponent("calendars").path
            let written = try progress.phase("Saving to \(target)", total: files.count, unit: "files") {
                try OutputFolder.write(
                    files, to: target, writer: "tandem calendar", options: .init(sharing: groupReadable ? .group : .owner))
            }
            if let notice = written.notice, !quiet { printError(notice) }
            if !quiet { print("Wrote \(files.count) calendar files for \(saved.series.count) pairs to \(target)/.") }
        }
    }
}
