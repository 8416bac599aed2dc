import TandemCore
import Yams

extension ConfigurationLoader.Reader {
    /// The `calendar` section: what session events say beyond times and people.
    ///
    ///     calendar:
    ///       prepare: Bring one example from your work ...
    ///       meeting_link: https://teams.example/ealing-{pair}
    ///       reminders: [1 day, 1 hour]
    mutating func readCalendar(_ node: Node) -> CalendarSettings {
        var settings = CalendarSettings()
        for (key, value) in entries(node, at: "calendar", allowed: ["prepare", "meeting_link", "reminders"]) {
            let path = "calendar." + key
            switch key {
            case "prepare":
                let text = string(value, path)?.trimmingWhitespace() ?? ""
                if let message = CalendarSettings.problem(inPrepare: text) {
                    problem(value, path, message)
                } else {
                    settings.prepare = text
                }
            case "meeting_link":
                guard let text = string(value, path), !text.trimmingWhitespace().isEmpty else { break }
                do {
                    settings.meetingLink = try MeetingLinkTemplate(text)
                } catch {
                    problem(value, path, error.description)
                }
            default: settings.reminderMinutes = readReminders(value, path) ?? settings.reminderMinutes
            }
        }
        return settings
    }

    /// `[1 day, 1 hour]`, `[2 days, 30 minutes]`, `[1440, 60]` (minutes) or `[]` for none.
    mutating func readReminders(_ node: Node, _ path: String) -> [Int]? {
        guard let sequence = node.sequence else {
            problem(node, path, "expected a list like [1 day, 1 hour], or [] for no reminders")
            return nil
        }
        var minutes: [Int] = []
        for item in sequence {
            guard let text = string(item, path) else { continue }
            guard let value = Self.reminderMinutes(text) else {
                problem(
                    item, path,
                    "'\(text)' is not a time before the session; write it like 1 day, 2 hours or 30 minutes (up to 4 weeks)")
                continue
            }
            if !minutes.contains(value) { minutes.append(value) }
        }
        return minutes
    }

    /// Minutes in `30`, `30 minutes`, `1 hour`, `2 days`, `1 week`: 1 minute to 4 weeks; `nil` otherwise.
    static func reminderMinutes(_ text: String) -> Int? {
        let words = TextKey.normalise(text).split(separator: " ")
        guard (1...2).contains(words.count), let count = Int(words[0]), count > 0 else { return nil }
        let unit: Int
        switch words.count == 1 ? "minutes" : String(words[1]) {
        case "minute", "minutes", "min", "mins": unit = 1
        case "hour", "hours": unit = 60
        case "day", "days": unit = 24 * 60
        case "week", "weeks": unit = 7 * 24 * 60
        default: return nil
        }
        let (minutes, overflow) = count.multipliedReportingOverflow(by: unit)
        guard !overflow, minutes <= 4 * 7 * 24 * 60 else { return nil }
        return minutes
    }
}
