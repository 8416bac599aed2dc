/// What kind of failure stopped a run; the commands turn each into an exit status.
public enum FailureKind: Sendable, Hashable {
    /// The command line is wrong.
    case usage
    /// An input file has bad data.
    case dataError
    /// An input file is missing.
    case noInput
    /// A bug: something Tandem produced failed its own check.
    case software
    /// An output could not be written.
    case cannotCreate
    /// The configuration asks for more than this machine can do.
    case configuration
    /// Something else holds what is needed (another command writing the programme record): try again later.
    case busy
}

/// A failure to report to the user, carrying every problem found (not just the first).
public struct TandemFailure: Error, Sendable, CustomStringConvertible {
    public var kind: FailureKind
    public var problems: [InputProblem]
    public var summary: String

    public init(_ kind: FailureKind, _ summary: String, problems: [InputProblem] = []) {
        self.kind = kind
        self.summary = summary
        self.problems = problems
    }

    /// A failure with a single located problem.
    public init(_ kind: FailureKind, problem: InputProblem) {
        self.init(kind, problem.description, problems: [problem])
    }

    public var description: String {
        let lines = InputProblem.reportLines(problems)
        if lines.count == 1, lines[0] == summary { return summary }
        return ([summary] + lines).joined(separator: "\n")
    }
}
