/// Reads availability cells as people write them: the canonical `Mon 18:00-20:00; Mon-Fri 07:30-08:30`,
/// and forms such as `Tues 6-8pm`, `Mon & Wed 18.00–19.30`, `Saturdays 10am-12` or
/// `Tuesday evenings`, plus named periods from the configuration (e.g. `weekday evenings`).
///
/// ``AvailabilityToken`` splits an item, ``AvailabilityGrammar`` reads its clauses, and the
/// extensions here turn clock times into minutes and find named periods. Text with no single
/// clear reading (`after 6`, `Flexible`, `6-8`) is an ``ItemError`` saying what was not
/// understood and how to write it, never a guess.
public struct AvailabilityParser: Sendable {
    /// Why one availability item could not be read; `item` is the offending text.
    public struct ItemError: Error, Sendable, Equatable, CustomStringConvertible {
        public var item: String
        public var problem: String

        public var description: String { "'\(item)': \(problem)" }
    }

    /// Named periods, keyed by their normalised name, each already parsed into windows.
    public private(set) var periods: [String: [AvailabilityWindow]] = [:]

    /// The configured periods as token keys, longest first, for finding them inside an item.
    var periodPatterns: [PeriodPattern] = []

    public init() {}

    /// Adds a named period such as `weekday evenings = Mon-Fri 18:00-21:00`.
    /// - Throws: ``ItemError`` when the definition itself is not valid availability.
    public mutating func definePeriod(named name: String, as definition: String) throws(ItemError) {
        var windows: [AvailabilityWindow] = []
        for item in Self.items(in: definition, separator: ";") {
            windows += try parseWindows(item)
        }
        let key = TextKey.normalise(name)
        periods[key] = windows
        periodPatterns.removeAll { $0.name == key }
        if let keys = try? AvailabilityToken.tokens(in: key).map(\.matchKey), !keys.isEmpty {
            periodPatterns.append(PeriodPattern(name: key, keys: keys, windows: windows))
            periodPatterns.sort { ($0.keys.count, $1.name) > ($1.keys.count, $0.name) }
        }
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

    /// Parses one item: a named period, the canonical `DAY[-DAY] HH:MM-HH:MM`, or any form
    /// the grammar reads (``generalWindows(_:)``).
    public func parseWindows(_ rawItem: String) throws(ItemError) -> [AvailabilityWindow] {
        let item = rawItem.trimmingWhitespace()
        if let period = periods[TextKey.normalise(item)] { return period }
        if let windows = CanonicalAvailabilityItem.windows(item) { return windows }
        return try generalWindows(item)
    }

    /// Any item the grammar reads, trimmed, with the reason when it has no clear reading.
    func generalWindows(_ item: String) throws(ItemError) -> [AvailabilityWindow] {
        do {
            return try grammarWindows(item)
        } catch {
            throw ItemError(item: item, problem: error.problem + suggestion)
        }
    }

    private func grammarWindows(_ item: String) throws(ItemError) -> [AvailabilityWindow] {
        let tokens: [AvailabilityToken]
        do {
            tokens = try AvailabilityToken.tokens(in: item)
        } catch {
            throw ItemError(item: item, problem: error.problem)
        }
        var grammar = AvailabilityGrammar(parser: self, item: item, tokens: tokens)
        return try grammar.windows()
    }
}
