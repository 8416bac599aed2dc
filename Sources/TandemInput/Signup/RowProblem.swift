import TandemCore

/// An error in one person's sign-up row, with who it is.
public struct RowProblem: Sendable, Hashable {
    public var problem: InputProblem
    /// The person's id and name as far as the row gives them (blank when it does not).
    public var id = ""
    public var name = ""

    public init(problem: InputProblem, id: String = "", name: String = "") {
        self.problem = problem
        self.id = id
        self.name = name
    }
}
