import Foundation
import TandemCore
import TandemInput
import TandemSynthetic
import Testing

@testable import TandemResults

/// `matches.json` holds the whole result model: written and read back, it gives the same result.
@Suite("matches.json")
struct MatchesFileTests {
    static let dataFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Data")

    /// `result` as the file records it: scores and means to three decimals.
    static func asRecorded(_ result: MatchResult) -> MatchResult {
        var result = result
        for index in result.pairs.indices { result.pairs[index].score = MatchesFile.rounded(result.pairs[index].score) }
        result.summary.meanScore = MatchesFile.rounded(result.summary.meanScore)
        if var tradeOff = result.tradeOff {
            for index in tradeOff.options.indices {
                tradeOff.options[index].totalScore = MatchesFile.rounded(tradeOff.options[index].totalScore)
                tradeOff.options[index].meanScore = MatchesFile.rounded(tradeOff.options[index].meanScore)
                tradeOff.options[index].meanMenteeRank = MatchesFile.rounded(tradeOff.options[index].meanMenteeRank)
                tradeOff.options[index].meanMentorRank = MatchesFile.rounded(tradeOff.options[index].meanMentorRank)
            }
            result.tradeOff = tradeOff
        }
        return result
    }

    static func readBack(_ result: MatchResult, zone: ZoneRules?) throws -> MatchResult {
        let data = try MatchesFile(result, zone: zone).encoded()
        return try MatchesFile.decoded(from: data).result()
    }

    /// The sample cohort matched as `tandem.yaml` asks, scheduled or not.
    static func sample(scheduled: Bool) throws -> (MatchResult, ZoneRules?) {
        let loaded = try CohortLoader.load(
            mentors: dataFolder.appendingPathComponent("mentors.csv").path,
            mentees: dataFolder.appendingPathComponent("mentees.csv").path,
            configurationPath: dataFolder.appendingPathComponent("tandem.yaml").path)
        var scheduler: SessionScheduler?
        if scheduled, let settings = loaded.schedule {
            scheduler = SessionScheduler(settings: settings, zone: try #require(ZoneRules(identifier: settings.timeZone)))
        }
        let outcome = CohortMatcher.match(loaded.cohort, policy: loaded.configuration.policy, scheduler: scheduler)
        return (MatchResult(outcome, programme: loaded.configuration.programme), scheduler?.zone)
    }

    @Test(arguments: [true, false])
    func theSampleCohortsResultReadsBackUnchanged(scheduled: Bool) throws {
        let (result, zone) = try Self.sample(scheduled: scheduled)
        #expect(result.pairs.contains { $0.series != nil } == scheduled)
        #expect(result.tradeOff != nil)
        #expect(try Self.readBack(result, zone: zone) == Self.asRecorded(result))
    }

    /// The sample configuration's scheduled match of a generated cohort of 400 mentees.
    static func scheduledMatch(seed: UInt64) throws -> (
        configuration: TandemConfiguration, cohort: Cohort, schedule: ScheduleSettings, zone: ZoneRules,
        outcome: MatchOutcome
    ) {
        let configuration = try ConfigurationLoader.load(path: Self.dataFolder.appendingPathComponent("tandem.yaml").path)
        let generated = SyntheticCohort.generate(mentees: 400, mentors: 100, seed: seed)
        let mentors = CSVText.render(header: SyntheticCohort.mentorHeader, rows: generated.mentorRows)
        let mentees = CSVText.render(header: SyntheticCohort.menteeHeader, rows: generated.menteeRows)
        var reader = try SignupReader(configuration: configuration, configurationFile: "tandem.yaml")
        let cohort = reader.read(
            mentors: try CSVTable.parse(mentors, file: "mentors.csv"), mentees: try CSVTable.parse(mentees, file: "mentees.csv"))
        let schedule = try #require(configuration.schedule).resolved(
            programme: configuration.programme, sessionMinutes: configuration.policy.sessionMinutes)
        let zone = try #require(ZoneRules(identifier: schedule.timeZone))
        let outcome = CohortMatcher.match(
            cohort, policy: configuration.policy, scheduler: SessionScheduler(settings: schedule, zone: zone))
        return (configuration, cohort, schedule, zone, outcome)
    }

    @Test func aGeneratedCohortsResultReadsBackUnchanged() throws {
        let (configuration, _, _, zone, outcome) = try Self.scheduledMatch(seed: 7)
        let result = MatchResult(outcome, programme: configuration.programme)
        #expect(result.pairs.count > 50)
        #expect(try Self.readBack(result, zone: zone) == Self.asRecorded(result))
    }

    /// A generated cohort scheduled, with the report's insights and a programme history: every
    /// block of the file, written field by field, gives the bytes of its `Codable` conformance
    /// and of Foundation's encoder.
    @Test func theFieldWriterWritesTheCodableBytesForAGeneratedCohortWithInsights() throws {
        let (configuration, cohort, schedule, zone, outcome) = try Self.scheduledMatch(seed: 9)
        var result = MatchResult(outcome, programme: configuration.programme)
        let history = ProgrammeHistory(
            runs: 3, endedEarly: [.init(reason: "moved away", count: 2), .init(reason: "", count: 1)], rematched: 1,
            lateJoiners: 4)
        result.insights = CohortInsights(
            outcome: outcome, result: result, cohort: cohort, settings: configuration.report, schedule: schedule,
            history: history)
        let insights = try #require(result.insights)
        #expect(!insights.suggestions.isEmpty && !insights.reserve.isEmpty && insights.relaxations?.isEmpty == false)
        #expect(result.pairs.contains { $0.series != nil } && result.tradeOff != nil)
        let file = MatchesFile(result, zone: zone)
        let written = try file.encoded()
        #expect(written == (try file.encodedThroughCodable()))
        #expect(written == (try Self.foundationBytes(file)))
    }

    /// A result holding every kind of reason, with text that needs escaping.
    static let everyReason: MatchResult = {
        let amrit = PersonName(id: "M/1", name: "Amrit \"AK\" Kaur")
        let jo = PersonName(id: "E\\1", name: "Jo\nBloggs")
        let window = AvailabilityWindow(day: .tuesday, startMinute: 18 * 60, endMinute: 24 * 60)
        let reasons: [PairReason] = [
            .sharedThemes(["Housing", "Mental health"]), .noSharedTheme, .themesNotUsed, .sharedLanguages(["ਪੰਜਾਬੀ"]),
            .noSharedLanguage, .commonTime(windows: [window], more: 2), .meetingFormat(.online), .meetingFormat(.inPerson),
            .meetingFormat(.either), .sameTown("Southall"), .menteeChoice(rank: 1), .mentorChoice(rank: 12),
        ]
        let start = LocalDateTime(year: 2027, month: 3, day: 9, hour: 18)
        var series = SessionSeries(
            uid: "uid-1", mentor: CalendarPerson(id: amrit.id, name: amrit.name, email: "a@example.org"),
            mentee: CalendarPerson(id: jo.id, name: jo.name, email: ""),
            slot: WeeklySlot(weekday: .tuesday, startMinute: 18 * 60),
            cadence: .monthly(ordinal: -1), durationMinutes: 45, firstStart: start, occurrenceCount: 3,
            skipped: [LocalDateTime(year: 2027, month: 4, day: 27, hour: 18)],
            sessions: [start, LocalDateTime(year: 2027, month: 5, day: 25, hour: 18)], location: "Online", isOnline: true)
        series.sequence = 3
        series.issued = Date(timeIntervalSince1970: 1_767_225_659)
        var kickOff = CohortEvent(uid: "event-1", title: "Kick-off", start: start, durationMinutes: 90, location: "Town Hall")
        kickOff.issued = Date(timeIntervalSince1970: 1_767_225_600)
        let unmatched: [MatchResult.Unmatched] = [
            .init(person: jo, side: .mentee, reason: .noWindow),
            .init(
                person: jo, side: .mentee,
                reason: .noPossiblePartner(
                    of: 40, rules: PairRejection.allCases.enumerated().map { RuleCount(rule: $1, count: $0 + 1) })),
            .init(person: jo, side: .mentee, reason: .freePlaceLeft(mentor: amrit)),
            .init(
                person: jo, side: .mentee,
                reason: .reserveList(candidates: 5, firstChoice: amrit, rankThere: 3, places: 2, leftOff: 7)),
            .init(person: amrit, side: .mentor, reason: .notTakingMentees),
            .init(person: amrit, side: .mentor, reason: .noSessionFits),
            .init(person: amrit, side: .mentor, reason: .everyCandidatePrefersAnother(candidates: 4, freePlaces: 1)),
            .init(person: jo, side: .mentee, reason: .noSlot(partner: amrit, reason: .noCommonSlot(sessionMinutes: 45))),
            .init(
                person: amrit, side: .mentor,
                reason: .noSlot(
                    partner: jo,
                    reason: .clashesOrNoDateLeft(mentorName: amrit.name, endDate: LocalDate(year: 2027, month: 12, day: 31)))),
        ]
        var schedule = MatchResult.Schedule(
            sessionsPerPair: 6,
            unscheduled: [
                .init(mentor: "M2", mentee: "E2", reason: .noCommonSlot(sessionMinutes: 45)),
                .init(
                    mentor: "M3", mentee: "E3",
                    reason: .clashesOrNoDateLeft(mentorName: "Chris", endDate: LocalDate(year: 2027, month: 12, day: 31))),
            ],
            cohortEvents: [kickOff])
        schedule.withoutSlot = [
            .init(mentor: "M4", mentee: "E4", reason: .noCommonSlot(sessionMinutes: 45)),
            .init(
                mentor: "M5", mentee: "E5",
                reason: .clashesOrNoDateLeft(mentorName: "Dev", endDate: LocalDate(year: 2027, month: 12, day: 31))),
        ]
        schedule.maxGapWeeks = 8
        var pair = MatchResult.Pair(
            mentor: amrit, mentee: jo, score: 0.5, menteeRank: 1, mentorRank: 2, reasons: reasons, series: series)
        pair.longestGapWeeks = 13
        var summary = MatchResult.Summary(
            pairs: 1, mentors: 1, mentees: 2, unmatchedMentees: 4, unmatchedMentors: 3, spareMentorPlaces: 0, meanScore: 0.5)
        summary.pairsWithoutSlot = 2
        var result = MatchResult(
            programme: Programme(id: "ealing-2027", name: "Ealing", coordinatorName: "Ruth", coordinatorEmail: "r@example.org"),
            algorithm: "stable/min-regret", seed: 42, stable: true, blockingPairs: 0,
            settings: ReasonSettings(sessionMinutes: 45, minimumScore: 0.25, maxListLength: 50),
            pairs: [pair], unmatched: unmatched, summary: summary,
            capacityCaps: [MatchResult.CapacityNote(mentor: amrit, offered: 3, usable: 1)],
            tradeOff: nil, schedule: schedule)
        result.pairs[0].isKept = true
        result.summary.keptPairs = 1
        return result
    }()

    @Test func everyKindOfReasonReadsBackUnchanged() throws {
        let zone = try #require(ZoneRules(identifier: "Europe/London"))
        #expect(try Self.readBack(Self.everyReason, zone: zone) == Self.everyReason)
    }

    /// Foundation's encoder with the options ``JSONFileEncoder`` reproduces.
    static func foundationBytes(_ file: MatchesFile) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.keyEncodingStrategy = .convertToSnakeCase
        return try encoder.encode(file) + Data("\n".utf8)
    }

    @Test(arguments: [true, false])
    func theFileEncoderWritesJSONEncodersBytesForTheSample(scheduled: Bool) throws {
        let (result, zone) = try Self.sample(scheduled: scheduled)
        let file = MatchesFile(result, zone: zone)
        #expect(try file.encoded() == Self.foundationBytes(file))
    }

    @Test func theFileEncoderWritesJSONEncodersBytesForEveryReasonAndAwkwardText() throws {
        var result = Self.everyReason
        result.programme.name = "Tab\there, form feed \u{0C}, backspace \u{08}, bell \u{07}, slash /, quote \" \\ é 👩🏽‍💻"
        result.summary.meanScore = 1e-7
        result.settings.minimumScore = 1e21
        result.pairs[0].score = -0.0
        result.tradeOff = TradeOff(
            options: [
                TradeOffOption(
                    name: "weighted-optimal stable", pairs: 0, blockingPairs: 0, totalScore: 0, meanScore: 0.1 + 0.2,
                    meanMenteeRank: 2.5, meanMentorRank: 1, isChosen: true)
            ], maximumPairs: 3, coverageMaximisesScore: true)
        result.capacityCaps = []
        result.schedule?.unscheduled = []
        let file = MatchesFile(result, zone: try #require(ZoneRules(identifier: "Europe/London")))
        #expect(try file.encoded() == Self.foundationBytes(file))
        #expect(try file.encoded() == file.encodedThroughCodable())
    }

    @Test func theFileEncoderRefusesNumbersJSONCannotHold() {
        var result = Self.everyReason
        result.pairs[0].score = .nan
        #expect(throws: TandemFailure.self) { try MatchesFile(result, zone: nil).encoded() }
    }

    @Test func fieldsAreSnakeCaseWithASchemaVersion() throws {
        let zone = try #require(ZoneRules(identifier: "Europe/London"))
        let data = try MatchesFile(Self.everyReason, zone: zone).encoded()
        let text = String(decoding: data, as: UTF8.self)
        #expect(text.hasPrefix("{\n  \"algorithm\" : \"stable/min-regret\",\n"))
        #expect(text.hasSuffix("}\n"))
        #expect(text.contains("\"schema_version\" : 2"))
        #expect(text.contains("\"first_start\" : \"2027-03-09T18:00\""))
        #expect(text.contains("\"start\" : \"2027-03-09T18:00:00+00:00\""))
        #expect(text.contains("\"end\" : \"2027-05-25T18:45:00+01:00\""))
        #expect(text.contains("\"reason_code\" : \"reserve_list\""))
        #expect(text.contains("\"sequence\" : 3"))
        #expect(text.contains("\"issued\" : \"2026-01-01T00:00:59Z\""))
        #expect(text.contains("\"pairs_without_slot\" : 2"))
        #expect(text.contains("\"max_gap_weeks\" : 8"))
        #expect(text.contains("\"longest_gap_weeks\" : 13,"))
        #expect(text.contains("\"warnings\" : [\n        \"long_gap\"\n      ]"))
        #expect(text.contains("\"without_slot\" : [\n    {\n      \"mentee\" : \"E4\",\n      \"mentor\" : \"M4\",\n"))
        #expect(
            text.contains(
                "\"details\" : {\n        \"partner\" : \"M/1\",\n        \"partner_name\" : \"Amrit \\\"AK\\\" Kaur\",\n"
                    + "        \"session_minutes\" : 45,\n        \"slot_reason\" : \"no_common_slot\"\n      },"))
        #expect(text.contains("\"reason_code\" : \"no_slot\""))
        // Every key in the file is snake_case.
        let keys = try text.matches(of: Regex(#""([^"\\]+)" :"#)).map { String($0.output[1].substring ?? "") }
        #expect(!keys.isEmpty)
        for key in keys {
            #expect(key.allSatisfy { $0.isLowercase || $0.isNumber || $0 == "_" }, "\(key)")
        }
    }

    @Test func theReasonTextsAreTheRenderersWords() throws {
        let file = MatchesFile(Self.everyReason, zone: nil)
        let pair = Self.everyReason.pairs[0]
        #expect(file.pairs[0].reasons.map(\.text) == pair.reasonTexts)
        #expect(file.pairs[0].reasons[5].text == "both free Tue 18:00–24:00 and 2 more windows")
        #expect(file.unmatched.map(\.reason) == Self.everyReason.unmatched.map(Self.everyReason.text(of:)))
        #expect(file.unmatched[3].reason.hasPrefix("Reserve list: all 5 mentors who could be paired with Jo\nBloggs"))
    }

    func loadFailure(_ text: String) -> TandemFailure? {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tandem-matchesfile-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("matches.json").path
        FileManager.default.createFile(atPath: path, contents: Data(text.utf8))
        do {
            _ = try SavedMatches.load(path: path)
            return nil
        } catch {
            return error
        }
    }

    @Test func anOlderFileIsRefusedWithAdvice() throws {
        let failure = try #require(loadFailure(#"{"algorithm": "stable/weighted", "pairs": [], "programme": {"name": "P"}}"#))
        #expect(failure.kind == .dataError)
        #expect(failure.description.contains("run tandem match again"))
    }

    @Test func anUnknownReasonCodeIsNamedByItsPlace() throws {
        let zone = try #require(ZoneRules(identifier: "Europe/London"))
        let data = try MatchesFile(Self.everyReason, zone: zone).encoded()
        let broken = String(decoding: data, as: UTF8.self).replacingOccurrences(of: "\"same_town\"", with: "\"same_city\"")
        let failure = try #require(loadFailure(broken))
        #expect(failure.kind == .dataError)
        #expect(failure.description.contains("pairs[0].reasons[9].code"))
        #expect(failure.description.contains("same_city"))
    }

    @Test func aMissingFileIsNoInput() {
        #expect(throws: TandemFailure.self) { try SavedMatches.load(path: "/nonexistent/matches.json") }
        #expect((try? SavedMatches.load(path: "/nonexistent/matches.json")) == nil)
    }
}
