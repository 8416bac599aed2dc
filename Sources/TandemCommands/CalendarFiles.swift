import ArgumentParser
import Foundation
import TandemCalendar
import TandemCore
import TandemIO

/// Renders and checks the calendar files of a programme: `programme.ics` for the coordinator,
/// `mentors/<id>.ics` and `mentees/<id>.ics` for each person with sessions.
enum CalendarFiles {
    /// How many mentors' and mentees' files are re-checked with libical on every run.
    static let checkedPersonalFiles = 25

    /// File names relative to the calendars folder, with contents. The coordinator's file (which
    /// holds every series and event) and the first ``checkedPersonalFiles`` per-person files of
    /// each side are parsed back with libical and checked before anything is written. Checking
    /// every one of a national cohort's files would dominate the run (libical's parser and
    /// restriction tables cost milliseconds per file), and the per-person files are subsets
    /// written by the same code; the test suite checks every file of the sample cohort.
    /// - Throws: ``TandemFailure`` 65 if the programme cannot be expressed (e.g. no coordinator
    ///   e-mail), 70 if a generated file fails its own check (a bug).
    static func render(
        programme: Programme, series: [SessionSeries], events: [CohortEvent], method: CalendarMethod, timestamp: Date
    ) throws(TandemFailure) -> [(name: String, data: Data)] {
        let export = CalendarExport(
            programme: programme, series: series, cohortEvents: events, method: method, timestamp: timestamp)
        var files: [(String, Data)] = []
        var names = SafeFileNames()
        func add(_ name: String, _ audience: CalendarAudience, check: Bool = true) throws(TandemFailure) {
            let data: Data
            do {
                data = try export.render(for: audience)
            } catch {
                throw TandemFailure(.dataError, "cannot write calendars: \(error)")
            }
            let problems = check ? CalendarCheck.problems(in: data) : []
            guard problems.isEmpty else {
                throw TandemFailure(.software, "calendar \(name) failed its check: " + problems.joined(separator: "; "))
            }
            files.append((name, data))
        }
        try add("programme.ics", .coordinator)
        var seenMentors = Set<String>()
        for mentor in series.map(\.mentor) where seenMentors.insert(mentor.id).inserted {
            try add(
                "mentors/" + names.name(for: mentor.id) + ".ics", .mentor(id: mentor.id),
                check: seenMentors.count <= checkedPersonalFiles)
        }
        for (index, mentee) in series.map(\.mentee).enumerated() {
            try add(
                "mentees/" + names.name(for: mentee.id) + ".ics", .mentee(id: mentee.id), check: index < checkedPersonalFiles)
        }
        return files
    }

    /// DTSTAMP for reproducible builds: `SOURCE_DATE_EPOCH` (seconds since 1970, UTC) when set, else now.
    /// - Throws: ``TandemFailure`` 64 when the variable is set but not a whole number.
    static func timestamp(environment: [String: String] = ProcessInfo.processInfo.environment) throws(TandemFailure) -> Date {
        guard let text = environment["SOURCE_DATE_EPOCH"] else { return Date() }
        guard let seconds = Int64(text.trimmingWhitespace()) else {
            throw TandemFailure(.usage, "SOURCE_DATE_EPOCH must be a whole number of seconds, not '\(text)'")
        }
        return Date(timeIntervalSince1970: TimeInterval(seconds))
    }
}

extension CalendarMethod: ExpressibleByArgument {
    public init?(argument: String) {
        self.init(rawValue: argument.uppercased())
    }

    public var defaultValueDescription: String { rawValue.lowercased() }

    public static var allValueStrings: [String] { allCases.map { $0.rawValue.lowercased() } }
}
