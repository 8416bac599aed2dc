/// A person's weekly free time as a bit set of quarter hours, Monday 00:00 first.
///
/// 7 × 96 = 672 quarter hours fit in 11 words, so the overlap of two people is 11 `AND`s and
/// popcounts: this is what makes scoring every pair of a national cohort affordable.
public struct WeeklyAvailability: Sendable, Hashable {
    public static let slotMinutes = 15
    public static let slotsPerDay = 24 * 60 / slotMinutes
    public static let slotCount = 7 * slotsPerDay
    public static let wordCount = (slotCount + 63) / 64

    /// Exactly ``wordCount`` words; bit `s % 64` of word `s / 64` is quarter hour `s`.
    public private(set) var words: [UInt64]

    public init() {
        words = Array(repeating: 0, count: Self.wordCount)
    }

    public init(windows: some Sequence<AvailabilityWindow>) {
        self.init()
        for window in windows { insert(window) }
    }

    /// Marks a window free. Windows must lie on the quarter-hour grid (the parser guarantees it).
    public mutating func insert(_ window: AvailabilityWindow) {
        let base = window.day.rawValue * Self.slotsPerDay
        for slot in (base + window.startMinute / Self.slotMinutes)..<(base + window.endMinute / Self.slotMinutes) {
            words[slot >> 6] |= 1 << UInt64(slot & 63)
        }
    }

    public var isEmpty: Bool { words.allSatisfy { $0 == 0 } }

    /// Free minutes per week.
    public var minutes: Int { words.reduce(0) { $0 + $1.nonzeroBitCount } * Self.slotMinutes }

    /// The time both are free.
    public func intersection(_ other: WeeklyAvailability) -> WeeklyAvailability {
        var result = self
        for index in 0..<Self.wordCount { result.words[index] &= other.words[index] }
        return result
    }

    /// Whether some stretch of `minutes` consecutive free minutes exists within one day.
    public func containsRun(ofMinutes minutes: Int) -> Bool {
        let slots = Self.slots(forMinutes: minutes)
        return Self.runStarts(of: words, slots: slots, startMask: Self.runStartMask(slots: slots)).contains { $0 != 0 }
    }

    /// Quarter hours needed to hold `minutes` (rounded up).
    static func slots(forMinutes minutes: Int) -> Int {
        max(1, (minutes + slotMinutes - 1) / slotMinutes)
    }

    /// The quarter hours at which a run of `slots` may start without crossing midnight.
    static func runStartMask(slots: Int) -> [UInt64] {
        var mask = WeeklyAvailability()
        if slots <= slotsPerDay {
            for day in Weekday.allCases {
                mask.insert(AvailabilityWindow(day: day, startMinute: 0, endMinute: (slotsPerDay - slots + 1) * slotMinutes))
            }
        }
        return mask.words
    }

    /// The quarter hours at which a whole run of `slots` free quarter hours starts (and may
    /// start, per `startMask`).
    ///
    /// After step k of the shift-and, bit s means quarter hours s...s+k are all free. Two people
    /// share a session exactly when their run starts intersect, because "both free for
    /// s...s+k" is "each free for s...s+k": so pairs are screened with one `AND` per word
    /// instead of a run search per pair.
    /// - Complexity: O(`slots` × ``wordCount``).
    static func runStarts(of words: [UInt64], slots: Int, startMask: [UInt64]) -> [UInt64] {
        var run = words
        for _ in 1..<max(slots, 1) {
            for index in 0..<wordCount {
                let carry = index + 1 < wordCount ? run[index + 1] << 63 : 0
                run[index] &= (run[index] >> 1) | carry
            }
        }
        for index in 0..<wordCount { run[index] &= startMask[index] }
        return run
    }

    /// The free time as windows, one per unbroken stretch within a day, Monday first.
    public var windows: [AvailabilityWindow] {
        var result: [AvailabilityWindow] = []
        for day in Weekday.allCases {
            var start: Int?
            for slotOfDay in 0...Self.slotsPerDay {
                let slot = day.rawValue * Self.slotsPerDay + slotOfDay
                let isFree = slotOfDay < Self.slotsPerDay && words[slot >> 6] & (1 << UInt64(slot & 63)) != 0
                if isFree, start == nil { start = slotOfDay }
                if !isFree, let first = start {
                    result.append(
                        AvailabilityWindow(
                            day: day, startMinute: first * Self.slotMinutes, endMinute: slotOfDay * Self.slotMinutes))
                    start = nil
                }
            }
        }
        return result
    }
}
