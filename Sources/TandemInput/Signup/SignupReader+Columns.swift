import TandemCore

extension SignupReader {
    /// Columns a form adds by itself that Tandem has no use for, by ``HeadingKey``; they are
    /// dropped without a warning.
    static let formColumns: Set<String> = [
        "start time", "completion time", "last modified time", "timestamp", "total points", "quiz feedback",
    ]
    /// The columns giving when each response was submitted, best first.
    static let submissionColumns = ["completion time", "timestamp", "last modified time"]

    /// The table's records by canonical field, after resolving headings: a configured mapping
    /// first, then Tandem's own names; ignored columns are dropped and unused ones reported.
    mutating func rows(
        of table: CSVTable, side: SignupSide, required: [String], mapping: [String: String], mappings: [ColumnMapping]
    ) -> [Row] {
        let input = configuration.input
        let keys = table.header.map(HeadingKey.normalise)
        var explicit: [String: String] = [:]
        for (heading, field) in mapping { explicit[HeadingKey.normalise(heading)] = field }
        var ignored = input.ignoreColumns
        for entry in mappings where entry.field == nil { ignored.insert(HeadingKey.normalise(entry.heading)) }
        checkMappingsFound(mappings, keys: keys, table: table, side: side)

        var idSource: Int?
        if let idColumn = input.idColumn { idSource = keys.firstIndex(of: HeadingKey.normalise(idColumn)) }
        // Field → its column, and whether the configuration named it (which beats an automatic match).
        var columnOfField: [String: (column: Int, isExplicit: Bool)] = [:]
        var unused: [Int] = []
        for (index, key) in keys.enumerated() {
            if ignored.contains(key) { continue }
            if index == idSource, explicit[key] == nil { continue }
            var field = explicit[key]
            let isExplicit = field != nil
            if field == nil {
                let automatic = SignupColumns.canonicalKey(table.header[index])
                if side.canonical.contains(automatic) { field = automatic }
            }
            guard let field else {
                if !Self.formColumns.contains(key),
                    !key.isEmpty || table.records.contains(where: { $0.fields.count > index && !$0.fields[index].isEmpty })
                {
                    unused.append(index)
                }
                continue
            }
            if let earlier = columnOfField[field] {
                if earlier.isExplicit && !isExplicit { continue }
                if isExplicit && !earlier.isExplicit {
                    columnOfField[field] = (index, true)
                    continue
                }
                fileError(
                    InputProblem(
                        file: table.file, line: 1, field: field,
                        message:
                            "two columns both mean '\(field)' (column \(earlier.column + 1) '\(table.header[earlier.column])' and \(index + 1) '\(table.header[index])'); map the one to use under input.columns.\(side.section), or list the other under input.ignore_columns"
                    ))
                continue
            }
            columnOfField[field] = (index, isExplicit)
        }
        // A form's own response number (`ID` 1..N in every form) stands for an id only with the
        // file's side in front of it.
        if idSource == nil, let automatic = columnOfField["id"], !automatic.isExplicit,
            keys[automatic.column] == "id", keys.contains(where: Self.submissionColumns.contains),
            table.records.allSatisfy({ record in
                automatic.column >= record.fields.count || record.fields[automatic.column].allSatisfy(\.isNumber)
            })
        {
            idSource = automatic.column
            columnOfField["id"] = nil
        }
        // A form's own Name and Email columns are often blank or `anonymous`: a question asking
        // for them may still be the better column.
        let settled = columnOfField.filter { $0.value.isExplicit || !["name", "email"].contains($0.key) }
        reportUnused(unused, table: table, side: side, used: Set(settled.keys).union(idSource == nil ? [] : ["id"]))
        for field in required where columnOfField[field] == nil {
            if field == "id", idSource != nil { continue }
            if field == "id", let idColumn = input.idColumn {
                fileError(
                    InputProblem(
                        file: table.file, line: 1, field: field,
                        message: "neither an 'id' column nor the input.id_column heading '\(idColumn)' is in this file"
                            + closestHeading(to: idColumn, in: table) + "; copy the heading of the response-number column exactly"
                    ))
                continue
            }
            fileError(
                InputProblem(
                    file: table.file, line: 1, field: field,
                    message:
                        "required column is missing; add a '\(field)' column or map your heading to it under input.columns.\(side.section)"
                ))
        }
        guard required.allSatisfy({ columnOfField[$0] != nil || $0 == "id" && idSource != nil }) else { return [] }
        var headings: [String: String] = [:]
        for (field, source) in columnOfField where SignupColumns.canonicalKey(table.header[source.column]) != field {
            headings[field] = table.header[source.column]
        }
        if columnOfField["id"] == nil, let idSource { headings["id"] = table.header[idSource] }
        headingOfField[table.file] = headings
        let submittedColumn = Self.submissionColumns.lazy.compactMap { keys.firstIndex(of: $0) }.first
        let (columns, headerCount, idColumn) = (columnOfField.mapValues(\.column), table.header.count, idSource)

        return readRows(table.records, file: table.file, line: \.line) { _, record, findings in
            if record.fields.count != headerCount {
                findings.error(
                    field: nil,
                    "has \(record.fields.count) fields but the header has \(headerCount), so values may be in the wrong columns; check for a stray comma or quote"
                )
            }
            var values = [String: String](minimumCapacity: columns.count + 1)
            for (field, column) in columns where column < record.fields.count {
                values[field] = Self.clean(record.fields[column])
            }
            if values["id", default: ""].isEmpty, let source = idColumn, source < record.fields.count {
                let derived = Self.clean(record.fields[source])
                if !derived.isEmpty { values["id"] = side.idPrefix + derived }
            }
            var row = Row(line: record.line, values: values)
            if let submittedColumn, submittedColumn < record.fields.count {
                row.submitted = Self.clean(record.fields[submittedColumn])
            }
            return row
        }
    }

    /// `; the closest is 'Heading' (column 4)`, or nothing for a table without headings.
    func closestHeading(to heading: String, in table: CSVTable) -> String {
        let key = HeadingKey.normalise(heading)
        var best: (index: Int, similarity: Double, distance: Int)?
        for (index, candidate) in table.header.enumerated() where !candidate.isEmpty {
            let other = HeadingKey.normalise(candidate)
            let similarity = EditDistance.wordSimilarity(key, other)
            let distance = EditDistance.between(key, other)
            if let best, (best.similarity, -best.distance) >= (similarity, -distance) { continue }
            best = (index, similarity, distance)
        }
        guard let best else { return "" }
        return "; the closest is '\(table.header[best.index])' (column \(best.index + 1))"
    }

    /// A configured heading that is in no column would silently leave its field empty: an error
    /// naming the closest heading (a warning for a column only to be ignored).
    private mutating func checkMappingsFound(_ mappings: [ColumnMapping], keys: [String], table: CSVTable, side: SignupSide) {
        let present = Set(keys)
        for mapping in mappings where !present.contains(HeadingKey.normalise(mapping.heading)) {
            let key = "input.columns.\(side.section).\(mapping.field ?? mapping.heading)"
            let message =
                "'\(mapping.heading)' is not a heading in \(table.file)" + closestHeading(to: mapping.heading, in: table)
                + "; copy the heading from the file (case, spaces and a final '?' do not matter)"
            if mapping.field == nil {
                problems.append(InputProblem(.warning, file: configurationFile, line: mapping.line, field: key, message: message))
            } else {
                fileError(InputProblem(file: configurationFile, line: mapping.line, field: key, message: message))
            }
        }
    }

    /// One warning per column Tandem does not read, and the lines to paste to map or ignore it
    /// (with the Tandem column the question most likely fills, when its words say).
    private mutating func reportUnused(_ columns: [Int], table: CSVTable, side: SignupSide, used: Set<String>) {
        var free = side.canonical.filter { !used.contains($0) }
        for index in columns {
            let heading = table.header[index].isEmpty ? "column \(index + 1)" : table.header[index]
            let guess = ColumnGuess.field(for: table.header[index], among: free)
            let hint = guess.map { " (perhaps '\($0)')" } ?? ""
            problems.append(
                InputProblem(
                    .warning, file: table.file, line: 1, field: heading,
                    message:
                        "column \(index + 1) is not used; map it to a Tandem column\(hint) under input.columns.\(side.section), or ignore it (tandem validate prints the lines to paste)"
                ))
            suggestions.addColumn(table.header[index], side: side.section, freeFields: free, guess: guess)
            if let guess { free.removeAll { $0 == guess } }
        }
    }
}
