import ArgumentParser
import Foundation
import TandemCore
import TandemRecord

struct WithdrawCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "withdraw",
        abstract: "End a person's pairs (or one pair) in the programme record.",
        discussion: """
            Sessions before the date count as held; later ones are cancelled. The next 'tandem match' \
            writes the calendar updates and cancellations into changes/ and matches the freed \
            mentee and place. Examples: 'tandem withdraw E05 --from 2027-03-01 --reason "new job"', \
            'tandem withdraw --pair M02:E05'.
            """
    )

    @Argument(help: ArgumentHelp("The id of the person who leaves the programme.", valueName: "id"))
    var id: String?

    @Option(help: ArgumentHelp("End only this pair: the mentor's and the mentee's ids.", valueName: "mentor:mentee"))
    var pair: String?

    @Option(help: ArgumentHelp("First day without sessions (YYYY-MM-DD). Default: today.", valueName: "date"))
    var from: LocalDate?

    @Option(help: "Why, for the record (e.g. \"moved away\").")
    var reason: String = "withdrew"

    @Option(help: ArgumentHelp("The results folder whose record to change (when --record is not given).", valueName: "dir"))
    var out: String = "out"

    @OptionGroup var recordOptions: RecordOptions

    @Flag(help: "Print nothing but errors.")
    var quiet = false

    func validate() throws {
        guard (id == nil) != (pair == nil) else {
            throw ValidationError("give either a person's id or --pair MENTOR:MENTEE")
        }
        if let pair, pair.split(separator: ":").count != 2 {
            throw ValidationError("--pair takes the mentor's and the mentee's ids as MENTOR:MENTEE, e.g. M02:E05")
        }
    }

    func run() throws {
        try reportingFailures {
            let path = recordOptions.path(forResults: out)
            guard FileManager.default.fileExists(atPath: path) else {
                throw TandemFailure(
                    .noInput,
                    problem: InputProblem(
                        file: path, message: "no programme record here; run tandem match first (or pass --record FILE)"))
            }
            let record = try ProgrammeRecord(path: path)
            let lines = try record.change { transaction throws(TandemFailure) -> [String] in
                let timeZone = try transaction.lastTimeZone() ?? Programme().timeZone
                let clock = try RunClock(timeZone: timeZone)
                let date = from ?? clock.today
                let run = try transaction.beginRun(
                    command: "withdraw", runDate: clock.today, timeZone: timeZone, startedAt: clock.now)
                let selection: PairSelection
                var lines: [String] = []
                if let id {
                    guard try transaction.withdraw(person: id, from: date, reason: reason, run: run) else {
                        throw TandemFailure(
                            .dataError, problem: InputProblem(file: path, message: "'\(id)' is not in this programme record"))
                    }
                    selection = .person(id)
                    lines.append("Withdrew \(id) from \(date.iso) (\(reason)).")
                } else {
                    let ids = (pair ?? "").split(separator: ":").map(String.init)
                    selection = .pair(mentor: ids[0], mentee: ids[1])
                }
                let ended = try transaction.endPairs(selection, from: date, reason: reason, run: run, issued: clock.now)
                if case .pair = selection, ended.isEmpty {
                    throw TandemFailure(
                        .dataError,
                        problem: InputProblem(
                            file: path, message: "'\(pair ?? "")' is not an active pair in this programme record"))
                }
                for pair in ended {
                    let held = pair.series?.sessions.filter { $0.date < date }.count ?? 0
                    let cancelled = (pair.series?.sessions.count ?? 0) - held
                    lines.append("Ended \(pair.label) from \(date.iso): \(held) session(s) held, \(cancelled) cancelled.")
                }
                if ended.isEmpty { lines.append("No active pair to end.") }
                return lines
            }
            if !quiet {
                print(
                    (lines + ["The next 'tandem match' writes the calendar changes and matches the freed places. Record: \(path)"])
                        .joined(separator: "\n"))
            }
        }
    }
}
