/// Reads availability cells in the canonical syntax, e.g. `Mon 18:00-20:00; Sat 10:00-12:30; Mon-Fri 07:30-08:30`,
/// plus named periods from the configuration (e.g. `weekday evenings`).
public struct AvailabilityParser: Sendable {
    /// Why one availability item could not be read; `item` is the offending text.
    public struct ItemError: Error, Sendable, Equatable, CustomStringConvertible {
        public var item: String
        public var problem: String

        public var description: String { "'\(item)': \(problem)" }
    }

    /// Named periods, keyed by their normalised name, each already parsed into windows.
    public private(set) var periods: [String: [AvailabilityWindow]] = [:]

    public init() {}

    /// Adds a named period such as `weekday evenings = Mon-Fri 18:00-21:00`.
    /// - Throws: ``ItemError`` when the definition itself is not valid availability.
    public mutating func definePeriod(named name: String, as definition: String) throws(ItemError) {
        var windows: [AvailabilityWindow] = []
        for item in Self.items(in: definition, separator: ";") {
            windows += try parseWindows(item)
        }
        periods[TextKey.normalise(name)] = windows
    }

    /// Splits a cell on `separator`, trims items and drops blanks (Forms exports end lists with `;`).
    package static func items(in cell: String, separator: String) -> [String] {
        if let items = printableASCIIItems(in: cell, separator: separator) { return items }
        return cell.split(separator: separator, omittingEmptySubsequences: true)
            .map { $0.trimmingWhitespace() }
            .filter { !$0.isEmpty }
    }

    /// ``items(in:separator:)`` done on bytes when the cell is all printable ASCII and the
    /// separator one such character other than a space (nearly every cell), else `nil`: there each
    /// byte is one character and the only whitespace to trim is the space.
    private static func printableASCIIItems(in cell: String, separator: String) -> [String]? {
        let space = UInt8(ascii: " ")
        guard separator.utf8.count == 1, let mark = separator.utf8.first, mark != space, (0x20...0x7E).contains(mark)
        else { return nil }
        var cell = cell
        return cell.withUTF8 { bytes -> [String]? in
            guard bytes.allSatisfy({ (0x20...0x7E).contains($0) }) else { return nil }
            var items: [String] = []
            var start = 0
            while start <= bytes.count {
                var end = start
                while end < bytes.count, bytes[end] != mark { end += 1 }
                var first = start
                var last = end
                while first < last, bytes[first] == space { first += 1 }
                while last > first, bytes[last - 1] == space { last -= 1 }
                if first < last {
                    items.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[first..<last]), as: UTF8.self))
                }
                start = end + 1
            }
            return items
        }
    }

    /// Parses one item: a named period or `DAY[-DAY] HH:MM-HH:MM`.
    public func parseWindows(_ rawItem: String) throws(ItemError) -> [AvailabilityWindow] {
        let item = rawItem.trimmingWhitespace()
        if let period = periods[TextKey.normalise(item)] { return period }
        if let windows = CanonicalAvailabilityItem.windows(item) { return windows }
        return try generalWindows(item)
    }

    /// Any `DAY[-DAY] HH:MM-HH:MM` item, trimmed, with the reason when it is not one.
    func generalWindows(_ item: String) throws(ItemError) -> [AvailabilityWindow] {
        let parts = item.split(whereSeparator: { $0 == " " || $0 == "\t" })
        guard parts.count == 2 else {
            throw ItemError(
                item: item,
                problem: "expected a day and a time range like 'Tue 18:00-20:00' or a named period"
                    + (periods.isEmpty ? "" : " (" + periods.keys.sorted().joined(separator: ", ") + ")"))
        }
        let days = try parseDays(String(parts[0]), item: item)
        let (start, end) = try parseTimeRange(String(parts[1]), item: item)
        return days.map { AvailabilityWindow(day: $0, startMinute: start, endMinute: end) }
    }

    private func parseDays(_ text: String, item: String) throws(ItemError) -> [Weekday] {
        let ends = text.split(separator: "-", omittingEmptySubsequences: false)
        guard ends.count <= 2, let first = Weekday(parsing: ends[0]) else {
            throw ItemError(
                item: item, problem: "'\(text)' is not a day; use Mon, Tue, Wed, Thu, Fri, Sat, Sun or a range like Mon-Fri")
        }
        guard ends.count == 2 else { return [first] }
        guard let last = Weekday(parsing: ends[1]) else {
            throw ItemError(item: item, problem: "'\(ends[1])' is not a day; use Mon, Tue, Wed, Thu, Fri, Sat or Sun")
        }
        guard first <= last else {
            throw ItemError(item: item, problem: "the day range \(text) runs backwards; write it Monday first, e.g. Mon-Fri")
        }
        return Weekday.allCases.filter { $0 >= first && $0 <= last }
    }

    private func parseTimeRange(_ text: String, item: String) throws(ItemError) -> (Int, Int) {
        let ends = text.split(separator: "-", omittingEmptySubsequences: false)
        guard ends.count == 2 else {
            throw ItemError(item: item, problem: "expected a time range like 18:00-20:00")
        }
        let start = try parseClock(String(ends[0]), item: item)
        let end = try parseClock(String(ends[1]), item: item)
        guard start < 24 * 60 else {
            throw ItemError(item: item, problem: "a window cannot start at 24:00")
        }
        guard end > start else {
            throw ItemError(item: item, problem: "the end \(ends[1]) is not after the start \(ends[0])")
        }
        return (start, end)
    }

    private func parseClock(_ text: String, item: String) throws(ItemError) -> Int {
        let fields = text.split(separator: ":", omittingEmptySubsequences: false)
        guard fields.count == 2, (1...2).contains(fields[0].count), fields[1].count == 2,
            let hours = Int(fields[0]), let minutes = Int(fields[1]), hours >= 0, minutes >= 0
        else {
            throw ItemError(item: item, problem: "'\(text)' is not a 24-hour time like 18:00")
        }
        guard hours < 24 || (hours == 24 && minutes == 0), minutes < 60 else {
            throw ItemError(item: item, problem: "'\(text)' is not a time of day (00:00 to 24:00)")
        }
        guard minutes % WeeklyAvailability.slotMinutes == 0 else {
            throw ItemError(item: item, problem: "'\(text)' is not on the quarter hour; use :00, :15, :30 or :45")
        }
        return hours * 60 + minutes
    }
}
