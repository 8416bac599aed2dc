/// One piece of an availability item as the grammar sees it: a word, a clock time, a range
/// mark (any dash, `to`, `until`) or a list mark (`,`, `&`, `/`, `+`, `and`).
struct AvailabilityToken: Sendable, Equatable {
    enum Kind: Sendable, Equatable {
        /// Lower-case letters, e.g. `tuesdays`, `evenings`, `flexible`.
        case word(String)
        case clock(AvailabilityClock)
        case range
        case list
        /// A character that has no meaning in availability, such as `?` or `(`.
        case other(Character)
    }

    /// Why an item could not be split into tokens.
    struct Failure: Error {
        var problem: String
    }

    var kind: Kind
    /// The text as written, for messages.
    var text: String

    /// The word, if this token is one.
    var word: String? {
        if case .word(let word) = kind { return word }
        return nil
    }

    /// What two tokens must share to spell the same period name: words compare without a
    /// plural `s` (`evenings` is `evening`), clock times as written.
    var matchKey: String {
        switch kind {
        case .word(let word): "w:" + Self.singular(word)
        case .clock: "c:" + text.lowercased()
        case .range: "-"
        case .list: ","
        case .other(let character): "o:" + String(character)
        }
    }

    static func singular(_ word: String) -> String {
        word.count > 3 && word.hasSuffix("s") ? String(word.dropLast()) : word
    }

    /// Words that join a range: `Mon to Fri`, `6pm until 8pm`.
    private static let rangeWords: Set<String> = ["to", "till", "til", "until", "through", "thru"]

    /// The dashes people and word processors type: hyphen-minus, hyphen, non-breaking hyphen,
    /// figure dash, en dash (Tandem's own `Tue 18:00–20:00`), em dash, minus sign, and `~`.
    private static let dashes: Set<Character> = [
        "-", "\u{2010}", "\u{2011}", "\u{2012}", "\u{2013}", "\u{2014}", "\u{2212}", "~",
    ]

    private static let listMarks: Set<Character> = [",", "&", "/", "+", ";"]

    /// Splits an item into tokens.
    /// - Throws: ``Failure`` for a number that is not a clock time (`1800`, `18:0`).
    static func tokens(in item: String) throws(Failure) -> [AvailabilityToken] {
        let characters = Array(item)
        var tokens: [AvailabilityToken] = []
        var index = 0
        while index < characters.count {
            let character = characters[index]
            if character.isWhitespace || character == "." || character == ":" {
                index += 1
            } else if character.isASCII, character.isNumber {
                tokens.append(try clock(in: characters, at: &index))
            } else if character.isLetter {
                var end = index
                while end < characters.count, characters[end].isLetter || characters[end] == "'" { end += 1 }
                let written = String(characters[index..<end])
                let word = written.lowercased()
                index = end
                tokens.append(token(for: word, written: written))
                if tokens.count >= 2, tokens[tokens.count - 2].word == "every", word == "day" {
                    let every = tokens[tokens.count - 2].text
                    tokens.removeLast(2)
                    tokens.append(AvailabilityToken(kind: .word("everyday"), text: every + " " + written))
                }
            } else if dashes.contains(character) {
                tokens.append(AvailabilityToken(kind: .range, text: String(character)))
                index += 1
            } else if listMarks.contains(character) {
                tokens.append(AvailabilityToken(kind: .list, text: String(character)))
                index += 1
            } else {
                tokens.append(AvailabilityToken(kind: .other(character), text: String(character)))
                index += 1
            }
        }
        return tokens
    }

    private static func token(for word: String, written: String) -> AvailabilityToken {
        switch word {
        case "noon", "midday": AvailabilityToken(kind: .clock(AvailabilityClock(hour: 12, suffix: .noon)), text: written)
        case "midnight": AvailabilityToken(kind: .clock(AvailabilityClock(hour: 12, suffix: .midnight)), text: written)
        case "and": AvailabilityToken(kind: .list, text: written)
        case _ where rangeWords.contains(word): AvailabilityToken(kind: .range, text: written)
        default: AvailabilityToken(kind: .word(word), text: written)
        }
    }

    /// `18:00`, `18.00`, `18`, `6pm`, `6 p.m.`, `6.30pm`, `12 noon`, read from `index` on.
    private static func clock(in characters: [Character], at index: inout Int) throws(Failure) -> AvailabilityToken {
        let start = index
        func digits() -> String {
            var text = ""
            while index < characters.count, characters[index].isASCII, characters[index].isNumber {
                text.append(characters[index])
                index += 1
            }
            return text
        }
        let hourDigits = digits()
        var minuteDigits: String?
        if index + 1 < characters.count, characters[index] == ":" || characters[index] == ".",
            characters[index + 1].isASCII, characters[index + 1].isNumber
        {
            index += 1
            minuteDigits = digits()
        }
        let written = String(characters[start..<index])
        guard hourDigits.count <= 2, let hour = Int(hourDigits) else {
            throw Failure(problem: "'\(written)' is not a time; write hours and minutes like 18:00")
        }
        var minute: Int?
        if let minuteDigits {
            guard minuteDigits.count == 2, let value = Int(minuteDigits) else {
                throw Failure(problem: "'\(written)' is not a time like 18:00 or 18.00")
            }
            minute = value
        }
        var clock = AvailabilityClock(hour: hour, minute: minute, suffix: nil)
        var end = index
        while end < characters.count, characters[end] == " " { end += 1 }
        var letters = ""
        var after = end
        while after < characters.count, characters[after].isLetter || characters[after] == "." {
            if characters[after] != "." { letters += characters[after].lowercased() }
            after += 1
        }
        switch letters {
        case "am": clock.suffix = .am
        case "pm": clock.suffix = .pm
        case "noon" where hour == 12 && minute == nil: clock.suffix = .noon
        case "midnight" where hour == 12 && minute == nil: clock.suffix = .midnight
        default: after = index
        }
        index = after
        return AvailabilityToken(kind: .clock(clock), text: String(characters[start..<after]).trimmingWhitespace())
    }
}
