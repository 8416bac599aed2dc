/// Turning the two clock times of a range into minutes of the day.
///
/// The rules, so that every accepted range has one reading:
/// - a time with minutes and no am/pm is 24-hour (`7:30` is 07:30, `18.00` is 18:00);
/// - a bare hour 0 or 13–24 is 24-hour (`18-20`);
/// - `am`/`pm`, `noon` and `midnight` say what they say; `12am` and `midnight` end a window at 24:00;
/// - a bare hour 1–12 takes its half of the day from the other end: the reading that gives the
///   shorter window when that end has am/pm (`6-8pm` is 18:00–20:00, `10am-12` 10:00–12:00,
///   `11-1pm` 11:00–13:00), 24-hour when that end is 24-hour (`10-12:30`);
/// - when both ends are bare hours 1–12 (`6-8`, `10-12`) the range is an error asking for
///   am/pm or 24-hour times: evening is likely in mentoring, but it would be a guess;
/// - an end of 00:00 is midnight at the end of the day (`22:00-00:00`).
extension AvailabilityParser {
    /// The start and end minute of `start`–`end`, or why there is no single reading.
    func minutes(
        from start: AvailabilityToken, _ startClock: AvailabilityClock, to end: AvailabilityToken,
        _ endClock: AvailabilityClock, item: String
    ) throws(ItemError) -> (start: Int, end: Int) {
        let range = start.text + "-" + end.text
        if startClock.isHalfDay && endClock.isHalfDay {
            throw ItemError(
                item: item,
                problem: "'\(range)' does not say morning or evening; add am or pm (e.g. 6-8pm)"
                    + " or write 24-hour times (e.g. 18:00-20:00)")
        }
        let starts = try candidates(startClock, written: start.text, atEnd: false, other: endClock, item: item)
        let ends = try candidates(endClock, written: end.text, atEnd: true, other: startClock, item: item)
        var best: (start: Int, end: Int)?
        for first in starts {
            for last in ends where last > first && first < 24 * 60 {
                if best.map({ last - first < $0.end - $0.start }) ?? true { best = (first, last) }
            }
        }
        guard let best else {
            if starts.allSatisfy({ $0 >= 24 * 60 }) {
                throw ItemError(item: item, problem: "a window cannot start at 24:00")
            }
            throw ItemError(item: item, problem: "the end \(end.text) is not after the start \(start.text)")
        }
        return best
    }

    /// The minutes a clock time can mean at its end of a range (two for a bare hour 1–12 whose
    /// other end has am/pm).
    private func candidates(
        _ clock: AvailabilityClock, written: String, atEnd: Bool, other: AvailabilityClock,
        item: String
    ) throws(ItemError) -> [Int] {
        let minute = clock.minute ?? 0
        guard minute < 60 else {
            throw ItemError(item: item, problem: "'\(written)' is not a time of day (00:00 to 24:00)")
        }
        guard minute % WeeklyAvailability.slotMinutes == 0 else {
            throw ItemError(item: item, problem: "'\(written)' is not on the quarter hour; use :00, :15, :30 or :45")
        }
        let midnight = atEnd ? 24 * 60 : 0
        switch clock.suffix {
        case .noon: return [12 * 60]
        case .midnight: return [midnight]
        case .am, .pm:
            guard (1...12).contains(clock.hour) else {
                throw ItemError(item: item, problem: "'\(written)' is not a time; am and pm go with hours 1 to 12")
            }
            let hour = clock.hour % 12 + (clock.suffix == .pm ? 12 : 0)
            return [hour == 0 && minute == 0 ? midnight : hour * 60 + minute]
        case nil:
            if clock.isHalfDay, other.suffix == .am || other.suffix == .pm {
                let morning = clock.hour % 12 * 60
                return [morning == 0 ? midnight : morning, (clock.hour % 12 + 12) * 60]
            }
            guard clock.hour < 24 || (clock.hour == 24 && minute == 0) else {
                throw ItemError(item: item, problem: "'\(written)' is not a time of day (00:00 to 24:00)")
            }
            let value = clock.hour * 60 + minute
            return [value == 0 ? midnight : value]
        }
    }

}
