import Testing

@testable import StableMatching

@Suite("MatchingInstance errors")
struct MatchingInstanceErrorTests {
    struct ListCase: Sendable, CustomTestStringConvertible {
        let name: String
        let residents: [[Int32]]
        let hospitals: [[Int32]]
        let capacities: [Int32]
        let expected: MatchingInstanceError
        var testDescription: String { name }
    }

    static let listCases: [ListCase] = [
        ListCase(
            name: "resident lists a missing hospital", residents: [[0], [1, 5]],
            hospitals: [[0], [1]],
            capacities: [1, 1], expected: .indexOutOfRange(side: .resident, person: 1, entry: 5)),
        ListCase(
            name: "resident lists a negative hospital", residents: [[-1]], hospitals: [[0]],
            capacities: [1], expected: .indexOutOfRange(side: .resident, person: 0, entry: -1)),
        ListCase(
            name: "hospital lists a missing resident", residents: [[0], [1]],
            hospitals: [[0], [1, 2]],
            capacities: [1, 1], expected: .indexOutOfRange(side: .hospital, person: 1, entry: 2)),
        ListCase(
            name: "resident lists a hospital twice", residents: [[0], [1, 0, 1]],
            hospitals: [[0], [1]],
            capacities: [1, 1], expected: .duplicateEntry(side: .resident, person: 1, entry: 1)),
        ListCase(
            name: "hospital lists a resident twice", residents: [[0], [1]],
            hospitals: [[0, 1, 0], [1]],
            capacities: [1, 1], expected: .duplicateEntry(side: .hospital, person: 0, entry: 0)),
        ListCase(
            name: "negative capacity", residents: [[0]], hospitals: [[0], []],
            capacities: [1, -2], expected: .negativeCapacity(hospital: 1, capacity: -2)),
        ListCase(
            name: "too many capacities", residents: [[0]], hospitals: [[0], []],
            capacities: [1, 1, 1], expected: .capacityCountMismatch(expected: 2, got: 3)),
        ListCase(
            name: "too few capacities", residents: [[0]], hospitals: [[0], []],
            capacities: [1], expected: .capacityCountMismatch(expected: 2, got: 1)),
    ]

    @Test("per-person lists are validated", arguments: listCases)
    func listErrors(_ testCase: ListCase) {
        #expect(throws: testCase.expected) {
            try MatchingInstance(
                residentPreferences: testCase.residents,
                hospitalPreferences: testCase.hospitals,
                capacities: testCase.capacities)
        }
    }

    struct OffsetCase: Sendable, CustomTestStringConvertible {
        let name: String
        let residentStart: ContiguousArray<Int32>
        let hospitalStart: ContiguousArray<Int32>
        let expected: MatchingInstanceError
        var testDescription: String { name }
    }

    // Entries: residents [0, 0], hospitals [0, 1]; one hospital, two residents.
    static let offsetCases: [OffsetCase] = [
        OffsetCase(
            name: "empty", residentStart: [], hospitalStart: [0, 2],
            expected: .malformedOffsets(side: .resident)),
        OffsetCase(
            name: "not from 0", residentStart: [1, 1, 2], hospitalStart: [0, 2],
            expected: .malformedOffsets(side: .resident)),
        OffsetCase(
            name: "decreasing", residentStart: [0, 2, 1, 2], hospitalStart: [0, 2],
            expected: .malformedOffsets(side: .resident)),
        OffsetCase(
            name: "short of the entries", residentStart: [0, 1, 2], hospitalStart: [0, 1],
            expected: .malformedOffsets(side: .hospital)),
        OffsetCase(
            name: "past the entries", residentStart: [0, 1, 3], hospitalStart: [0, 2],
            expected: .malformedOffsets(side: .resident)),
    ]

    @Test("CSR offsets are validated", arguments: offsetCases)
    func offsetErrors(_ testCase: OffsetCase) {
        #expect(throws: testCase.expected) {
            try MatchingInstance(
                residentListStart: testCase.residentStart, residentLists: [0, 0],
                hospitalListStart: testCase.hospitalStart, hospitalLists: [0, 1],
                capacities: ContiguousArray(
                    repeating: 1, count: max(testCase.hospitalStart.count - 1, 0)))
        }
    }

    @Test("well-formed CSR input builds")
    func wellFormedCSR() throws {
        let instance = try MatchingInstance(
            residentListStart: [0, 1, 2], residentLists: [0, 0],
            hospitalListStart: [0, 2], hospitalLists: [1, 0], capacities: [1])
        #expect(Array(instance.residents(preferredBy: 0)) == [1, 0])
    }

    @Test("descriptions name the person, the entry and the fix")
    func descriptions() {
        let text = MatchingInstanceError.duplicateEntry(side: .hospital, person: 4, entry: 17)
            .description
        #expect(
            text.contains("hospital 4") && text.contains("resident 17")
                && text.contains("more than once"))
        let range = MatchingInstanceError.indexOutOfRange(side: .resident, person: 2, entry: 9)
            .description
        #expect(
            range.contains("resident 2") && range.contains("hospital 9")
                && range.contains("does not exist"))
        #expect(
            MatchingInstanceError.negativeCapacity(hospital: 3, capacity: -1).description.contains(
                "capacity -1"))
    }
}
