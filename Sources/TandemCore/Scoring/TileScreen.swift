/// ``MentorScreen``'s summary test for a whole tile of mentors at once, as bit sets: for each
/// hour of the week the mentors who can start a session in it, for each format the mentors
/// who meet that way, and the mentors of each organisation. A mentee's candidates in a tile
/// are the union of the sets of their start hours (typically a few dozen), of the formats they
/// cannot take, and of their own organisation: a few word operations per 64 mentors, against
/// a test per mentor.
///
/// Gives exactly the mentors ``MentorScreen/passesScreen(_:_:)`` passes, in position order.
final class TileScreen: @unchecked Sendable {
    /// Words of one set of active mentors.
    let setWords: Int
    /// `hourCount` sets, hour after hour.
    private let byStartHour: UnsafeMutableBufferPointer<UInt64>
    /// Three sets, by format bit (online, in person, either).
    private let byFormat: UnsafeMutableBufferPointer<UInt64>
    /// Active positions, ascending, by organisation code, as CSR.
    private let organisationStart: [Int]
    private let organisationMembers: [Int32]

    static let hourCount = CompiledCohort.hourWords * 64

    /// - Parameters:
    ///   - startHours: ``CompiledCohort/hourWords`` words per active mentor.
    ///   - organisation: Per active mentor, the organisation code (negative for none).
    ///   - format: Per active mentor, its ``MentorScreen/bit(_:)``.
    init(
        count: Int, startHours: UnsafeBufferPointer<UInt64>, organisation: UnsafeBufferPointer<Int32>,
        format: UnsafeBufferPointer<UInt8>
    ) {
        setWords = (count + 63) / 64
        byStartHour = .allocate(capacity: max(1, Self.hourCount * setWords))
        byStartHour.initialize(repeating: 0)
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
            for hourWord in 0..<CompiledCohort.hourWords {
                var hours = startHours[active * CompiledCohort.hourWords + hourWord]
                while hours != 0 {
                    let hour = hourWord * 64 + hours.trailingZeroBitCount
                    hours &= hours &- 1
                    byStartHour[hour * setWords + word] |= bit
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
        byStartHour.deallocate()
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
        let hourSets = byStartHour.baseAddress.unsafelyUnwrapped
        @inline(__always) func addHours(_ summary: UInt64, from firstHour: Int) {
            var hours = summary
            while hours != 0 {
                add(hourSets + (firstHour + hours.trailingZeroBitCount) * setWords)
                hours &= hours &- 1
            }
        }
        addHours(mentee.startHours.0, from: 0)
        addHours(mentee.startHours.1, from: 64)
        addHours(mentee.startHours.2, from: 128)
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
