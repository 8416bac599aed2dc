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
        /// The problems of the rows left out of the cohort (with `skipInvalid`), in file order.
        public var leftOut: [RowProblem] = []
    }

    /// What checking the inputs found: the cohort or the failure, and in either case the lines
    /// the configuration still needs.
    public struct Checked: Sendable {
        public var loaded: Result<Loaded, TandemFailure>
        public var suggestions: ConfigurationSuggestions
        /// How many rows have problems that `skipInvalid` would leave out (0 when something
        /// beyond single rows is wrong).
        public var rowsWithProblems: Int
        /// One line per sign-up file read, saying what it was read as (see ``Loaded/formats``).
        public var formats: [String] = []
    }

    /// - Parameters:
    ///   - configurationPath: `nil` uses the built-in defaults.
    ///   - skipInvalid: leave out the rows with problems (listed in ``Loaded/leftOut``) instead
    ///     of failing, as long as the files and configuration themselves are sound.
    ///   - requireEmail: a blank e-mail is a problem (invitations are e-mailed).
    /// - Throws: ``TandemFailure`` carrying every error found: 66 when a file is missing, 65 for content.
    public static func load(
        mentors: String, mentees: String, configurationPath: String?, skipInvalid: Bool = false, requireEmail: Bool = false
    ) throws(TandemFailure) -> Loaded {
        try check(
            mentors: mentors, mentees: mentees, configurationPath: configurationPath, skipInvalid: skipInvalid,
            requireEmail: requireEmail
        ).loaded.get()
    }

    /// As ``load(mentors:mentees:configurationPath:skipInvalid:requireEmail:)``, keeping what
    /// was learnt about the configuration when loading fails.
    public static func check(
        mentors: String, mentees: String, configurationPath: String?, skipInvalid: Bool = false, requireEmail: Bool = false
    ) -> Checked {
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
        guard failures.isEmpty, tables.count == 2 else { return Checked(failure: merged(failures)) }
        let formats = tables.map { "\($0.file): \($0.format)" }
        var checked: Checked
        do {
            checked = try read(
                tables[0], tables[1], configuration: configuration, configurationFile: configurationPath ?? "configuration",
                skipInvalid: skipInvalid, requireEmail: requireEmail)
        } catch {
            checked = Checked(failure: error)
        }
        checked.formats = formats
        checked.loaded = checked.loaded.map { loaded in
            var loaded = loaded
            loaded.warnings = tables.flatMap(\.warnings) + loaded.warnings
            loaded.formats = formats
            return loaded
        }
        return checked
    }

    /// Builds the cohort from the two tables; with `skipInvalid`, a second reading leaves out
    /// the rows the first found problems in.
    static func read(
        _ mentorTable: CSVTable, _ menteeTable: CSVTable, configuration: TandemConfiguration, configurationFile: String,
        skipInvalid: Bool, requireEmail: Bool = false
    ) throws(TandemFailure) -> Checked {
        var schedule: ScheduleSettings?
        if let section = configuration.schedule {
            schedule = try section.resolved(
                programme: configuration.programme, sessionMinutes: configuration.policy.sessionMinutes)
        }
        var reader = try SignupReader(configuration: configuration, configurationFile: configurationFile)
        reader.requiresEmail = requireEmail
        let cohort = reader.read(mentors: mentorTable, mentees: menteeTable)
        var suggestions = reader.suggestions
        suggestions.addAnswers(
            of: guessedReading(mentorTable, menteeTable, configuration: configuration, suggestions: suggestions))
        let errors = reader.problems.filter { $0.severity == .error }
        let rowCount = Set(reader.rowProblems.map { RowKey(file: $0.problem.file, line: $0.problem.line ?? 0) }).count
        let rowsWithProblems = reader.fileErrorCount == 0 ? rowCount : 0
        if errors.isEmpty {
            let loaded = Loaded(configuration: configuration, cohort: cohort, warnings: reader.problems, schedule: schedule)
            return Checked(loaded: .success(loaded), suggestions: suggestions, rowsWithProblems: 0)
        }
        guard skipInvalid, reader.fileErrorCount == 0 else {
            let note = skipInvalid ? " (--skip-invalid leaves out rows, but some concern a whole file or the configuration)" : ""
            let failure = TandemFailure(
                .dataError, "The sign-up files have \(errors.count) problem(s) to fix before matching\(note):",
                problems: reader.problems)
            return Checked(loaded: .failure(failure), suggestions: suggestions, rowsWithProblems: rowsWithProblems)
        }
        let leftOut = reader.rowProblems
        let lines = Set(leftOut.map { RowKey(file: $0.problem.file, line: $0.problem.line ?? 0) })
        func sound(_ table: CSVTable) -> CSVTable {
            var table = table
            // A dropped earlier sign-up stays dropped: the person's latest one is what has problems.
            table.records.removeAll {
                lines.contains(RowKey(file: table.file, line: $0.line))
                    || reader.droppedDuplicates.contains("\(table.file):\($0.line)")
            }
            return table
        }
        var second = try SignupReader(configuration: configuration, configurationFile: configurationFile)
        second.requiresEmail = requireEmail
        second.setAside = Set(leftOut.map { TextKey.normalise($0.id) }.filter { !$0.isEmpty })
        let soundCohort = second.read(mentors: sound(mentorTable), mentees: sound(menteeTable))
        let remaining = second.problems.filter { $0.severity == .error }
        guard remaining.isEmpty else {
            let failure = TandemFailure(
                .dataError, "The sign-up files have \(remaining.count) problem(s) to fix before matching:",
                problems: second.problems)
            return Checked(loaded: .failure(failure), suggestions: suggestions, rowsWithProblems: rowsWithProblems)
        }
        // The second reading no longer sees the earlier sign-ups the first one dropped: keep saying so.
        let dropped = reader.problems.filter { problem in
            problem.severity == .warning && reader.droppedDuplicates.contains("\(problem.file):\(problem.line ?? 0)")
        }
        let loaded = Loaded(
            configuration: configuration, cohort: soundCohort, warnings: dropped + second.problems, schedule: schedule,
            leftOut: leftOut)
        return Checked(loaded: .success(loaded), suggestions: suggestions, rowsWithProblems: rowsWithProblems)
    }

    /// What a reading with the guessed column mappings finds about answers, so that one paste
    /// maps a new export's columns and translates their answers; empty without guesses.
    static func guessedReading(
        _ mentorTable: CSVTable, _ menteeTable: CSVTable, configuration: TandemConfiguration,
        suggestions: ConfigurationSuggestions
    ) -> ConfigurationSuggestions {
        let mentorGuesses = suggestions.guessedColumns(side: "mentors")
        let menteeGuesses = suggestions.guessedColumns(side: "mentees")
        guard !mentorGuesses.isEmpty || !menteeGuesses.isEmpty else { return ConfigurationSuggestions() }
        var guessed = configuration
        for mapping in mentorGuesses {
            guessed.input.mentorColumns[TextKey.normalise(mapping.heading)] = mapping.field
        }
        for mapping in menteeGuesses {
            guessed.input.menteeColumns[TextKey.normalise(mapping.heading)] = mapping.field
        }
        guard var reader = try? SignupReader(configuration: guessed, configurationFile: "") else {
            return ConfigurationSuggestions()
        }
        _ = reader.read(mentors: mentorTable, mentees: menteeTable)
        return reader.suggestions
    }

    /// A row of one file.
    private struct RowKey: Hashable {
        var file: String
        var line: Int
    }

    /// One failure listing all problems; a missing file outranks bad content.
    static func merged(_ failures: [TandemFailure]) -> TandemFailure {
        if failures.count == 1 { return failures[0] }
        let kind: FailureKind = failures.contains { $0.kind == .noInput } ? .noInput : .dataError
        let problems = failures.flatMap { $0.problems.isEmpty ? [InputProblem(file: "", message: $0.summary)] : $0.problems }
        return TandemFailure(kind, "\(problems.count) problem(s) with the inputs:", problems: problems)
    }
}

extension CohortLoader.Checked {
    init(failure: TandemFailure) {
        self.init(loaded: .failure(failure), suggestions: ConfigurationSuggestions(), rowsWithProblems: 0)
    }
}
