import ArgumentParser

/// Where the sign-up files and configuration are; shared by `match` and `validate`.
struct CohortOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Mentor sign-ups (CSV).", valueName: "file"))
    var mentors: String?

    @Option(help: ArgumentHelp("Mentee sign-ups (CSV).", valueName: "file"))
    var mentees: String?

    @Option(
        help: ArgumentHelp(
            "Programme configuration (YAML). Default: Data/tandem.yaml when no files are given, else built-in defaults.",
            valueName: "file"))
    var config: String?

    static let sampleFolder = "Data"

    var mentorsPath: String { mentors ?? Self.sampleFolder + "/mentors.csv" }
    var menteesPath: String { mentees ?? Self.sampleFolder + "/mentees.csv" }

    /// The sample configuration goes with the sample cohort; other files get the defaults unless named.
    var configurationPath: String? {
        config ?? (mentors == nil && mentees == nil ? Self.sampleFolder + "/tandem.yaml" : nil)
    }
}
