import Testing

@testable import StableMatching

@Suite("DeferredAcceptance on hand-checked markets")
struct DeferredAcceptanceTests {
    struct Example: Sendable, CustomTestStringConvertible {
        let name: String
        let residents: [[Int32]]
        let hospitals: [[Int32]]
        let capacities: [Int32]
        let residentOptimal: [Int32]
        let hospitalOptimal: [Int32]
        var testDescription: String { name }
    }

    static let examples: [Example] = [
        // Each side's first choices form a cycle, so the two ends differ.
        Example(
            name: "2x2 with different ends",
            residents: [[0, 1], [1, 0]], hospitals: [[1, 0], [0, 1]], capacities: [1, 1],
            residentOptimal: [0, 1], hospitalOptimal: [1, 0]),
        // Latin-square marriage market with three stable matchings; the middle one gives
        // everyone their second choice.
        Example(
            name: "3x3 Latin square",
            residents: [[0, 1, 2], [1, 2, 0], [2, 0, 1]],
            hospitals: [[1, 2, 0], [2, 0, 1], [0, 1, 2]], capacities: [1, 1, 1],
            residentOptimal: [0, 1, 2], hospitalOptimal: [2, 0, 1]),
        // h0 holds two places. Residents proposing: h1 keeps r0 over r1, who falls back to h0
        // with r2. Hospitals proposing: h0 fills with r0 and r1 at once, leaving h1 to r2.
        Example(
            name: "capacity 2, different ends",
            residents: [[1, 0], [1, 0], [0, 1]], hospitals: [[0, 1, 2], [2, 0, 1]],
            capacities: [2, 1],
            residentOptimal: [1, 0, 0], hospitalOptimal: [0, 0, 1]),
        // Chain of displacements: r4 bumps r0 from h0, r0 bumps r3 from h1, r3 bumps r1 from
        // h0, r1 settles at h2. The hospitals' first offers give the same matching.
        Example(
            name: "capacities 2, 2, 1 with a displacement chain",
            residents: [[0, 1], [0, 2], [0, 1, 2], [1, 0], [0, 2]],
            hospitals: [[3, 4, 1, 0, 2], [2, 0, 3], [1, 4, 2]], capacities: [2, 2, 1],
            residentOptimal: [1, 2, 1, 0, 0], hospitalOptimal: [1, 2, 1, 0, 0]),
        // h0 has no places: it accepts no one, so r0 takes its second choice and r1, who
        // lists only h0, stays unmatched.
        Example(
            name: "capacity 0",
            residents: [[0, 1], [0]], hospitals: [[0, 1], [0]], capacities: [0, 1],
            residentOptimal: [1, -1], hospitalOptimal: [1, -1]),
        // r0's entry for h0 is one-sided, so r0 stays unmatched although h0 has room; h1's
        // entry for r1 is one-sided, so h1 stays empty.
        Example(
            name: "one-sided entries are not pairs",
            residents: [[0], [0], []], hospitals: [[1], [1, 2]], capacities: [2, 2],
            residentOptimal: [-1, 0, -1], hospitalOptimal: [-1, 0, -1]),
        Example(
            name: "empty lists", residents: [[], []], hospitals: [[]], capacities: [1],
            residentOptimal: [-1, -1], hospitalOptimal: [-1, -1]),
        Example(
            name: "no people", residents: [], hospitals: [], capacities: [],
            residentOptimal: [], hospitalOptimal: []),
        // More residents than places: h0 keeps its two favourites whichever side proposes.
        Example(
            name: "oversubscribed hospital",
            residents: [[0], [0], [0], [0]], hospitals: [[2, 0, 3, 1]], capacities: [2],
            residentOptimal: [0, -1, 0, -1], hospitalOptimal: [0, -1, 0, -1]),
    ]

    @Test("both ends match the hand-computed answer", arguments: examples)
    func handComputed(_ example: Example) throws {
        let instance = try MatchingInstance(
            residentPreferences: example.residents,
            hospitalPreferences: example.hospitals,
            capacities: example.capacities)
        let residentOptimal = DeferredAcceptance.solve(instance, optimal: .residentOptimal)
        let hospitalOptimal = DeferredAcceptance.solve(instance, optimal: .hospitalOptimal)
        #expect(Array(residentOptimal.hospitalOfResident) == example.residentOptimal)
        #expect(Array(hospitalOptimal.hospitalOfResident) == example.hospitalOptimal)
        #expect(StabilityVerifier.verify(residentOptimal, in: instance).isStable)
        #expect(StabilityVerifier.verify(hospitalOptimal, in: instance).isStable)
    }

    @Test("the cross-rank table gives each entry's position in the other side's list")
    func crossRanks() throws {
        let instance = try MatchingInstance(
            residentPreferences: [[0, 1], [1, 0], [1]],
            hospitalPreferences: [[1, 0], [2, 0, 1]],
            capacities: [1, 1])
        let ranks = DeferredAcceptance.crossRanks(
            ownStart: instance.residentListStart, ownLists: instance.residentLists,
            otherStart: instance.hospitalListStart, otherLists: instance.hospitalLists)
        // r0: h0 ranks r0 at 1, h1 ranks r0 at 1; r1: h1 at 2, h0 at 0; r2: h1 at 0.
        #expect(Array(ranks) == [1, 1, 2, 0, 0])
    }
}
