import Foundation
import Synchronization
import TandemCore

/// Shows the progress of long phases on standard error when it is a terminal: the phase name,
/// percent done and rate while it runs (redrawn in place at most ten times a second), then one
/// line with its time. Silent when standard error is a file or pipe, or with `--quiet`, so logs
/// and scripts see only results and errors.
final class TerminalProgress: ProgressObserver {
    private struct Phase {
        var name = ""
        var total = 0
        var unit = ""
        var started = ContinuousClock.now
        var lastDrawn = ContinuousClock.now
    }

    private let enabled: Bool
    private let write: @Sendable (String) -> Void
    private let done = Atomic<Int>(0)
    private let phase = Mutex(Phase())
    private static let redrawInterval = Duration.milliseconds(100)

    /// Shows progress only when `quiet` is off and standard error is a terminal.
    convenience init(quiet: Bool) {
        self.init(enabled: !quiet && isatty(FileHandle.standardError.fileDescriptor) == 1) { text in
            FileHandle.standardError.write(Data(text.utf8))
        }
    }

    /// Shows progress through `write` when `enabled` (for tests: any sink).
    init(enabled: Bool, write: @escaping @Sendable (String) -> Void) {
        self.enabled = enabled
        self.write = write
    }

    func begin(_ name: String, total: Int, unit: String) {
        guard enabled else { return }
        done.store(0, ordering: .relaxed)
        let now = ContinuousClock.now
        phase.withLock { $0 = Phase(name: name, total: total, unit: unit, started: now, lastDrawn: now) }
        draw(line(for: Phase(name: name, total: total, unit: unit, started: now, lastDrawn: now), done: 0, final: false))
    }

    func advance(by count: Int) {
        guard enabled else { return }
        let sum = done.add(count, ordering: .relaxed).newValue
        // Worker threads call this often; only the one that finds the lock free and the
        // interval passed redraws, the others go straight back to work.
        let text: String? =
            phase.withLockIfAvailable { current in
                let now = ContinuousClock.now
                guard now - current.lastDrawn >= Self.redrawInterval else { return nil }
                current.lastDrawn = now
                return line(for: current, done: sum, final: false)
            } ?? nil
        if let text { draw(text) }
    }

    /// `count` more units done, for work that learns its total only once it starts.
    func advance(by count: Int, of total: Int) {
        guard enabled else { return }
        phase.withLock { $0.total = total }
        advance(by: count)
    }

    func end() {
        guard enabled else { return }
        let current = phase.withLock { $0 }
        draw(line(for: current, done: done.load(ordering: .relaxed), final: true) + "\n")
    }

    private func draw(_ text: String) {
        // Carriage return and "erase line" redraw in place.
        write("\r\u{1B}[K" + text)
    }

    private func line(for phase: Phase, done: Int, final: Bool) -> String {
        let seconds = Self.seconds(ContinuousClock.now - phase.started)
        var text = "  " + phase.name
        if final {
            text += " " + String(repeating: ".", count: max(1, 28 - phase.name.count)) + " " + Self.duration(seconds)
            if phase.total > 0, seconds > 0 {
                text +=
                    "  (\(Self.quantity(Double(phase.total))) \(phase.unit), "
                    + "\(Self.quantity(Double(phase.total) / seconds)) \(phase.unit)/s)"
            }
        } else if phase.total > 0, done > 0 {
            let percent = min(100, done * 100 / phase.total)
            text += "  \(percent)%  \(Self.quantity(Double(done))) of \(Self.quantity(Double(phase.total))) \(phase.unit)"
            if seconds > 0.05 { text += "  \(Self.quantity(Double(done) / seconds)) \(phase.unit)/s" }
        } else {
            text += "..."
        }
        return text
    }

    private static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }

    private static func duration(_ seconds: Double) -> String {
        seconds < 10 ? String(format: "%.2f s", seconds) : String(format: "%.1f s", seconds)
    }

    /// 1234 -> "1,234"; 2_500_000_000 -> "2.5 billion"; short enough to read at a glance.
    private static func quantity(_ value: Double) -> String {
        switch value {
        case 1e9...: String(format: "%.1f billion", value / 1e9)
        case 1e6...: String(format: "%.1f million", value / 1e6)
        default: Int(value).formatted()
        }
    }
}
