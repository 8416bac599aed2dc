import Foundation
import StableMatching
import TandemCore
import Testing

@testable import TandemSolve

@Suite("The byte-level paths of tandem solve: interning, list batches and the output writer")
struct SolveFastPathTests {
    @Test func theTableInternsEachIdOnceAtEveryLengthAndAcrossGrowth() {
        let table = IdentifierTable()
        // Lengths 0...40 share prefixes, so prefixes, lengths and tails all have to be compared;
        // 3,000 ids make the table grow several times.
        var ids: [[UInt8]] = (0...40).map { Array(String(repeating: "a", count: $0).utf8) }
        ids += (0..<3000).map { Array("id-\($0)-\(String(repeating: "x", count: $0 % 13))".utf8) }
        func index(_ id: [UInt8]) -> Int32 {
            id.withUnsafeBufferPointer { buffer in
                withUnsafePointer(to: UInt8(0)) { zero in
                    table.index(of: IdentifierKey(buffer.baseAddress ?? zero, count: buffer.count, readable: buffer.count))
                }
            }
        }
        for (expected, id) in ids.enumerated() { #expect(index(id) == Int32(expected)) }
        for (expected, id) in ids.enumerated().reversed() { #expect(index(id) == Int32(expected)) }
        #expect(table.count == ids.count)
        for (expected, id) in ids.enumerated() { #expect(Array(table.bytes(at: expected)) == id) }
    }

    /// Mentors are written in byte order of their ids, sorted by an eight-byte prefix first:
    /// ties in the prefix (long ids sharing one, ids padded by zero bytes, one id a prefix of
    /// another) must still come out in byte order.
    @Test func idsSortInByteOrderWhateverTheirPrefixes() {
        var random = SystemRandomNumberGenerator()
        var ids: Set<[UInt8]> = [[], [0], [0, 0], Array("ab".utf8), Array("ab".utf8) + [0], Array("ab".utf8) + [0, 1]]
        let alphabet: [UInt8] = [0, 1, 0x22, 0x41, 0x61, 0x7F, 0x80, 0xC3, 0xFF]
        while ids.count < 2_000 {
            let shared = Array("a-very-long-shared-prefix".utf8).prefix(Int.random(in: 0...25, using: &random))
            let tail = (0..<Int.random(in: 0...10, using: &random)).map { _ in alphabet.randomElement(using: &random) ?? 0 }
            ids.insert(Array(shared) + tail)
        }
        let table = IdentifierTable()
        let inOrder = Array(ids)
        for id in inOrder {
            id.withUnsafeBufferPointer { buffer in
                withUnsafePointer(to: UInt8(0)) { zero in
                    _ = table.index(of: IdentifierKey(buffer.baseAddress ?? zero, count: buffer.count, readable: buffer.count))
                }
            }
        }
        let sorted = IdentifierBytes(table).sortedIndices().map { inOrder[$0] }
        #expect(sorted == inOrder.sorted { $0.lexicographicallyPrecedes($1) })
    }

    @Test func aShortIdReadAsOneWordIgnoresTheBytesAfterIt() {
        let text = Array(#""e1","e1x""#.utf8)
        text.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return }
            let short = IdentifierKey(base + 1, count: 2, readable: buffer.count - 1)
            let again = IdentifierKey(base + 6, count: 2, readable: buffer.count - 6)
            let bytewise = IdentifierKey(base + 6, count: 2, readable: 2)
            #expect(short.prefix == again.prefix && short.hash == again.hash)
            #expect(short.prefix == bytewise.prefix && short.hash == bytewise.hash)
        }
    }

    /// Mentors before mentees (so mentees are numbered by the mentors' lists), escaped ids in
    /// the middle of lists, long ids and empty lists: the same lists as the standard decoder.
    @Test func sectionsInAnyOrderAndEscapesInsideListsAgreeWithTheStandardDecoder() throws {
        let text = #"""
            {"capacities": {"mentor-number-one-with-a-long-id": 1, "m\u0032": 2, "m3": 0},
             "mentors": {"m2": ["e\"2", "e1", "e3"], "mentor-number-one-with-a-long-id": ["e3", "e\"2"], "m3": []},
             "mentees": {"e3": ["m2", "mentor-number-one-with-a-long-id"], "e1": ["m2"],
                         "e\"2": ["mentor-number-one-with-a-long-id", "m\u0032", "m3"], "e4": []}}
            """#
        let data = Data(text.utf8)
        let fast = try SolveInstanceReader.parse(data, file: "in.json")
        #expect(fast.menteeIDs == ["e\"2", "e1", "e3", "e4"])
        #expect(try listsByID(fast) == listsByID(SolveInput.decode(data, file: "in.json")))
    }

    /// Ids in lists are found by loading eight bytes at once: ids of every length up to and
    /// past eight bytes, with an escape at every place or none, and lists ending right before
    /// the end of the file (too close for an eight-byte load) read as the standard decoder reads them.
    @Test func idsOfEveryLengthAndEscapeInListsAgreeWithTheStandardDecoder() throws {
        var ids: [String] = []
        for length in 0...10 {
            let plain = String(repeating: "x", count: length) + "\(length)"
            ids.append(plain)
            for place in 0...plain.count {
                var escaped = Array(plain)
                escaped.insert("\"", at: place)
                ids.append(String(escaped))
            }
        }
        func literal(_ id: String) -> String { "\"" + id.replacingOccurrences(of: "\"", with: "\\\"") + "\"" }
        let mentees = ids.map { "e" + $0 }
        let mentors = ids.map { "m" + $0 }
        // Each mentee lists every mentor and each mentor every mentee, in an order of its own.
        func list(_ ids: [String], rotatedBy shift: Int) -> String {
            "[" + (0..<ids.count).map { literal(ids[($0 + shift) % ids.count]) }.joined(separator: ", ") + "]"
        }
        let menteeSection = mentees.indices.map { literal(mentees[$0]) + ": " + list(mentors, rotatedBy: $0) }
        let mentorSection = mentors.indices.map { literal(mentors[$0]) + ":" + list(mentees, rotatedBy: 3 * $0) }
        let capacities = mentors.map { literal($0) + ": 1" }
        // The mentors section last, so its last list ends a few bytes before the file does.
        let text =
            "{\"capacities\": {" + capacities.joined(separator: ", ") + "}, \"mentees\": {"
            + menteeSection.joined(separator: ", ") + "}, \"mentors\": {" + mentorSection.joined(separator: ",") + "}}"
        let data = Data(text.utf8)
        let fast = try SolveInstanceReader.parse(data, file: "in.json")
        #expect(Set(fast.menteeIDs) == Set(mentees) && Set(fast.mentorIDs) == Set(mentors))
        #expect(try listsByID(fast) == listsByID(SolveInput.decode(data, file: "in.json")))
    }

    /// Every list of `parsed`, keyed by its owner's id (mentees "e:", mentors "m:").
    func listsByID(_ parsed: SolveInstanceReader.Parsed) -> [String: [String]] {
        lists(parsed.instance, parsed.menteeIDs, parsed.mentorIDs)
    }

    /// Every list of the standard decoder's instance, keyed as for a parsed one.
    func listsByID(_ input: SolveInput) throws -> [String: [String]] {
        let (instance, menteeIDs, mentorIDs) = try input.instance(file: "in.json")
        return lists(instance, menteeIDs, mentorIDs)
    }

    func lists(_ instance: MatchingInstance, _ mentees: [String], _ mentors: [String]) -> [String: [String]] {
        var result: [String: [String]] = [:]
        for mentee in 0..<instance.residentCount {
            result["e:" + mentees[mentee]] = instance.hospitals(preferredBy: mentee).map { mentors[Int($0)] }
        }
        for mentor in 0..<instance.hospitalCount {
            result["m:" + mentors[mentor]] = instance.residents(preferredBy: mentor).map { mentees[Int($0)] }
        }
        return result
    }

    @Test(arguments: [
        (#"{"mentees": {"e1": [], "e1": []}, "mentors": {}, "capacities": {}}"#, "a mentee appears twice"),
        (#"{"mentees": {}, "mentors": {"m1": [], "m1": []}, "capacities": {"m1": 1}}"#, "a mentor appears twice"),
        (#"{"mentees": {"e1": ["m1", "m1"]}, "mentors": {"m1": ["e1"]}, "capacities": {"m1": 1}}"#, "not a valid instance"),
        (#"{"mentees": {"e1": ["m1"]}, "mentors": {"m1": ["e1"]}, "capacities": {"m1": 1.5}}"#, "'m1' must be a whole"),
        (#"{"mentees": {"e1": ["m1", 2]}}"#, "expected a string at byte 27"),
        (#"{"mentees": {"e1": ["m1"#, "the end of a string"),
        (#"{"mentees": {"e1": ["m\q"]}}"#, "a valid string escape"),
    ])
    func moreBadInputIsADataErrorWithItsReason(text: String, expected: String) {
        #expect {
            try SolveInstanceReader.parse(Data(text.utf8), file: "in.json")
        } throws: { error in
            guard let failure = error as? TandemFailure else { return false }
            return failure.kind == .dataError && failure.description.contains(expected)
        }
    }

    /// The byte writer prints exactly what `SolveOutput(...).jsonData()` prints, including ids
    /// that need escaping, unmatched mentees and blocking pairs (of a matching that is not
    /// stable); with a non-ASCII id it takes the `SolveOutput` route itself.
    /// With every entry mutual the writer orders each mentor's mentees by the ranks found while
    /// building; with one-sided entries (dropped, so no ranks) by scanning the mentors' lists.
    @Test(arguments: [1, 2, 3] as [UInt64], [false, true])
    func theByteWriterPrintsWhatSolveOutputPrints(seed: UInt64, oneSided: Bool) throws {
        var random = SeededGenerator(seed: seed)
        let mentees = (0..<200).map { "e\($0)" + ($0 % 17 == 0 ? "\"\\\u{1}" : "") + ($0 == 5 && seed == 3 ? "é" : "") }
        let mentors = (0..<40).map { "mentor-\(($0 * 7) % 40)" }
        var input = SolveInput(mentees: [:], mentors: [:], capacities: [:])
        var listedBy = [String: [String]]()
        for mentee in mentees {
            let chosen = Array(mentors.shuffled(using: &random).prefix(Int.random(in: 0...6, using: &random)))
            input.mentees[mentee] = chosen
            for mentor in chosen { listedBy[mentor, default: []].append(mentee) }
        }
        for mentor in mentors {
            // One-sided: a mentor leaves out one who listed it, or lists one who did not.
            let listed =
                oneSided ? Array((listedBy[mentor] ?? []).dropFirst()) + [mentees[mentor.count % 7]] : listedBy[mentor] ?? []
            input.mentors[mentor] = Array(Set(listed)).sorted().shuffled(using: &random)
            input.capacities[mentor] = Int.random(in: 0...4, using: &random)
        }
        let parsed = try SolveInstanceReader.parse(input.jsonData(), file: "in.json")
        let instance = parsed.instance
        #expect((instance.rankAtHospital == nil) == oneSided)
        let stable = DeferredAcceptance.solve(instance, optimal: .residentOptimal)
        // Everyone moved to their first choice (where acceptable): usually not stable.
        let naive = Matching(
            hospitalOfResident: ContiguousArray(
                (0..<instance.residentCount).map { instance.hospitals(preferredBy: $0).first ?? -1 }))
        // Everyone sent to a mentor whether or not the pair is acceptable.
        let arbitrary = Matching(
            hospitalOfResident: ContiguousArray(
                (0..<instance.residentCount).map { Int32(truncatingIfNeeded: $0 % (instance.hospitalCount + 1)) - 1 }))
        for (choice, matching) in [(StableChoice.mentee, stable), (.mentor, naive), (.egalitarian, arbitrary)] {
            let report = StabilityVerifier.verify(matching, in: instance)
            let expected = SolveOutput(
                optimal: choice, matching: matching, report: report, instance: instance, menteeIDs: parsed.menteeIDs,
                mentorIDs: parsed.mentorIDs
            ).jsonData()
            let written = SolveOutput.jsonData(optimal: choice, matching: matching, report: report, parsed: parsed, weights: nil)
            #expect(written == expected)
        }
    }
}
