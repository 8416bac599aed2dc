import TandemCore
import Yams

extension ConfigurationLoader {
    /// The fields whose answers `input.values` may translate: `themes` stands for all three
    /// theme fields.
    static let translatableFields = [
        "consent_sensitive", "format", "capacity", "town", "languages", "themes", "themes_offered", "themes_declined",
        "themes_wanted", "availability",
    ]
}

extension ConfigurationLoader.Reader {
    mutating func readInput(_ node: Node, into input: inout InputSettings) {
        let allowed = ["list_separator", "id_column", "columns", "ignore_columns", "duplicates", "values"]
        for (key, value) in entries(node, at: "input", allowed: allowed) {
            let path = "input." + key
            switch key {
            case "list_separator":
                guard let separator = string(value, path) else { break }
                if separator.trimmingWhitespace().isEmpty {
                    problem(value, path, "the list separator cannot be blank; use ';' or ','")
                } else {
                    input.listSeparator = separator.trimmingWhitespace()
                }
            case "id_column":
                let column = string(value, path)?.trimmingWhitespace() ?? ""
                input.idColumn = column.isEmpty ? nil : column
            case "ignore_columns":
                for heading in strings(value, path) { input.ignoreColumns.insert(HeadingKey.normalise(heading)) }
            case "duplicates":
                guard let text = string(value, path) else { break }
                if let policy = DuplicatePolicy(rawValue: TextKey.normalise(text)) {
                    input.duplicates = policy
                } else {
                    problem(
                        value, path, "expected 'report' (list both rows) or 'latest' (keep the later sign-up), found '\(text)'")
                }
            case "values": readValues(value, into: &input)
            default: readColumns(value, into: &input)
            }
        }
    }

    /// A list of texts, or a single text standing for a list of one.
    mutating func strings(_ node: Node, _ key: String) -> [String] {
        if let sequence = node.sequence { return sequence.compactMap { string($0, key) } }
        return string(node, key).map { [$0] } ?? []
    }

    /// `input.columns`: per file, either `tandem_name: Heading` or `Heading: tandem_name`
    /// (`Heading: ignore` drops the column).
    mutating func readColumns(_ node: Node, into input: inout InputSettings) {
        for (side, mapping) in entries(node, at: "input.columns", allowed: ["mentors", "mentees"]) {
            let canonical = side == "mentors" ? SignupColumns.mentor : SignupColumns.mentee
            let path = "input.columns." + side
            var columns: [String: String] = [:]
            var mappings: [ColumnMapping] = []
            for (key, value) in entries(mapping, at: path, allowed: nil) {
                guard let text = string(value, path + "." + key)?.trimmingWhitespace() else { continue }
                let line = value.mark?.line
                if canonical.contains(key) {
                    if text.isEmpty {
                        problem(
                            value, path + "." + key, "is blank; write the heading of the column on your form, or remove the line")
                        continue
                    }
                    columns[TextKey.normalise(text)] = key
                    mappings.append(ColumnMapping(heading: text, field: key, line: line))
                    continue
                }
                let target = TextKey.normalise(text)
                if target == "ignore" {
                    mappings.append(ColumnMapping(heading: key, field: nil, line: line))
                } else if canonical.contains(target) {
                    columns[TextKey.normalise(key)] = target
                    mappings.append(ColumnMapping(heading: key, field: target, line: line))
                } else {
                    let hint = EditDistance.closest(to: key, in: canonical).map { " ('\($0)'?)" } ?? ""
                    problem(
                        value, path + "." + key,
                        "'\(text)' is not a Tandem column\(hint); write 'Heading on your form: tandem_name' with one of: "
                            + canonical.joined(separator: ", ") + ", or ignore")
                }
            }
            if side == "mentors" {
                input.mentorColumns = columns
                input.mentorMappings = mappings
            } else {
                input.menteeColumns = columns
                input.menteeMappings = mappings
            }
        }
    }

    /// `input.values.<field>`: answer as the form words it → Tandem's value.
    mutating func readValues(_ node: Node, into input: inout InputSettings) {
        for (field, mapping) in entries(node, at: "input.values", allowed: ConfigurationLoader.translatableFields) {
            var translations = input.values[field] ?? [:]
            for (answer, value) in entries(mapping, at: "input.values." + field, allowed: nil) {
                let path = "input.values." + field
                guard let target = string(value, path)?.trimmingWhitespace() else { continue }
                if let message = Self.translationProblem(target, field: field) {
                    problem(value, path, "'\(answer)': " + message)
                    continue
                }
                translations[AnswerKey.normalise(answer)] = target
            }
            input.values[field] = translations
        }
    }

    /// Why `target` cannot stand for an answer in `field`, or `nil` when it can.
    static func translationProblem(_ target: String, field: String) -> String? {
        let choices: String
        switch field {
        case "consent_sensitive":
            if ["yes", "no"].contains(TextKey.normalise(target)) { return nil }
            choices = "yes or no"
        case "format":
            if MeetingFormat(parsing: target) != nil { return nil }
            choices = "online, in person or either"
        case "capacity":
            if let number = Int(target), (0...10).contains(number) { return nil }
            choices = "a number of mentees from 0 to 10"
        default:
            if !target.isEmpty { return nil }
            choices = "the text Tandem should use"
        }
        return target.isEmpty ? "has no value yet; write \(choices)" : "'\(target)' is not \(choices)"
    }

    /// The `organisations` section: `Name to use: [other spelling, ...]`.
    mutating func readOrganisations(_ node: Node, into aliases: inout OrganisationAliases) {
        for (name, value) in entries(node, at: "organisations", allowed: nil) {
            let path = "organisations." + name
            let spellings: [String]
            if let scalar = value.scalar {
                spellings = scalar.string.isEmpty || scalar.string == "~" ? [] : [scalar.string]
            } else {
                spellings = strings(value, path)
            }
            for clash in aliases.add(name: name, aliases: spellings.map { $0.trimmingWhitespace() }) {
                problem(value, path, "'\(clash.alias)' is already a spelling of '\(clash.name)'; list it under one name only")
            }
        }
    }
}
