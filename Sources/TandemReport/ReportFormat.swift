import Foundation

/// Number formats shared by every section, so the page and `matches.json` agree.
enum ReportFormat {
    /// Three decimals, as `matches.json` and `matches.csv` give scores.
    static func score(_ value: Double) -> String { String(format: "%.3f", value) }

    /// A whole percentage: `42%`.
    static func percent(_ share: Double) -> String { String(format: "%.0f%%", share * 100) }

    /// `3 people`, `1 person`.
    static func people(_ count: Int) -> String { count == 1 ? "1 person" : "\(count) people" }

    /// `s` unless `count` is 1.
    static func plural(_ count: Int, _ word: String, _ plural: String? = nil) -> String {
        "\(count) " + (count == 1 ? word : plural ?? word + "s")
    }
}
