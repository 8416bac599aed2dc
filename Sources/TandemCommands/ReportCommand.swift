import ArgumentParser
import Foundation
import TandemCore
import TandemReport
import TandemResults

struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Write the coordinator's report (report.html, report-shareable.html) again from a results folder.",
        discussion: """
            Reads DIR/matches.json, which holds everything the report shows, so the report is the same \
            whatever happened to the sign-up files since. By default the two pages are replaced inside \
            the results folder (written again whole, so it is never half-written); with --out they go \
            to a folder of their own. --suppress-below and --round-to change the disclosure control of \
            the shared numbers (the configuration's report section sets them for tandem match).
            """
    )

    @Option(help: ArgumentHelp("The results folder of an earlier 'tandem match'.", valueName: "dir"))
    var results: String = "out"

    @Option(help: ArgumentHelp("Folder to write the two pages into. Default: the results folder.", valueName: "dir"))
    var out: String?

    @Option(help: ArgumentHelp("Hide counts from 1 up to one below this (NHS rule: 8).", valueName: "n"))
    var suppressBelow: Int?

    @Option(help: ArgumentHelp("Round other counts to the nearest multiple of this (NHS rule: 5).", valueName: "n"))
    var roundTo: Int?

    @Flag(help: "Let the folder's group read the files written (files 0640, folders 0750; else 0600 and 0700).")
    var groupReadable = false

    @Flag(help: "Print nothing but errors.")
    var quiet = false

    func validate() throws {
        if let suppressBelow, !(0...1000).contains(suppressBelow) {
            throw ValidationError("--suppress-below must be a whole number from 0 to 1000")
        }
        if let roundTo, !(1...1000).contains(roundTo) {
            throw ValidationError("--round-to must be a whole number from 1 to 1000")
        }
    }

    func run() throws {
        try reportingFailures {
            let matches = URL(fileURLWithPath: results).appendingPathComponent("matches.json").path
            var result = try SavedMatches.load(path: matches)
            if result.insights == nil, !quiet {
                printError(
                    "warning: \(matches) has no report data (an older tandem match wrote it); some sections will say so. "
                        + "Run tandem match again for the full report.")
            }
            if let suppressBelow { result.insights?.disclosure.suppressBelow = suppressBelow }
            if let roundTo { result.insights?.disclosure.roundTo = roundTo }
            let files = ReportPage.files(result)
            let options = OutputFolder.Options(sharing: groupReadable ? .group : .owner)
            let written =
                try out.map { folder throws(TandemFailure) in
                    try OutputFolder.write(files, to: folder, writer: "tandem report", options: options)
                } ?? OutputFolder.replacing(files, in: results, options: options)
            if let notice = written.notice, !quiet { printError(notice) }
            if !quiet {
                print("Wrote \(files.map(\.name).joined(separator: " and ")) to \(out ?? results)/.")
            }
        }
    }
}
