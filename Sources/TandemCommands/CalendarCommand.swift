import ArgumentParser
import Foundation
import TandemCalendar
import TandemCore
import TandemIO

struct CalendarCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "calendar",
        abstract: "Write the calendar files again from a saved matches.json, without matching again.",
        discussion: """
            Writes DIR/calendars/ (programme.ics, mentors/<id>.ics, mentees/<id>.ics). With --config, \
            the programme name and coordinator come from the configuration instead (e.g. after a \
            change of coordinator); the sessions always come from matches.json.
            """
    )

    @Option(help: ArgumentHelp("The matches.json of an earlier 'tandem match'.", valueName: "file"))
    var matches: String

    @Option(help: ArgumentHelp("Programme configuration (YAML) for the programme name and coordinator.", valueName: "file"))
    var config: String?

    @Option(help: ArgumentHelp("Folder to write calendars/ into. Default: the folder of matches.json.", valueName: "dir"))
    var out: String?

    @Option(help: "publish (files to import) or request (invitations with attendees, to e-mail).")
    var method: CalendarMethod = .publish

    func run() throws {
        try reportingFailures {
            let saved = try SavedMatches.load(path: matches)
            var programme = saved.programme.programme
            if let config {
                let configured = try ConfigurationLoader.load(path: config).programme
                programme.name = configured.name
                programme.coordinatorName = configured.coordinatorName
                programme.coordinatorEmail = configured.coordinatorEmail
            }
            let files = try CalendarFiles.render(
                programme: programme, series: saved.series, events: saved.cohortEvents, method: method,
                timestamp: try CalendarFiles.timestamp())
            let folder = out ?? URL(fileURLWithPath: matches).deletingLastPathComponent().path
            let target = URL(fileURLWithPath: folder).appendingPathComponent("calendars").path
            try OutputFolder.write(files, to: target)
            print("Wrote \(files.count) calendar files for \(saved.series.count) pairs to \(target)/.")
        }
    }
}
