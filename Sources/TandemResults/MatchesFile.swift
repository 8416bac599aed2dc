import Foundation
import TandemCore

/// `matches.json`, schema version 2: the transfer types that define the file, one field each,
/// in snake_case (the encoder turns `menteeRank` into `mentee_rank`). Built from a
/// ``MatchResult`` and turned back into one; docs/matches-json.md describes every field.
///
/// Each type declares its fields in the order of their keys (UTF-8 order of the snake_case
/// names), the order the file lists them in: the tests' reference encoder writes them as they
/// come.
struct MatchesFile: Codable, Sendable {
    static let schemaVersion = 2

    /// The acceptable pairs the stability check covered, when it covered all of them.
    var acceptablePairs: Int?
    var algorithm: String
    var blockingPairs: Int
    var capacityCaps: [CapacityCap]
    var cohortEvents: [Event]?
    /// What the coordinator's report needs; absent in files written before it was added.
    var insights: Insights?
    var maxGapWeeks: Int?
    var pairs: [Pair]
    var programme: Programme
    var schemaVersion: Int
    var seed: UInt64
    /// Only with a schedule.
    var sessionsPerPair: Int?
    var settings: Settings
    var stable: Bool
    var summary: Summary
    var tradeoff: TradeOffEntry?
    var unmatched: [Unmatched]
    /// Empty from `tandem match`, which does not make a pair without a slot (``withoutSlot``).
    var unscheduled: [Unscheduled]?
    /// Pairs a matching made that could get no slot, so were not made.
    var withoutSlot: [Unscheduled]?

    struct Programme: Codable, Sendable {
        var coordinatorEmail: String
        var coordinatorName: String
        /// The key every calendar UID derives from.
        var id: String
        var name: String
        var timeZone: String
    }

    struct Settings: Codable, Sendable {
        var maxListLength: Int?
        var minimumScore: Double
        var sessionMinutes: Int
    }

    struct Summary: Codable, Sendable {
        var keptPairs: Int
        var meanScore: Double
        var mentees: Int
        var mentors: Int
        var pairs: Int
        var pairsWithoutSlot: Int
        var spareMentorPlaces: Int
        var unmatchedMentees: Int
        var unmatchedMentors: Int
    }

    /// A mentor whose places were cut to what their availability can hold sessions for.
    struct CapacityCap: Codable, Sendable {
        var mentor: String
        var mentorName: String
        var offered: Int
        var usable: Int
    }

    struct TradeOffEntry: Codable, Sendable {
        var coverageMaximisesScore: Bool
        var maximumPairs: Int
        var options: [Option]

        struct Option: Codable, Sendable {
            var blockingPairs: Int
            var chosen: Bool
            var meanMenteeRank: Double
            var meanMentorRank: Double
            var meanScore: Double
            var name: String
            var pairs: Int
            var totalScore: Double
        }
    }

    struct Pair: Codable, Sendable {
        /// Present (true) for a pair kept from an earlier run.
        var kept: Bool?
        /// With a series.
        var location: String?
        /// The longest gap between two sessions (weeks), when longer than `max_gap_weeks`.
        var longestGapWeeks: Int?
        var mentee: String
        /// With a series: the mentee's calendar file, relative to the results folder.
        var menteeFile: String?
        var menteeName: String
        var menteeRank: Int
        var mentor: String
        /// With a series: the mentor's calendar file, relative to the results folder.
        var mentorFile: String?
        var mentorName: String
        var mentorRank: Int
        /// With a series.
        var online: Bool?
        var reasons: [Reason]
        var score: Double
        /// With a series.
        var series: Series?
        /// With a series.
        var sessions: [Session]?
        /// Sessions missing because the programme ends first.
        var shortBy: Int?
        /// With a series.
        var slot: Slot?
        /// With a series.
        var uid: String?
        /// Codes of what a coordinator should look at: `long_gap`.
        var warnings: [String]?
    }

    /// A reason a pair fits: its code, its text, and the values it quotes.
    struct Reason: Codable, Sendable {
        var code: String
        var format: String?
        var languages: [String]?
        var moreWindows: Int?
        var rank: Int?
        var text: String
        var themes: [String]?
        var town: String?
        var windows: [Window]?
    }

    struct Window: Codable, Sendable {
        var day: String
        var end: String
        var start: String
    }

    struct Slot: Codable, Sendable {
        var start: String
        var weekday: String
    }

    struct Session: Codable, Sendable {
        var end: String
        var start: String
    }

    /// What the calendars need beyond the sessions: the recurrence rule, the two addresses, and
    /// the calendar revision (`SEQUENCE`) with when it was issued (UTC).
    struct Series: Codable, Sendable {
        var cadence: String
        var durationMinutes: Int
        var firstStart: String
        var interval: Int?
        var issued: String?
        var menteeEmail: String
        var mentorEmail: String
        var occurrenceCount: Int
        var ordinal: Int?
        var sequence: Int
        var skipped: [String]
    }

    struct Unmatched: Codable, Sendable {
        var details: Details?
        var id: String
        var name: String
        var reason: String
        var reasonCode: String
        var side: String
    }

    /// The values an unmatched person's reason quotes; only those of its code are present
    /// (`no_slot`: the partner, and the schedule's reason with the values it quotes).
    struct Details: Codable, Sendable {
        var candidates: Int?
        var endDate: String?
        var firstChoice: String?
        var firstChoiceName: String?
        var freePlaces: Int?
        var leftOff: Int?
        var mentor: String?
        var mentorName: String?
        var of: Int?
        var partner: String?
        var partnerName: String?
        var places: Int?
        var rankThere: Int?
        var rules: [RuleEntry]?
        var sessionMinutes: Int?
        var slotReason: String?
    }

    /// How many candidates one hard rule removed.
    struct RuleEntry: Codable, Sendable {
        var count: Int
        var rule: String
    }

    struct Unscheduled: Codable, Sendable {
        var endDate: String?
        var mentee: String
        var mentor: String
        var mentorName: String?
        var reason: String
        var reasonCode: String
        var sessionMinutes: Int?
    }

    struct Event: Codable, Sendable {
        var durationMinutes: Int
        var issued: String?
        var location: String
        var start: String
        var title: String
        var uid: String
    }
}

extension MatchesFile {
    /// The file's bytes: pretty-printed, keys sorted, slashes unescaped, a final newline.
    ///
    /// Written field by field (``JSONFileWriter``): the same bytes as the `Codable`
    /// conformance through the tests' reference encoder and Foundation's `JSONEncoder` (the
    /// tests compare them), in about half the time at 10,000 mentees (docs/performance.md).
    func encoded() throws(TandemFailure) -> Data {
        // About the size of the file, so that its 15 MB at 10,000 mentees are not copied as the buffer grows.
        var writer = JSONFileWriter(
            capacity: 4_096 + 3_200 * pairs.count + 400 * unmatched.count + 400 * (insights?.suggestions.count ?? 0)
                + 250 * ((insights?.people.count ?? 0) + (insights?.reserve.count ?? 0)))
        write(to: &writer)
        if let failure = writer.failure { throw TandemFailure(.software, "cannot write matches.json: \(failure)") }
        return Data(writer.finishedLine())
    }

    static func decoded(from data: Data) throws -> MatchesFile {
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        return try decoder.decode(MatchesFile.self, from: data)
    }
}
