/// What a configuration does not yet say about a sign-up export — unmapped headings, answers
/// without a translation, organisation spellings to alias — as lines to paste into it.
public struct ConfigurationSuggestions: Sendable, Hashable {
    struct Column: Hashable {
        var heading: String
        var side: String
        var freeFields: [String]
        /// The Tandem column the heading's words suggest.
        var guess: String?
    }

    private(set) var columns: [Column] = []
    /// Field → answers in the order found.
    private(set) var answers: [(field: String, answers: [String])] = []
    /// Name to keep → the other spellings.
    private(set) var organisations: [(name: String, aliases: [String])] = []

    public init() {}

    public var isEmpty: Bool { columns.isEmpty && answers.isEmpty && organisations.isEmpty }

    public static func == (left: Self, right: Self) -> Bool {
        left.yaml(configurationFile: "") == right.yaml(configurationFile: "")
    }

    public func hash(into hasher: inout Hasher) { hasher.combine(yaml(configurationFile: "")) }

    mutating func addColumn(_ heading: String, side: String, freeFields: [String], guess: String? = nil) {
        guard !heading.isEmpty, !columns.contains(where: { $0.heading == heading && $0.side == side }) else { return }
        columns.append(Column(heading: heading, side: side, freeFields: freeFields, guess: guess))
    }

    /// The guessed mappings, as `input.columns` holds them, for a side (`mentors`/`mentees`).
    func guessedColumns(side: String) -> [ColumnMapping] {
        columns.filter { $0.side == side && $0.guess != nil }.map {
            ColumnMapping(heading: $0.heading, field: $0.guess, line: nil)
        }
    }

    /// Adds what `other` found about answers and organisations (from a reading with the
    /// guessed columns).
    mutating func addAnswers(of other: ConfigurationSuggestions) {
        for (field, texts) in other.answers {
            for text in texts { addAnswer(text, field: field) }
        }
        for (name, aliases) in other.organisations {
            for alias in aliases { addOrganisation(alias: alias, of: name) }
        }
    }

    mutating func addAnswer(_ answer: String, field: String) {
        let key = AnswerKey.normalise(answer)
        if let index = answers.firstIndex(where: { $0.field == field }) {
            guard !answers[index].answers.contains(where: { AnswerKey.normalise($0) == key }) else { return }
            answers[index].answers.append(answer)
        } else {
            answers.append((field, [answer]))
        }
    }

    mutating func addOrganisation(alias: String, of name: String) {
        if let index = organisations.firstIndex(where: { $0.name == name }) {
            if !organisations[index].aliases.contains(alias) { organisations[index].aliases.append(alias) }
        } else {
            organisations.append((name, [alias]))
        }
    }

    /// The lines to merge into `configurationFile`, each answer with Tandem's value to fill in
    /// (a guess where the answer says it, marked to check), each unused column set to `ignore`
    /// with the Tandem columns it could fill instead.
    public func yaml(configurationFile: String) -> String {
        var lines = [
            "# Lines for \(configurationFile.isEmpty ? "the configuration" : configurationFile): merge them into its input: and organisations: sections.",
            "# Replace each \"\" with Tandem's value; 'ignore' drops a column, or write the Tandem column it holds.",
        ]
        if !columns.isEmpty || !answers.isEmpty { lines.append("input:") }
        if !columns.isEmpty {
            lines.append("  columns:")
            for side in ["mentors", "mentees"] {
                let entries = columns.filter { $0.side == side }
                guard !entries.isEmpty else { continue }
                lines.append("    \(side):")
                for entry in entries {
                    let others = entry.freeFields.filter { $0 != entry.guess }
                    let choices = others.isEmpty ? "" : " (or one of: " + others.joined(separator: ", ") + ")"
                    if let guess = entry.guess {
                        lines.append("      \(Self.quoted(entry.heading)): \(guess)  # a guess: check it\(choices)")
                    } else {
                        lines.append(
                            "      \(Self.quoted(entry.heading)): ignore  #\(choices.isEmpty ? " nothing else fits" : choices)")
                    }
                }
            }
        }
        if !answers.isEmpty {
            lines.append("  values:")
            for (field, texts) in answers {
                lines.append("    \(field):")
                for text in texts {
                    let guess = Self.guess(text, field: field)
                    let note = guess.isEmpty ? "  # " + Self.choices(field) : "  # a guess: check it"
                    lines.append("      \(Self.quoted(text)): \(Self.quoted(guess))\(note)")
                }
            }
        }
        if !organisations.isEmpty {
            lines.append("organisations:")
            for (name, aliases) in organisations {
                lines.append("  \(Self.quoted(name)): [" + aliases.map(Self.quoted).joined(separator: ", ") + "]")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// What a value in `field` can be.
    static func choices(_ field: String) -> String {
        switch field {
        case "consent_sensitive": return "yes or no"
        case "format": return "online, in person or either"
        case "capacity": return "a number from 0 to 10"
        case "availability": return "times like Tue 18:00-20:00, or a period from periods:"
        default: return "the text Tandem should use"
        }
    }

    /// Tandem's value when the answer plainly says it (`Yes, I consent` → yes, `Online (Teams)`
    /// → online, `1-2` → 2), else blank.
    static func guess(_ answer: String, field: String) -> String {
        let key = AnswerKey.normalise(answer)
        let words = key.split(whereSeparator: { !$0.isLetter && !$0.isNumber }).map(String.init)
        switch field {
        case "consent_sensitive":
            if words.first == "yes" || words.first == "i" && words.contains("consent") && !words.contains("not") { return "yes" }
            if words.first == "no" || words.contains("not") { return "no" }
        case "format":
            let online = words.contains { ["online", "teams", "zoom", "video", "remote", "virtual"].contains($0) }
            let inPerson = words.contains { ["person", "face", "venue"].contains($0) }
            if words.contains(where: { ["either", "both", "any", "fine"].contains($0) }) || online && inPerson {
                return "either"
            }
            if online { return "online" }
            if inPerson { return "in person" }
        case "capacity":
            let numbers = words.compactMap { Int($0) }.filter { (0...10).contains($0) }
            if let most = numbers.max() { return String(most) }
            let spelled = ["none": 0, "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5]
            if let most = words.compactMap({ spelled[$0] }).max() { return String(most) }
        default: break
        }
        return ""
    }

    /// `text` as a double-quoted YAML scalar.
    static func quoted(_ text: String) -> String {
        var result = "\""
        for character in text {
            switch character {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\t": result += "\\t"
            default: result.append(character)
            }
        }
        return result + "\""
    }
}
