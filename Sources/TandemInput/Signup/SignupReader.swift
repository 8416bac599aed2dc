import TandemCore

/// Turns the two sign-up tables into a ``Cohort``, collecting every problem with its file,
/// line and field rather than stopping at the first.
public struct SignupReader {
    public let configuration: TandemConfiguration
    public private(set) var problems: [InputProblem] = []
    private let parser: AvailabilityParser

    public init(configuration: TandemConfiguration, configurationFile: String) throws(TandemFailure) {
        self.configuration = configuration
        parser = try configuration.availabilityParser(file: configurationFile)
    }

    /// Reads both tables and cross-checks them (unique ids across both, known ids in preferences).
    /// - Returns: the cohort built from the rows that could be read; check ``problems`` for errors.
    public mutating func read(mentors mentorTable: CSVTable, mentees menteeTable: CSVTable) -> Cohort {
        let mentorRows = rows(
            of: mentorTable, canonical: SignupColumns.mentor, required: SignupColumns.requiredMentor,
            mapping: configuration.input.mentorColumns, idPrefix: "M")
        let menteeRows = rows(
            of: menteeTable, canonical: SignupColumns.mentee, required: SignupColumns.requiredMentee,
            mapping: configuration.input.menteeColumns, idPrefix: "E")
        mentorFileName = mentorTable.file
        menteeFileName = menteeTable.file
        let mentors = mentorRows.map { mentor(from: $0, file: mentorTable.file) }
        let mentees = menteeRows.map { mentee(from: $0, file: menteeTable.file) }
        checkIdentifiers(mentorRows: mentorRows, menteeRows: menteeRows, mentors: mentors, mentees: mentees)
        return Cohort(mentors: mentors, mentees: mentees)
    }

    /// One record by canonical field name, with its line.
    struct Row {
        var line: Int
        var values: [String: String]
        subscript(field: String) -> String { values[field] ?? "" }
    }

    private mutating func rows(
        of table: CSVTable, canonical: [String], required: [String], mapping: [String: String], idPrefix: String
    ) -> [Row] {
        // Resolve headings: configured mapping first, then the canonical names themselves.
        var columnOfField: [String: Int] = [:]
        var idSourceColumn: Int?
        for (index, heading) in table.header.enumerated() {
            let field = mapping[TextKey.normalise(heading)] ?? SignupColumns.canonicalKey(heading)
            if let idColumn = configuration.input.idColumn, TextKey.normalise(heading) == TextKey.normalise(idColumn) {
                idSourceColumn = index
            }
            guard canonical.contains(field) else { continue }
            if columnOfField[field] != nil {
                problems.append(
                    InputProblem(
                        file: table.file, line: 1, field: field,
                        message:
                            "two columns both mean '\(field)' (column \(columnOfField[field].map { $0 + 1 } ?? 0) and \(index + 1)); remove or rename one"
                    ))
                continue
            }
            columnOfField[field] = index
        }
        for field in required where columnOfField[field] == nil {
            if field == "id", idSourceColumn != nil { continue }
            problems.append(
                InputProblem(
                    file: table.file, line: 1, field: field,
                    message: "required column is missing; add a '\(field)' column or map your heading to it under input.columns"))
        }
        guard required.allSatisfy({ columnOfField[$0] != nil || $0 == "id" && idSourceColumn != nil }) else { return [] }

        return table.records.map { record in
            if record.fields.count != table.header.count {
                problems.append(
                    InputProblem(
                        file: table.file, line: record.line,
                        message:
                            "has \(record.fields.count) fields but the header has \(table.header.count), so values may be in the wrong columns; check for a stray comma or quote"
                    ))
            }
            var values = [String: String](minimumCapacity: columnOfField.count + 1)
            for (field, column) in columnOfField where column < record.fields.count {
                values[field] = Self.clean(record.fields[column])
            }
            if values["id", default: ""].isEmpty, let source = idSourceColumn, source < record.fields.count {
                let derived = Self.clean(record.fields[source])
                if !derived.isEmpty { values["id"] = idPrefix + derived }
            }
            return Row(line: record.line, values: values)
        }
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

    private func list(_ text: String) -> [String] {
        AvailabilityParser.items(in: text, separator: configuration.input.listSeparator)
    }

    private mutating func common(_ row: Row, file: String) -> (
        availability: WeeklyAvailability, format: MeetingFormat, consent: Bool
    ) {
        if row["id"].isEmpty {
            problems.append(InputProblem(file: file, line: row.line, field: "id", message: "is blank; every person needs an id"))
        }
        if row["name"].isEmpty {
            problems.append(InputProblem(file: file, line: row.line, field: "name", message: "is blank; add the person's name"))
        }
        var availability = WeeklyAvailability()
        let items = list(row["availability"])
        if items.isEmpty {
            problems.append(
                InputProblem(
                    file: file, line: row.line, field: "availability",
                    message: "is blank; add times like 'Tue 18:00-20:00' (this person cannot be matched without them)"))
        }
        for item in items {
            do {
                for window in try parser.parseWindows(item) { availability.insert(window) }
            } catch {
                problems.append(InputProblem(file: file, line: row.line, field: "availability", message: error.description))
            }
        }
        var format = MeetingFormat.either
        if !row["format"].isEmpty {
            if let parsed = MeetingFormat(parsing: row["format"]) {
                format = parsed
            } else {
                problems.append(
                    InputProblem(
                        file: file, line: row.line, field: "format",
                        message: "'\(row["format"])' is not a format; use online, in person or either"))
            }
        }
        var consent = false
        switch TextKey.normalise(row["consent_sensitive"]) {
        case "yes", "y", "true", "1", "i agree", "agree": consent = true
        case "no", "n", "false", "0", "": consent = false
        default:
            problems.append(
                InputProblem(
                    file: file, line: row.line, field: "consent_sensitive",
                    message: "'\(row["consent_sensitive"])' is neither yes nor no; sensitive answers are not used until it is yes"
                ))
        }
        return (availability, format, consent)
    }

    private mutating func mentor(from row: Row, file: String) -> Mentor {
        let (availability, format, consent) = common(row, file: file)
        var capacity = 1
        let capacityText = row["capacity"]
        if !capacityText.isEmpty {
            if let value = Int(capacityText), (0...10).contains(value) {
                capacity = value
            } else {
                problems.append(
                    InputProblem(
                        file: file, line: row.line, field: "capacity",
                        message: "'\(capacityText)' is not a number of mentees from 0 to 10 (blank means 1)"))
            }
        }
        return Mentor(
            id: row["id"], name: row["name"], email: row["email"], organisation: row["organisation"], town: row["town"],
            languages: list(row["languages"]), themesOffered: list(row["themes_offered"]),
            themesDeclined: list(row["themes_declined"]), availability: availability, format: format, capacity: capacity,
            exclusions: list(row["exclusions"]), preferredMentees: list(row["preferred_mentees"]),
            consentsToSensitiveUse: consent)
    }

    private mutating func mentee(from row: Row, file: String) -> Mentee {
        let (availability, format, consent) = common(row, file: file)
        return Mentee(
            id: row["id"], name: row["name"], email: row["email"], organisation: row["organisation"],
            jobTitle: row["job_title"], town: row["town"], languages: list(row["languages"]),
            themesWanted: list(row["themes_wanted"]), availability: availability, format: format,
            exclusions: list(row["exclusions"]), preferredMentors: list(row["preferred_mentors"]),
            consentsToSensitiveUse: consent)
    }

    private mutating func checkIdentifiers(mentorRows: [Row], menteeRows: [Row], mentors: [Mentor], mentees: [Mentee]) {
        let mentorFile = mentorFileName
        let menteeFile = menteeFileName
        // Loops by index below: iterating zipped or concatenated arrays copied every row and
        // person (a dozen strings each), which dominated these checks for a large cohort.
        var firstSeen = [String: (file: String, line: Int)](minimumCapacity: mentorRows.count + menteeRows.count)
        for (rows, file) in [(mentorRows, mentorFile), (menteeRows, menteeFile)] {
            for row in rows where !row["id"].isEmpty {
                let key = TextKey.normalise(row["id"])
                if let earlier = firstSeen[key] {
                    problems.append(
                        InputProblem(
                            file: file, line: row.line, field: "id",
                            message:
                                "'\(row["id"])' is already used at \(earlier.file):\(earlier.line); ids must be unique across both files"
                        ))
                } else {
                    firstSeen[key] = (file, row.line)
                }
            }
        }
        var mentorIDs = Set<String>(minimumCapacity: mentors.count)
        var menteeIDs = Set<String>(minimumCapacity: mentees.count)
        var organisations = Set<String>()
        for index in mentors.indices {
            mentorIDs.insert(TextKey.normalise(mentors[index].id))
            organisations.insert(TextKey.normalise(mentors[index].organisation))
        }
        for index in mentees.indices {
            menteeIDs.insert(TextKey.normalise(mentees[index].id))
            organisations.insert(TextKey.normalise(mentees[index].organisation))
        }
        for index in mentorRows.indices where index < mentors.count {
            let line = mentorRows[index].line
            checkReferences(
                mentors[index].preferredMentees, known: menteeIDs, side: "mentee", field: "preferred_mentees", file: mentorFile,
                line: line)
            checkExclusions(
                mentors[index].exclusions, known: menteeIDs, organisations: organisations, file: mentorFile, line: line)
        }
        for index in menteeRows.indices where index < mentees.count {
            let line = menteeRows[index].line
            checkReferences(
                mentees[index].preferredMentors, known: mentorIDs, side: "mentor", field: "preferred_mentors", file: menteeFile,
                line: line)
            checkExclusions(
                mentees[index].exclusions, known: mentorIDs, organisations: organisations, file: menteeFile, line: line)
        }
    }

    private var mentorFileName = "mentors.csv"
    private var menteeFileName = "mentees.csv"

    private mutating func checkReferences(
        _ ids: [String], known: Set<String>, side: String, field: String, file: String, line: Int
    ) {
        for id in ids where !known.contains(TextKey.normalise(id)) {
            problems.append(
                InputProblem(
                    file: file, line: line, field: field,
                    message: "'\(id)' is not the id of any \(side); use ids from the \(side)s file"))
        }
    }

    private mutating func checkExclusions(
        _ entries: [String], known: Set<String>, organisations: Set<String>, file: String, line: Int
    ) {
        for entry in entries where !known.contains(TextKey.normalise(entry)) && !organisations.contains(TextKey.normalise(entry))
        {
            problems.append(
                InputProblem(
                    .warning, file: file, line: line, field: "exclusions",
                    message: "'\(entry)' matches no id on the other side and no organisation; it has no effect"))
        }
    }
}
