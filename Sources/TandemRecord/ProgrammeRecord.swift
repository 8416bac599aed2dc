import Foundation
import GRDB
import TandemCore

/// The programme record: one SQLite file holding the runs, the people, the pairs (active or
/// ended), each pair's series with the last revision sent, the sessions and a log of changes.
///
/// Every command changes it in one transaction, taken at the start (`BEGIN IMMEDIATE`), so a
/// failed or killed run leaves it exactly as it was, and a second command waits for the first
/// for ``waitSeconds`` before stopping with a message.
package final class ProgrammeRecord {
    /// How long a command waits for another that is writing the record.
    package static let waitSeconds: TimeInterval = 5

    package let path: String
    private let wait: TimeInterval
    private let queue: DatabaseQueue

    /// Opens (or creates) the record at `path` and brings its tables up to date; a command that
    /// finds it being changed waits up to `wait` seconds. The file holds personal data: it is
    /// readable by its owner only (0600), or also by its group with `groupReadable` (0640).
    /// - Throws: ``TandemFailure`` `.cannotCreate` when the file cannot be opened or is not a
    ///   Tandem record, `.busy` when another command holds it for too long.
    package init(path: String, wait: TimeInterval = waitSeconds, groupReadable: Bool = false) throws(TandemFailure) {
        self.path = path
        self.wait = wait
        var configuration = Configuration()
        configuration.busyMode = .timeout(wait)
        configuration.foreignKeysEnabled = true
        do {
            // Beside the results folder, which may not exist yet.
            try FileManager.default.createDirectory(
                at: URL(fileURLWithPath: path).deletingLastPathComponent(), withIntermediateDirectories: true)
            queue = try DatabaseQueue(path: path, configuration: configuration)
            try FileManager.default.setAttributes(
                [.posixPermissions: groupReadable ? 0o640 : 0o600], ofItemAtPath: path)
            try RecordSchema.migrator.migrate(queue)
        } catch {
            throw Self.failure(error, path: path, wait: wait)
        }
    }

    /// Runs `body` in one transaction: committed when it returns, rolled back when it throws
    /// (and by SQLite itself when the process dies first).
    package func change<Result>(_ body: (RecordTransaction) throws(TandemFailure) -> Result) throws(TandemFailure) -> Result {
        do {
            return try queue.writeWithoutTransaction { db in
                var result: Result?
                try db.inTransaction(.immediate) {
                    result = try body(RecordTransaction(db: db))
                    return .commit
                }
                guard let result else { throw TandemFailure(.software, "the record's transaction ended without a result") }
                return result
            }
        } catch let failure as TandemFailure {
            throw failure
        } catch {
            throw Self.failure(error, path: path, wait: wait)
        }
    }

    private static func failure(_ error: any Error, path: String, wait: TimeInterval) -> TandemFailure {
        if let error = error as? DatabaseError, error.resultCode == .SQLITE_BUSY || error.resultCode == .SQLITE_LOCKED {
            return TandemFailure(
                .busy,
                problem: InputProblem(
                    file: path,
                    message:
                        "another tandem command has been changing this programme record for over \(Int(wait.rounded(.up))) s;"
                        + " wait for it to finish, then run this again"))
        }
        return TandemFailure(
            .cannotCreate,
            problem: InputProblem(
                file: path,
                message: "cannot use this programme record (\(error)); check the path, or pass --record with another file"))
    }
}
