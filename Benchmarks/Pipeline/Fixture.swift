import BenchmarkSizes
import Foundation
import StableMatching
import TandemCalendar
import TandemCore
import TandemInput
import TandemResults
import TandemSynthetic

/// One synthetic cohort carried through the pipeline, each stage's input made by the stages
/// before it: `tandem generate` rows (seed 1, as the README's scaling runs), rendered to CSV
/// bytes, parsed, read into a cohort with the sample programme's configuration
/// (`Data/tandem.yaml`: its weights, minimum score 0.2 and programme calendar).
struct Fixture {
    let mentorCSV: Data
    let menteeCSV: Data
    let configuration: TandemConfiguration
    let mentorTable: CSVTable
    let menteeTable: CSVTable
    let cohort: Cohort

    /// `Data/tandem.yaml`, found from this file so the benchmark runs from any folder.
    static let configurationPath = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Data/tandem.yaml").path

    init(_ size: BenchmarkSize) throws {
        let rows = SyntheticCohort.generate(mentees: size.mentees, mentors: size.mentors, seed: 1)
        mentorCSV = CSVText.render(header: SyntheticCohort.mentorHeader, rows: rows.mentorRows)
        menteeCSV = CSVText.render(header: SyntheticCohort.menteeHeader, rows: rows.menteeRows)
        configuration = try ConfigurationLoader.load(path: Self.configurationPath)
        mentorTable = try CSVTable.parse(mentorCSV, file: "mentors.csv")
        menteeTable = try CSVTable.parse(menteeCSV, file: "mentees.csv")
        var reader = try SignupReader(configuration: configuration, configurationFile: Self.configurationPath)
        cohort = reader.read(mentors: mentorTable, mentees: menteeTable)
    }

    var policy: MatchingPolicy { configuration.policy }

    func scheduler() throws -> SessionScheduler {
        guard let section = configuration.schedule,
            case let settings = try section.resolved(
                programme: configuration.programme, sessionMinutes: configuration.policy.sessionMinutes),
            let zone = ZoneRules(identifier: settings.timeZone)
        else { throw FixtureError.noSchedule }
        return SessionScheduler(settings: settings, zone: zone)
    }

    /// The matched pairs and the cohort with capacities capped by the calendar, as
    /// `tandem match --config` gives them to the scheduler.
    struct Matched {
        let pairs: [(mentor: Int, mentee: Int)]
        let cohort: Cohort
        let scheduler: SessionScheduler
    }

    func matched() throws -> Matched {
        let scheduler = try scheduler()
        var capped = cohort
        for index in capped.mentors.indices {
            capped.mentors[index].capacity = min(
                capped.mentors[index].capacity, scheduler.slotCapacity(of: capped.mentors[index].availability))
        }
        let outcome = CohortMatcher.match(capped, policy: policy)
        return Matched(pairs: outcome.pairs.map { ($0.mentor, $0.mentee) }, cohort: capped, scheduler: scheduler)
    }

    /// Everything a calendar export needs: the scheduled series and cohort events.
    func calendarExport() throws -> CalendarExport {
        let matched = try matched()
        let schedule = matched.scheduler.schedule(matched.pairs, in: matched.cohort)
        let series = matched.pairs.indices.compactMap { schedule.series[$0] }
        return CalendarExport(
            programme: configuration.programme, series: series, cohortEvents: schedule.cohortEvents,
            method: .publish, timestamp: Date(timeIntervalSince1970: 1_800_000_000))
    }
}

enum FixtureError: Error {
    case noSchedule
}
