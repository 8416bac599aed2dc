import ArgumentParser
import Foundation
import TandemCore
import TandemInput
import TandemResults

struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check the sign-up files and configuration, reporting every problem with file, line and field.",
        discussion: """
            Problems go to standard error. When the configuration does not yet say what a column \
            or an answer means, the lines to add to it are printed on standard output, ready to \
            paste (or save with '> fixes.yaml').
            """
    )

    @OptionGroup var cohort: CohortOptions

    func run() throws {
        try reportingFailures {
            let checked = CohortLoader.check(
                mentors: cohort.mentorsPath, mentees: cohort.menteesPath, configurationPath: cohort.configurationPath)
            // Problems first, then the lines to paste, so that the lines end the output.
            // As YAML comments, so that what standard output holds can still be pasted whole.
            for line in checked.formats { Self.output("# " + line) }
            switch checked.loaded {
            case .failure(let failure):
                printError(failure.description)
                printSuggestions(checked.suggestions)
                if checked.rowsWithProblems > 0 {
                    printError(
                        "\(checked.rowsWithProblems) row(s) have problems: fix them, or run 'tandem match --skip-invalid' to match"
                            + " everyone else and list these rows in needs-attention.csv.")
                }
                throw ExitCode(failure.kind.exitStatus)
            case .success(let loaded):
                for line in InputProblem.reportLines(loaded.warnings) { printError(line) }
                printSuggestions(checked.suggestions)
                Self.output(
                    "OK: \(loaded.cohort.mentors.count) mentors and \(loaded.cohort.mentees.count) mentees can be matched"
                        + (loaded.warnings.isEmpty ? "." : " (\(loaded.warnings.count) warning(s) above)."))
            }
        }
    }

    /// The lines the configuration still needs, on standard output (`> fixes.yaml` keeps them).
    private func printSuggestions(_ suggestions: ConfigurationSuggestions) {
        guard !suggestions.isEmpty else { return }
        Self.output(suggestions.yaml(configurationFile: cohort.configurationPath ?? "your configuration"))
    }

    /// Writes `text` and a line end to standard output (the commands' own, so tests can read it).
    private static func output(_ text: String) {
        CommandEnvironment.standardOutput.write(Data((text.hasSuffix("\n") ? text : text + "\n").utf8))
    }
}
