import Foundation

/// `needs-attention.csv`: the sign-up rows left out of a run because of problems, one line per
/// problem, for the coordinator to fix before the next run.
public enum NeedsAttentionFile {
    public static let name = "needs-attention.csv"

    /// One problem of one row.
    public struct Entry: Sendable, Hashable {
        /// The row's line in its file (blank when not known).
        public var row: Int?
        public var id: String
        public var name: String
        /// The sign-up file as the user named it.
        public var file: String
        /// What is wrong and what to do.
        public var problem: String

        public init(row: Int?, id: String, name: String, file: String, problem: String) {
            self.row = row
            self.id = id
            self.name = name
            self.file = file
            self.problem = problem
        }
    }

    /// The file's bytes: a header and the entries in the order given.
    public static func render(_ entries: [Entry]) -> Data {
        CSVText.render(
            header: ["row", "id", "name", "file", "problem"],
            rows: entries.map { [$0.row.map(String.init) ?? "", $0.id, $0.name, $0.file, $0.problem] })
    }
}
