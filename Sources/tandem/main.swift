import Foundation
import TandemCommands

// The plain forms of `tandem solve` skip the argument parser (see SolveFastPath); everything
// else, help and errors included, goes through it.
if let status = SolveFastPath.run(Array(CommandLine.arguments.dropFirst())) {
    exit(status)
}
TandemCommand.main()
