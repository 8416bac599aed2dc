import ArgumentParser
import Foundation
import TandemCore

/// Where the programme record is: `--record FILE`, by default beside the results folder
/// (`out.record.sqlite` for `out/`), so re-running `tandem match` finds it without being told.
struct RecordOptions: ParsableArguments {
    @Option(
        help: ArgumentHelp(
            "The programme record (SQLite). Default: beside the results folder, e.g. out.record.sqlite for out/.",
            valueName: "file"))
    var record: String?

    /// The record of the results folder `out`.
    func path(forResults out: String) -> String {
        if let record { return record }
        var folder = out
        while folder.count > 1, folder.hasSuffix("/") { folder.removeLast() }
        return folder + ".record.sqlite"
    }
}

/// The run's date and instant: `SOURCE_DATE_EPOCH` when set (for reproducible runs and tests),
/// else now; the date is the one in the programme's time zone.
struct RunClock {
    var now: Date
    var today: LocalDate

    init(timeZone identifier: String) throws(TandemFailure) {
        now = try CalendarFiles.timestamp()
        guard let zone = ZoneRules(identifier: identifier) else {
            throw TandemFailure(.dataError, "unknown time zone \(identifier)")
        }
        today = zone.localDate(of: now)
    }
}

extension LocalDate: ExpressibleByArgument {
    /// `2027-03-01`.
    public init?(argument: String) {
        self.init(iso: argument)
    }
}
