/// Receives the progress of long phases (scoring, matching, writing files), so a command-line
/// front end can show it. The library never prints.
///
/// `advance(by:)` may be called from several threads at once; `begin` and `end` are called by
/// the thread that runs the pipeline, in pairs, one phase at a time.
public protocol ProgressObserver: Sendable {
    /// A phase named `phase` starts, with `total` units of work (`unit`, plural, e.g. "pairs").
    func begin(_ phase: String, total: Int, unit: String)
    /// `count` more units of the current phase are done.
    func advance(by count: Int)
    /// The current phase is over.
    func end()
}

/// Ignores all progress: the default for library callers and tests.
public struct NoProgress: ProgressObserver {
    public init() {}
    public func begin(_ phase: String, total: Int, unit: String) {}
    public func advance(by count: Int) {}
    public func end() {}
}

extension ProgressObserver {
    /// Runs `work` as one phase of `total` units.
    public func phase<Result>(
        _ name: String, total: Int = 0, unit: String = "", _ work: () throws -> Result
    ) rethrows -> Result {
        begin(name, total: total, unit: unit)
        defer { end() }
        return try work()
    }
}
