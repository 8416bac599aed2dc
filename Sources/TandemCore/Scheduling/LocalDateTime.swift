/// A wall-clock date and time in the programme's time zone, with no zone attached.
///
/// Sessions keep their local time across clock changes (18:00 stays 18:00 in both GMT and
/// BST), so schedules are computed in local time and converted to instants only at the edges.
public struct LocalDateTime: Sendable, Hashable, Comparable, Codable {
    public var year: Int
    public var month: Int
    public var day: Int
    public var hour: Int
    public var minute: Int

    public init(year: Int, month: Int, day: Int, hour: Int = 0, minute: Int = 0) {
        self.year = year
        self.month = month
        self.day = day
        self.hour = hour
        self.minute = minute
    }

    /// The wall-clock minute that holds `seconds` counted from 1970-01-01 00:00 on the same
    /// clock (the seconds past that minute are dropped).
    package init(secondsSince1970 seconds: Int) {
        let days = seconds.flooredDivision(by: 86_400)
        self = LocalDate(dayNumber: days).at(minuteOfDay: (seconds - days * 86_400) / 60)
    }

    public var date: LocalDate { LocalDate(year: year, month: month, day: day) }

    /// Minutes since midnight.
    package var minuteOfDay: Int { hour * 60 + minute }

    /// Seconds from 1970-01-01 00:00 on the same clock; less the zone's UTC offset, the instant
    /// this time names.
    package var secondsSince1970: Int { date.dayNumber * 86_400 + minuteOfDay * 60 }

    /// The wall-clock time `minutes` later (across midnight if need be).
    public func adding(minutes: Int) -> LocalDateTime {
        let total = minuteOfDay + minutes
        let days = total.flooredDivision(by: 1440)
        return date.adding(days: days).at(minuteOfDay: total - days * 1440)
    }

    public static func < (lhs: LocalDateTime, rhs: LocalDateTime) -> Bool {
        (lhs.year, lhs.month, lhs.day, lhs.hour, lhs.minute) < (rhs.year, rhs.month, rhs.day, rhs.hour, rhs.minute)
    }
}

/// A calendar date (proleptic Gregorian), with day arithmetic that needs no time zone.
public struct LocalDate: Sendable, Hashable, Comparable, Codable {
    public var year: Int
    public var month: Int
    public var day: Int

    public init(year: Int, month: Int, day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses `YYYY-MM-DD`; `nil` for anything else or an impossible date.
    public init?(iso text: some StringProtocol) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
            let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]),
            (1...12).contains(month), (1...LocalDate.daysIn(month: month, year: year)).contains(day)
        else { return nil }
        self.init(year: year, month: month, day: day)
    }

    /// `2026-01-13`.
    public var iso: String {
        func pad(_ value: Int, _ width: Int) -> String {
            let digits = String(value)
            return String(repeating: "0", count: max(0, width - digits.count)) + digits
        }
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
    }

    public static func < (lhs: LocalDate, rhs: LocalDate) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// Days since 1970-01-01 (Howard Hinnant's civil-from-days algorithm, inverted).
    public var dayNumber: Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    public init(dayNumber: Int) {
        let z = dayNumber + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        self.init(year: yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month: month, day: day)
    }

    public func adding(days: Int) -> LocalDate { LocalDate(dayNumber: dayNumber + days) }

    /// 1970-01-01 was a Thursday.
    public var weekday: Weekday {
        Weekday(rawValue: ((dayNumber % 7) + 7 + 3) % 7) ?? .monday
    }

    public func at(minuteOfDay: Int) -> LocalDateTime {
        LocalDateTime(year: year, month: month, day: day, hour: minuteOfDay / 60, minute: minuteOfDay % 60)
    }

    /// The `ordinal`th `weekday` of a month, counted from its end when `ordinal` is negative
    /// (-1 = the last); `nil` if the month has no such day.
    package static func nth(_ weekday: Weekday, ordinal: Int, month: Int, year: Int) -> LocalDate? {
        let length = daysIn(month: month, year: year)
        if ordinal < 0 {
            let last = LocalDate(year: year, month: month, day: length)
            let back = (last.weekday.rawValue - weekday.rawValue + 7) % 7
            let day = length - back - 7 * (-ordinal - 1)
            return day >= 1 ? LocalDate(year: year, month: month, day: day) : nil
        }
        let first = LocalDate(year: year, month: month, day: 1)
        let day = 1 + (weekday.rawValue - first.weekday.rawValue + 7) % 7 + 7 * (ordinal - 1)
        return ordinal >= 1 && day <= length ? LocalDate(year: year, month: month, day: day) : nil
    }
}

extension Int {
    /// The quotient rounded down (towards minus infinity, where `/` rounds towards zero).
    fileprivate func flooredDivision(by divisor: Int) -> Int {
        let (quotient, remainder) = quotientAndRemainder(dividingBy: divisor)
        return remainder < 0 ? quotient - 1 : quotient
    }
}
