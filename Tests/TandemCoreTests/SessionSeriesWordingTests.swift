import Testing

@testable import TandemCore

/// Schedules in the words people use: the slot with its cadence, and where a session stands
/// in its series.
@Suite("Saying when sessions happen")
struct SessionSeriesWordingTests {
    @Test(
        "A slot is said with its cadence",
        arguments: [
            (Cadence.weekly(interval: 1), "Every Tuesday, 18:00"),
            (.weekly(interval: 2), "Every other Tuesday, 18:00"),
            (.weekly(interval: 3), "Every 3 weeks on Tuesday, 18:00"),
            (.monthly(ordinal: 1), "1st Tuesday of each month, 18:00"),
            (.monthly(ordinal: 2), "2nd Tuesday of each month, 18:00"),
            (.monthly(ordinal: 3), "3rd Tuesday of each month, 18:00"),
            (.monthly(ordinal: 4), "4th Tuesday of each month, 18:00"),
            (.monthly(ordinal: -1), "Last Tuesday of each month, 18:00"),
            (.monthly(ordinal: -2), "2nd-to-last Tuesday of each month, 18:00"),
        ])
    func slotWithCadence(cadence: Cadence, expected: String) {
        #expect(WeeklySlot(weekday: .tuesday, startMinute: 18 * 60).description(cadence: cadence) == expected)
    }

    @Test func ordinalsTakeTheirEnglishSuffixes() {
        #expect(
            [1, 2, 3, 4, 11, 12, 13, 21, 22, 23, 101].map(WeeklySlot.ordinalText) == [
                "1st", "2nd", "3rd", "4th", "11th", "12th", "13th", "21st", "22nd", "23rd", "101st",
            ])
    }

    static func series(_ starts: [LocalDateTime], cadence: Cadence) -> SessionSeries {
        SessionSeries(
            uid: "u", mentor: CalendarPerson(id: "M", name: "", email: ""), mentee: CalendarPerson(id: "E", name: "", email: ""),
            slot: WeeklySlot(weekday: starts[0].date.weekday, startMinute: starts[0].minuteOfDay), cadence: cadence,
            durationMinutes: 60, firstStart: starts[0], occurrenceCount: starts.count, skipped: [], sessions: starts,
            location: "", isOnline: false)
    }

    @Test func aSeriesSaysHowManySessionsAndWhichMonths() {
        let monthly = Self.series(
            [12, 9, 9, 13, 11, 8].enumerated().map {
                LocalDateTime(year: 2027, month: $0.offset + 1, day: $0.element, hour: 18, minute: 0)
            }, cadence: .monthly(ordinal: 2))
        #expect(monthly.slotDescription == "2nd Tuesday of each month, 18:00")
        #expect(monthly.seriesDescription == "one of 6 monthly sessions, January to June 2027")

        let acrossYears = Self.series(
            [
                LocalDateTime(year: 2026, month: 11, day: 2, hour: 9, minute: 30),
                LocalDateTime(year: 2027, month: 1, day: 11, hour: 9, minute: 30),
            ], cadence: .weekly(interval: 2))
        #expect(acrossYears.seriesDescription == "one of 2 fortnightly sessions, November 2026 to January 2027")

        let single = Self.series(
            [LocalDateTime(year: 2027, month: 3, day: 4, hour: 12, minute: 0)], cadence: .weekly(interval: 1))
        #expect(single.seriesDescription == "a single session, March 2027")
        #expect(single.slotDescription == "Every Thursday, 12:00")
    }

    @Test func aDateIsSpokenWithItsWeekday() {
        #expect(LocalDate(year: 2027, month: 4, day: 13).spokenText == "Tuesday 13 April 2027")
    }
}
