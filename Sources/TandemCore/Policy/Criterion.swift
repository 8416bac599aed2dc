/// One scored aspect of a mentor–mentee pair. Each is worth 0...1 for a pair, or does not apply.
public enum Criterion: String, Sendable, Hashable, Codable, CaseIterable {
    /// The share of the mentee's wanted themes the mentor offers (declined themes never count).
    case themes
    /// Common weekly free time, full marks at the configured target.
    case availability
    /// 1 when they share either person's first language, 0.5 another shared language, 0 none.
    case language
    /// 1 when their formats are compatible, 0 otherwise (only reachable with the format rule off).
    case format
    /// 1 when an in-person-capable pair lives in the same town, 0 otherwise; not for online pairs.
    case town
    /// The scoring person's own ranked choices (e.g. after a speed-meeting event).
    case preference

    /// Position in ``allCases``, for flat per-criterion arrays.
    var index: Int {
        switch self {
        case .themes: 0
        case .availability: 1
        case .language: 2
        case .format: 3
        case .town: 4
        case .preference: 5
        }
    }
}
