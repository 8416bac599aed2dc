import Foundation
import TandemCore
import TandemInput
import TandemResults

/// `--skip-invalid`: the rows left out of matching, listed for the coordinator.
extension MatchCommand {
    /// `needs-attention.csv` for the rows left out, or no file when none was.
    static func needsAttention(_ leftOut: [RowProblem]) -> [(name: String, data: Data)] {
        guard !leftOut.isEmpty else { return [] }
        let entries = leftOut.map { item in
            NeedsAttentionFile.Entry(
                row: item.problem.line, id: item.id, name: item.name, file: item.problem.file,
                problem: (item.problem.field.map { "\($0): " } ?? "") + item.problem.message)
        }
        return [(NeedsAttentionFile.name, NeedsAttentionFile.render(entries))]
    }

    /// The problems of the rows left out, as warnings: the run goes on without those rows.
    static func leftOutWarnings(_ leftOut: [RowProblem]) -> [InputProblem] {
        leftOut.map { item in
            var problem = item.problem
            problem.severity = .warning
            problem.message = "left out of matching: " + problem.message
            return problem
        }
    }

    /// Says how many rows were left out and where they are listed.
    func printLeftOut(_ leftOut: [RowProblem]) {
        guard !leftOut.isEmpty else { return }
        let rows = Set(leftOut.map { "\($0.problem.file):\($0.problem.line ?? 0)" }).count
        print(
            "Left out:          \(rows) sign-up row(s) with problems (--skip-invalid); fix them from"
                + " \(out)/\(NeedsAttentionFile.name) and run again")
    }

    /// A person with an active pair whose row was left out would otherwise count as gone from
    /// the sign-ups, ending the pair: refuse instead.
    static func refuseWithdrawing(_ absent: [String], leftOut: [RowProblem]) throws(TandemFailure) {
        let leftOutIDs = Set(leftOut.map(\.id))
        let affected = absent.filter(leftOutIDs.contains)
        guard !affected.isEmpty else { return }
        throw TandemFailure(
            .dataError,
            "\(affected.joined(separator: ", ")) \(affected.count == 1 ? "has an active pair" : "have active pairs")"
                + " but their sign-up row has problems, so --skip-invalid would end the pair; fix the row, or end the pair"
                + " first with 'tandem withdraw'",
            problems: leftOut.filter { affected.contains($0.id) }.map(\.problem))
    }
}
