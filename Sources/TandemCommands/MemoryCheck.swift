import Foundation
import TandemCore
import TandemInput
import TandemResults

/// Stops a run whose preference lists would not fit in memory, before the long part starts.
///
/// With `max_list_length: unlimited` the lists grow with mentees × mentors: a national cohort
/// of 100,000 mentees and 25,000 mentors has about 200 million acceptable pairs, far more
/// than a laptop holds. Rather than let the system kill the run after minutes of scoring, a
/// sample of mentees is scored first and the run refused with what to change.
enum MemoryCheck {
    /// Peak bytes per preference-list entry, measured end to end (`tandem match` on generated
    /// cohorts with unlimited lists: 292 MB peak for 2.3 million entries at 10,000 × 2,500,
    /// with calendars), rounded up.
    static let bytesPerEntry = 130
    /// Cohorts below this many pairs are never checked: the lists of all their pairs fit.
    static let pairsChecked = 50_000_000

    static func refuseUnaffordableLists(
        _ cohort: Cohort, policy: MatchingPolicy, progress: any ProgressObserver,
        memory: UInt64 = ProcessInfo.processInfo.physicalMemory, minimumPairs: Int = pairsChecked
    ) throws(TandemFailure) {
        guard policy.maxListLength == nil, cohort.mentees.count * cohort.mentors.count >= minimumPairs else { return }
        let entries = progress.phase("Estimating the list sizes") {
            PreferenceBuilder.estimatedEntryCount(CompiledCohort(cohort: cohort, policy: policy))
        }
        let needed = UInt64(entries) * UInt64(bytesPerEntry)
        guard needed > memory / 10 * 8 else { return }
        let gigabytes = { (bytes: UInt64) in String(format: "%.0f GB", Double(bytes) / 1e9) }
        throw TandemFailure(
            .configuration,
            "about \(entries / 1_000_000) million acceptable pairs with unlimited preference lists would need about "
                + "\(gigabytes(needed)) of memory; this machine has \(gigabytes(memory)). Set matching.max_list_length "
                + "in the configuration (for example 50: each mentee keeps their 50 best-scoring mentors) and run again")
    }
}
