import ArgumentParser
import Foundation
import TandemIO

/// Prints to standard error, where messages belong so that standard output stays machine-readable.
func printError(_ text: String) {
    FileHandle.standardError.write(Data((text + "\n").utf8))
}

/// Runs `body`, turning a ``TandemFailure`` into its message on standard error and its sysexits status.
func reportingFailures(_ body: () throws -> Void) throws {
    do {
        try body()
    } catch let failure as TandemFailure {
        printError(failure.description)
        throw ExitCode(failure.status.rawValue)
    }
}
