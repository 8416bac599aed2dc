/// One bit per mentee and mentor taking mentees: whether the pair passes every hard rule
/// (organisation, exclusions, format, a session start both can make). The first pass over all
/// pairs writes it, so that later passes visit only those pairs instead of screening every
/// mentor again: at 100,000 × 25,000 it takes 312 MB, and saves a screen of 2.5 billion pairs
/// per pass.
///
/// Rows are whole words, so threads that fill different mentees' rows never share a word.
final class PairBits: @unchecked Sendable {
    /// Words per mentee row: one bit per active mentor (``MentorScreen`` positions).
    let wordsPerRow: Int
    private let words: UnsafeMutableBufferPointer<UInt64>

    /// Cleared bits for `mentees` rows of `activeMentors`, or `nil` when they would take more
    /// than `byteLimit` bytes.
    init?(mentees: Int, activeMentors: Int, byteLimit: Int) {
        wordsPerRow = (activeMentors + 63) / 64
        let (count, overflow) = mentees.multipliedReportingOverflow(by: wordsPerRow)
        guard !overflow, count <= byteLimit / 8 else { return nil }
        words = .allocate(capacity: max(1, count))
        words.initialize(repeating: 0)
    }

    deinit { words.deallocate() }

    /// The row of `mentee`, to set bits in (each thread only its own mentees' rows).
    @inline(__always)
    func row(_ mentee: Int) -> UnsafeMutablePointer<UInt64> {
        words.baseAddress.unsafelyUnwrapped + mentee * wordsPerRow
    }
}
