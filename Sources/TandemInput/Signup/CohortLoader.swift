import StableMatching
import TandemCore

/// Loads a configuration and both sign-up files into a cohort, reporting every problem at once.
public enum CohortLoader {
    public struct Loaded: Sendable {
        public var configuration: TandemConfiguration
        public var cohort: Cohort
        /// Problems that do not stop matching (e.g. an exclusion naming no one).
        public var warnings: [InputProblem]
        /// The programme calendar with bank holidays read, when the configuration has one.
        public var schedule: ScheduleSettings?
        /// One line per sign-up file saying what it was read as, as in
        /// `mentors.xlsx: Excel workbook (.xlsx), sheet 'Form1'`.
        public var formats: [String] = []
    }

    /// - Parameters:
    ///   - configurationPath: `nil` uses the built-in defaults.
    /// - Throws: ``TandemFailure`` carrying every error found: 66 when a file is missing, 65 for content.
    public static func load(mentors: String, mentees: String, configurationPath: String?) throws(TandemFailure) -> Loaded {
        var failures: [TandemFailure] = []
        var configuration = TandemConfiguration()
        if let configurationPath {
            do { configuration = try ConfigurationLoader.load(path: configurationPath) } catch { failures.append(error) }
        }
        // The two files are independent: read and parse them side by side.
        let (mentorTable, menteeTable) = Concurrently.run(
            { Result { () throws(TandemFailure) in try SignupFile.read(path: mentors) } },
            { Result { () throws(TandemFailure) in try SignupFile.read(path: mentees) } })
        var tables: [CSVTable] = []
        for result in [mentorTable, menteeTable] {
            switch result {
            case .success(let table): tables.append(table)
            case .failure(let failure): failures.append(failure)
            }
        }
        guard failures.isEmpty, tables.count == 2 else { throw merged(failures) }

        var schedule: ScheduleSettings?
        if let section = configuration.schedule {
            schedule = try section.resolved(
                programme: configuration.programme, sessionMinutes: configuration.policy.sessionMinutes)
        }
        var reader = try SignupReader(configuration: configuration, configurationFile: configurationPath ?? "configuration")
        let cohort = reader.read(mentors: tables[0], mentees: tables[1])
        let errors = reader.problems.filter { $0.severity == .error }
        if !errors.isEmpty {
            throw TandemFailure(
                .dataError, "The sign-up files have \(errors.count) problem(s) to fix before matching:",
                problems: reader.problems)
        }
        return Loaded(
            configuration: configuration, cohort: cohort, warnings: tables.flatMap(\.warnings) + reader.problems,
            schedule: schedule, formats: tables.map { "\($0.file): \($0.format)" })
    }

    /// One failure listing all problems; a missing file outranks bad content.
    static func merged(_ failures: [TandemFailure]) -> TandemFailure {
        if failures.count == 1 { return failures[0] }
        let kind: FailureKind = failures.contains { $0.kind == .noInput } ? .noInput : .dataError
        let problems = failures.flatMap { $0.problems.isEmpty ? [InputProblem(file: "", message: $0.summary)] : $0.problems }
        return TandemFailure(kind, "\(problems.count) problem(s) with the inputs:", problems: problems)
    }
}
