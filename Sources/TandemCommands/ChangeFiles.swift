import Foundation
import TandemCalendar
import TandemCore
import TandemResults

/// What a run must send, beside the full calendars: `changes/`, one e-mailed invitation,
/// update or cancellation per file (each file carries one UID, as Outlook expects), and
/// `invitations.csv`, a mail-merge list saying who gets which file.
enum ChangeFiles {
    /// What happened to a series since its people were last told.
    enum Change: String, Sendable {
        case new, updated, cancelled, unchanged
    }

    /// A series revision to send.
    struct Revision: Sendable {
        var series: SessionSeries
        var change: Change
    }

    /// What a run sends: the `changes/…` calendars to render (named relative to the results
    /// folder) and `invitations.csv`, which does not depend on their contents.
    struct Plan {
        var jobs: [CalendarFiles.Job]
        var invitations: (name: String, data: Data)
    }

    /// The files, named relative to the results folder, with the calendars still to render (a
    /// matching run renders them beside its own calendars, on the same cores).
    /// - Parameters:
    ///   - revisions: the series whose current revision was not sent yet.
    ///   - active: every active series (for the people whose calendars did not change).
    ///   - events: the cohort events still to come.
    ///   - newcomers: the people of new series who were never sent the cohort events.
    static func plan(
        programme: Programme, revisions: [Revision], active: [SessionSeries], events: [CohortEvent],
        newcomers: [(person: CalendarPerson, side: CohortSide)], timestamp: Date, settings: CalendarSettings
    ) throws(TandemFailure) -> Plan {
        var names = SafeFileNames()
        var jobs: [CalendarFiles.Job] = []
        var rows: [[String]] = []
        func invitations(for series: SessionSeries, file: String, change: Change) -> [[String]] {
            [
                [series.mentor.id, series.mentor.name, series.mentor.email, "mentor", file, change.rawValue],
                [series.mentee.id, series.mentee.name, series.mentee.email, "mentee", file, change.rawValue],
            ]
        }
        for (index, revision) in revisions.enumerated() {
            let name = "changes/" + names.name(for: revision.series.mentor.id + "+" + revision.series.mentee.id) + ".ics"
            let export = CalendarExport(
                programme: programme, series: [revision.series], cohortEvents: [],
                method: revision.change == .cancelled ? .cancel : .request, timestamp: timestamp, settings: settings)
            jobs.append(
                CalendarFiles.Job(
                    name: name, audience: .coordinator, export: export, check: index < CalendarFiles.checkedPersonalFiles))
            rows += invitations(for: revision.series, file: name, change: revision.change)
        }
        // The cohort events go to the people who join this time, each event in its own file.
        if !newcomers.isEmpty {
            for event in events {
                let name = "changes/event-" + names.name(for: event.start.date.iso + "-" + event.title) + ".ics"
                var export = CalendarExport(
                    programme: programme, series: [], cohortEvents: [event], method: .request, timestamp: timestamp,
                    settings: settings)
                export.eventInvitees = newcomers.map(\.person)
                jobs.append(CalendarFiles.Job(name: name, audience: .coordinator, export: export, check: true))
                for newcomer in newcomers {
                    let person = newcomer.person
                    rows.append([person.id, person.name, person.email, newcomer.side.rawValue, name, Change.new.rawValue])
                }
            }
        }
        // Everyone else with sessions keeps their calendar file as it was.
        let told = Set(rows.map { $0[0] })
        for file in try CalendarFiles.personFiles(active) where !told.contains(file.person.id) {
            rows.append(
                [
                    file.person.id, file.person.name, file.person.email, file.side.rawValue, "calendars/" + file.name,
                    Change.unchanged.rawValue,
                ])
        }
        let header = ["id", "name", "email", "role", "file", "change"]
        return Plan(jobs: jobs, invitations: ("invitations.csv", CSVText.render(header: header, rows: rows)))
    }
}
