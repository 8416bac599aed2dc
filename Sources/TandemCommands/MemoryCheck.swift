import Foundation
import TandemCore
import TandemInput
import TandemResults

/// Stops a run whose preference lists would not fit in memory, before the long part starts.
///
/// A large stable matching with `max_list_length: unlimited` never holds the complete lists
/// (see `CohortMatcher.exactPairCount`), so it needs no check. Two runs still hold them: one
/// with a schedule (pairs without a slot are removed from the lists and the matching solved
/// again) and one with `objective: coverage` (the most pairs needs every acceptable pair).
/// There the lists grow with mentees × mentors: a national cohort of 100,000 mentees and
/// 25,000 mentors has about 237 million acceptable pairs, far more than a laptop holds.
/// Rather than let the system kill the run after minutes of scoring, a sample of mentees is
/// scored first and the run refused with what to change.
enum MemoryCheck {
    /// Peak bytes per preference-list entry, measured end to end (`tandem match` on generated
    /// cohorts with unlimited lists: 292 MB peak for 2.3 million entries at 10,000 × 2,500,
    /// with calendars), rounded up.
    static let bytesPerEntry = 130
    /// Cohorts below this many pairs are never checked: the lists of all their pairs fit.
    static let pairsChecked = 50_000_000

    static func refuseUnaffordableLists(
        _ cohort: Cohort, policy: MatchingPolicy, scheduled: Bool = true, progress: any ProgressObserver,
        memory: UInt64 = ProcessInfo.processInfo.physicalMemory, minimumPairs: Int = pairsChecked
    ) throws(TandemFailure) {
        guard policy.maxListLength == nil, cohort.mentees.count * cohort.mentors.count >= minimumPairs else { return }
        // Without a schedule, a stable matching of this size never holds the complete lists.
        guard scheduled || policy.objective == .coverage else { return }
        let entries = progress.phase("Estimating the list sizes") {
            PreferenceBuilder.estimatedEntryCount(CompiledCohort(cohort: cohort, policy: policy))
        }
        let needed = UInt64(entries) * UInt64(bytesPerEntry)
        guard needed > memory / 10 * 8 else { return }
        let gigabytes = { (bytes: UInt64) in String(format: "%.0f GB", Double(bytes) / 1e9) }
        throw TandemFailure(
            .configuration,
            "about \(entries / 1_000_000) million acceptable pairs with unlimited preference lists would need about "
                + "\(gigabytes(needed)) of memory; this machine has \(gigabytes(memory)) ("
                + (policy.objective == .coverage
                    ? "objective: coverage looks at every pair"
                    : "a schedule may remove pairs and solve again, which needs every pair")
                + "). Set matching.max_list_length in the configuration (for example 50: each mentee keeps their "
                + "50 best-scoring mentors), or use objective: stable without a schedule, and run again")
    }
}
