import TandemCore

/// Turns Excel's date serial numbers into ISO 8601 text (`2026-11-03 14:05:12`).
///
/// In the 1900 date system day 1 is 1900-01-01 and day 60 is 1900-02-29, a day that never was
/// (Lotus 1-2-3 took 1900 for a leap year and Excel kept it), so from day 61 on the serial
/// counts from 1899-12-30. In the 1904 system day 0 is 1904-01-01.
enum ExcelDate {
    /// Days from 1970-01-01 to the day before serial day 1 in the 1900 system, and to serial
    /// day 0 after the fictitious leap day.
    private static let epoch1900BeforeLeapDay = -25_568
    private static let epoch1900 = -25_569
    private static let epoch1904 = -24_107
    /// 9999-12-31 in the 1900 system, the last day Excel shows.
    private static let lastSerial = 2_958_465.0

    /// What a date format shows: whether it has a time of day, seconds, and a date at all.
    struct Style: Hashable, Sendable {
        var hasDate = true
        var hasTime = false
        var hasSeconds = false
    }

    /// The text of `serial` in `style`, or `nil` when it is outside Excel's date range.
    static func text(_ serial: Double, style: Style, date1904: Bool) -> String? {
        guard serial.isFinite, serial >= 0, serial < lastSerial + 1 else { return nil }
        // Excel keeps milliseconds; a sign-up needs the second, rounded as Excel shows it.
        let totalSeconds = Int64((serial * 86_400).rounded())
        let days = Int(totalSeconds / 86_400)
        let seconds = Int(totalSeconds % 86_400)
        let time = timeText(seconds, withSeconds: style.hasSeconds || seconds % 60 != 0)
        if !style.hasDate && days == 0 { return time }
        let date = dateText(days: days, date1904: date1904)
        return seconds == 0 && !style.hasTime ? date : "\(date) \(time)"
    }

    /// `YYYY-MM-DD` of serial day `days`.
    static func dateText(days: Int, date1904: Bool) -> String {
        if date1904 { return civil(epoch1904 + days) }
        switch days {
        // Day 0 is shown by Excel as the 0th of January 1900.
        case 0: return "1900-01-00"
        case 60: return "1900-02-29"
        case ..<60: return civil(epoch1900BeforeLeapDay + days)
        default: return civil(epoch1900 + days)
        }
    }

    private static func timeText(_ seconds: Int, withSeconds: Bool) -> String {
        let hours = seconds / 3600
        let minutes = seconds / 60 % 60
        let text = twoDigits(hours) + ":" + twoDigits(minutes)
        return withSeconds ? text + ":" + twoDigits(seconds % 60) : text
    }

    private static func twoDigits(_ value: Int) -> String {
        value < 10 ? "0\(value)" : "\(value)"
    }

    /// `YYYY-MM-DD` of a day counted from 1970-01-01 in the proleptic Gregorian calendar.
    static func civil(_ daysSince1970: Int) -> String {
        LocalDate(dayNumber: daysSince1970).iso
    }
}
