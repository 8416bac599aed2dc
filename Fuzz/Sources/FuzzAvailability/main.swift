import FuzzSupport
import TandemCore

/// The periods a coordinator typically configures, so that the fuzzer reaches period matching.
let configured: AvailabilityParser = {
    var parser = AvailabilityParser()
    for (name, definition) in [
        ("weekday evenings", "Mon-Fri 18:00-21:00"), ("lunchtime", "Mon-Fri 12:00-14:00"),
        ("school hours", "Mon-Fri 09:30-14:30"), ("club nights", "Tue 18:00-20:00; Thu 19:00-21:00"),
    ] {
        try? parser.definePeriod(named: name, as: definition)
    }
    return parser
}()

/// Any text as availability cells and as a period definition: windows on the quarter-hour
/// grid within one day that Tandem's own rendering reads back, the same windows on a second
/// read, or an error that quotes the item and says how to write it.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzAvailability(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let text = String(decoding: fuzzBytes(data, size), as: UTF8.self)
    for item in text.split(separator: ";").map(String.init) {
        let first: Result<[AvailabilityWindow], AvailabilityParser.ItemError>
        do throws(AvailabilityParser.ItemError) {
            first = .success(try configured.parseWindows(item))
        } catch {
            first = .failure(error)
        }
        switch first {
        case .success(let windows):
            var week = WeeklyAvailability()
            for window in windows {
                require(
                    window.startMinute >= 0 && window.startMinute < window.endMinute && window.endMinute <= 24 * 60,
                    "a window lies within one day: \(window)")
                require(window.startMinute % 15 == 0 && window.endMinute % 15 == 0, "a window is on the quarter hour")
                week.insert(window)
                let rendered = try? configured.parseWindows(window.description)
                require(rendered == [window], "Tandem's rendering \(window.description) reads back")
            }
            require(week.windows.count <= windows.count, "the week holds at most the windows read")
        case .failure(let error):
            require(!error.problem.isEmpty, "an error says what is wrong")
            require(
                error.problem.contains("write it like") || error.problem.contains("named period"), "an error says how to write it"
            )
        }
        let second = Result { () throws(AvailabilityParser.ItemError) in try configured.parseWindows(item) }
        require(second == first, "reading is deterministic")
    }
    var parser = AvailabilityParser()
    try? parser.definePeriod(named: "fuzz", as: text)
    return 0
}
