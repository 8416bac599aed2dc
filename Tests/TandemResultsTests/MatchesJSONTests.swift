import Foundation
import StableMatching
import TandemCore
import TandemInput
import TandemSynthetic
import Testing

@testable import TandemResults

/// `matches.json` is written byte by byte; its bytes must be those `JSONEncoder` gives the same
/// document, for real cohorts and for strings and numbers that need care.
@Suite("matches.json")
struct MatchesJSONTests {
    static let dataFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Data")

    func expectSameBytes(_ document: MatchesDocument, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let expected = try document.encodedByJSONEncoder()
        let actual = try MatchesJSON.render(document)
        guard actual != expected else { return }
        // Where they part (or where the shorter ends), rather than a diff of whole files.
        let difference =
            zip(actual, expected).enumerated().first { $0.element.0 != $0.element.1 }?.offset
            ?? min(actual.count, expected.count)
        func around(_ data: Data) -> String {
            String(decoding: data.dropFirst(max(0, difference - 60)).prefix(120), as: UTF8.self)
        }
        Issue.record(
            """
            \(actual.count) bytes, JSONEncoder's \(expected.count); first difference at byte \(difference):
            \(around(actual))
            --- JSONEncoder:
            \(around(expected))
            """, sourceLocation: sourceLocation)
    }

    /// The sample cohort's document, scheduled as `tandem.yaml` asks or unscheduled.
    static func sampleDocument(scheduled: Bool) throws -> MatchesDocument {
        let loaded = try CohortLoader.load(
            mentors: dataFolder.appendingPathComponent("mentors.csv").path,
            mentees: dataFolder.appendingPathComponent("mentees.csv").path,
            configurationPath: dataFolder.appendingPathComponent("tandem.yaml").path)
        return try document(
            loaded.cohort, configuration: loaded.configuration, schedule: scheduled ? loaded.schedule : nil)
    }

    static func document(
        _ cohort: Cohort, configuration: TandemConfiguration, schedule: ScheduleSettings?
    ) throws -> MatchesDocument {
        var zone: ZoneRules?
        var scheduler: SessionScheduler?
        if let schedule {
            let rules = try #require(ZoneRules(identifier: schedule.timeZone))
            zone = rules
            scheduler = SessionScheduler(settings: schedule, zone: rules)
        }
        let outcome = CohortMatcher.match(cohort, policy: configuration.policy, scheduler: scheduler)
        return MatchesDocument(
            outcome, programme: configuration.programme, seed: configuration.policy.seed, zone: zone,
            seriesUID: { "\($0.mentor.id)/\($0.mentee.id)@tandem.test" })
    }

    @Test(arguments: [true, false])
    func matchesJSONEncoderForTheSampleCohort(scheduled: Bool) throws {
        let document = try Self.sampleDocument(scheduled: scheduled)
        #expect(document.pairs.contains { $0.series != nil } == scheduled)
        #expect(document.tradeoff != nil)
        try expectSameBytes(document)
    }

    @Test(arguments: [true, false])
    func matchesJSONEncoderForAGeneratedCohort(scheduled: Bool) throws {
        let configuration = try ConfigurationLoader.load(path: Self.dataFolder.appendingPathComponent("tandem.yaml").path)
        let generated = SyntheticCohort.generate(mentees: 400, mentors: 100, seed: 7)
        let mentors = CSVText.render(header: SyntheticCohort.mentorHeader, rows: generated.mentorRows)
        let mentees = CSVText.render(header: SyntheticCohort.menteeHeader, rows: generated.menteeRows)
        var reader = try SignupReader(configuration: configuration, configurationFile: "tandem.yaml")
        let cohort = reader.read(
            mentors: try CSVTable.parse(mentors, file: "mentors.csv"), mentees: try CSVTable.parse(mentees, file: "mentees.csv"))
        let schedule = try #require(configuration.schedule).resolved(
            programme: configuration.programme, sessionMinutes: configuration.policy.sessionMinutes)
        let document = try Self.document(cohort, configuration: configuration, schedule: scheduled ? schedule : nil)
        #expect(document.pairs.contains { $0.series != nil } == scheduled)
        #expect(!document.unmatched.isEmpty)
        try expectSameBytes(document)
    }

    @Test func matchesJSONEncoderForStringsThatNeedCare() throws {
        var document = try Self.sampleDocument(scheduled: true)
        let awkward = [
            "quote \" and backslash \\ and slash / and http://x.test/a?b=c",
            "controls \u{0}\u{1}\u{7}\u{8}\u{9}\u{A}\u{B}\u{C}\u{D}\u{1B}\u{1F}\u{7F} end",
            "emoji 😀👩🏽‍💻 and ਪੰਜਾਬੀ, العربية, தமிழ், e\u{301}, \u{2028}\u{2029}\u{FEFF}",
            "", " ", "\\\"", "\"", "\\", "/", "</script>",
        ]
        for (index, text) in awkward.enumerated() {
            document.pairs[index].mentorName = text
            document.pairs[index].mentee = text
            document.pairs[index].reasons = [text, awkward[(index + 1) % awkward.count]]
            document.pairs[index].location = text
            document.pairs[index].uid = text
            document.pairs[index].series?.location = text
            document.pairs[index].series?.mentor.email = text
            document.unmatched[index].name = text
            document.summary[text] = Double(index)
        }
        document.pairs[0].reasons = []
        document.algorithm = awkward[1]
        document.programme.name = awkward[0]
        document.programme.coordinatorName = awkward[2]
        document.cohortEvents?[0].title = awkward[1]
        document.unscheduled = [MatchesDocument.Unscheduled(mentor: awkward[0], mentee: awkward[1], reason: awkward[2])]
        try expectSameBytes(document)
    }

    @Test func matchesJSONEncoderForNumbersThatNeedCare() throws {
        var document = try Self.sampleDocument(scheduled: true)
        let doubles: [Double] = [
            0, -0.0, 0.1, 0.598, 1, -1, 2.5, 1e-7, 1e-5, 0.0001, 1e15, 1e16, 1e21, 123_456_789_012_345_680,
            9_007_199_254_740_992, 9_007_199_254_740_994, 1.0 / 3, -1.5e-300,
            .leastNonzeroMagnitude, .leastNormalMagnitude, .greatestFiniteMagnitude, -.greatestFiniteMagnitude,
        ]
        let optionCount = document.tradeoff?.options.count ?? 1
        for (index, number) in doubles.enumerated() {
            document.pairs[index].score = number
            document.pairs[index].menteeRank = [0, -1, .max, .min, 1_000_000][index % 5]
            document.summary["n\(index)"] = number
            document.tradeoff?.options[index % optionCount].meanScore = number
        }
        document.pairs[1].shortBy = 0
        document.pairs[2].series?.cadence = .weekly(interval: 2)
        document.pairs[3].series?.cadence = .monthly(ordinal: -1)
        document.pairs[4].series?.skipped = [LocalDateTime(year: 10_000, month: 0, day: -1, hour: 24, minute: 59)]
        document.pairs[5].series?.slot = WeeklySlot(weekday: .sunday, startMinute: -30)
        document.seed = .max
        document.blockingPairs = .min
        try expectSameBytes(document)
        document.seed = 0
        document.summary = [:]
        document.tradeoff?.options = []
        try expectSameBytes(document)
    }

    @Test func matchesJSONEncoderWithOptionalPartsLeftOutOrEmpty() throws {
        var document = try Self.sampleDocument(scheduled: false)
        document.cohortEvents = []
        document.unscheduled = []
        document.tradeoff = nil
        document.unmatched = []
        document.pairs[0].sessions = []
        document.pairs[1].slot = MatchesDocument.Slot(weekday: "", start: "")
        try expectSameBytes(document)
        document.pairs = []
        document.cohortEvents = nil
        document.unscheduled = nil
        try expectSameBytes(document)
    }

    @Test(arguments: [Double.nan, .infinity, -.infinity])
    func refusesNumbersJSONCannotHoldAsJSONEncoderDoes(number: Double) throws {
        var document = try Self.sampleDocument(scheduled: false)
        document.pairs[3].score = number
        #expect(throws: (any Error).self) { try document.encodedByJSONEncoder() }
        #expect(throws: TandemFailure.self) { try MatchesJSON.render(document) }
    }
}
