import Foundation
import TandemCore

/// `matches.json`, schema version 2: the transfer types that define the file, one field each,
/// in snake_case (the encoder turns `menteeRank` into `mentee_rank`). Built from a
/// ``MatchResult`` and turned back into one; docs/matches-json.md describes every field.
struct MatchesFile: Codable, Sendable {
    static let schemaVersion = 2

    var schemaVersion: Int
    var programme: Programme
    var algorithm: String
    var seed: UInt64
    var stable: Bool
    var blockingPairs: Int
    var settings: Settings
    var summary: Summary
    var capacityCaps: [CapacityCap]
    var tradeoff: TradeOffEntry?
    var pairs: [Pair]
    var unmatched: [Unmatched]
    /// Only with a schedule.
    var sessionsPerPair: Int?
    /// Always empty from this version's `tandem match` (see ``withoutSlot``).
    var unscheduled: [Unscheduled]?
    var cohortEvents: [Event]?
    /// Pairs a matching made that could get no slot, so were not made.
    var withoutSlot: [Unscheduled]?
    var maxGapWeeks: Int?

    struct Programme: Codable, Sendable {
        /// The key every calendar UID derives from.
        var id: String
        var name: String
        var coordinatorName: String
        var coordinatorEmail: String
        var timeZone: String
    }

    struct Settings: Codable, Sendable {
        var sessionMinutes: Int
        var minimumScore: Double
        var maxListLength: Int?
    }

    struct Summary: Codable, Sendable {
        var pairs: Int
        var mentors: Int
        var mentees: Int
        var unmatchedMentees: Int
        var unmatchedMentors: Int
        var spareMentorPlaces: Int
        var meanScore: Double
        /// Absent in files of earlier versions.
        var pairsWithoutSlot: Int?
    }

    /// A mentor whose places were cut to what their availability can hold sessions for.
    struct CapacityCap: Codable, Sendable {
        var mentor: String
        var mentorName: String
        var offered: Int
        var usable: Int
    }

    struct TradeOffEntry: Codable, Sendable {
        var options: [Option]
        var maximumPairs: Int
        var coverageMaximisesScore: Bool

        struct Option: Codable, Sendable {
            var name: String
            var pairs: Int
            var blockingPairs: Int
            var totalScore: Double
            var meanScore: Double
            var meanMenteeRank: Double
            var meanMentorRank: Double
            var chosen: Bool
        }
    }

    struct Pair: Codable, Sendable {
        var mentor: String
        var mentorName: String
        var mentee: String
        var menteeName: String
        var score: Double
        var menteeRank: Int
        var mentorRank: Int
        var reasons: [Reason]
        // With a series only:
        var uid: String?
        var slot: Slot?
        var sessions: [Session]?
        var location: String?
        var online: Bool?
        /// Sessions missing because the programme ends first.
        var shortBy: Int?
        var series: Series?
        /// The longest gap between two sessions (weeks), when longer than `max_gap_weeks`.
        var longestGapWeeks: Int?
        /// Codes of what a coordinator should look at: `long_gap`.
        var warnings: [String]?
    }

    /// A reason a pair fits: its code, its text, and the values it quotes.
    struct Reason: Codable, Sendable {
        var code: String
        var text: String
        var themes: [String]?
        var languages: [String]?
        var windows: [Window]?
        var moreWindows: Int?
        var format: String?
        var town: String?
        var rank: Int?
    }

    struct Window: Codable, Sendable {
        var day: String
        var start: String
        var end: String
    }

    struct Slot: Codable, Sendable {
        var weekday: String
        var start: String
    }

    struct Session: Codable, Sendable {
        var start: String
        var end: String
    }

    /// What the calendars need beyond the sessions: the recurrence rule and the two addresses.
    struct Series: Codable, Sendable {
        /// The calendar revision (`SEQUENCE`) and, when known, when it was issued (UTC).
        var sequence: Int
        var issued: String?
        var cadence: String
        var interval: Int?
        var ordinal: Int?
        var firstStart: String
        var occurrenceCount: Int
        var skipped: [String]
        var durationMinutes: Int
        var mentorEmail: String
        var menteeEmail: String
    }

    struct Unmatched: Codable, Sendable {
        var id: String
        var name: String
        var side: String
        var reason: String
        var reasonCode: String
        var details: Details?
    }

    /// The values an unmatched person's reason quotes; only those of its code are present.
    struct Details: Codable, Sendable {
        var of: Int?
        var rules: [RuleEntry]?
        var mentor: String?
        var mentorName: String?
        var candidates: Int?
        var firstChoice: String?
        var firstChoiceName: String?
        var rankThere: Int?
        var places: Int?
        var leftOff: Int?
        var freePlaces: Int?
        // `no_slot`: the partner, and the schedule's reason with the values it quotes.
        var partner: String?
        var partnerName: String?
        var slotReason: String?
        var endDate: String?
        var sessionMinutes: Int?
    }

    /// How many candidates one hard rule removed.
    struct RuleEntry: Codable, Sendable {
        var rule: String
        var count: Int
    }

    struct Unscheduled: Codable, Sendable {
        var mentor: String
        var mentee: String
        var reason: String
        var reasonCode: String
        var mentorName: String?
        var endDate: String?
        var sessionMinutes: Int?
    }

    struct Event: Codable, Sendable {
        var uid: String
        var issued: String?
        var title: String
        var start: String
        var durationMinutes: Int
        var location: String
    }
}

extension MatchesFile {
    /// The file's bytes: pretty-printed, keys sorted, slashes unescaped, a final newline.
    func encoded() throws(TandemFailure) -> Data {
        do {
            var bytes = try JSONFileEncoder.encode(self)
            bytes.append(0x0A)
            return Data(bytes)
        } catch {
            throw TandemFailure(.software, "cannot write matches.json: \(error)")
        }
    }

    static func decoded(from data: Data) throws -> MatchesFile {
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        return try decoder.decode(MatchesFile.self, from: data)
    }
}
