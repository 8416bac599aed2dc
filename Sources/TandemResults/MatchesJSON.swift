import Foundation
import TandemCore

/// `matches.json`: a ``MatchesDocument`` written straight into bytes, identical to what
/// `JSONEncoder` made of it before (pretty-printed, keys sorted, slashes unescaped, a final
/// newline), so files from earlier runs still compare equal.
///
/// The generic encoder boxed every value and sorted every object's keys at run time, which
/// was most of the result files' writing at scale. Here each object's members are written in
/// the order `.sortedKeys` gives (UTF-8 byte order of the coding keys, including the
/// synthesized `Codable` keys of ``SessionSeries`` and its parts, which `tandem calendar`
/// reads back). The tests compare the bytes with `JSONEncoder`'s, so a renamed or added field
/// on either side shows up there.
enum MatchesJSON {
    static func render(_ document: MatchesDocument) throws(TandemFailure) -> Data {
        var json = PrettyJSONWriter(reservingCapacity: estimatedSize(of: document))
        json.object { json in
            json.member("algorithm", document.algorithm)
            json.member("blocking_pairs", document.blockingPairs)
            if let events = document.cohortEvents {
                json.key("cohort_events")
                json.array(events) { json, event in json.value(event) }
            }
            json.key("pairs")
            json.array(document.pairs) { json, pair in json.value(pair) }
            json.key("programme")
            json.value(document.programme)
            json.member("seed", document.seed)
            json.member("stable", document.stable)
            json.key("summary")
            json.object { json in
                // A dictionary: sorted here, as the encoder sorts it.
                for (name, number) in document.summary.sorted(by: { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }) {
                    json.key(name)
                    json.value(number)
                }
            }
            if let tradeoff = document.tradeoff {
                json.key("tradeoff")
                json.value(tradeoff)
            }
            json.key("unmatched")
            json.array(document.unmatched) { json, person in json.value(person) }
            if let unscheduled = document.unscheduled {
                json.key("unscheduled")
                json.array(unscheduled) { json, item in json.value(item) }
            }
        }
        return try json.finishedFile()
    }

    /// A little over the file's size, so the buffer is not copied as it grows: under 0.8 kB for
    /// a pair, 0.9 kB more for a series, and 0.3 kB for each session or skipped date (sessions
    /// are listed twice: as times with offsets, and as local dates in the series).
    private static func estimatedSize(of document: MatchesDocument) -> Int {
        let pairs = document.pairs.reduce(0) { total, pair in
            guard let series = pair.series else { return total + 768 }
            return total + 1664 + 288 * (series.sessions.count + series.skipped.count)
        }
        return 4096 + pairs + 320 * (document.unmatched.count + (document.unscheduled?.count ?? 0))
    }
}

/// The document's parts, each an object with its members in sorted key order.
extension PrettyJSONWriter {
    fileprivate mutating func value(_ pair: MatchesDocument.Pair) {
        object { json in
            if let location = pair.location { json.member("location", location) }
            json.member("mentee", pair.mentee)
            json.member("mentee_name", pair.menteeName)
            json.member("mentee_rank", pair.menteeRank)
            json.member("mentor", pair.mentor)
            json.member("mentor_name", pair.mentorName)
            json.member("mentor_rank", pair.mentorRank)
            json.key("reasons")
            json.array(pair.reasons) { json, reason in json.value(reason) }
            json.member("score", pair.score)
            if let series = pair.series {
                json.key("series")
                json.value(series)
            }
            if let sessions = pair.sessions {
                json.key("sessions")
                json.array(sessions) { json, session in
                    json.object { json in
                        json.member("end", session.end)
                        json.member("start", session.start)
                    }
                }
            }
            if let shortBy = pair.shortBy { json.member("short_by", shortBy) }
            if let slot = pair.slot {
                json.key("slot")
                json.object { json in
                    json.member("start", slot.start)
                    json.member("weekday", slot.weekday)
                }
            }
            if let uid = pair.uid { json.member("uid", uid) }
        }
    }

    fileprivate mutating func value(_ person: MatchesDocument.Unmatched) {
        object { json in
            json.member("id", person.id)
            json.member("name", person.name)
            json.member("reason", person.reason)
            json.member("side", person.side)
        }
    }

    fileprivate mutating func value(_ item: MatchesDocument.Unscheduled) {
        object { json in
            json.member("mentee", item.mentee)
            json.member("mentor", item.mentor)
            json.member("reason", item.reason)
        }
    }

    fileprivate mutating func value(_ programme: ProgrammeRecord) {
        object { json in
            json.member("coordinator_email", programme.coordinatorEmail)
            json.member("coordinator_name", programme.coordinatorName)
            json.member("name", programme.name)
            json.member("time_zone", programme.timeZone)
        }
    }

    fileprivate mutating func value(_ tradeoff: TradeOffRecord) {
        object { json in
            json.member("coverage_maximises_score", tradeoff.coverageMaximisesScore)
            json.member("maximum_pairs", tradeoff.maximumPairs)
            json.key("options")
            json.array(tradeoff.options) { json, option in
                json.object { json in
                    json.member("blocking_pairs", option.blockingPairs)
                    json.member("chosen", option.chosen)
                    json.member("mean_mentee_rank", option.meanMenteeRank)
                    json.member("mean_mentor_rank", option.meanMentorRank)
                    json.member("mean_score", option.meanScore)
                    json.member("name", option.name)
                    json.member("pairs", option.pairs)
                    json.member("total_score", option.totalScore)
                }
            }
        }
    }

    /// As its synthesized `Encodable` conformance writes it (camel-case keys).
    fileprivate mutating func value(_ series: SessionSeries) {
        object { json in
            json.key("cadence")
            json.value(series.cadence)
            json.member("durationMinutes", series.durationMinutes)
            json.key("firstStart")
            json.value(series.firstStart)
            json.member("isOnline", series.isOnline)
            json.member("location", series.location)
            json.key("mentee")
            json.value(series.mentee)
            json.key("mentor")
            json.value(series.mentor)
            json.member("occurrenceCount", series.occurrenceCount)
            json.key("sessions")
            json.array(series.sessions) { json, start in json.value(start) }
            json.key("skipped")
            json.array(series.skipped) { json, start in json.value(start) }
            json.key("slot")
            json.object { json in
                json.member("startMinute", series.slot.startMinute)
                // `Weekday` is an `Int` raw-value enum: encoded as its number.
                json.member("weekday", series.slot.weekday.rawValue)
            }
        }
    }

    /// A synthesized enum with associated values: `{"weekly" : {"interval" : 2}}`.
    fileprivate mutating func value(_ cadence: Cadence) {
        object { json in
            switch cadence {
            case .weekly(let interval):
                json.key("weekly")
                json.object { json in json.member("interval", interval) }
            case .monthly(let ordinal):
                json.key("monthly")
                json.object { json in json.member("ordinal", ordinal) }
            }
        }
    }

    fileprivate mutating func value(_ person: CalendarPerson) {
        object { json in
            json.member("email", person.email)
            json.member("id", person.id)
            json.member("name", person.name)
        }
    }

    fileprivate mutating func value(_ event: CohortEvent) {
        object { json in
            json.member("durationMinutes", event.durationMinutes)
            json.member("location", event.location)
            json.key("start")
            json.value(event.start)
            json.member("title", event.title)
        }
    }

    fileprivate mutating func value(_ time: LocalDateTime) {
        object { json in
            json.member("day", time.day)
            json.member("hour", time.hour)
            json.member("minute", time.minute)
            json.member("month", time.month)
            json.member("year", time.year)
        }
    }
}
