import ArgumentParser
import Foundation
import TandemCore

/// Prints to standard error, where messages belong so that standard output stays machine-readable.
func printError(_ text: String) {
    CommandEnvironment.standardError.write(Data((text + "\n").utf8))
}

extension FailureKind {
    /// The BSD `sysexits.h` status, so scripts can tell a typo from a missing file.
    var exitStatus: Int32 {
        switch self {
        case .usage: 64  // EX_USAGE
        case .dataError: 65  // EX_DATAERR
        case .noInput: 66  // EX_NOINPUT
        case .software: 70  // EX_SOFTWARE
        case .cannotCreate: 73  // EX_CANTCREAT
        case .busy: 75  // EX_TEMPFAIL
        case .configuration: 78  // EX_CONFIG
        }
    }
}

/// Runs `body`, turning a ``TandemFailure`` into its message on standard error and its sysexits status.
func reportingFailures(_ body: () throws -> Void) throws {
    do {
        try body()
    } catch let failure as TandemFailure {
        printError(failure.description)
        throw ExitCode(failure.kind.exitStatus)
    }
}
