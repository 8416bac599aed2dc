import Foundation
import StableMatching
import Testing

@testable import TandemSolve

/// The mentors section read by two workers must give exactly what the sequential reader gives:
/// the same indices, lists and errors, wherever the split falls.
@Suite("The fast reader's parallel mentors section")
struct SolveInstanceReaderParallelTests {
    /// The outcome of a parse: the instance and ids, or the error's description.
    func outcome(_ text: String, parallelMinimum: Int, splitSearchStart: Int? = nil) -> String {
        do {
            let parsed = try SolveInstanceReader.parse(
                Data(text.utf8), file: "in.json", parallelMinimum: parallelMinimum, splitSearchStart: splitSearchStart)
            let instance = parsed.instance
            return "\(parsed.menteeIDs) \(parsed.mentorIDs) \(instance.capacities) \(instance.residentListStart) "
                + "\(instance.residentLists) \(instance.hospitalListStart) \(instance.hospitalLists) \(String(describing: parsed.weights))"
        } catch {
            return "error: \(error.description)"
        }
    }

    func assertSameAsSequential(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let sequential = outcome(text, parallelMinimum: Int.max)
        // The split searched for from every byte, and from the default place.
        for start in 0...text.utf8.count {
            #expect(outcome(text, parallelMinimum: 0, splitSearchStart: start) == sequential, sourceLocation: sourceLocation)
        }
        #expect(outcome(text, parallelMinimum: 0) == sequential, sourceLocation: sourceLocation)
    }

    /// An id as a JSON string literal.
    func literal(_ id: String) -> String {
        var result = "\""
        for character in id {
            switch character {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            default: result.append(character)
            }
        }
        return result + "\""
    }

    func document(mentees: [(String, [String])], mentors: [(String, [String])], capacities: [(String, Int)]) -> String {
        func object(_ members: [(String, [String])]) -> String {
            "{" + members.map { literal($0.0) + ": [" + $0.1.map(literal).joined(separator: ", ") + "]" }.joined(separator: ", ")
                + "}"
        }
        let capacityText = "{" + capacities.map { literal($0.0) + ": \($0.1)" }.joined(separator: ", ") + "}"
        return #"{"mentees": "# + object(mentees) + #", "mentors": "# + object(mentors) + #", "capacities": "# + capacityText
            + "}"
    }

    @Test(arguments: [1, 2, 3, 4, 5, 6, 7, 8] as [UInt64])
    func randomInstancesWithAwkwardIDs(seed: UInt64) {
        var random = SeededGenerator(seed: seed)
        // Ids that look like member boundaries, braces, escapes and non-ASCII bytes.
        // (An id ending in "], " puts the split's pattern `], "` in the file inside a string.)
        let awkward = ["], \"", "]\n,\"", "{", "}", "\\", "é", "], \"x\": [\"", "", "], ", "]\n,"]
        func id(_ prefix: String, _ index: Int) -> String {
            switch Int.random(in: 0..<8, using: &random) {
            case 0, 1: prefix + awkward[Int.random(in: 0..<awkward.count, using: &random)] + "\(index)"
            case 2: prefix + "\(index)" + awkward[Int.random(in: 0..<awkward.count, using: &random)]
            default: prefix + "\(index)"
            }
        }
        let mentees = (0..<Int.random(in: 1..<40, using: &random)).map { id("e", $0) }
        let mentors = (0..<Int.random(in: 1..<12, using: &random)).map { id("m", $0) }
        // Some mentors appear only in the mentors section (new ids there, on either side of the split).
        let listedMentors = mentors.filter { _ in Int.random(in: 0..<3, using: &random) > 0 }
        var menteeLists: [(String, [String])] = []
        for mentee in mentees {
            menteeLists.append(
                (mentee, Array(listedMentors.shuffled(using: &random).prefix(Int.random(in: 0...4, using: &random)))))
        }
        let mentorLists = mentors.shuffled(using: &random).map { mentor in
            (mentor, Array(mentees.shuffled(using: &random).prefix(Int.random(in: 0...6, using: &random))))
        }
        let capacities = mentors.map { ($0, Int.random(in: 0...3, using: &random)) }
        assertSameAsSequential(document(mentees: menteeLists, mentors: mentorLists, capacities: capacities))
    }

    @Test(arguments: [
        // Tiny and empty.
        #"{"mentees": {}, "mentors": {}, "capacities": {}}"#,
        #"{"mentees": {"e1": ["m1"]}, "mentors": {"m1": ["e1"]}, "capacities": {"m1": 1}}"#,
        #"{"mentees": {"e1": []}, "mentors": {"m1": [], "m2": []}, "capacities": {"m1": 1, "m2": 0}}"#,
        // Ids with what the split looks for, inside strings, and escapes.
        #"{"mentees": {"e], \"1": ["m1"]}, "mentors": {"m1": ["e], \"1"], "m], \"2": []}, "capacities": {"m1": 1, "m], \"2": 1}}"#,
        #"{"mentees": {"e\u0031": ["m1", "m2"]}, "mentors": {"m1": ["e1"], "m\u0032": ["e\u0031"]}, "capacities": {"m1": 1, "m2": 2}}"#,
        #"{"mentees": {"e1": ["m1"]}, "mentors": {"m1": ["e1"] ,"m2" : [ "e1" ] , "m3":["e1"]}, "capacities": {"m1": 1, "m2": 1, "m3": 1}}"#,
        // Mentors before mentees (the sequential path), and a second mentors section.
        #"{"mentors": {"m1": ["e1"], "m2": ["e1"]}, "mentees": {"e1": ["m2", "m1"]}, "capacities": {"m1": 1, "m2": 1}}"#,
        #"{"mentees": {"e1": ["m1", "m2"]}, "mentors": {"m1": ["e1"]}, "mentors": {"m2": ["e1"]}, "capacities": {"m1": 1, "m2": 1}}"#,
        // Ids ending in "], ": the split's pattern inside strings, also after the mentors section.
        #"{"mentees": {"e], ": ["m1"], "e2": ["m1"]}, "mentors": {"m1": ["e], ", "e2"], "m2": []}, "capacities": {"m1": 1, "m2": 1}, "weights": {"e], ": {"m1": 1}}}"#,
        #"{"mentees": {"e1": ["m1"]}, "mentors": {"m1": ["e1"], "m], ": ["e1"]}, "capacities": {"m1": 1, "m], ": 2}}"#,
        // Errors and oddities in the mentees section, on either side of its split.
        #"{"mentees": {"e1": ["m1"], "e2": ["m1"], "e3": ["m1" "m2"]}, "mentors": {"m1": ["e1"]}, "capacities": {"m1": 1}}"#,
        #"{"mentees": {"e1": ["m1"], "e2": ["m1"], "e1": ["m2"]}, "mentors": {"m1": ["e1"], "m2": []}, "capacities": {"m1": 1, "m2": 1}}"#,
        #"{"mentees": {"e1": ["m1"], "e2": ["e1"], "e3": ["m9"]}, "mentors": {"m1": ["e1"]}, "capacities": {"m1": 1}}"#,
        #"{"mentees": {"e1": ["m1"], "e2": ["m2", "m1"], "e3": ["m3", "m1"]}, "mentors": {"m3": ["e3"], "m2": ["e2"], "m1": ["e3", "e2", "e1"]}, "capacities": {"m1": 2, "m2": 1, "m3": 1}}"#,
        #"{"mentees": {"e1": ["m1"], "e2": ["m1"], "e3": ["m1"]"#,
        #"{"mentees": {"e1": ["m1"], "e2": ["m1"], "e3": ["m\u0031", "m2"]}, "mentors": {"m1": ["e1"], "m2": ["e3"]}, "capacities": {"m1": 1, "m2": 1}}"#,
        // Weights after the mentors.
        #"{"mentees": {"e1": ["m1", "m2"]}, "mentors": {"m1": ["e1"], "m2": ["e1"]}, "capacities": {"m1": 1, "m2": 1}, "weights": {"e1": {"m2": 2.5}}}"#,
        // Errors on either side of the split: the sequential reader's message.
        #"{"mentees": {"e1": ["m1"]}, "mentors": {"m1": ["e1"], "m2": ["e9"], "m3": ["e1"]}, "capacities": {"m1": 1, "m2": 1, "m3": 1}}"#,
        #"{"mentees": {"e1": ["m1"]}, "mentors": {"m1": ["e9"], "m2": ["e1"], "m3": ["e1"]}, "capacities": {"m1": 1, "m2": 1, "m3": 1}}"#,
        #"{"mentees": {"e1": ["m1"]}, "mentors": {"m1": ["e1"], "m2": ["e1"] "m3": ["e1"]}, "capacities": {"m1": 1}}"#,
        #"{"mentees": {"e1": ["m1"]}, "mentors": {"m1": ["e1"], "m2": ["e1"], "m3": ["e1" "e1"]}, "capacities": {"m1": 1}}"#,
        #"{"mentees": {"e1": ["m1"]}, "mentors": {"m1": ["e1"], "m1": ["e1"], "m3": ["e1"]}, "capacities": {"m1": 1, "m3": 1}}"#,
        #"{"mentees": {"e1": ["m1"]}, "mentors": {"m1": ["e1"], "m2": ["e1"], "e1": ["e1"]}, "capacities": {"m1": 1, "m2": 1, "e1": 1}}"#,
        #"{"mentees": {"e1": ["m1"]}, "mentors": {"m1": ["e1"], "m2": ["e1"], "m3": ["e\x"]}, "capacities": {"m1": 1}}"#,
        #"{"mentees": {"e1": ["m1"]}, "mentors": {"m1": ["e1"], "m2": ["e1"], "m3": ["e1"#,
        #"{"mentees": {"e1": ["m1"]}, "mentors": {"m1": ["e1"], "m2": ["e1"]}, "capacities": {"m1": 1, "m2": 1}} x"#,
    ])
    func fixedCasesMatchTheSequentialReader(text: String) {
        assertSameAsSequential(text)
    }

    /// Large enough for the default minimum, the instance reads as it does sequentially.
    /// Whether two workers did read it is not observable from outside the reader; the
    /// parallel path itself is checked with a lowered minimum above.
    @Test func aLargeInstanceAboveTheDefaultMinimumReadsAsSequentially() {
        var text = #"{"mentees": {"#
        let count = 60_000
        text += (0..<count).map { #""e\#($0)": ["m\#($0 % 500)", "m\#(($0 * 7) % 500)"]"# }.joined(separator: ", ")
        text += #"}, "mentors": {"#
        text += (0..<500).map { mentor in
            #""m\#(mentor)": ["# + stride(from: mentor % 250, to: count, by: 250).map { #""e\#($0)""# }.joined(separator: ", ")
                + "]"
        }.joined(separator: ", ")
        text += #", "m-extra": []}, "capacities": {"# + (0..<500).map { #""m\#($0)": 3"# }.joined(separator: ", ")
        text += #", "m-extra": 1}}"#
        // What follows the mentors section's start is enough for two workers.
        let fromMentors = text.range(of: #""mentors""#).map { text[$0.lowerBound...].utf8.count } ?? 0
        #expect(fromMentors > SolveInstanceReader.defaultParallelMinimum)
        #expect(
            outcome(text, parallelMinimum: SolveInstanceReader.defaultParallelMinimum)
                == outcome(text, parallelMinimum: Int.max))
    }
}

@Suite("The fast reader's numbers")
struct SolveInstanceReaderNumberTests {
    /// Whole numbers are read without a String; the value must be what `Double(String)` gives,
    /// as for every other number.
    @Test(arguments: [
        "0", "3", "007", "123456789012345", "1234567890123456", "2147483647", "2147483648", "1e2", "2.0", "2.5", "-0", "-1",
        "+4", "4e", "1E1", "99999999999999999999",
    ])
    func capacitiesAreReadAsDoubleReadsThem(text: String) {
        let document = #"{"mentees": {"e1": ["m1"]}, "mentors": {"m1": ["e1"]}, "capacities": {"m1": \#(text)}}"#
        let expected: Int32? = Double(text).flatMap { Int32(exactly: $0) }.flatMap { $0 >= 0 ? $0 : nil }
        let read = try? SolveInstanceReader.parse(Data(document.utf8), file: "in.json").instance.capacities.first
        #expect(read == expected)
    }
}
