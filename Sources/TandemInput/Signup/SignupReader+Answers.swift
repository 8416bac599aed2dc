import TandemCore

extension SignupReader {
    /// The translations configured for `field`: its own, then those for every theme field.
    func translations(for field: String) -> [String: String]? {
        translationsByField.isEmpty ? nil : translationsByField[field]
    }

    /// A one-value answer, translated when the configuration says how.
    func single(_ row: Row, _ field: String) -> String {
        let text = row[field]
        guard !text.isEmpty, let translations = translations(for: field) else { return text }
        return translations[AnswerKey.normalise(text)] ?? text
    }

    /// The items of a list answer, each translated when the configuration says how. When a
    /// field has translations, an item that is neither an answer in them nor one of their values
    /// is reported once (as a warning: it is used as written).
    func list(_ row: Row, _ field: String, findings: inout RowFindings) -> [String] {
        let items = AvailabilityParser.items(in: row[field], separator: configuration.input.listSeparator)
        if field == "availability", configuration.input.listSeparator == "," {
            return availabilityItems(items)
        }
        guard let translations = translations(for: field), !items.isEmpty else { return items }
        var result: [String] = []
        for item in items {
            if let target = translations[AnswerKey.normalise(item)] {
                result += AvailabilityParser.items(in: target, separator: ";")
                continue
            }
            result.append(item)
            // Availability items are checked by the parser instead.
            guard field != "availability" else { continue }
            if translatedValuesByField[field]?.contains(AnswerKey.normalise(item)) != true {
                let section =
                    field.hasPrefix("themes_") && configuration.input.values[field] == nil ? "themes" : field
                findings.unknownAnswer(
                    item, field: field, severity: .warning,
                    problem: "is not among the answers under input.values.\(section); it is used as written")
            }
        }
        return result
    }

    /// Availability split on commas (the separator for Google Forms): the items
    /// the configuration translates (ticked boxes), and between them the rest joined again, for
    /// the availability grammar reads commas itself. Split apart, `Mon,Wed 7-9pm` would give all
    /// of Monday and Wednesday evening.
    func availabilityItems(_ items: [String]) -> [String] {
        let translations = translations(for: "availability") ?? [:]
        var result: [String] = []
        var untranslated: [String] = []
        for item in items {
            guard let target = translations[AnswerKey.normalise(item)] else {
                untranslated.append(item)
                continue
            }
            if !untranslated.isEmpty { result.append(untranslated.joined(separator: ", ")) }
            untranslated = []
            result += AvailabilityParser.items(in: target, separator: ";")
        }
        if !untranslated.isEmpty { result.append(untranslated.joined(separator: ", ")) }
        return result
    }

    /// Records `answer` in `field` at `line` as unusable: one problem per distinct answer,
    /// counting the rows that give it; each row is also a row problem when it is an error.
    mutating func unknownAnswer(
        _ answer: String, field: String, file: String, line: Int, severity: InputProblem.Severity = .error, problem: String
    ) {
        let key = UnknownAnswer.Key(file: file, field: field, answer: AnswerKey.normalise(answer))
        if severity == .error {
            rowProblems.append(
                RowProblem(
                    problem: InputProblem(
                        file: file, line: line, field: field, message: column(of: field, in: file) + "'\(answer)': " + problem)))
        }
        if var known = unknownAnswers[key] {
            known.lines.append(line)
            problems[known.problemIndex].message = Self.message(for: known)
            unknownAnswers[key] = known
            return
        }
        let entry = UnknownAnswer(
            text: answer, lines: [line], problemIndex: problems.count, problem: problem, field: field,
            column: column(of: field, in: file))
        problems.append(InputProblem(severity, file: file, line: line, field: field, message: Self.message(for: entry)))
        unknownAnswers[key] = entry
        let suggestionField =
            field.hasPrefix("themes_") && configuration.input.values[field] == nil
                && configuration.input.values["themes"] != nil ? "themes" : field
        suggestions.addAnswer(answer, field: suggestionField)
    }

    /// `'Online (Teams)' is not a format ... (12 rows: lines 2, 5, 7, 9, 11 and 7 more); ...`.
    static func message(for answer: UnknownAnswer) -> String {
        let shown = 5
        var rows = ""
        if answer.lines.count > 1 {
            let listed = answer.lines.prefix(shown).map(String.init).joined(separator: ", ")
            let more = answer.lines.count > shown ? " and \(answer.lines.count - shown) more" : ""
            rows = " (\(answer.lines.count) rows: lines \(listed)\(more))"
        }
        let fix = answer.problem.contains("input.values") ? "" : "; or say what it means under input.values.\(answer.field)"
        return "\(answer.column)'\(answer.text)'\(rows): \(answer.problem)\(fix)"
    }

    /// The row's e-mail: `anonymous` (what Microsoft Forms writes for an anonymous response)
    /// counts as blank, and a text that cannot be an address is an error.
    func checkedEmail(_ row: Row, findings: inout RowFindings) -> String {
        let text = row["email"]
        if text.isEmpty || Self.isAnonymous(text) {
            if requiresEmail {
                findings.error(
                    field: "email",
                    "is blank; invitations (--method request) are e-mailed, so add the person's address or use --method publish")
            }
            return ""
        }
        if !Self.isPlausibleEmail(text) {
            findings.error(
                field: "email",
                "'\(text)' is not an e-mail address; correct it, or leave it blank if the person has none")
        }
        return text
    }

    /// Whether the e-mail is the word Microsoft Forms writes for an anonymous response, in any case.
    static func isAnonymous(_ text: String) -> Bool {
        text.utf8.count == 9 && text.lowercased() == "anonymous"
    }

    /// One `@`, something before it, a domain with a dot after it, and no spaces: the check a
    /// person would make, not RFC 5322's. Walks the bytes once: it runs for every row.
    static func isPlausibleEmail(_ text: String) -> Bool {
        let dot = UInt8(ascii: "."), at = UInt8(ascii: "@")
        var ats = 0
        var localLength = 0
        var domain: (length: Int, dots: Int, first: UInt8, last: UInt8, doubled: Bool) = (0, 0, 0, 0, false)
        for byte in text.utf8 {
            if byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == 0x0A || byte == 0x0D { return false }
            if byte == at {
                ats += 1
                continue
            }
            if ats == 0 {
                localLength += 1
            } else {
                if domain.length == 0 { domain.first = byte }
                if byte == dot {
                    domain.dots += 1
                    if domain.last == dot { domain.doubled = true }
                }
                domain.last = byte
                domain.length += 1
            }
        }
        guard ats == 1, localLength > 0, domain.dots > 0, domain.first != dot, domain.last != dot, !domain.doubled else {
            return false
        }
        // Non-breaking and other Unicode spaces.
        return text.utf8.allSatisfy { $0 < 0x80 } || !text.contains { $0.isWhitespace }
    }
}
