/// One line of `input.columns`: a heading as the form words it and the Tandem column it fills.
public struct ColumnMapping: Sendable, Hashable {
    /// The heading as written in the configuration.
    public var heading: String
    /// The canonical column name, or `nil` when the column is to be ignored.
    public var field: String?
    /// The configuration line, for messages.
    public var line: Int?

    public init(heading: String, field: String?, line: Int?) {
        self.heading = heading
        self.field = field
        self.line = line
    }
}

/// What to do when one person signed up twice (same e-mail, or same name and organisation).
public enum DuplicatePolicy: String, Sendable, Hashable, CaseIterable {
    /// Report both rows as a problem to fix.
    case report
    /// Keep the later submission (by completion time, else row order) and say which row was dropped.
    case latest
}
