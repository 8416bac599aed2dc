/// What to do when one person signed up twice (same e-mail, or same name and organisation).
public enum DuplicatePolicy: String, Sendable, Hashable, CaseIterable {
    /// Report both rows as a problem to fix.
    case report
    /// Keep the later submission (by completion time, else row order) and say which row was dropped.
    case latest
}
