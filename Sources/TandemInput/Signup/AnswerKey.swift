import TandemCore

/// Answers compared ignoring case, runs of spaces, the shape of quotes and the trailing `;` that
/// Microsoft Forms adds, so `Yes, I consent;` finds the translation written for `yes, i consent`.
enum AnswerKey {
    static func normalise(_ answer: String) -> String {
        var key = TextKey.normalise(HeadingKey.straighteningQuotes(answer))
        while let last = key.last, last == ";" || last == " " { key.removeLast() }
        return key
    }
}
