/// Small helpers for writing explanations in plain English.
enum English {
    /// `a`, `a and b`, `a, b and c`.
    static func list(_ items: [String]) -> String {
        switch items.count {
        case 0: ""
        case 1: items[0]
        default: items.dropLast().joined(separator: ", ") + " and " + items[items.count - 1]
        }
    }

    /// `1st`, `2nd`, `3rd`, `11th`, `22nd`.
    static func ordinal(_ number: Int) -> String {
        let suffix: String
        switch (number % 10, number % 100) {
        case (_, 11...13): suffix = "th"
        case (1, _): suffix = "st"
        case (2, _): suffix = "nd"
        case (3, _): suffix = "rd"
        default: suffix = "th"
        }
        return String(number) + suffix
    }

    /// `1 mentor`, `3 mentors`.
    static func count(_ number: Int, _ singular: String, _ plural: String? = nil) -> String {
        "\(number) " + (number == 1 ? singular : plural ?? singular + "s")
    }

    /// Lower-cases a label's first letter for use mid-sentence, unless it starts an acronym
    /// (`Mental health` → `mental health`, `GP services` stays).
    static func midSentence(_ label: String) -> String {
        let characters = Array(label)
        guard let first = characters.first, characters.count < 2 || characters[1].isLowercase || characters[1] == " " else {
            return label
        }
        return first.lowercased() + String(characters.dropFirst())
    }
}
