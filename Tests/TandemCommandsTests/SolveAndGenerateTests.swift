import Foundation
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

    @Test func solveAcceptsEveryChoiceAndRejectsOthers() throws {
        let folder = CLI.scratch()
        let file = folder.appendingPathComponent("instance.json")
        // Two stable matchings; the weights favour the mentor-optimal one.
        CLI.write(
            #"{"mentees": {"e1": ["m1", "m2"], "e2": ["m2", "m1"]}, "mentors": {"m1": ["e2", "e1"], "m2": ["e1", "e2"]},"#
                + #" "capacities": {"m1": 1, "m2": 1}, "weights": {"e1": {"m2": 4}, "e2": {"m1": 4}}}"#, to: file)
        for choice in ["weighted", "egalitarian", "min-regret", "mentee", "mentor"] {
            #expect(CLI.run(["solve", file.path, "--optimal", choice]) == 0)
        }
        #expect(CLI.run(["solve", file.path, "--optimal", "sideways"]) == 64)
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
    }
}
