import ArgumentParser
import Foundation
import StableMatching
import Synchronization
import TandemCalendar
import TandemCore
import TandemInput
import TandemResults

/// Renders and checks the calendar files of a programme: `programme.ics` for the coordinator,
/// `mentors/<name>.ics` and `mentees/<name>.ics` for each person with sessions, named from their
/// id by ``SafeFileName/name(forID:)`` (as `matches.json` records).
enum CalendarFiles {
    /// How many mentors' and mentees' files (and invitations) are re-checked with libical on
    /// every run.
    static let checkedPersonalFiles = 10

    /// One file to render: its name, whose it is, the export that holds (at least) that
    /// person's series, and whether to check it with libical.
    struct Job: Sendable {
        var name: String
        var audience: CalendarAudience
        var export: CalendarExport
        var check: Bool
    }

    /// File names relative to the calendars folder, with contents. The coordinator's file (which
    /// holds every series and event) and the first ``checkedPersonalFiles`` per-person files of
    /// each side are parsed back with libical and checked before anything is written. Checking
    /// every one of a national cohort's files would dominate the run (libical's parser and
    /// restriction tables cost milliseconds per file), and the per-person files are subsets
    /// written by the same code: a series' event in a person's file is the bytes checked in
    /// programme.ics but for its description (``CalendarPieces``). The test suite checks every
    /// file of the sample cohort.
    ///
    /// Files are rendered on every core: planning and writing a file run side by side with
    /// other files', and share the parts that read the same in each (``CalendarPieces``), while
    /// libical's parsing and checking (programme.ics and the sampled files) still run one at a
    /// time behind the calendar module's lock: the sampled personal files are checked while
    /// programme.ics is rendered, or else after the unchecked files. The result is the same
    /// files in the same order as a one-thread run.
    /// - Parameter progress: Called after each file is rendered (and checked) with the number
    ///   done so far and the total. It may be called from any of the rendering threads, but
    ///   never from two at once, and `done` counts up by one each call (files finish out of
    ///   file order).
    /// - Throws: ``TandemFailure`` 65 if the programme cannot be expressed (e.g. no coordinator
    ///   e-mail), 70 if a generated file fails its own check (a bug). When several files fail,
    ///   the error is the first failing file's in file order, as a one-thread run would report.
    static func render(
        programme: Programme, series: [SessionSeries], events: [CohortEvent], method: CalendarMethod, timestamp: Date,
        settings: CalendarSettings, progress: @Sendable (_ done: Int, _ total: Int) -> Void = { _, _ in }
    ) throws(TandemFailure) -> [(name: String, data: Data)] {
        try render(
            programme: programme, series: series, events: events, method: method, timestamp: timestamp,
            settings: settings, alongside: [], progress: progress
        ).calendars
    }

    /// The programme's calendar files as above, and the files of `alongside` rendered with
    /// them on the same cores (a matching run's `changes/`, whose rendering then fills the
    /// time other threads would wait for programme.ics's check).
    static func render(
        programme: Programme, series: [SessionSeries], events: [CohortEvent], method: CalendarMethod, timestamp: Date,
        settings: CalendarSettings, alongside: [Job], progress: @Sendable (_ done: Int, _ total: Int) -> Void = { _, _ in }
    ) throws(TandemFailure) -> (calendars: [(name: String, data: Data)], alongside: [(name: String, data: Data)]) {
        let own = try plan(
            programme: programme, series: series, events: events, method: method, timestamp: timestamp, settings: settings)
        let files = try render(own + alongside, progress: progress)
        return (Array(files.prefix(own.count)), Array(files.dropFirst(own.count)))
    }

    /// `jobs`' files, rendered as ``render(programme:series:events:method:timestamp:settings:progress:)``
    /// describes; the first job is started first.
    static func render(
        _ jobs: [Job], progress: @Sendable (_ done: Int, _ total: Int) -> Void = { _, _ in }
    ) throws(TandemFailure) -> [(name: String, data: Data)] {
        let total = jobs.count
        // The order files are started in. Checks run one at a time behind libical's lock, and
        // checking programme.ics takes long (0.3 s at 10,000 mentees). So programme.ics starts
        // first, and the other threads check the sampled personal files while it is rendered,
        // then render the rest. A personal file whose check would wait for the lock is checked
        // once its thread has nothing left to render.
        let order =
            jobs.indices.filter { $0 == 0 } + jobs.indices.filter { $0 != 0 && jobs[$0].check }
            + jobs.indices.filter { $0 != 0 && !jobs[$0].check }
        let results = Mutex<(done: Int, outcomes: [Result<Data, TandemFailure>?])>(
            (0, [Result<Data, TandemFailure>?](repeating: nil, count: total)))
        let next = Atomic<Int>(0)
        // Set on the first failure so that no new file is started.
        let failed = Atomic<Bool>(false)
        let workers = max(1, min(ProcessInfo.processInfo.activeProcessorCount, total))
        // The files' common parts (their opening, a PUBLISH file's cohort events, a series' event
        // but for its description and attendees) are serialised once.
        let pieces = CalendarPieces()
        Concurrently.forEach(workers) { _ in
            func record(_ index: Int, _ outcome: Result<Data, TandemFailure>) {
                if case .failure = outcome { failed.store(true, ordering: .relaxed) }
                results.withLock { state in
                    state.outcomes[index] = outcome
                    state.done += 1
                    // Under the lock, so that calls never overlap and `done` only grows.
                    progress(state.done, total)
                }
            }
            // Rendered files whose check found libical busy.
            var unchecked: [(index: Int, data: Data)] = []
            while !failed.load(ordering: .relaxed) {
                let claimed = next.wrappingAdd(1, ordering: .relaxed).oldValue
                guard claimed < total else { break }
                let index = order[claimed]
                let job = jobs[index]
                let rendering = Result { () throws(TandemFailure) -> Data in try rendered(job, pieces: pieces) }
                guard case .success(let data) = rendering else {
                    record(index, rendering)
                    continue
                }
                if !job.check {
                    record(index, .success(data))
                } else if index == 0 {
                    record(index, Result { () throws(TandemFailure) -> Data in try checked(job, data) })
                } else if let problems = CalendarCheck.problemsUnlessBusy(in: data) {
                    record(index, Result { () throws(TandemFailure) -> Data in try checked(job, data, problems: problems) })
                } else {
                    unchecked.append((index, data))
                }
            }
            for (index, data) in unchecked {
                record(index, Result { () throws(TandemFailure) -> Data in try checked(jobs[index], data) })
            }
        }
        var outcomes = results.withLock { $0.outcomes }
        var files: [(name: String, data: Data)] = []
        files.reserveCapacity(total)
        for (index, job) in jobs.enumerated() {
            // After a failure some earlier files (in file order) may not have been started:
            // render them now, so that the error is the first failing file's, as in order.
            if outcomes[index] == nil, failed.load(ordering: .relaxed) {
                outcomes[index] = Result { () throws(TandemFailure) -> Data in try render(job, pieces: pieces) }
            }
            switch outcomes[index] {
            case .success(let data): files.append((job.name, data))
            case .failure(let failure): throw failure
            case nil: throw TandemFailure(.software, "calendar \(job.name) was not rendered")
            }
        }
        return files
    }

    /// The files in order, with their names. Each person's export holds only their own series,
    /// so that rendering one person's file does not sift through the whole cohort's series (the
    /// file is the same: it holds exactly the series that name the person).
    private static func plan(
        programme: Programme, series: [SessionSeries], events: [CohortEvent], method: CalendarMethod, timestamp: Date,
        settings: CalendarSettings
    ) throws(TandemFailure) -> [Job] {
        func export(_ series: [SessionSeries]) -> CalendarExport {
            CalendarExport(
                programme: programme, series: series, cohortEvents: events, method: method, timestamp: timestamp,
                settings: settings)
        }
        let byMentor = Dictionary(grouping: series, by: \.mentor.id)
        let byMentee = Dictionary(grouping: series, by: \.mentee.id)
        var jobs = [Job(name: "programme.ics", audience: .coordinator, export: export(series), check: true)]
        var checked: [CohortSide: Int] = [:]
        for file in try personFiles(series) {
            checked[file.side, default: 0] += 1
            let isMentor = file.side == .mentor
            jobs.append(
                Job(
                    name: file.name, audience: isMentor ? .mentor(id: file.person.id) : .mentee(id: file.person.id),
                    export: export((isMentor ? byMentor : byMentee)[file.person.id] ?? []),
                    check: (checked[file.side] ?? 0) <= checkedPersonalFiles))
        }
        return jobs
    }

    /// Each person's file, relative to the calendars folder: `mentors/<name>.ics` for each mentor
    /// (in order of their first series), then `mentees/<name>.ics` for each mentee. A person's
    /// name depends on their id alone (``SafeFileName/calendarFile(forID:side:)``).
    /// - Throws: ``TandemFailure`` 65 if two ids would share a file, ignoring case (which takes
    ///   a 32-bit SHA-1 collision between ids that sanitise alike), rather than give one
    ///   person's sessions to the other.
    static func personFiles(
        _ series: [SessionSeries]
    ) throws(TandemFailure) -> [(person: CalendarPerson, side: CohortSide, name: String)] {
        var files: [(person: CalendarPerson, side: CohortSide, name: String)] = []
        var seenMentors = Set<String>()
        for mentor in series.map(\.mentor) where seenMentors.insert(mentor.id).inserted {
            files.append((mentor, .mentor, SafeFileName.calendarFile(forID: mentor.id, side: .mentor)))
        }
        for mentee in series.map(\.mentee) {
            files.append((mentee, .mentee, SafeFileName.calendarFile(forID: mentee.id, side: .mentee)))
        }
        // Lower-cased `String`s compare as case- and normalisation-insensitive file systems do.
        var owners: [String: String] = [:]
        for file in files {
            if let owner = owners.updateValue(file.person.id, forKey: file.name.lowercased()), owner != file.person.id {
                throw TandemFailure(
                    .dataError,
                    "ids '\(owner)' and '\(file.person.id)' would share the calendar file \(file.name); change one of them")
            }
        }
        return files
    }

    private static func render(_ job: Job, pieces: CalendarPieces) throws(TandemFailure) -> Data {
        let data = try rendered(job, pieces: pieces)
        return job.check ? try checked(job, data) : data
    }

    /// The job's file, not checked yet.
    private static func rendered(_ job: Job, pieces: CalendarPieces) throws(TandemFailure) -> Data {
        do {
            return try job.export.render(for: job.audience, sharing: pieces)
        } catch {
            throw TandemFailure(.dataError, "cannot write calendars: \(error)")
        }
    }

    /// `data`, once libical's check of it (`problems`, else a check made here) finds nothing wrong.
    private static func checked(_ job: Job, _ data: Data, problems: [String]? = nil) throws(TandemFailure) -> Data {
        let problems = problems ?? CalendarCheck.problems(in: data)
        guard problems.isEmpty else {
            throw TandemFailure(.software, "calendar \(job.name) failed its check: " + problems.joined(separator: "; "))
        }
        return data
    }

    /// DTSTAMP for reproducible builds: `SOURCE_DATE_EPOCH` (seconds since 1970, UTC) when set, else now.
    ///
    /// The variable must fall in the years calendars are written for, 1970 to 2199: dates
    /// beyond them fill libical's messages with errors instead of making a calendar.
    /// - Throws: ``TandemFailure`` 64 when the variable is set but not a whole number of seconds
    ///   from 0 to 7258118399 (2199-12-31T23:59:59Z).
    static func timestamp(environment: [String: String] = CommandEnvironment.environment) throws(TandemFailure) -> Date {
        guard let text = environment["SOURCE_DATE_EPOCH"] else { return Date() }
        guard let seconds = Int64(text.trimmingWhitespace()) else {
            throw TandemFailure(.usage, "SOURCE_DATE_EPOCH must be a whole number of seconds, not '\(text)'")
        }
        guard (0...7_258_118_399).contains(seconds) else {
            throw TandemFailure(
                .usage,
                "SOURCE_DATE_EPOCH must be from 0 (1970) to 7258118399 (the end of 2199), the years calendars are written for, not '\(text)'"
            )
        }
        return Date(timeIntervalSince1970: TimeInterval(seconds))
    }
}

/// `--method`: how a whole programme's calendars are written. Cancellations are only ever
/// written for the series that end, into `changes/`.
extension CalendarMethod: ExpressibleByArgument {
    public init?(argument: String) {
        guard let method = CalendarMethod(rawValue: argument.uppercased()), method != .cancel else { return nil }
        self = method
    }

    public var defaultValueDescription: String { rawValue.lowercased() }

    public static var allValueStrings: [String] { [CalendarMethod.publish, .request].map { $0.rawValue.lowercased() } }
}
