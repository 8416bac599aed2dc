import Foundation
import TandemCore

/// What `tandem calendar` needs back from a saved `matches.json`: the programme, each pair's
/// series and the cohort events.
public struct SavedMatches: Decodable, Sendable {
    struct Pair: Decodable {
        var series: SessionSeries?
    }

    public var programme: ProgrammeRecord
    public var cohortEvents: [CohortEvent]
    public var series: [SessionSeries]

    enum CodingKeys: String, CodingKey {
        case programme, pairs
        case cohortEvents = "cohort_events"
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        programme = try container.decode(ProgrammeRecord.self, forKey: .programme)
        cohortEvents = try container.decodeIfPresent([CohortEvent].self, forKey: .cohortEvents) ?? []
        series = try container.decode([Pair].self, forKey: .pairs).compactMap(\.series)
    }

    /// Reads `path`.
    /// - Throws: ``TandemFailure`` 66 when missing, 65 when it is not a `matches.json` with a schedule.
    public static func load(path: String) throws(TandemFailure) -> SavedMatches {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw TandemFailure(
                .noInput,
                problem: InputProblem(file: path, message: "file not found; pass the matches.json of a 'tandem match' run"))
        }
        let saved: SavedMatches
        do {
            saved = try JSONDecoder().decode(SavedMatches.self, from: data)
        } catch {
            throw TandemFailure(
                .dataError,
                problem: InputProblem(
                    file: path,
                    message: "is not a matches.json written by this version of tandem match (\(error))"))
        }
        guard !saved.series.isEmpty else {
            throw TandemFailure(
                .dataError,
                problem: InputProblem(
                    file: path,
                    message: "has no scheduled sessions; add a schedule section to the configuration and run tandem match again"))
        }
        return saved
    }
}
