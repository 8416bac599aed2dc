import Foundation
import TandemCalendar
import TandemCore
import Testing

@Suite("Calendar export refuses what it cannot write faithfully")
struct CalendarErrorTests {
    func render(_ series: [SessionSeries], programme: Programme = Fixture.programme, method: CalendarMethod = .publish)
        throws(CalendarError) -> Data
    {
        try CalendarExport(programme: programme, series: series, cohortEvents: [], method: method, timestamp: Fixture.timestamp)
            .render(for: .coordinator)
    }

    func invalidSeriesReason(_ series: SessionSeries) -> String? {
        do {
            _ = try render([series])
            return nil
        } catch {
            guard case .invalidSeries(_, _, let reason) = error else { return "other error: \(error)" }
            return reason
        }
    }

    @Test func refusesSessionsOffTheRule() {
        var moved = Fixture.weekly
        moved.sessions[3] = moved.sessions[3].date.adding(days: 1).at(minuteOfDay: 18 * 60)
        #expect(invalidSeriesReason(moved)?.contains("is not an occurrence of the cadence") == true)

        var miscounted = Fixture.fortnightly
        miscounted.occurrenceCount = 9
        #expect(invalidSeriesReason(miscounted)?.contains("do not add up to 9") == true)

        var notSecondTuesday = Fixture.secondTuesday
        notSecondTuesday.firstStart = LocalDateTime(year: 2026, month: 1, day: 6, hour: 17, minute: 30)
        #expect(invalidSeriesReason(notSecondTuesday)?.contains("not an occurrence of its own monthly rule") == true)

        var wrongSlot = Fixture.weekly
        wrongSlot.slot.weekday = .friday
        #expect(invalidSeriesReason(wrongSlot)?.contains("slot") == true)

        var noLength = Fixture.weekly
        noLength.durationMinutes = 0
        #expect(invalidSeriesReason(noLength)?.contains("must last") == true)
    }

    @Test("Refuses sessions in a clock change", arguments: [(3, 29, false), (10, 25, true)])
    func refusesClockChangeTimes(month: Int, day: Int, isRepeated: Bool) {
        let start = LocalDateTime(year: 2026, month: month, day: day, hour: 1, minute: 30)
        let series = SessionSeries(
            uid: Fixture.pairUID(Fixture.chris, Fixture.sam), mentor: Fixture.chris, mentee: Fixture.sam,
            slot: WeeklySlot(weekday: .sunday, startMinute: 90),
            cadence: .weekly(interval: 1),
            durationMinutes: 20, firstStart: start, occurrenceCount: 1, skipped: [], sessions: [start], location: "",
            isOnline: true)
        #expect {
            try render([series])
        } throws: { error in
            guard case .unrepresentableLocalTime(let time, "Europe/London", let repeated, _) = error as? CalendarError else {
                return false
            }
            return time == start && repeated == isRepeated
        }
    }

    @Test func needsTheCoordinatorsAddress() {
        var programme = Fixture.programme
        programme.coordinatorEmail = " \n"
        #expect(throws: CalendarError.missingCoordinatorEmail) { try render(Fixture.allSeries, programme: programme) }
    }

    @Test func invitationsNeedEveryAttendeesAddress() throws {
        var series = Fixture.weekly
        series.mentee.email = ""
        #expect(throws: CalendarError.missingEmail(personID: "E1")) { try render([series], method: .request) }
        #expect(CalendarCheck.problems(in: try render([series], method: .publish)) == [])
    }

    @Test func refusesTheSamePairTwice() {
        #expect {
            try render([Fixture.weekly, Fixture.weekly])
        } throws: { error in
            guard case .duplicateIdentifier(let uid, _) = error as? CalendarError else { return false }
            return uid == Fixture.weekly.uid
        }
    }

    @Test func refusesAnUnknownZone() {
        var programme = Fixture.programme
        programme.timeZone = "Mars/Olympus_Mons"
        #expect(throws: CalendarError.unknownTimeZone("Mars/Olympus_Mons")) {
            try render(Fixture.allSeries, programme: programme)
        }
    }

    @Test func messagesSayWhatToChange() {
        #expect(CalendarError.missingCoordinatorEmail.description.contains("programme.coordinator.email"))
        let clock = CalendarError.unrepresentableLocalTime(
            LocalDateTime(year: 2026, month: 3, day: 29, hour: 1, minute: 30), timeZone: "Europe/London", isRepeated: false,
            owner: "X")
        #expect(
            clock.description
                == "X: 2026-03-29 01:30 does not exist (clocks go forward) in Europe/London; move it out of the clock change.")
    }
}
