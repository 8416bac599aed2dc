/// One thing wrong with the input, located precisely enough to fix it in Excel or a text editor.
public struct InputProblem: Sendable, Hashable, CustomStringConvertible {
    public enum Severity: String, Sendable, Hashable {
        case error, warning
    }

    public var severity: Severity
    /// The file as the user named it.
    public var file: String
    /// 1-based physical line, when known.
    public var line: Int?
    /// The column (canonical field name) or configuration key, when known.
    public var field: String?
    /// What is wrong and what to do about it.
    public var message: String

    public init(_ severity: Severity = .error, file: String, line: Int? = nil, field: String? = nil, message: String) {
        self.severity = severity
        self.file = file
        self.line = line
        self.field = field
        self.message = message
    }

    /// `mentors.csv:12: field 'availability': ...` (the compiler-style location editors understand).
    public var description: String {
        var text = file
        if let line { text += ":\(line)" }
        text += ": \(severity.rawValue): "
        if let field { text += "field '\(field)': " }
        return text + message
    }
}

extension InputProblem {
    /// How many warnings of one kind (same file and field) are listed before the rest are
    /// counted instead: a file with thousands of unknown exclusions would otherwise bury
    /// everything else on standard error.
    public static let listedWarningsPerKind = 20

    /// The lines that report `problems`, in order: every error, and the first
    /// ``listedWarningsPerKind`` warnings of each kind (file and field) followed, at the end,
    /// by one line per kind with the count of the warnings not listed.
    public static func reportLines(_ problems: [InputProblem]) -> [String] {
        struct Kind: Hashable {
            var file: String
            var field: String?
        }
        var counts: [Kind: Int] = [:]
        var unlisted: [Kind] = []
        var lines: [String] = []
        lines.reserveCapacity(min(problems.count, 1_000))
        for problem in problems {
            guard problem.severity == .warning else {
                lines.append(problem.description)
                continue
            }
            let kind = Kind(file: problem.file, field: problem.field)
            let count = counts[kind, default: 0] + 1
            counts[kind] = count
            if count <= listedWarningsPerKind {
                lines.append(problem.description)
            } else if count == listedWarningsPerKind + 1 {
                unlisted.append(kind)
            }
        }
        for kind in unlisted {
            let rest = (counts[kind] ?? 0) - listedWarningsPerKind
            let summary = InputProblem(
                .warning, file: kind.file, field: kind.field,
                message: "\(rest) more warning(s) like the \(listedWarningsPerKind) above, not listed")
            lines.append(summary.description)
        }
        return lines
    }
}
