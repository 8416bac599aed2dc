import ArgumentParser
import Foundation
import StableMatching
import TandemCore
import TandemInput
import TandemSolve

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
        try reportingFailures { try Self.solve(file: file, optimal: optimal) }
    }

    /// The whole command: read `file` ("-": standard input), solve for `optimal`, verify and
    /// print the result.
    static func solve(file: String, optimal: StableChoice) throws(TandemFailure) {
        let data: Data
        let name = file == "-" ? "standard input" : file
        if file == "-" {
            data = try InputFile.readStandardInput(limit: maximumBytes, name: name, expected: "a JSON instance")
        } else {
            data = try Self.contents(of: file)
        }
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
        // Large markets are solved on both cores (deferred acceptance starts half of the
        // mentees on each, and a thread that starts late ends up with more of the work), so
        // nothing else runs meanwhile.
        let matching = OptimalStableMatching.solve(instance, objective: objective, weights: weights)
        // The independent check and writing the matching (which does not depend on its
        // result: the mentors' order, then their mentees) run at the same time; only the
        // report's part is written after.
        let (report, matchingPart) = Concurrently.run(
            { StabilityVerifier.verify(matching, in: instance) },
            { SolveOutput.MatchingPart(matching: matching, parsed: parsed, weights: weights) })
        CommandEnvironment.standardOutput.write(
            SolveOutput.jsonData(
                optimal: optimal, matching: matching, report: report, parsed: parsed, weights: weights,
                matchingPart: matchingPart))
    }

    /// The arguments (after the program name) when they are exactly `solve FILE` or
    /// `solve FILE --optimal CHOICE` with a valid choice; `nil` for anything else.
    static func plainArguments(_ arguments: [String]) -> (file: String, optimal: StableChoice)? {
        guard arguments.first == "solve", arguments.count == 2 || arguments.count == 4 else { return nil }
        let file = arguments[1]
        guard file == "-" || !file.hasPrefix("-") else { return nil }
        if arguments.count == 2 { return (file, .weighted) }
        guard arguments[2] == "--optimal", let optimal = StableChoice(rawValue: arguments[3]) else { return nil }
        return (file, optimal)
    }

    /// The largest instance read, from a file or standard input: 1 GiB (a national market of
    /// 100,000 mentees with full lists is about a quarter of that).
    static let maximumBytes = 1 << 30

    /// The file's bytes, mapped rather than read where possible: for a 230 MB instance that
    /// saves copying it and faulting in as much fresh memory (the reader walks it once).
    /// - Throws: ``TandemFailure`` — no input (66) when the file is missing, unreadable, or not
    ///   a regular file; data error (65) when it is over ``maximumBytes``.
    private static func contents(of file: String) throws(TandemFailure) -> Data {
        guard FileManager.default.fileExists(atPath: file) else {
            throw TandemFailure(.noInput, problem: InputProblem(file: file, message: "file not found; check the path"))
        }
        if let problem = InputFile.kindProblem(path: file, expected: "a JSON instance") {
            throw TandemFailure(.noInput, problem: InputProblem(file: file, message: problem))
        }
        if let size = (try? FileManager.default.attributesOfItem(atPath: file))?[.size] as? Int, size > maximumBytes {
            throw TandemFailure(
                .dataError,
                problem: InputProblem(
                    file: file,
                    message: "is \(size / 1_048_576) MB, over the \(maximumBytes / 1_048_576) MB limit; is this the right file?"))
        }
        guard
            let data = (try? Data(contentsOf: URL(fileURLWithPath: file), options: .alwaysMapped))
                ?? FileManager.default.contents(atPath: file)
        else {
            throw TandemFailure(.noInput, problem: InputProblem(file: file, message: "cannot be read; check its permissions"))
        }
        return data
    }
}

/// `tandem solve` without the argument parser, for its two plain forms.
///
/// Parsing the command line with ArgumentParser looks up protocol conformances across the whole
/// statically linked binary, a tenth of the time of solving 5,000 mentees. Any other form,
/// including help, a misspelt option or an invalid choice, still goes through the parser and
/// gets its messages.
public enum SolveFastPath {
    /// Runs `tandem solve` if `arguments` (after the program name) are `solve FILE` or
    /// `solve FILE --optimal CHOICE`, returning the exit status; `nil` (nothing done) otherwise.
    public static func run(_ arguments: [String]) -> Int32? {
        guard let plain = SolveCommand.plainArguments(arguments) else { return nil }
        do {
            try SolveCommand.solve(file: plain.file, optimal: plain.optimal)
            return 0
        } catch {
            printError(error.description)
            return error.kind.exitStatus
        }
    }
}
