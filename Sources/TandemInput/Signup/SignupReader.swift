import TandemCore

/// Turns the two sign-up tables into a ``Cohort``, collecting every problem with its file,
/// line and field rather than stopping at the first.
public struct SignupReader: Sendable {
    public let configuration: TandemConfiguration
    /// Every problem, in the order found; an answer used on many rows is one problem.
    public internal(set) var problems: [InputProblem] = []
    /// Each error that concerns one person's row, with who it is, so that the row can be left
    /// out of matching (`--skip-invalid`) and listed for the coordinator.
    public internal(set) var rowProblems: [RowProblem] = []
    /// How many errors concern the files or the configuration rather than one row: these stop
    /// matching even when rows with problems are left out.
    public internal(set) var fileErrorCount = 0
    /// Rows left out as earlier sign-ups of someone who signed up again (`duplicates: latest`), as `file:line`.
    public internal(set) var droppedDuplicates: Set<String> = []
    /// Lines to paste into the configuration for what it does not yet say.
    public internal(set) var suggestions = ConfigurationSuggestions()
    /// Ids (normalised) of people left out because their rows have problems: a reference to one
    /// of them is a warning, not an error.
    public var setAside: Set<String> = []
    /// Whether a blank e-mail is an error (calendar invitations are e-mailed to each person).
    public var requiresEmail = false
    /// From this many rows a file's rows are read on all cores (below it a thread costs more
    /// than it saves).
    var parallelRowCount = 2_048

    let parser: AvailabilityParser
    let configurationFile: String
    /// The answer translations that apply to each field (a theme field's own over `themes`),
    /// merged once rather than for every cell.
    let translationsByField: [String: [String: String]]
    /// Per field, Tandem's values in its translations (``AnswerKey``s): an answer already
    /// written as one of them needs no translation.
    let translatedValuesByField: [String: Set<String>]
    var mentorFileName = "mentors.csv"
    var menteeFileName = "mentees.csv"
    /// Per file, the heading of each field's column where it is not Tandem's own name, so that
    /// messages name the column as the coordinator sees it.
    var headingOfField: [String: [String: String]] = [:]
    /// The grouped problem for each distinct unknown answer, by file, field and answer.
    var unknownAnswers: [UnknownAnswer.Key: UnknownAnswer] = [:]

    public init(configuration: TandemConfiguration, configurationFile: String) throws(TandemFailure) {
        self.configuration = configuration
        self.configurationFile = configurationFile
        parser = try configuration.availabilityParser(file: configurationFile)
        var translations = configuration.input.values
        if let shared = translations["themes"] {
            for field in ["themes_offered", "themes_declined", "themes_wanted"] {
                translations[field] = shared.merging(translations[field] ?? [:]) { $1 }
            }
        }
        translationsByField = translations
        translatedValuesByField = translations.mapValues { Set($0.values.map(AnswerKey.normalise)) }
    }

    /// Reads both tables and cross-checks them (unique ids across both, known ids in preferences).
    /// - Returns: the cohort built from the rows that could be read; check ``problems`` for errors.
    public mutating func read(mentors mentorTable: CSVTable, mentees menteeTable: CSVTable) -> Cohort {
        mentorFileName = mentorTable.file
        menteeFileName = menteeTable.file
        var mentorRows = rows(
            of: mentorTable, side: .mentor, required: SignupColumns.requiredMentor, mapping: configuration.input.mentorColumns,
            mappings: configuration.input.mentorMappings)
        var menteeRows = rows(
            of: menteeTable, side: .mentee, required: SignupColumns.requiredMentee, mapping: configuration.input.menteeColumns,
            mappings: configuration.input.menteeMappings)
        removeDuplicates(&mentorRows, file: mentorTable.file)
        removeDuplicates(&menteeRows, file: menteeTable.file)
        let mentors = readRows(mentorRows, file: mentorTable.file, line: \.line) { reader, row, findings in
            reader.mentor(from: row, findings: &findings)
        }
        let mentees = readRows(menteeRows, file: menteeTable.file, line: \.line) { reader, row, findings in
            reader.mentee(from: row, findings: &findings)
        }
        checkIdentifiers(mentorRows: mentorRows, menteeRows: menteeRows, mentors: mentors, mentees: mentees)
        checkOrganisationSpellings(mentors: mentors, mentees: mentees)
        nameRowProblems(mentorRows, file: mentorTable.file)
        nameRowProblems(menteeRows, file: menteeTable.file)
        return Cohort(mentors: mentors, mentees: mentees)
    }

    /// One record by canonical field name, with its line.
    struct Row {
        var line: Int
        var values: [String: String]
        /// When the form was submitted, as the export wrote it (blank when it has no such column).
        var submitted = ""
        subscript(field: String) -> String { values[field] ?? "" }
    }

    /// Trims and removes control characters (they break CSV, JSON and calendar output alike).
    static func clean(_ text: String) -> String {
        guard hasControlCharacter(text.utf8) else { return text.trimmingWhitespace() }
        return String(
            String.UnicodeScalarView(text.unicodeScalars.filter { !($0.properties.generalCategory == .control && $0 != "\n") })
        )
        .trimmingWhitespace()
    }

    /// Whether the UTF-8 text holds a control character other than a line feed, found from
    /// bytes rather than through each scalar's general category (most fields have none).
    ///
    /// The controls (category Cc) are U+0000–U+001F, U+007F and U+0080–U+009F; the last
    /// range is encoded as 0xC2 followed by 0x80–0x9F, and 0xC2 is only ever a lead byte.
    static func hasControlCharacter(_ utf8: String.UTF8View) -> Bool {
        var previous: UInt8 = 0
        for byte in utf8 {
            if byte < 0x20 && byte != 0x0A || byte == 0x7F || previous == 0xC2 && byte < 0xA0 { return true }
            previous = byte
        }
        return false
    }

    /// An error in one person's row.
    mutating func rowError(file: String, line: Int, field: String?, _ message: String) {
        let problem = InputProblem(file: file, line: line, field: field, message: column(of: field, in: file) + message)
        problems.append(problem)
        rowProblems.append(RowProblem(problem: problem))
    }

    /// `in column 'How would you like to meet?': `, or nothing where the column is headed with
    /// Tandem's own name.
    func column(of field: String?, in file: String) -> String {
        guard let field, let heading = headingOfField[file]?[field] else { return "" }
        return "in column '\(heading)': "
    }

    /// An error about a whole file or the configuration.
    mutating func fileError(_ problem: InputProblem) {
        problems.append(problem)
        fileErrorCount += 1
    }

    private func common(_ row: Row, findings: inout RowFindings) -> (
        availability: WeeklyAvailability, format: MeetingFormat, consent: Bool, email: String
    ) {
        if row["id"].isEmpty { findings.error(field: "id", "is blank; every person needs an id") }
        if row["name"].isEmpty { findings.error(field: "name", "is blank; add the person's name") }
        let email = checkedEmail(row, findings: &findings)
        var availability = WeeklyAvailability()
        let items = list(row, "availability", findings: &findings)
        if items.isEmpty {
            findings.error(
                field: "availability",
                "is blank; add times like 'Tue 18:00-20:00' (this person cannot be matched without them)")
        }
        for item in items {
            do {
                for window in try parser.parseWindows(item) { availability.insert(window) }
            } catch {
                findings.unknownAnswer(item, field: "availability", problem: error.problem)
            }
        }
        var format = MeetingFormat.either
        let formatText = single(row, "format")
        if !formatText.isEmpty {
            if let parsed = MeetingFormat(parsing: formatText) {
                format = parsed
            } else {
                findings.unknownAnswer(
                    formatText, field: "format",
                    problem: "is not a format; Tandem reads online, in person or either")
            }
        }
        var consent = false
        let consentText = single(row, "consent_sensitive")
        switch AnswerKey.normalise(consentText) {
        case "yes", "y", "true", "1", "i agree", "agree": consent = true
        case "no", "n", "false", "0", "": consent = false
        default:
            findings.unknownAnswer(
                consentText, field: "consent_sensitive",
                problem: "is neither yes nor no; sensitive answers are not used until it is yes")
        }
        return (availability, format, consent, email)
    }

    private func mentor(from row: Row, findings: inout RowFindings) -> Mentor {
        let (availability, format, consent, email) = common(row, findings: &findings)
        var capacity = 1
        let capacityText = single(row, "capacity")
        if !capacityText.isEmpty {
            if let value = Int(capacityText), (0...10).contains(value) {
                capacity = value
            } else {
                findings.unknownAnswer(
                    capacityText, field: "capacity",
                    problem: "is not a number of mentees from 0 to 10 (blank means 1)")
            }
        }
        let organisations = configuration.organisations
        return Mentor(
            id: row["id"], name: row["name"], email: email, organisation: organisations.canonical(row["organisation"]),
            town: single(row, "town"), languages: list(row, "languages", findings: &findings),
            themesOffered: list(row, "themes_offered", findings: &findings),
            themesDeclined: list(row, "themes_declined", findings: &findings),
            availability: availability, format: format, capacity: capacity,
            exclusions: canonicalOrganisations(list(row, "exclusions", findings: &findings)),
            preferredMentees: list(row, "preferred_mentees", findings: &findings), consentsToSensitiveUse: consent)
    }

    private func mentee(from row: Row, findings: inout RowFindings) -> Mentee {
        let (availability, format, consent, email) = common(row, findings: &findings)
        let organisations = configuration.organisations
        return Mentee(
            id: row["id"], name: row["name"], email: email, organisation: organisations.canonical(row["organisation"]),
            jobTitle: row["job_title"], town: single(row, "town"), languages: list(row, "languages", findings: &findings),
            themesWanted: list(row, "themes_wanted", findings: &findings), availability: availability, format: format,
            exclusions: canonicalOrganisations(list(row, "exclusions", findings: &findings)),
            preferredMentors: list(row, "preferred_mentors", findings: &findings), consentsToSensitiveUse: consent)
    }

    /// Exclusion entries with organisation aliases replaced by the organisation's name.
    private func canonicalOrganisations(_ entries: [String]) -> [String] {
        let organisations = configuration.organisations
        guard !organisations.isEmpty, !entries.isEmpty else { return entries }
        return entries.map(organisations.canonical)
    }

    /// Fills in the id and name of each row problem from the rows they concern.
    private mutating func nameRowProblems(_ rows: [Row], file: String) {
        guard rowProblems.contains(where: { $0.problem.file == file && $0.id.isEmpty }) else { return }
        var rowByLine: [Int: Int] = [:]
        for (index, row) in rows.enumerated() { rowByLine[row.line] = index }
        for index in rowProblems.indices where rowProblems[index].problem.file == file && rowProblems[index].id.isEmpty {
            guard let line = rowProblems[index].problem.line, let row = rowByLine[line] else { continue }
            rowProblems[index].id = rows[row]["id"]
            rowProblems[index].name = rows[row]["name"]
        }
    }
}
