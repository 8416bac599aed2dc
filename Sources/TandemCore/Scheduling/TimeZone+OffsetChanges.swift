import Foundation

/// A transition of a zone: the instant its UTC offset (or only its name) changes.
package struct OffsetChange: Sendable, Hashable {
    /// The first second of the new offset, since 1970-01-01T00:00Z.
    package var instant: Int
    /// Seconds east of UTC before and after the change; equal for a transition that changes
    /// only the zone's name or daylight flag.
    package var from: Int
    package var to: Int
}

extension TimeZone {
    /// Seconds east of UTC at `second` (since 1970-01-01T00:00Z).
    package func secondsFromGMT(atSecondsSince1970 second: Int) -> Int {
        secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(second)))
    }

    /// The zone's transitions after `start` and before `end` (seconds since 1970-01-01T00:00Z),
    /// in order, as the time-zone database lists them. The clock changes are those whose offsets
    /// differ; a few zones also list transitions that change only the name.
    package func offsetChanges(after start: Int, before end: Int) -> [OffsetChange] {
        var changes: [OffsetChange] = []
        var cursor = Date(timeIntervalSince1970: TimeInterval(start))
        let limit = Date(timeIntervalSince1970: TimeInterval(end))
        while let transition = nextDaylightSavingTimeTransition(after: cursor), transition < limit {
            let instant = Int(transition.timeIntervalSince1970.rounded())
            changes.append(
                OffsetChange(
                    instant: instant, from: secondsFromGMT(atSecondsSince1970: instant - 1),
                    to: secondsFromGMT(atSecondsSince1970: instant)))
            cursor = transition
        }
        return changes
    }
}
