/// Normalisation of free text typed into forms, so that `Mental health`, ` mental  Health ` and
/// `MENTAL HEALTH` compare equal while the first spelling seen is kept for display.
public enum TextKey {
    /// Lower-cased, trimmed, inner runs of whitespace collapsed to one space.
    public static func normalise(_ text: some StringProtocol) -> String {
        text.lowercased().split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }
}

extension StringProtocol {
    /// The text without leading and trailing whitespace (Foundation-free).
    public func trimmingWhitespace() -> String {
        guard let first = firstIndex(where: { !$0.isWhitespace }),
            let last = lastIndex(where: { !$0.isWhitespace })
        else { return "" }
        return String(self[first...last])
    }
}
