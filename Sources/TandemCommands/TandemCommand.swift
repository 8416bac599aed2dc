import ArgumentParser

/// The `tandem` command: reverse-mentoring matching for programme coordinators.
public struct TandemCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "tandem",
        abstract: "Pair community mentors with professional mentees by a verified stable matching.",
        discussion: "Run 'tandem match' in the project folder to match the sample cohort in Data/.",
        subcommands: [
            MatchCommand.self, ValidateCommand.self, WithdrawCommand.self, CalendarCommand.self, ReportCommand.self,
            SolveCommand.self, GenerateCommand.self,
        ]
    )

    public init() {}
}
