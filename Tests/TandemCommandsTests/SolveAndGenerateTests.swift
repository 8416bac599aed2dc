import Foundation
import TandemCommands
import TandemCore
import Testing

@Suite("tandem solve and tandem generate")
struct SolveAndGenerateTests {
    @Test func invalidSolveInputIsADataError() {
        let folder = CLI.scratch()
        let file = folder.appendingPathComponent("instance.json")
        CLI.write(#"{"mentees": {"e1": ["m9"]}, "mentors": {"m1": ["e1"]}, "capacities": {}}"#, to: file)
        #expect(CLI.run(["solve", file.path]) == 65)
        CLI.write("not json", to: file)
        #expect(CLI.run(["solve", file.path]) == 65)
        #expect(CLI.run(["solve", folder.appendingPathComponent("missing.json").path]) == 66)
    }

    @Test func theFixtureHasFiveStableMatchingsOneForEachChoice() {
        let stable = FiveStableMatchings.stableMatchings()
        #expect(stable.count == 5)
        let expected = FiveStableMatchings.expected.values.map { choice in
            Dictionary(uniqueKeysWithValues: choice.matching.map { ($0.value[0], $0.key) })
        }
        #expect(Set(expected) == Set(stable))
    }

    @Test func solveAcceptsEveryChoiceAndRejectsOthers() throws {
        let folder = CLI.scratch()
        let file = folder.appendingPathComponent("instance.json")
        try FiveStableMatchings.writeInstance(to: file)
        #expect(Set(FiveStableMatchings.expected.keys) == Set(StableChoice.allCases.map(\.rawValue)))
        for (choice, expected) in FiveStableMatchings.expected {
            let arguments = ["solve", file.path, "--optimal", choice]
            // Through the argument parser, and through the fast path the executable takes.
            let parsed = try CLI.capturingOutput { CLI.run(arguments) }
            let fast = try CLI.capturingOutput { SolveFastPath.run(arguments) }
            #expect(parsed.result == 0, "\(choice)")
            #expect(fast.result == 0, "\(choice)")
            #expect(fast.output == parsed.output, "\(choice)")
            let output = try #require(try JSONSerialization.jsonObject(with: parsed.output) as? [String: Any], "\(choice)")
            #expect(output["matching"] as? [String: [String]] == expected.matching, "\(choice)")
            #expect(output["total_weight"] as? Double == expected.totalWeight, "\(choice)")
            #expect(output["optimal"] as? String == choice)
            #expect(output["stable"] as? Bool == true, "\(choice)")
        }
        for invalid in ["sideways", "Mentee", "min_regret"] {
            let rejected = CLI.runWithMessage(["solve", file.path, "--optimal", invalid])
            #expect(rejected.status == 64, "\(invalid)")
            #expect(rejected.message.contains("'\(invalid)'"), "\(rejected.message)")
            for choice in StableChoice.allCases {
                #expect(rejected.message.contains("'\(choice.rawValue)'"), "\(rejected.message)")
            }
        }
    }

    @Test func generatedCohortValidatesAndMatches() throws {
        let folder = CLI.scratch().appendingPathComponent("cohort")
        #expect(CLI.run(["generate", "--mentees", "200", "--mentors", "50", "--seed", "5", "--out", folder.path]) == 0)
        let mentors = folder.appendingPathComponent("mentors.csv").path
        let mentees = folder.appendingPathComponent("mentees.csv").path
        #expect(CLI.run(["validate", "--mentors", mentors, "--mentees", mentees]) == 0)
        let out = folder.deletingLastPathComponent().appendingPathComponent("out")
        #expect(CLI.run(["match", "--mentors", mentors, "--mentees", mentees, "--out", out.path, "--quiet"]) == 0)
        #expect(CLI.json(out.appendingPathComponent("matches.json"))?["stable"] as? Bool == true)
        // 50 mentors with one to three places each: a real matching, not an empty one.
        #expect(try CLI.pairs(inMatchesCSV: out.appendingPathComponent("matches.csv")).count > 30)
    }
}
