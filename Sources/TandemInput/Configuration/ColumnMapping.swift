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
