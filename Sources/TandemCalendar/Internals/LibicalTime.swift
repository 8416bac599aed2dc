import CLibical
import Foundation
import TandemCore

extension icaltimetype {
    /// A wall-clock time in `zone`, or a floating time when `zone` is `nil` (as the onsets inside
    /// a VTIMEZONE must be).
    static func local(_ time: LocalDateTime, in zone: Zone?) -> icaltimetype {
        var value = icaltime_null_time()
        value.year = Int32(time.year)
        value.month = Int32(time.month)
        value.day = Int32(time.day)
        value.hour = Int32(time.hour)
        value.minute = Int32(time.minute)
        value.second = 0
        value.is_date = 0
        value.zone = zone?.raw
        return value
    }

    /// An instant in UTC, to the whole second (written with a trailing `Z`).
    static func utc(_ date: Date) -> icaltimetype {
        utc(secondsSince1970: Int(date.timeIntervalSince1970.rounded(.down)))
    }

    static func utc(secondsSince1970 seconds: Int) -> icaltimetype {
        icaltime_from_timet_with_zone(time_t(seconds), 0, icaltimezone_get_utc_timezone())
    }

    /// The wall-clock fields, whatever zone they are in.
    var localDateTime: LocalDateTime {
        LocalDateTime(year: Int(year), month: Int(month), day: Int(day), hour: Int(hour), minute: Int(minute))
    }

    var isNull: Bool { icaltime_is_null_time(self) != 0 }
    var isUTC: Bool { icaltime_is_utc(self) != 0 }

    /// `20260105T093000Z`, as libical writes it.
    var icalText: String {
        takeLibicalString(icaltime_as_ical_string_r(self)) ?? ""
    }
}

extension Weekday {
    /// libical numbers weekdays from Sunday = 1.
    var libical: icalrecurrencetype_weekday {
        icalrecurrencetype_weekday(rawValue: UInt32(self == .sunday ? 1 : rawValue + 2))
    }
}
