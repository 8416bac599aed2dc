import Foundation
import Synchronization
import TandemCore

/// Parts of calendar files that libical serialises once and several files of a batch share:
/// the opening (the calendar's properties and its VTIMEZONE), the events that read the same
/// in every file (a PUBLISH file's cohort events), and the properties a series' event has alike
/// in each file that holds it.
///
/// libical writes a component as its BEGIN line, its properties, each sub-component's own
/// serialisation in turn and its END line, so a file put together from pieces has the bytes
/// libical writes for the whole tree (``CalendarCheck/problems(in:)`` parses a file back and
/// re-serialises it as one tree to confirm). Share one instance among the files of a batch
/// (a programme's calendars, its invitations); it is safe to use from several threads at once.
public final class CalendarPieces: Sendable {
    enum Key: Hashable, Sendable {
        case opening(method: CalendarMethod, name: String, zone: CompactZone)
        case event(CalendarPlan.Event, tzid: String, organizer: CalendarPlan.Contact, isCancelled: Bool)
        /// A VEVENT with nothing in it: its BEGIN and END lines.
        case emptyEvent
        case leadingProperties(CalendarPlan.Event.Leading, tzid: String)
        case organizer(CalendarPlan.Contact)
        case trailingProperties(CalendarPlan.Event.Trailing, isCancelled: Bool)
    }

    /// A series' event as the files of a batch share it: the series, and what else
    /// ``EventBuilder/seriesEvent(for:)`` reads (the export's timestamp, zone and meeting links).
    struct SeriesKey: Hashable, Sendable {
        var series: SessionSeries
        var timestamp: Date
        var timeZone: String
        var meetingLink: MeetingLinkTemplate?

        /// The UID and sequence tell series and their revisions apart and are quick to hash
        /// (equality still compares everything).
        func hash(into hasher: inout Hasher) {
            hasher.combine(series.uid)
            hasher.combine(series.sequence)
        }
    }

    private let texts = Made<Key, String>()
    private let seriesEvents = Made<SeriesKey, EventBuilder.SeriesEvent>()

    public init() {}

    /// The text for `key`, made by `make` the first time it is asked for.
    func text(for key: Key, make: () throws(CalendarError) -> String) throws(CalendarError) -> String {
        try texts.value(for: key, make: make)
    }

    /// The series' shared event for `key`, made by `make` the first time it is asked for.
    func seriesEvent(
        for key: SeriesKey, make: () throws(CalendarError) -> EventBuilder.SeriesEvent
    ) throws(CalendarError) -> EventBuilder.SeriesEvent {
        try seriesEvents.value(for: key, make: make)
    }

    /// Values by key, each made the first time it is asked for, from any thread.
    private final class Made<MadeKey: Hashable & Sendable, Value: Sendable>: Sendable {
        private let values = Mutex<[MadeKey: Value]>([:])

        func value(for key: MadeKey, make: () throws(CalendarError) -> Value) throws(CalendarError) -> Value {
            if let value = values.withLock({ $0[key] }) { return value }
            let value = try make()
            // Two threads may make the same value at once: both make the same.
            values.withLock { $0[key] = value }
            return value
        }
    }
}
