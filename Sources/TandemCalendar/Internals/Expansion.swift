import CLibical
import TandemCore

/// One VEVENT's occurrences as libical's recurrence iterator produces them.
struct Expansion {
    /// Beyond this many occurrences a rule is reported as unbounded.
    static let limit = 10_000

    var uid: String
    var startTZID: String?
    /// Every occurrence of the RRULE (or the DTSTART alone), EXDATEs not yet removed.
    var generated: [LocalDateTime]
    /// The occurrences libical does not exclude.
    var kept: [LocalDateTime]
    var exceptions: [(time: LocalDateTime, tzid: String?)]
    var isUnbounded: Bool

    /// `nil` for an event without DTSTART. Run inside ``LibicalGate/run(_:)``.
    init?(event: OpaquePointer) {
        var start = icalcomponent_get_dtstart(event)
        guard !start.isNull else { return nil }
        uid = LibicalTree.string(icalcomponent_get_uid(event)) ?? ""
        startTZID = LibicalTree.properties(of: event, ICAL_DTSTART_PROPERTY).first.flatMap {
            LibicalTree.parameter("TZID", of: $0)
        }
        exceptions = LibicalTree.properties(of: event, ICAL_EXDATE_PROPERTY).map {
            (icalproperty_get_exdate($0).localDateTime, LibicalTree.parameter("TZID", of: $0))
        }
        var times: [icaltimetype] = []
        if let rule = LibicalTree.properties(of: event, ICAL_RRULE_PROPERTY).first {
            if let iterator = icalrecur_iterator_new(icalproperty_get_rrule(rule), start) {
                defer { icalrecur_iterator_free(iterator) }
                while times.count <= Self.limit {
                    let next = icalrecur_iterator_next(iterator)
                    if next.isNull { break }
                    times.append(next)
                }
            }
        } else {
            times = [start]
        }
        isUnbounded = times.count > Self.limit
        generated = times.map(\.localDateTime)
        kept = times.filter { time in
            var time = time
            return icalproperty_recurrence_is_excluded(event, &start, &time) == 0
        }.map(\.localDateTime)
    }
}
