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
