import Foundation

extension LocalDateTime {
    /// `2026-01-13T18:00`: local wall-clock time, as the files write it.
    package var isoLocal: String {
        func two(_ value: Int) -> String { value < 10 ? "0\(value)" : String(value) }
        return "\(date.iso)T\(two(hour)):\(two(minute))"
    }

    /// Reads `2026-01-13T18:00`, ignoring seconds and a UTC offset after it
    /// (`2026-01-13T18:00:00+00:00` is the same local time).
    package init?(isoLocal text: String) {
        let characters = Array(text.utf8)
        guard characters.count >= 16, characters[10] == UInt8(ascii: "T"), characters[13] == UInt8(ascii: ":"),
            let date = LocalDate(iso: text.prefix(10)),
            let hour = Int(String(decoding: characters[11..<13], as: UTF8.self)), (0..<24).contains(hour),
            let minute = Int(String(decoding: characters[14..<16], as: UTF8.self)), (0..<60).contains(minute)
        else { return nil }
        self.init(year: date.year, month: date.month, day: date.day, hour: hour, minute: minute)
    }
}

extension Weekday {
    /// Reads `Mon` ... `Sun` or `Monday` ... `Sunday`, as the files write them.
    package init?(fileName text: String) {
        guard let day = Weekday.allCases.first(where: { $0.shortName == text || $0.name == text }) else { return nil }
        self = day
    }
}

extension AvailabilityWindow {
    /// Reads back ``clock(_:)``'s `HH:MM` (`24:00` included).
    package static func minute(ofClock text: String) -> Int? {
        let parts = text.split(separator: ":")
        guard parts.count == 2, parts[0].count == 2, parts[1].count == 2, let hours = Int(parts[0]), let minutes = Int(parts[1]),
            (0...24).contains(hours), (0..<60).contains(minutes), hours * 60 + minutes <= 1440
        else { return nil }
        return hours * 60 + minutes
    }
}

/// An instant as the files write it: `2026-01-01T09:30:05Z` (UTC, whole seconds).
package enum UTCText {
    package static func text(_ date: Date) -> String {
        let seconds = Int(date.timeIntervalSince1970.rounded(.down))
        let minutes = seconds - ((seconds % 60) + 60) % 60
        let second = seconds - minutes
        let local = LocalDateTime(secondsSince1970: minutes)
        return local.isoLocal + ":" + (second < 10 ? "0" : "") + String(second) + "Z"
    }

    package static func date(_ text: String) -> Date? {
        guard text.utf8.count == 20, text.hasSuffix("Z"), let local = LocalDateTime(isoLocal: text),
            let second = Int(text.dropFirst(17).prefix(2)), (0..<60).contains(second)
        else { return nil }
        return Date(timeIntervalSince1970: TimeInterval(local.secondsSince1970 + second))
    }
}
