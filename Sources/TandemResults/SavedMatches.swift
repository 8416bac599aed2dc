import Foundation
import TandemCore

/// Reads a saved `matches.json` back into the result it records (`tandem calendar`).
public enum SavedMatches {
    /// The result recorded in `path`.
    /// - Throws: ``TandemFailure`` `.noInput` when missing, `.dataError` when it is not a
    ///   `matches.json` of this schema version, naming the field that is wrong.
    public static func load(path: String) throws(TandemFailure) -> MatchResult {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw TandemFailure(
                .noInput,
                problem: InputProblem(file: path, message: "file not found; pass the matches.json of a 'tandem match' run"))
        }
        let file: MatchesFile
        do {
            file = try MatchesFile.decoded(from: data)
        } catch {
            let version = (try? JSONDecoder().decode(VersionOnly.self, from: data))?.schemaVersion
            let advice =
                version == MatchesFile.schemaVersion
                ? "is not a valid matches.json (\(error)); run tandem match again"
                : "was not written by this version of tandem match; run tandem match again to write it anew"
            throw TandemFailure(.dataError, problem: InputProblem(file: path, message: advice))
        }
        do {
            return try file.result()
        } catch {
            throw TandemFailure(
                .dataError,
                problem: InputProblem(file: path, field: error.path, message: error.message + "; run tandem match again"))
        }
    }

    /// Just the version, to tell an older file from a damaged one.
    private struct VersionOnly: Decodable {
        var schemaVersion: Int

        enum CodingKeys: String, CodingKey {
            case schemaVersion = "schema_version"
        }
    }
}
