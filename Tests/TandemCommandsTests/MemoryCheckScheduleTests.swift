import TandemCore
import TandemInput
import TandemResults
import Testing

@testable import TandemCommands

@Suite("Refusing complete lists only where they are still needed")
struct MemoryCheckScheduleTests {
    @Test func aStableMatchingWithoutAScheduleIsNeverRefused() throws {
        let cohort = try MemoryCheckTests.cohort()
        try MemoryCheck.refuseUnaffordableLists(
            cohort, policy: MatchingPolicy(), scheduled: false, progress: NoProgress(), memory: 1_000, minimumPairs: 0)
    }

    @Test func coverageAndSchedulesStillNeedTheCompleteListsAndSaySo() throws {
        let cohort = try MemoryCheckTests.cohort()
        for (policy, scheduled, cause) in [
            (MatchingPolicy(objective: .coverage), false, "coverage"), (MatchingPolicy(), true, "schedule"),
        ] {
            #expect {
                try MemoryCheck.refuseUnaffordableLists(
                    cohort, policy: policy, scheduled: scheduled, progress: NoProgress(), memory: 1_000, minimumPairs: 0)
            } throws: { error in
                guard let failure = error as? TandemFailure else { return false }
                return failure.kind == .configuration && failure.description.contains(cause)
                    && failure.description.contains("max_list_length")
            }
        }
    }
}
