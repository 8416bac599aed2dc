import ArgumentParser
import Foundation
import StableMatching
import TandemCore
import TandemIO

struct SolveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "solve",
        abstract: "Solve an explicit instance given as JSON ('-' reads standard input) and print the matching as JSON.",
        discussion: """
            Input: {"mentees": {"e1": ["m1", "m2"]}, "mentors": {"m1": ["e2", "e1"]}, "capacities": {"m1": 2}}
            (most preferred first; a pair is acceptable only if each lists the other).
            """
    )

    @Argument(help: ArgumentHelp("The instance file, or - for standard input.", valueName: "file"))
    var file: String

    @Option(help: "weighted (by the input's weights), egalitarian, min-regret, mentee or mentor.")
    var optimal: StableChoice = .weighted

    func run() throws {
        try reportingFailures {
            let data: Data
            if file == "-" {
                data = FileHandle.standardInput.readDataToEndOfFile()
            } else if let contents = Self.contents(of: file) {
                data = contents
            } else {
                throw TandemFailure(.noInput, problem: InputProblem(file: file, message: "file not found; check the path"))
            }
            let name = file == "-" ? "standard input" : file
            let parsed = try SolveInstanceReader.parse(data, file: name)
            let instance = parsed.instance
            let weights = parsed.pairWeights
            // Without weights every stable matching weighs 0 and the weighted optimum is the
            // mentee-optimal end, which deferred acceptance finds without the rotation poset.
            let objective: StableObjective =
                switch optimal {
                case .weighted: weights == nil ? .residentOptimal : .weighted
                case .egalitarian: .egalitarian
                case .minRegret: .minimumRegret
                case .mentee: .residentOptimal
                case .mentor: .hospitalOptimal
                }
            let matching = OptimalStableMatching.solve(instance, objective: objective, weights: weights)
            let report = StabilityVerifier.verify(matching, in: instance)
            FileHandle.standardOutput.write(
                SolveOutput.jsonData(optimal: optimal, matching: matching, report: report, parsed: parsed, weights: weights))
        }
    }

    /// The file's bytes, mapped rather than read where possible: for a 230 MB instance that
    /// saves copying it and faulting in as much fresh memory (the reader walks it once).
    private static func contents(of file: String) -> Data? {
        (try? Data(contentsOf: URL(fileURLWithPath: file), options: .alwaysMapped)) ?? FileManager.default.contents(atPath: file)
    }
}
