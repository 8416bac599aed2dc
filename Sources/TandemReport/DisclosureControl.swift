import TandemCore

/// Applies a ``DisclosureRule`` to counts of people, and to the rates and means made from them.
///
/// Counts from 1 up to the threshold are hidden (`*`); other counts are rounded to the nearest
/// multiple of ``DisclosureRule/roundTo`` (halves up); 0 stays 0. A rate is computed from the two
/// rounded counts, and hidden when either is; a mean over hidden people is hidden too.
struct DisclosureControl: Sendable {
    let rule: DisclosureRule

    /// A count after control: a number to show, or hidden.
    enum Count: Equatable {
        case shown(Int)
        case suppressed

        var text: String {
            switch self {
            case .shown(let value): String(value)
            case .suppressed: "*"
            }
        }

        var value: Int? {
            if case .shown(let value) = self { return value }
            return nil
        }
    }

    /// `count` after control.
    func control(_ count: Int) -> Count {
        if count <= 0 { return .shown(0) }
        if count < rule.suppressBelow { return .suppressed }
        let step = max(1, rule.roundTo)
        return .shown((count + step / 2) / step * step)
    }

    /// `part` of `whole` as a whole percentage, from the controlled counts; `*` when either is
    /// hidden, `–` when the whole is 0.
    func rateText(_ part: Int, of whole: Int) -> String {
        guard let shownPart = control(part).value, let shownWhole = control(whole).value else { return "*" }
        guard shownWhole > 0 else { return "–" }
        return ReportFormat.percent(Double(shownPart) / Double(shownWhole))
    }

    /// A mean over `count` people, hidden with their count.
    func meanText(_ mean: Double, over count: Int) -> String {
        guard count > 0 else { return "–" }
        return control(count).value == nil ? "*" : ReportFormat.score(mean)
    }

    /// The sentence stating the rule, for the page.
    var statement: String {
        let hidden =
            rule.suppressBelow > 1
            ? "counts from 1 to \(rule.suppressBelow - 1) are shown as *"
            : "no count is hidden"
        let rounded = rule.roundTo > 1 ? "other counts are rounded to the nearest \(rule.roundTo)" : "other counts are exact"
        return
            "Disclosure control: \(hidden); \(rounded); rates are worked out from the rounded counts and hidden with them; "
            + "means over hidden groups are hidden."
    }
}
