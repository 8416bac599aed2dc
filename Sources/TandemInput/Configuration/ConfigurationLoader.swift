import Foundation
import TandemCore
import Yams

/// Reads a programme configuration (YAML, comments allowed), reporting every problem with its line.
///
/// The file is walked as a YAML node tree rather than decoded into `Codable` types so that each
/// message can name the line and the key, and unknown keys (usually typos) are caught.
public enum ConfigurationLoader {
    /// Loads `path`. Absent keys take the documented defaults.
    /// - Throws: ``TandemFailure`` `.noInput` when the file is missing or not a regular file, `.dataError` for any content problem.
    public static func load(path: String) throws(TandemFailure) -> TandemConfiguration {
        if let problem = InputFile.kindProblem(path: path, expected: "a configuration file") {
            throw TandemFailure(.noInput, problem: InputProblem(file: path, message: problem))
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw TandemFailure(
                .noInput, problem: InputProblem(file: path, message: "configuration file not found; check the path"))
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw TandemFailure(.dataError, problem: InputProblem(file: path, message: "is not UTF-8 text"))
        }
        return try parse(text, file: path)
    }

    /// Parses configuration text; `file` names it in messages.
    public static func parse(_ text: String, file: String) throws(TandemFailure) -> TandemConfiguration {
        let root: Node?
        do {
            root = try Yams.compose(yaml: text)
        } catch let error as YamlError {
            throw TandemFailure(.dataError, problem: yamlProblem(error, file: file))
        } catch {
            throw TandemFailure(.dataError, problem: InputProblem(file: file, message: "is not valid YAML: \(error)"))
        }
        var reader = Reader(file: file, folder: URL(fileURLWithPath: file).deletingLastPathComponent().path)
        let configuration = reader.configuration(from: root)
        if !reader.problems.isEmpty {
            // Report in file order, as an editor would list them.
            let problems = reader.problems.enumerated().sorted {
                ($0.element.line ?? 0, $0.offset) < ($1.element.line ?? 0, $1.offset)
            }.map(\.element)
            throw TandemFailure(.dataError, "\(file): the configuration has \(problems.count) problem(s)", problems: problems)
        }
        return configuration
    }

    private static func yamlProblem(_ error: YamlError, file: String) -> InputProblem {
        switch error {
        case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _), .composer(_, let problem, let mark, _):
            return InputProblem(
                file: file, line: mark.line,
                message: "YAML syntax: \(problem) (column \(mark.column)); check indentation and quotes")
        default:
            return InputProblem(file: file, message: "is not valid YAML: \(error)")
        }
    }

    /// Walks the node tree, collecting problems instead of stopping at the first.
    struct Reader {
        let file: String
        /// The configuration's folder: relative paths inside it are relative to here.
        let folder: String
        var problems: [InputProblem] = []

        mutating func problem(_ node: Node?, _ key: String, _ message: String) {
            problems.append(InputProblem(file: file, line: node?.mark?.line, field: key, message: message))
        }

        /// The entries of a mapping, checking every key is one of `allowed`.
        mutating func entries(_ node: Node?, at path: String, allowed: [String]?) -> [(key: String, node: Node)] {
            guard let node else { return [] }
            guard let mapping = node.mapping else {
                problem(node, path, "expected a section of 'key: value' lines")
                return []
            }
            var result: [(String, Node)] = []
            for (keyNode, value) in mapping {
                let key = keyNode.string ?? ""
                if let allowed, !allowed.contains(key) {
                    let full = path.isEmpty ? key : path + "." + key
                    problem(keyNode, full, "unknown setting; expected one of: " + allowed.joined(separator: ", "))
                    continue
                }
                result.append((key, value))
            }
            return result
        }

        mutating func string(_ node: Node, _ key: String) -> String? {
            guard let scalar = node.scalar else {
                problem(node, key, "expected a single value")
                return nil
            }
            return scalar.string
        }

        mutating func number(_ node: Node, _ key: String, in range: ClosedRange<Double>) -> Double? {
            guard let text = string(node, key) else { return nil }
            guard let value = Double(text.trimmingWhitespace()), range.contains(value) else {
                problem(
                    node, key,
                    "expected a number from \(format(range.lowerBound)) to \(format(range.upperBound)), found '\(text)'")
                return nil
            }
            return value
        }

        mutating func integer(_ node: Node, _ key: String, in range: ClosedRange<Int>) -> Int? {
            guard let text = string(node, key) else { return nil }
            guard let value = Int(text.trimmingWhitespace()), range.contains(value) else {
                problem(node, key, "expected a whole number from \(range.lowerBound) to \(range.upperBound), found '\(text)'")
                return nil
            }
            return value
        }

        mutating func boolean(_ node: Node, _ key: String) -> Bool? {
            guard let text = string(node, key) else { return nil }
            switch text.lowercased() {
            case "true", "yes", "on": return true
            case "false", "no", "off": return false
            default:
                problem(node, key, "expected true or false, found '\(text)'")
                return nil
            }
        }

        private func format(_ value: Double) -> String {
            value == value.rounded() ? String(Int(value)) : String(value)
        }

        mutating func configuration(from root: Node?) -> TandemConfiguration {
            var configuration = TandemConfiguration()
            guard let root else { return configuration }
            let sections = [
                "programme", "matching", "weights", "constraints", "preference_bonus", "sensitive_criteria", "input", "periods",
                "schedule", "calendar", "report", "organisations",
            ]
            for (key, node) in entries(root, at: "", allowed: sections) {
                switch key {
                case "programme": readProgramme(node, into: &configuration)
                case "matching": readMatching(node, into: &configuration.policy)
                case "weights": readWeights(node, into: &configuration.policy)
                case "constraints": readConstraints(node, into: &configuration.policy.constraints)
                case "preference_bonus": readPreferenceBonus(node, into: &configuration.policy)
                case "sensitive_criteria": readSensitive(node, into: &configuration.policy)
                case "input": readInput(node, into: &configuration.input)
                case "schedule": configuration.schedule = readSchedule(node)
                case "calendar": configuration.calendar = readCalendar(node)
                case "report": readReport(node, into: &configuration.report)
                case "organisations": readOrganisations(node, into: &configuration.organisations)
                default: readPeriods(node, into: &configuration)
                }
            }
            return configuration
        }

        mutating func readProgramme(_ node: Node, into configuration: inout TandemConfiguration) {
            let allowed = ["id", "name", "coordinator", "time_zone", "session_minutes"]
            for (key, value) in entries(node, at: "programme", allowed: allowed) {
                let path = "programme." + key
                switch key {
                case "id":
                    guard let id = string(value, path) else { break }
                    if id.trimmingWhitespace().isEmpty {
                        problem(value, path, "must not be blank; remove it to use the programme's name")
                    } else {
                        configuration.programme.id = id.trimmingWhitespace()
                    }
                case "name": configuration.programme.name = string(value, path) ?? configuration.programme.name
                case "coordinator":
                    for (field, inner) in entries(value, at: path, allowed: ["name", "email"]) {
                        let text = string(inner, path + "." + field) ?? ""
                        if field == "name" {
                            configuration.programme.coordinatorName = text
                        } else {
                            configuration.programme.coordinatorEmail = text
                        }
                    }
                case "time_zone":
                    guard let zone = string(value, path) else { break }
                    if TimeZone(identifier: zone) == nil {
                        problem(value, path, "'\(zone)' is not a known time zone; use a name like Europe/London")
                    } else {
                        configuration.programme.timeZone = zone
                    }
                default:
                    if let minutes = integer(value, path, in: 15...480) {
                        if minutes % WeeklyAvailability.slotMinutes != 0 {
                            problem(value, path, "sessions must last a whole number of quarter hours (e.g. 45, 60, 90)")
                        } else {
                            configuration.policy.sessionMinutes = minutes
                        }
                    }
                }
            }
        }

        mutating func readMatching(_ node: Node, into policy: inout MatchingPolicy) {
            let allowed = ["optimal", "objective", "seed", "minimum_score", "max_list_length", "availability_target_minutes"]
            for (key, value) in entries(node, at: "matching", allowed: allowed) {
                let path = "matching." + key
                switch key {
                case "optimal":
                    guard let text = string(value, path) else { break }
                    if let choice = StableChoice(rawValue: text.lowercased()) {
                        policy.optimal = choice
                    } else {
                        problem(
                            value, path,
                            "expected one of " + StableChoice.allCases.map(\.rawValue).joined(separator: ", ")
                                + ", found '\(text)'")
                    }
                case "objective":
                    guard let text = string(value, path) else { break }
                    if let objective = MatchObjective(rawValue: text.lowercased()) {
                        policy.objective = objective
                    } else {
                        problem(value, path, "expected 'stable' or 'coverage', found '\(text)'")
                    }
                case "seed":
                    guard let text = string(value, path) else { break }
                    if let seed = UInt64(text.trimmingWhitespace()) {
                        policy.seed = seed
                    } else {
                        problem(value, path, "expected a whole number (0 or more), found '\(text)'")
                    }
                case "minimum_score": policy.minimumScore = number(value, path, in: 0...1) ?? policy.minimumScore
                case "max_list_length":
                    if let text = value.scalar?.string, ["unlimited", "none", ""].contains(text.lowercased()) {
                        policy.maxListLength = nil
                    } else if let limit = integer(value, path, in: 1...1_000_000) {
                        policy.maxListLength = limit
                    }
                default:
                    policy.availabilityTargetMinutes = integer(value, path, in: 15...10_080) ?? policy.availabilityTargetMinutes
                }
            }
        }

        mutating func readWeights(_ node: Node, into policy: inout MatchingPolicy) {
            for (side, sideNode) in entries(node, at: "weights", allowed: ["mentee", "mentor"]) {
                var weights = side == "mentee" ? policy.menteeWeights : policy.mentorWeights
                let path = "weights." + side
                for (key, value) in entries(sideNode, at: path, allowed: Criterion.allCases.map(\.rawValue)) {
                    guard let criterion = Criterion(rawValue: key) else { continue }
                    weights[criterion] = number(value, path + "." + key, in: 0...1000) ?? weights[criterion]
                }
                if side == "mentee" { policy.menteeWeights = weights } else { policy.mentorWeights = weights }
            }
        }

        mutating func readConstraints(_ node: Node, into constraints: inout HardConstraints) {
            for (key, value) in entries(node, at: "constraints", allowed: ["same_organisation", "exclusions", "format"]) {
                guard let enabled = boolean(value, "constraints." + key) else { continue }
                switch key {
                case "same_organisation": constraints.sameOrganisation = enabled
                case "exclusions": constraints.exclusions = enabled
                default: constraints.format = enabled
                }
            }
        }

        mutating func readPreferenceBonus(_ node: Node, into policy: inout MatchingPolicy) {
            guard let sequence = node.sequence else {
                problem(node, "preference_bonus", "expected a list of numbers like [1.0, 0.8, 0.6]")
                return
            }
            policy.preferenceBonus = sequence.compactMap { number($0, "preference_bonus", in: 0...1) }
        }

        mutating func readSensitive(_ node: Node, into policy: inout MatchingPolicy) {
            guard let sequence = node.sequence else {
                problem(node, "sensitive_criteria", "expected a list like [themes, language]")
                return
            }
            var criteria = Set<Criterion>()
            for item in sequence {
                guard let text = string(item, "sensitive_criteria") else { continue }
                if let criterion = Criterion(rawValue: text.lowercased()) {
                    criteria.insert(criterion)
                } else {
                    problem(
                        item, "sensitive_criteria",
                        "'\(text)' is not a criterion; use " + Criterion.allCases.map(\.rawValue).joined(separator: ", "))
                }
            }
            policy.sensitiveCriteria = criteria
        }

        mutating func date(_ node: Node, _ key: String) -> LocalDate? {
            guard let text = string(node, key) else { return nil }
            guard let date = LocalDate(iso: text.trimmingWhitespace()) else {
                problem(node, key, "'\(text)' is not a date like 2027-01-11")
                return nil
            }
            return date
        }

        mutating func clock(_ node: Node, _ key: String) -> Int? {
            guard let text = string(node, key) else { return nil }
            let parts = text.trimmingWhitespace().split(separator: ":")
            guard parts.count == 2, let hours = Int(parts[0]), let minutes = Int(parts[1]), (0...23).contains(hours),
                [0, 15, 30, 45].contains(minutes)
            else {
                problem(node, key, "'\(text)' is not a time like 18:00 on the quarter hour")
                return nil
            }
            return hours * 60 + minutes
        }

        mutating func readSchedule(_ node: Node) -> ScheduleConfiguration? {
            let allowed = [
                "start_date", "end_date", "sessions", "cadence", "buffer_minutes", "earliest_start", "latest_start",
                "blackouts", "bank_holidays", "bank_holiday_division", "online_location", "venues", "events",
                "max_gap_weeks",
            ]
            var start: LocalDate?
            var end: LocalDate?
            var settings = ScheduleSettings(
                startDate: LocalDate(year: 2000, month: 1, day: 1), endDate: LocalDate(year: 2000, month: 1, day: 1))
            var bankHolidays: String?
            var division = "england-and-wales"
            var gapNode: Node?
            for (key, value) in entries(node, at: "schedule", allowed: allowed) {
                let path = "schedule." + key
                switch key {
                case "start_date": start = date(value, path)
                case "end_date": end = date(value, path)
                case "sessions": settings.sessionsPerPair = integer(value, path, in: 1...52) ?? settings.sessionsPerPair
                case "cadence":
                    guard let text = string(value, path) else { break }
                    if let cadence = Self.cadence(text) {
                        settings.cadence = cadence
                    } else {
                        problem(value, path, "'\(text)' is not a cadence; use weekly, fortnightly, every 3 weeks or monthly")
                    }
                case "buffer_minutes": settings.bufferMinutes = integer(value, path, in: 0...240) ?? settings.bufferMinutes
                case "max_gap_weeks":
                    gapNode = value
                    settings.maxGapWeeks = integer(value, path, in: 1...52) ?? settings.maxGapWeeks
                case "earliest_start": settings.earliestStartMinute = clock(value, path) ?? settings.earliestStartMinute
                case "latest_start": settings.latestStartMinute = clock(value, path) ?? settings.latestStartMinute
                case "blackouts": readBlackouts(value, into: &settings)
                case "bank_holidays":
                    guard let text = string(value, path)?.trimmingWhitespace(), !text.isEmpty else { break }
                    bankHolidays = text.hasPrefix("/") ? text : URL(fileURLWithPath: folder).appendingPathComponent(text).path
                case "bank_holiday_division": division = string(value, path) ?? division
                case "online_location": settings.onlineLocation = string(value, path) ?? settings.onlineLocation
                case "venues": settings.venues = readVenues(value)
                default: settings.cohortEvents = readEvents(value)
                }
            }
            // Every gap of a series is at least its cadence (up to 5 weeks for monthly), so a
            // shorter limit would flag every pair.
            let (shortestGap, why): (Int, String)
            switch settings.cadence {
            case .everyWeeks(let weeks): (shortestGap, why) = (weeks, "the cadence")
            case .monthly: (shortestGap, why) = (5, "monthly sessions are 4 or 5 weeks apart")
            }
            if let gap = settings.maxGapWeeks, gap < shortestGap {
                problem(
                    gapNode, "schedule.max_gap_weeks",
                    "is \(gap) weeks, shorter than the cadence; use at least \(shortestGap) (\(why)),"
                        + " or leave it out for twice the cadence")
            }
            guard let start, let end else {
                problem(node, "schedule", "needs both start_date and end_date (dates like 2027-01-11)")
                return nil
            }
            if end < start { problem(node, "schedule.end_date", "is before start_date") }
            settings.startDate = start
            settings.endDate = end
            return ScheduleConfiguration(settings: settings, bankHolidayFile: bankHolidays, bankHolidayDivision: division)
        }

        static func cadence(_ text: String) -> CadenceKind? {
            let words = TextKey.normalise(text).split(separator: " ")
            switch words.joined(separator: " ") {
            case "weekly", "every week": return .everyWeeks(1)
            case "fortnightly", "every 2 weeks", "every other week": return .everyWeeks(2)
            case "monthly", "every month": return .monthly
            default:
                guard words.count == 3, words[0] == "every", words[2] == "weeks", let weeks = Int(words[1]),
                    (1...8).contains(weeks)
                else { return nil }
                return .everyWeeks(weeks)
            }
        }

        mutating func readBlackouts(_ node: Node, into settings: inout ScheduleSettings) {
            guard let sequence = node.sequence else {
                problem(node, "schedule.blackouts", "expected a list like [2026-12-21..2027-01-03, 2027-03-30]")
                return
            }
            for item in sequence {
                guard let text = string(item, "schedule.blackouts") else { continue }
                let ends = text.components(separatedBy: "..").map { $0.trimmingWhitespace() }
                guard (1...2).contains(ends.count), let first = LocalDate(iso: ends[0]),
                    let last = LocalDate(iso: ends[ends.count - 1]),
                    first <= last, last.dayNumber - first.dayNumber < 3660
                else {
                    problem(item, "schedule.blackouts", "'\(text)' is not a date or a range like 2026-12-21..2027-01-03")
                    continue
                }
                for day in first.dayNumber...last.dayNumber {
                    let date = LocalDate(dayNumber: day)
                    settings.closedDates.insert(date)
                    settings.closedDateReasons[date] = settings.closedDateReasons[date] ?? "blackout"
                }
            }
        }

        mutating func readVenues(_ node: Node) -> [Venue] {
            guard let sequence = node.sequence else {
                problem(node, "schedule.venues", "expected a list of venues, each with name, address and town")
                return []
            }
            return sequence.compactMap { item in
                var venue = Venue(name: "", address: "", town: "")
                for (key, value) in entries(item, at: "schedule.venues", allowed: ["name", "address", "town"]) {
                    let text = string(value, "schedule.venues." + key) ?? ""
                    switch key {
                    case "name": venue.name = text
                    case "address": venue.address = text
                    default: venue.town = text
                    }
                }
                if venue.name.isEmpty {
                    problem(item, "schedule.venues", "a venue needs a name")
                    return nil
                }
                return venue
            }
        }

        mutating func readEvents(_ node: Node) -> [CohortEvent] {
            guard let sequence = node.sequence else {
                problem(node, "schedule.events", "expected a list of events, each with title, date, time, minutes and location")
                return []
            }
            return sequence.compactMap { item in
                var title = ""
                var day: LocalDate?
                var minute: Int?
                var minutes = 60
                var location = ""
                let allowed = ["title", "date", "time", "minutes", "location"]
                for (key, value) in entries(item, at: "schedule.events", allowed: allowed) {
                    let path = "schedule.events." + key
                    switch key {
                    case "title": title = string(value, path) ?? ""
                    case "date": day = date(value, path)
                    case "time": minute = clock(value, path)
                    case "minutes": minutes = integer(value, path, in: 15...720) ?? minutes
                    default: location = string(value, path) ?? ""
                    }
                }
                guard !title.isEmpty, let day, let minute else {
                    problem(item, "schedule.events", "an event needs a title, a date and a time")
                    return nil
                }
                return CohortEvent(title: title, start: day.at(minuteOfDay: minute), durationMinutes: minutes, location: location)
            }
        }

        mutating func readPeriods(_ node: Node, into configuration: inout TandemConfiguration) {
            for (name, value) in entries(node, at: "periods", allowed: nil) {
                guard let definition = string(value, "periods." + name) else { continue }
                var parser = AvailabilityParser()
                do {
                    try parser.definePeriod(named: name, as: definition)
                    configuration.periods.append((name, definition))
                } catch {
                    problem(value, "periods." + name, error.description)
                }
            }
        }
    }
}
