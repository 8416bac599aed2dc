import StableMatching
import TandemCore

/// A deterministic, realistic synthetic cohort of community mentors and professional mentees.
///
/// Rows use Tandem's canonical column names (``mentorHeader`` and ``menteeHeader``) and the
/// same cell syntax as a coordinator's sign-up files: lists separated by `"; "`, availability
/// as `DAY HH:MM-HH:MM` windows on a 15-minute grid, `online` / `in person` / `either`,
/// `yes` / `no`. The shape follows what real reverse-mentoring rounds look like, so tests and
/// benchmarks see realistic list lengths and overlaps rather than uniform noise:
///
/// - theme popularity is skewed (Zipf-like), with mental health, racism in services and
///   housing in most demand; mentees want 1–3 themes, mentors offer 2–5 and sometimes
///   decline one;
/// - availability is clustered: mentors mostly evenings and weekends with some daytime,
///   mentees mostly weekday daytime, lunchtime and early evening;
/// - names, languages and community groups come from small pools across Ealing's
///   communities, with English for most people and the first language the preferred one;
/// - capacities 1, 2, 3 with weights of about 60, 30 and 10 percent; about 3 percent name
///   an exclusion, 5 percent a ranked preference list, 85 percent consent to sensitive data.
///
/// The same counts and seed always give byte-identical rows on every platform: all
/// randomness comes from ``SeededGenerator`` through this file's own bounded draws, never
/// from the standard library's `random(in:using:)`, whose algorithm may change.
public struct SyntheticCohort: Sendable {
    /// The canonical mentor columns, in the order of each mentor row.
    public static let mentorHeader = SignupColumns.mentor

    /// The canonical mentee columns, in the order of each mentee row.
    public static let menteeHeader = SignupColumns.mentee

    /// One row per mentor, fields in ``mentorHeader`` order; ids `M1`, `M2`, ...
    /// zero-padded to the width of the mentor count.
    public var mentorRows: [[String]]

    /// One row per mentee, fields in ``menteeHeader`` order; ids `E1`, `E2`, ...
    /// zero-padded to the width of the mentee count.
    public var menteeRows: [[String]]

    /// Generates a cohort.
    ///
    /// - Parameters:
    ///   - mentees: The number of mentee rows; a negative count is treated as zero.
    ///   - mentors: The number of mentor rows; a negative count is treated as zero.
    ///   - seed: Any value; the same counts and seed give the same rows.
    /// - Returns: The generated cohort.
    /// - Complexity: O(`mentees` + `mentors`).
    public static func generate(mentees: Int, mentors: Int, seed: UInt64) -> SyntheticCohort {
        let menteeCount = max(0, mentees)
        let mentorCount = max(0, mentors)
        let mentorIDs = IdentifierFormat(prefix: "M", count: mentorCount)
        let menteeIDs = IdentifierFormat(prefix: "E", count: menteeCount)
        // Separate streams, so the mentor rows do not change when only the mentee count does.
        var mentorDraw = Draw(seed: SeededGenerator.mix(seed ^ 0x6D65_6E74_6F72_7321))
        var menteeDraw = Draw(seed: SeededGenerator.mix(seed ^ 0x6D65_6E74_6565_7321))

        var mentorRows: [[String]] = []
        mentorRows.reserveCapacity(mentorCount)
        for index in 0..<mentorCount {
            mentorRows.append(
                mentorDraw.mentorRow(index: index, ids: mentorIDs, menteeIDs: menteeIDs))
        }
        var menteeRows: [[String]] = []
        menteeRows.reserveCapacity(menteeCount)
        for index in 0..<menteeCount {
            menteeRows.append(
                menteeDraw.menteeRow(index: index, ids: menteeIDs, mentorIDs: mentorIDs))
        }
        return SyntheticCohort(mentorRows: mentorRows, menteeRows: menteeRows)
    }
}

// Helpers are nested in the type so that their short names cannot clash with the module's.
extension SyntheticCohort {
    // MARK: - Identifiers

    /// Ids such as `E007`: a prefix and a number zero-padded to the width of the count.
    struct IdentifierFormat {
        let prefix: String
        let count: Int
        let width: Int

        init(prefix: String, count: Int) {
            self.prefix = prefix
            self.count = count
            self.width = String(count).utf8.count
        }

        /// The id of the row at zero-based `index`.
        func id(_ index: Int) -> String {
            let digits = String(index + 1)
            let padding = width - digits.utf8.count
            if padding <= 0 {
                return prefix + digits
            }
            return prefix + String(repeating: "0", count: padding) + digits
        }
    }
}
