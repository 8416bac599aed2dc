import Foundation
import StableMatching
import TandemCore
import Testing

@testable import TandemSolve

@Suite("The fast reader of the tandem solve format")
struct SolveInstanceReaderTests {
    /// The same lists, by id, as the `JSONDecoder` path.
    func assertAgrees(_ data: Data) throws {
        let fast = try SolveInstanceReader.parse(data, file: "in.json")
        let reference = try SolveInput.decode(data, file: "in.json")
        let (instance, menteeIDs, mentorIDs) = try reference.instance(file: "in.json")
        #expect(Set(fast.menteeIDs) == Set(menteeIDs))
        #expect(Set(fast.mentorIDs) == Set(mentorIDs))
        func lists(_ instance: MatchingInstance, _ mentees: [String], _ mentors: [String]) -> [String: [String]] {
            var result: [String: [String]] = [:]
            for mentee in 0..<instance.residentCount {
                result["e:" + mentees[mentee]] = instance.hospitals(preferredBy: mentee).map { mentors[Int($0)] }
            }
            for mentor in 0..<instance.hospitalCount {
                result["m:" + mentors[mentor]] =
                    instance.residents(preferredBy: mentor).map { mentees[Int($0)] }
                    + ["capacity \(instance.capacities[mentor])"]
            }
            return result
        }
        #expect(lists(fast.instance, fast.menteeIDs, fast.mentorIDs) == lists(instance, menteeIDs, mentorIDs))
    }

    @Test(arguments: [1, 2, 3, 4, 5] as [UInt64])
    func agreesWithTheStandardDecoderOnRandomInstances(seed: UInt64) throws {
        var random = SeededGenerator(seed: seed)
        let mentees = (0..<300).map { "e\($0)" + (Int.random(in: 0..<20, using: &random) == 0 ? "\"é\\\\" : "") }
        let mentors = (0..<60).map { "mentor-with-a-long-identifier-\($0)" }
        var input = SolveInput(mentees: [:], mentors: [:], capacities: [:])
        var listedBy = [String: [String]]()
        for mentee in mentees {
            let chosen = Array(mentors.shuffled(using: &random).prefix(Int.random(in: 0...12, using: &random)))
            input.mentees[mentee] = chosen
            for mentor in chosen { listedBy[mentor, default: []].append(mentee) }
        }
        for mentor in mentors {
            // Mentors also list some who did not list them (one-sided entries are dropped).
            let listing = listedBy[mentor] ?? []
            let extra = mentees[Int.random(in: 0..<300, using: &random)]
            input.mentors[mentor] = listing.shuffled(using: &random) + (listing.contains(extra) ? [] : [extra])
            input.capacities[mentor] = Int.random(in: 0...4, using: &random)
        }
        try assertAgrees(input.jsonData())
    }

    @Test(arguments: [
        (#"{"mentees": {"e1": ["m9"]}, "mentors": {"m1": []}, "capacities": {"m1": 1}}"#, "not a mentor"),
        (#"{"mentees": {}, "mentors": {"m1": ["e1"]}, "capacities": {"m1": 1}}"#, "not a mentee"),
        (#"{"mentees": {"e1": ["m1"]}, "mentors": {"m1": ["e1"]}, "capacities": {}}"#, "no capacity"),
        (#"{"mentees": {"e1": ["m1"]}, "mentors": {"m1": ["e1"]}, "capacities": {"m1": -2}}"#, "0 or more"),
        (#"{"mentees": {"e1": ["m1"]}, "mentors": {"m1": ["e1"]}}"#, "needs"),
        (#"{"mentees": {"e1": ["m1" "m2"]}}"#, "byte 26"),
        (#"{"mentees": {"e1": ["m1"]}, "mentors": {"m1": ["e1"]}, "capacities": {"m1": 1}} x"#, "end of the file"),
        (#"{"mentees": {"x": ["x"]}, "mentors": {"x": ["x"]}, "capacities": {"x": 1}}"#, "both a mentee and a mentor"),
        ("", "expected '{'"),
    ])
    func badInputIsADataErrorWithItsReason(text: String, expected: String) {
        #expect {
            try SolveInstanceReader.parse(Data(text.utf8), file: "in.json")
        } throws: { error in
            guard let failure = error as? TandemFailure else { return false }
            return failure.kind == .dataError && failure.description.contains(expected)
        }
    }

    /// Capacities are looked up a batch at a time; a bad value must still be reported for its
    /// own mentor, before anything after it, wherever it falls in a batch (and with escaped
    /// ids, which are settled one at a time).
    @Test(arguments: [0, 1, 63, 64, 65, 130, 199])
    func aBadCapacityNamesItsMentorWhereverItFalls(bad: Int) {
        let mentors = (0..<200).map { $0 == 100 ? #"m\u0031\u0030\u0030"# : "m\($0)" }
        let mentees = #""e1": ["m0"]"#
        let lists = mentors.map { #""\#($0)": []"# }.joined(separator: ", ")
        var capacities = mentors.enumerated().map { index, id in #""\#(id)": \#(index == bad ? "1.5" : "2")"# }
        // A syntax error after the bad value must not be reported instead of it.
        capacities[min(bad + 1, capacities.count - 1)] += bad + 1 < capacities.count ? " x" : ""
        let text = #"{"mentees": {\#(mentees)}, "mentors": {\#(lists)}, "capacities": {\#(capacities.joined(separator: ", "))}}"#
        #expect {
            try SolveInstanceReader.parse(Data(text.utf8), file: "in.json")
        } throws: { error in
            guard let failure = error as? TandemFailure else { return false }
            return failure.description.contains("capacity of 'm\(bad)' must be a whole number")
        }
    }

    @Test func capacitiesAcrossBatchesAndEscapesAreEachMentors() throws {
        let mentors = (0..<300).map { $0 % 97 == 5 ? #"m\u0030\#($0)"# : "m0\($0)" }
        let lists = mentors.map { #""\#($0)": ["e1"]"# }.joined(separator: ", ")
        let capacities = mentors.enumerated().map { index, id in #""\#(id)": \#(index % 7)"# }.joined(separator: ", ")
        let mentees = #""e1": [\#(mentors.map { #""\#($0)""# }.joined(separator: ", "))]"#
        let text = #"{"mentees": {\#(mentees)}, "mentors": {\#(lists)}, "capacities": {\#(capacities)}}"#
        let parsed = try SolveInstanceReader.parse(Data(text.utf8), file: "in.json")
        #expect(parsed.mentorIDs == (0..<300).map { "m0\($0)" })
        #expect(Array(parsed.instance.capacities) == (0..<300).map { Int32($0 % 7) })
    }

    @Test(arguments: [
        (
            #"{"mentees": {"e1": ["m1"]}, "mentors": {"m1": ["e1"]}, "capacities": {"m1": 1, "m1": 2}}"#,
            #"mentor 'm1' appears twice in "capacities""#
        ),
        (
            #"{"mentees": {"e1": ["m1"]}, "mentors": {"m1": ["e1"]}, "capacities": {"m1": 1, "m\u0031": 2}}"#,
            #"mentor 'm1' appears twice in "capacities""#
        ),
        (
            #"{"mentees": {"e1": ["m1"]}, "mentors": {"m1": ["e1"]}, "capacities": {"m1": 1}, "capacities": {"m2": 1}}"#,
            #""capacities" appears twice"#
        ),
        (
            #"{"mentees": {"e1": ["m1"]}, "mentees": {"e2": ["m1"]}, "mentors": {"m1": ["e1"]}, "capacities": {"m1": 1}}"#,
            #""mentees" appears twice"#
        ),
        (
            #"{"mentees": {"e1": ["m1"]}, "mentors": {}, "mentors": {"m1": ["e1"]}, "capacities": {"m1": 1}}"#,
            #""mentors" appears twice"#
        ),
        (
            #"{"mentees": {"e1": ["m1"], "e1": ["m1"]}, "mentors": {"m1": ["e1"]}, "capacities": {"m1": 1}}"#,
            #"a mentee appears twice in "mentees""#
        ),
        (
            #"{"mentees": {"e1": ["m1"]}, "mentors": {"m1": ["e1"], "m1": ["e1"]}, "capacities": {"m1": 1}}"#,
            #"a mentor appears twice in "mentors""#
        ),
        (
            #"{"mentees": {"e1": ["m1"]}, "mentors": {"m1": ["e1"]}, "capacities": {"m1": 1}, "weights": {"e1": {"m1": 1, "m1": 2}}}"#,
            "mentor 'm1' appears twice in the weights of mentee 'e1'"
        ),
        (
            #"{"mentees": {"e1": ["m1"]}, "mentors": {"m1": ["e1"]}, "capacities": {"m1": 1}, "weights": {"e1": {}, "e1": {"m1": 2}}}"#,
            #"mentee 'e1' appears twice in "weights""#
        ),
        (
            #"{"mentees": {"e1": ["m1"]}, "mentors": {"m1": ["e1"]}, "capacities": {"m1": 1}, "weights": {}, "weights": {}}"#,
            #""weights" appears twice"#
        ),
    ])
    func aRepeatedKeyIsADataError(text: String, expected: String) {
        #expect {
            try SolveInstanceReader.parse(Data(text.utf8), file: "in.json")
        } throws: { error in
            guard let failure = error as? TandemFailure else { return false }
            return failure.kind == .dataError && failure.description.hasPrefix("in.json: error: " + expected)
        }
    }

    /// Capacities are settled a batch at a time: a repeat is found wherever the two fall.
    @Test(arguments: [(0, 1), (0, 63), (10, 64), (63, 64), (64, 130), (5, 199)])
    func aRepeatedCapacityIsFoundAcrossBatches(first: Int, second: Int) {
        let mentors = (0..<200).map { "m\($0)" }
        let lists = mentors.map { #""\#($0)": []"# }.joined(separator: ", ")
        let capacities = mentors.indices.map { #""\#(mentors[$0 == second ? first : $0])": 1"# }.joined(separator: ", ")
        let text = #"{"mentees": {"e1": ["m0"]}, "mentors": {\#(lists)}, "capacities": {\#(capacities)}}"#
        #expect {
            try SolveInstanceReader.parse(Data(text.utf8), file: "in.json")
        } throws: { error in
            (error as? TandemFailure)?.description == #"in.json: error: mentor 'm\#(first)' appears twice in "capacities""#
        }
    }

    @Test func anIdThatIsNotUTF8IsADataError() {
        func parse(_ bytes: [UInt8]) -> String? {
            do {
                _ = try SolveInstanceReader.parse(Data(bytes), file: "in.json")
                return nil
            } catch {
                return error.description
            }
        }
        let mentee =
            Array(#"{"mentees": {"e"#.utf8) + [0xFF] + Array(#"": ["m1"], "e"#.utf8) + [0xFE]
            + Array(#"": ["m1"]}, "mentors": {"m1": []}, "capacities": {"m1": 2}}"#.utf8)
        #expect(parse(mentee) == "in.json: error: mentee id 'e\u{FFFD}' (bytes 65 FF) is not valid UTF-8; save the file as UTF-8")
        let mentor =
            Array(#"{"mentees": {"é": ["m"#.utf8) + [0xC3] + Array(#""]}, "mentors": {}, "capacities": {"m"#.utf8)
            + [0xC3] + Array(#"": 2}}"#.utf8)
        #expect(parse(mentor) == "in.json: error: mentor id 'm\u{FFFD}' (bytes 6D C3) is not valid UTF-8; save the file as UTF-8")
        // Valid UTF-8 beyond ASCII is read as it is.
        let valid = #"{"mentees": {"é": ["ਹ"]}, "mentors": {}, "capacities": {"ਹ": 2}}"#
        #expect(parse(Array(valid.utf8)) == nil)
    }
}

@Suite struct SolveEscapeTests {
    func parse(_ text: String) -> String? {
        do {
            _ = try SolveInstanceReader.parse(Data(text.utf8), file: "in.json")
            return nil
        } catch {
            return error.description
        }
    }

    @Test(arguments: [#"e\ud800"#, #"e\udc00"#, #"e\ud800x"#, #"e\ud800\u0041"#, #"\udfff\ud800"#])
    func anIdWithALoneSurrogateEscapeIsASyntaxError(id: String) throws {
        let text = #"{"mentees": {"\#(id)": ["m1"]}, "mentors": {"m1": []}, "capacities": {"m1": 1}}"#
        let message = try #require(parse(text))
        #expect(message.contains("lone surrogate"))
    }

    @Test(arguments: [#"e\ud83d\ude00"#, #"e\u00e9"#, #"e\\ud800"#, #"e\ufffd"#])
    func escapesOfWholeCharactersAreRead(id: String) {
        let text = #"{"mentees": {"\#(id)": ["m1"]}, "mentors": {"m1": []}, "capacities": {"m1": 1}}"#
        #expect(parse(text) == nil)
    }
}
