/// Who a report page is for.
public enum ReportAudience: Sendable, Hashable, CaseIterable {
    /// The coordinator's working view: names and reasons, marked as personal data.
    case coordinator
    /// For the partnership board and evaluators: no names, e-mails or free text, and every
    /// count of people through disclosure control.
    case shareable

    /// The page's file name in a results folder.
    public var fileName: String {
        switch self {
        case .coordinator: "report.html"
        case .shareable: "report-shareable.html"
        }
    }
}
