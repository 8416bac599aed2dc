// The domain pipeline of `tandem match`, stage by stage, on the synthetic cohort of
// `tandem generate --seed 1` at 1,000 / 10,000 / 100,000 mentees (mentors a quarter of that):
// CSV parsing, reading the sign-ups, scoring and preference lists, the whole in-memory match
// (scoring, deferred acceptance, verification, explanations), scheduling and iCalendar export.
// Each benchmark's setup builds its input from the stages before it, outside the measurement.

import Benchmark
import BenchmarkSizes
import Foundation
import TandemCalendar
import TandemCore
import TandemInput
import TandemResults
import TandemSynthetic

/// Whether to run the quadratic stages at 100,000 mentees too (minutes each, many GB).
let runsQuadratic100k = ProcessInfo.processInfo.environment["TANDEM_BENCHMARK_100K"] != nil

let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .instructions, .mallocCountTotal],
        timeUnits: .milliseconds,
        warmupIterations: 1,
        maxDuration: .seconds(3),
        maxIterations: 10,
        thresholds: [
            // Tolerances at p50 (baseline against baseline) and p90 (what `thresholds check`
            // compares with the committed Thresholds/). Wall-clock p90 on this shared 2-core VM
            // moved by up to 76 % between two runs of unchanged code, so only a doubling fails.
            .wallClock: BenchmarkThresholds(relative: [.p50: 50.0, .p90: 100.0]),
            .instructions: BenchmarkThresholds(relative: [.p50: 5.0, .p90: 5.0]),
            // Allocation counts are deterministic up to the parallel scoring's block
            // scheduling; 1 % still catches a new per-pair or per-person allocation.
            .mallocCountTotal: BenchmarkThresholds(relative: [.p50: 1.0, .p90: 1.0]),
        ]
    )

    for size in BenchmarkSize.allCases {
        let label = size.label
        // Scoring is O(mentees x mentors): 1.5 s at 10k, so a 100k run would take minutes and
        // its ~2 x 10^8 list entries many GB (every stage below needs a full match in its setup).
        // Those run at 100k only when TANDEM_BENCHMARK_100K is set, once each.
        let heavy = Benchmark.Configuration(
            warmupIterations: size == .n100k ? 0 : 1, maxIterations: size == .n100k ? 1 : 10,
            skip: size == .n100k && !runsQuadratic100k)

        Benchmark("CSV.parse.\(label)") { (benchmark: Benchmark, fixture: Fixture) in
            for _ in benchmark.scaledIterations {
                do {
                    blackHole(try CSVTable.parse(fixture.mentorCSV, file: "mentors.csv"))
                    blackHole(try CSVTable.parse(fixture.menteeCSV, file: "mentees.csv"))
                } catch {
                    benchmark.error("CSV parse failed: \(error)")
                }
            }
        } setup: {
            try Fixture(size)
        }

        Benchmark("Signup.read.\(label)") { (benchmark: Benchmark, fixture: Fixture) in
            for _ in benchmark.scaledIterations {
                do {
                    var reader = try SignupReader(
                        configuration: fixture.configuration, configurationFile: Fixture.configurationPath)
                    blackHole(reader.read(mentors: fixture.mentorTable, mentees: fixture.menteeTable))
                } catch {
                    benchmark.error("reading sign-ups failed: \(error)")
                }
            }
        } setup: {
            try Fixture(size)
        }

        Benchmark("Scoring.preferences.\(label)", configuration: heavy) { (benchmark: Benchmark, fixture: Fixture) in
            for _ in benchmark.scaledIterations {
                let compiled = CompiledCohort(cohort: fixture.cohort, policy: fixture.policy)
                blackHole(PreferenceBuilder.build(compiled))
            }
        } setup: {
            try Fixture(size)
        }

        // The whole match with the sample configuration and no schedule. At 100k it takes the
        // exact method for large cohorts (bounded memory, about 1.2 GB), so it runs by default,
        // once: a few passes over 2.5 billion pairs.
        let match = Benchmark.Configuration(
            warmupIterations: size == .n100k ? 0 : 1, maxIterations: size == .n100k ? 1 : 10)
        Benchmark("Cohort.match.\(label)", configuration: match) { (benchmark: Benchmark, fixture: Fixture) in
            for _ in benchmark.scaledIterations {
                blackHole(CohortMatcher.match(fixture.cohort, policy: fixture.policy))
            }
        } setup: {
            try Fixture(size)
        }

        Benchmark("Scheduling.\(label)", configuration: heavy) { (benchmark: Benchmark, input: Fixture.Matched) in
            for _ in benchmark.scaledIterations {
                blackHole(input.scheduler.schedule(input.pairs, in: input.cohort))
            }
        } setup: {
            try Fixture(size).matched()
        }

        Benchmark("Calendar.programme.\(label)", configuration: heavy) { (benchmark: Benchmark, export: CalendarExport) in
            for _ in benchmark.scaledIterations {
                do {
                    blackHole(try export.render(for: .coordinator))
                } catch {
                    benchmark.error("calendar export failed: \(error)")
                }
            }
        } setup: {
            try Fixture(size).calendarExport()
        }

        // `tandem match` writes one file per person; 100 of them show the per-file cost.
        Benchmark("Calendar.people100.\(label)", configuration: heavy) { (benchmark: Benchmark, input: PeopleCalendars) in
            for _ in benchmark.scaledIterations {
                do {
                    for audience in input.audiences {
                        blackHole(try input.export.render(for: audience))
                    }
                } catch {
                    benchmark.error("calendar export failed: \(error)")
                }
            }
        } setup: {
            let export = try Fixture(size).calendarExport()
            let people = export.series.prefix(50).flatMap {
                [CalendarAudience.mentor(id: $0.mentor.id), CalendarAudience.mentee(id: $0.mentee.id)]
            }
            return PeopleCalendars(export: export, audiences: people)
        }
    }
}

struct PeopleCalendars {
    let export: CalendarExport
    let audiences: [CalendarAudience]
}
