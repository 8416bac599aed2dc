import TandemCore
import TandemInput
import TandemResults
import Testing

@testable import TandemCommands

@Suite("Refusing lists that would not fit in memory")
struct MemoryCheckTests {
    static func cohort() throws -> Cohort {
        try CohortLoader.load(
            mentors: CLI.data.appendingPathComponent("mentors.csv").path,
            mentees: CLI.data.appendingPathComponent("mentees.csv").path,
            configurationPath: CLI.data.appendingPathComponent("tandem.yaml").path
        ).cohort
    }

    @Test func refusesUnlimitedListsBeyondMemoryAndSaysWhatToChange() throws {
        let cohort = try Self.cohort()
        #expect {
            try MemoryCheck.refuseUnaffordableLists(
                cohort, policy: MatchingPolicy(), progress: NoProgress(), memory: 1_000, minimumPairs: 0)
        } throws: { error in
            guard let failure = error as? TandemFailure else { return false }
            return failure.kind == .configuration && failure.description.contains("max_list_length")
        }
    }

    @Test func acceptsListLimitsEnoughMemoryAndSmallCohorts() throws {
        let cohort = try Self.cohort()
        try MemoryCheck.refuseUnaffordableLists(
            cohort, policy: MatchingPolicy(maxListLength: 10), progress: NoProgress(), memory: 1_000, minimumPairs: 0)
        try MemoryCheck.refuseUnaffordableLists(
            cohort, policy: MatchingPolicy(), progress: NoProgress(), memory: 1 << 40, minimumPairs: 0)
        try MemoryCheck.refuseUnaffordableLists(cohort, policy: MatchingPolicy(), progress: NoProgress(), memory: 1_000)
    }

    @Test func estimateIsCloseToTheRealListSizes() throws {
        let cohort = try Self.cohort()
        let compiled = CompiledCohort(cohort: cohort, policy: MatchingPolicy())
        let actual = PreferenceBuilder.build(compiled).instance.entryCount
        // Every mentee sampled: exact.
        #expect(PreferenceBuilder.estimatedEntryCount(compiled, sampleSize: cohort.mentees.count) == actual)
        let estimate = PreferenceBuilder.estimatedEntryCount(compiled, sampleSize: 20)
        #expect(Double(estimate) > 0.5 * Double(actual) && Double(estimate) < 1.5 * Double(actual))
    }
}
