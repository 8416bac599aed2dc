import ArgumentParser
import TandemCore
import TandemInput
import TandemResults
import TandemSynthetic

struct GenerateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate",
        abstract: "Write a realistic synthetic cohort (mentors.csv, mentees.csv) for tests and benchmarks."
    )

    @Option(help: "Number of mentees.")
    var mentees: Int

    @Option(help: "Number of mentors.")
    var mentors: Int

    @Option(help: "Random seed: the same seed writes the same files.")
    var seed: UInt64 = 1

    @Option(help: ArgumentHelp("Folder to write.", valueName: "dir"))
    var out: String

    @Flag(help: "Let the folder's group read the files written (files 0640, folders 0750; else 0600 and 0700).")
    var groupReadable = false

    func validate() throws {
        guard (1...10_000_000).contains(mentees), (1...10_000_000).contains(mentors) else {
            throw ValidationError("--mentees and --mentors must be between 1 and 10,000,000")
        }
    }

    func run() throws {
        try reportingFailures {
            let cohort = SyntheticCohort.generate(mentees: mentees, mentors: mentors, seed: seed)
            let files = [
                ("mentors.csv", CSVText.render(header: SyntheticCohort.mentorHeader, rows: cohort.mentorRows)),
                ("mentees.csv", CSVText.render(header: SyntheticCohort.menteeHeader, rows: cohort.menteeRows)),
            ]
            let saved = try OutputFolder.write(
                files, to: out, writer: "tandem generate", options: .init(sharing: groupReadable ? .group : .owner))
            if let notice = saved.notice { printError(notice) }
            print("Wrote \(mentors) mentors and \(mentees) mentees to \(out)/ (seed \(seed)).")
        }
    }
}
