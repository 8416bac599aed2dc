import Foundation
import TandemCore

/// Reads bank holidays in the UK government's `bank-holidays.json` format, so a coordinator can
/// drop in next year's file: `{"england-and-wales": {"division": ..., "events": [{"title",
/// "date", "notes", "bunting"}]}, "scotland": ..., "northern-ireland": ...}`.
enum BankHolidays {
    struct Division: Decodable {
        struct Event: Decodable {
            var title: String
            var date: String
        }

        var events: [Event]
    }

    /// The largest file read.
    static let maximumBytes = 16 << 20

    /// The holidays of one division, date → title.
    /// - Throws: ``TandemFailure``: 66 if the file is missing, 65 if it is malformed or lacks the division.
    static func load(path: String, division: String) throws(TandemFailure) -> [LocalDate: String] {
        guard FileManager.default.fileExists(atPath: path) else {
            throw TandemFailure(
                .noInput, problem: InputProblem(file: path, message: "bank-holiday file not found; check schedule.bank_holidays"))
        }
        if let problem = InputFile.kindProblem(path: path, expected: "a bank-holidays.json file") {
            throw TandemFailure(.noInput, problem: InputProblem(file: path, message: problem))
        }
        // GOV.UK's file is about 20 KB; anything near this size is the wrong file.
        if let size = (try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? Int, size > maximumBytes {
            throw TandemFailure(
                .dataError,
                problem: InputProblem(
                    file: path,
                    message: "is \(size / 1_048_576) MB, over the \(maximumBytes / 1_048_576) MB limit; is this the right file?"))
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw TandemFailure(.noInput, problem: InputProblem(file: path, message: "cannot be read; check its permissions"))
        }
        let divisions: [String: Division]
        do {
            divisions = try JSONDecoder().decode([String: Division].self, from: data)
        } catch {
            throw TandemFailure(
                .dataError,
                problem: InputProblem(
                    file: path,
                    message:
                        "is not in the GOV.UK bank-holidays.json format ({\"england-and-wales\": {\"events\": [{\"title\", \"date\"}]}})"
                ))
        }
        guard let events = divisions[division]?.events else {
            throw TandemFailure(
                .dataError,
                problem: InputProblem(
                    file: path, field: division,
                    message: "no such division; the file has " + divisions.keys.sorted().joined(separator: ", ")))
        }
        var holidays: [LocalDate: String] = [:]
        for event in events {
            guard let date = LocalDate(iso: event.date) else {
                throw TandemFailure(
                    .dataError,
                    problem: InputProblem(
                        file: path, field: "\(division).events",
                        message: "'\(event.date)' is not a date like 2026-12-25"))
            }
            holidays[date] = event.title
        }
        return holidays
    }
}
