import Foundation

/// What a command reads from the process around it, bound per task so that tests running
/// commands side by side in one process can each give theirs (`$environment.withValue(...)`)
/// instead of changing the process's.
///
/// Task-local values do not reach threads started with Dispatch: read them on the thread
/// that runs the command, before handing work out.
package enum CommandEnvironment {
    /// The environment variables, for `SOURCE_DATE_EPOCH`. Default: the process's, as they
    /// were when first read.
    @TaskLocal package static var environment: [String: String] = ProcessInfo.processInfo.environment

    /// Where `tandem solve` prints the matching. Default: standard output.
    @TaskLocal package static var standardOutput: FileHandle = .standardOutput

    /// Where errors and warnings go. Default: standard error.
    @TaskLocal package static var standardError: FileHandle = .standardError
}
