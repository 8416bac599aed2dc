/// ``MentorScreen``'s screen for a whole tile of mentors at once, as bit sets: for each quarter
/// hour of the week the mentors who can start a session in it, for each format the mentors who
/// meet that way, and the mentors of each organisation. A mentee's candidates in a tile are the
/// union of the sets of the quarter hours they can start a session in (a few dozen, typically),
/// of the formats they cannot take, and of their own organisation: a few word operations per
/// 64 mentors, against a test per mentor. A candidate that breaks neither rule shares a session
/// start with the mentee, so the passes need no other test of time.
///
/// Gives exactly the mentors ``MentorScreen/passesScreen(_:_:)`` passes, in position order.
final class TileScreen: @unchecked Sendable {
    /// Words of one set of active mentors.
    let setWords: Int
    /// `startCount` sets, one per quarter hour of the week a session can start in.
    private let byStart: UnsafeMutableBufferPointer<UInt64>
    /// Three sets, by format bit (online, in person, either).
    private let byFormat: UnsafeMutableBufferPointer<UInt64>
    /// Active positions, ascending, by organisation code, as CSR.
    private let organisationStart: [Int]
    private let organisationMembers: [Int32]

    static let startCount = WeeklyAvailability.wordCount * 64

    /// - Parameters:
    ///   - sessionStarts: ``WeeklyAvailability/wordCount`` words per active mentor, every
    ///     `stride` words.
    ///   - organisation: Per active mentor, the organisation code (negative for none).
    ///   - format: Per active mentor, its ``MentorScreen/bit(_:)``.
    init(
        count: Int, sessionStarts: UnsafeBufferPointer<UInt64>, stride: Int, organisation: UnsafeBufferPointer<Int32>,
        format: UnsafeBufferPointer<UInt8>
    ) {
        setWords = (count + 63) / 64
        byStart = .allocate(capacity: max(1, Self.startCount * setWords))
        byStart.initialize(repeating: 0)
        byFormat = .allocate(capacity: max(1, 3 * setWords))
        byFormat.initialize(repeating: 0)
        let codes = organisation.lazy.filter { $0 >= 0 }.max().map { Int($0) + 1 } ?? 0
        var start = [Int](repeating: 0, count: codes + 1)
        for active in 0..<count where organisation[active] >= 0 { start[Int(organisation[active]) + 1] += 1 }
        for code in 0..<codes { start[code + 1] += start[code] }
        var members = [Int32](repeating: 0, count: start[codes])
        var fill = start
        for active in 0..<count {
            let word = active >> 6
            let bit: UInt64 = 1 << UInt64(active & 63)
            for startWord in 0..<WeeklyAvailability.wordCount {
                var starts = sessionStarts[active * stride + startWord]
                while starts != 0 {
                    let quarter = startWord * 64 + starts.trailingZeroBitCount
                    starts &= starts &- 1
                    byStart[quarter * setWords + word] |= bit
                }
            }
            for formatIndex in 0..<3 where format[active] & (1 << UInt8(formatIndex)) != 0 {
                byFormat[formatIndex * setWords + word] |= bit
            }
            let code = Int(organisation[active])
            if code >= 0 {
                members[fill[code]] = Int32(active)
                fill[code] += 1
            }
        }
        organisationStart = start
        organisationMembers = members
    }

    deinit {
        byStart.deallocate()
        byFormat.deallocate()
    }

    /// Writes the positions of `mentee`'s candidates in `tile` (which starts on a multiple of
    /// 64) to `candidates`, ascending, and returns how many there are. `words` is scratch
    /// space of at least `tile.count / 64 + 1` words.
    @inline(__always)
    func candidates(
        _ tile: Range<Int>, _ mentee: MenteeView, words: UnsafeMutablePointer<UInt64>,
        into candidates: UnsafeMutablePointer<Int32>
    ) -> Int {
        let first = tile.lowerBound >> 6
        let count = ((tile.upperBound + 63) >> 6) - first
        words.update(repeating: 0, count: count)
        @inline(__always) func add(_ set: UnsafeMutablePointer<UInt64>) {
            for word in 0..<count { words[word] |= set[first + word] }
        }
        let startSets = byStart.baseAddress.unsafelyUnwrapped
        for startWord in 0..<WeeklyAvailability.wordCount {
            var starts = startWord < 8 ? mentee.sessionStartsLow[startWord] : mentee.sessionStartsHigh[startWord - 8]
            while starts != 0 {
                add(startSets + (startWord * 64 + starts.trailingZeroBitCount) * setWords)
                starts &= starts &- 1
            }
        }
        for formatIndex in 0..<3 where mentee.compatibleFormats & (1 << UInt8(formatIndex)) == 0 {
            add(byFormat.baseAddress.unsafelyUnwrapped + formatIndex * setWords)
        }
        let code = Int(mentee.organisation)
        if code >= 0, code + 1 < organisationStart.count {
            // The organisation's first member in the tile, by binary search.
            var index = organisationStart[code]
            var end = organisationStart[code + 1]
            while index < end {
                let middle = (index + end) / 2
                if organisationMembers[middle] < tile.lowerBound { index = middle + 1 } else { end = middle }
            }
            while index < organisationStart[code + 1], organisationMembers[index] < tile.upperBound {
                let active = Int(organisationMembers[index])
                words[(active >> 6) - first] |= 1 << UInt64(active & 63)
                index += 1
            }
        }
        var found = 0
        for word in 0..<count {
            var bits = words[word]
            while bits != 0 {
                candidates[found] = Int32(truncatingIfNeeded: (first + word) << 6 | bits.trailingZeroBitCount)
                found &+= 1
                bits &= bits &- 1
            }
        }
        return found
    }
}
