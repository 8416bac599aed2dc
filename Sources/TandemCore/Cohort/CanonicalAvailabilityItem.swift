/// The common shape of an availability item, `Tue 18:00-20:00` or `Mon-Fri 7:30-08:30`, read
/// straight from its bytes.
///
/// Every sign-up row has a few of these, and the general parser's splitting into substrings
/// and strings was a quarter of reading a large cohort. This reader accepts only items that
/// are exactly `DAY[-DAY] H[H]:MM-H[H]:MM` (ASCII letters and digits, one space) and valid;
/// for anything else, including every item with a problem, it returns `nil` and
/// ``AvailabilityParser`` reads the item as before, giving the same windows or the same error.
enum CanonicalAvailabilityItem {
    static func windows(_ item: String) -> [AvailabilityWindow]? {
        var item = item
        return item.withUTF8 { bytes -> [AvailabilityWindow]? in
            var reader = ByteReader(bytes: bytes)
            guard let first = reader.day() else { return nil }
            var last = first
            if reader.skip(UInt8(ascii: "-")) {
                guard let day = reader.day() else { return nil }
                last = day
            }
            guard first <= last, reader.skip(UInt8(ascii: " ")), let start = reader.clock(), reader.skip(UInt8(ascii: "-")),
                let end = reader.clock(), reader.isAtEnd, start < 24 * 60, end > start
            else { return nil }
            return Weekday.allCases.filter { $0 >= first && $0 <= last }.map {
                AvailabilityWindow(day: $0, startMinute: start, endMinute: end)
            }
        }
    }

    private struct ByteReader {
        let bytes: UnsafeBufferPointer<UInt8>
        var index = 0

        var isAtEnd: Bool { index == bytes.count }

        mutating func skip(_ byte: UInt8) -> Bool {
            guard index < bytes.count, bytes[index] == byte else { return false }
            index += 1
            return true
        }

        /// A run of ASCII letters naming a day, as `Weekday(parsing:)` reads it.
        mutating func day() -> Weekday? {
            let start = index
            while index < bytes.count, isLetter(bytes[index]) { index += 1 }
            guard index > start else { return nil }
            return Weekday(parsing: String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self))
        }

        /// `H:MM` or `HH:MM` on the quarter hour, 00:00 to 24:00, in minutes.
        mutating func clock() -> Int? {
            guard let hours = digits(maximum: 2), hours.count >= 1, skip(UInt8(ascii: ":")),
                let minutes = digits(maximum: 2), minutes.count == 2
            else { return nil }
            guard hours.value < 24 || hours.value == 24 && minutes.value == 0, minutes.value < 60,
                minutes.value % WeeklyAvailability.slotMinutes == 0
            else { return nil }
            return hours.value * 60 + minutes.value
        }

        /// Up to `maximum` ASCII digits; `nil` when more follow.
        private mutating func digits(maximum: Int) -> (value: Int, count: Int)? {
            var value = 0
            var count = 0
            while index < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[index]) {
                guard count < maximum else { return nil }
                value = value * 10 + Int(bytes[index] - UInt8(ascii: "0"))
                count += 1
                index += 1
            }
            return (value, count)
        }

        private func isLetter(_ byte: UInt8) -> Bool {
            (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
        }
    }
}
