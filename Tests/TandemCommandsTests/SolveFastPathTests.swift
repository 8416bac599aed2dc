import Foundation
import Testing

@testable import TandemCommands

@Suite("tandem solve without the argument parser")
struct SolveFastPathCommandTests {
    @Test func onlyThePlainFormsSkipTheParser() {
        #expect(SolveCommand.plainArguments(["solve", "in.json"])?.file == "in.json")
        #expect(SolveCommand.plainArguments(["solve", "in.json"])?.optimal == .weighted)
        #expect(SolveCommand.plainArguments(["solve", "-"])?.file == "-")
        #expect(SolveCommand.plainArguments(["solve", "in.json", "--optimal", "min-regret"])?.optimal == .minRegret)
        for other in [
            [], ["solve"], ["match"], ["solve", "--help"], ["solve", "-h"], ["solve", "a.json", "b.json"],
            ["solve", "in.json", "--optimal", "sideways"], ["solve", "in.json", "--optimal=mentee"],
            ["solve", "--optimal", "mentee", "in.json"], ["solve", "in.json", "--optimal", "mentee", "x"],
        ] {
            #expect(SolveCommand.plainArguments(other) == nil, "\(other)")
        }
    }

    @Test func theFastPathEndsWithTheParsersStatuses() {
        let folder = CLI.scratch()
        let file = folder.appendingPathComponent("instance.json")
        CLI.write("not json", to: file)
        #expect(SolveFastPath.run(["solve", file.path]) == 65)
        #expect(SolveFastPath.run(["solve", file.path]) == CLI.run(["solve", file.path]))
        let missing = folder.appendingPathComponent("missing.json").path
        #expect(SolveFastPath.run(["solve", missing, "--optimal", "mentor"]) == 66)
        #expect(SolveFastPath.run(["solve", "--help"]) == nil)
    }
}
