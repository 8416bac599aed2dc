import Foundation
import StableMatching
import TandemCore
import Testing

@testable import TandemSolve

@Suite("The tandem solve format")
struct SolveInputTests {
    static let twoStableMatchings = Data(
        (#"{"mentees": {"e1": ["m1", "m2"], "e2": ["m2", "m1"]}, "mentors": {"m1": ["e2", "e1"], "m2": ["e1", "e2"]},"#
            + #" "capacities": {"m1": 1, "m2": 1}, "weights": {"e1": {"m2": 4}, "e2": {"m1": 4}}}"#).utf8)

    @Test func weightsSelectTheWeightedOptimum() throws {
        let parsed = try SolveInstanceReader.parse(Self.twoStableMatchings, file: "in.json")
        let (instance, menteeIDs, mentorIDs) = (parsed.instance, parsed.menteeIDs, parsed.mentorIDs)
        let weights = try #require(parsed.pairWeights)
        let matching = OptimalStableMatching.solve(instance, objective: .weighted, weights: weights)
        let output = SolveOutput(
            optimal: .weighted, matching: matching, report: StabilityVerifier.verify(matching, in: instance),
            instance: instance, menteeIDs: menteeIDs, mentorIDs: mentorIDs, weights: weights)
        #expect(output.matching == ["m1": ["e2"], "m2": ["e1"]])
        #expect(output.totalWeight == 8)
        #expect(output.stable)
        // Without weights the weighted optimum is the mentee-optimal end.
        let plain = OptimalStableMatching.solve(instance, objective: .weighted, weights: nil)
        #expect(plain == DeferredAcceptance.solve(instance, optimal: .residentOptimal))
    }

    @Test func unknownIdsAndMissingCapacitiesAreAllReported() {
        let data = Data(
            #"{"mentees": {"e1": ["m9", "m1", "m1"]}, "mentors": {"m1": ["e1"], "m2": []}, "capacities": {"m1": -1}}"#.utf8)
        #expect {
            let input = try SolveInput.decode(data, file: "in.json")
            _ = try input.instance(file: "in.json")
        } throws: { error in
            guard let failure = error as? TandemFailure else { return false }
            return failure.kind == .dataError && failure.problems.count == 4
        }
    }
}

@Suite("Writing the tandem solve format")
struct SolveInputWritingTests {
    @Test func handWrittenJSONDecodesToTheSameInstance() throws {
        var input = try SolveInput.decode(SolveInputTests.twoStableMatchings, file: "in.json")
        input.mentees["e\"3\\\n"] = []
        input.capacities["m\u{1}"] = 0
        input.mentors["m\u{1}"] = []
        let again = try SolveInput.decode(input.jsonData(), file: "out.json")
        #expect(again.mentees == input.mentees)
        #expect(again.mentors == input.mentors)
        #expect(again.capacities == input.capacities)
        #expect(again.weights == input.weights)
    }
}
