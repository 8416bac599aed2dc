import Testing

@testable import StableMatching

@Suite("Matching")
struct MatchingTests {
    @Test("counts pairs and groups residents by hospital")
    func accessors() throws {
        let instance = try MatchingInstance(
            residentPreferences: [[0], [0, 1], [1], [0]],
            hospitalPreferences: [[3, 1, 0], [2, 1]],
            capacities: [3, 1])
        let matching = Matching(hospitalOfResident: [0, -1, 1, 0])
        #expect(matching.pairCount == 3)
        #expect(matching.hospital(of: 1) == nil)
        #expect(matching.hospital(of: 2) == 1)
        #expect(matching.hospital(of: 10) == nil)
        #expect(matching.residents(of: 0, in: instance) == [3, 0])
        #expect(matching.residents(of: 1, in: instance) == [2])
        #expect(matching.assignmentsByHospital(hospitalCount: 2) == [[0, 3], [2]])
        #expect(Matching(unmatchedResidentCount: 3).hospitalOfResident == [-1, -1, -1])
        #expect(Matching(unmatchedResidentCount: 3).pairCount == 0)
    }

    @Test("out-of-range hospitals are left out of the grouping")
    func groupingIgnoresInvalidHospitals() {
        let matching = Matching(hospitalOfResident: [5, 0, -3])
        #expect(matching.assignmentsByHospital(hospitalCount: 1) == [[1]])
        #expect(matching.pairCount == 3)
    }
}
