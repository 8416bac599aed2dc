/// Exit statuses from BSD `sysexits.h`, so scripts can tell a typo from a missing file.
public enum ExitStatus: Int32, Sendable {
    case success = 0
    case usage = 64
    case dataError = 65
    case noInput = 66
    case software = 70
    case cannotCreate = 73
    /// The configuration asks for more than this machine can do (EX_CONFIG).
    case configuration = 78
}

/// A failure to report to the user and exit with, carrying every problem found (not just the first).
public struct TandemFailure: Error, Sendable, CustomStringConvertible {
    public var status: ExitStatus
    public var problems: [InputProblem]
    public var summary: String

    public init(_ status: ExitStatus, _ summary: String, problems: [InputProblem] = []) {
        self.status = status
        self.summary = summary
        self.problems = problems
    }

    /// A failure with a single located problem.
    public init(_ status: ExitStatus, problem: InputProblem) {
        self.init(status, problem.description, problems: [problem])
    }

    public var description: String {
        let lines = problems.map(\.description)
        if lines.count == 1, lines[0] == summary { return summary }
        return ([summary] + lines).joined(separator: "\n")
    }
}
