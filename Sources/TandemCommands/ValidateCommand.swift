import ArgumentParser
import Foundation
import TandemCore
import TandemInput
import TandemResults

struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check the sign-up files and configuration, reporting every problem with file, line and field."
    )

    @OptionGroup var cohort: CohortOptions

    func run() throws {
        try reportingFailures {
            let loaded = try CohortLoader.load(
                mentors: cohort.mentorsPath, mentees: cohort.menteesPath, configurationPath: cohort.configurationPath)
            for line in InputProblem.reportLines(loaded.warnings) { printError(line) }
            for line in loaded.formats { CommandEnvironment.standardOutput.write(Data((line + "\n").utf8)) }
            print(
                "OK: \(loaded.cohort.mentors.count) mentors and \(loaded.cohort.mentees.count) mentees can be matched"
                    + (loaded.warnings.isEmpty ? "." : " (\(loaded.warnings.count) warning(s) above)."))
        }
    }
}
