/// What calendar events say beyond the times and people: what to prepare, the online meeting
/// link, and when to remind people (the configuration's `calendar` section).
public struct CalendarSettings: Sendable, Hashable {
    /// One day and one hour before.
    public static let defaultReminderMinutes = [24 * 60, 60]

    /// What to prepare for a session, shown on every session; empty for nothing.
    public var prepare: String
    /// Where online pairs meet, one link per pair; `nil` when the coordinator sends links
    /// some other way (the event then shows ``ScheduleSettings/onlineLocation`` only).
    public var meetingLink: MeetingLinkTemplate?
    /// Reminders (alarms), as minutes before each event starts; empty for none.
    public var reminderMinutes: [Int]

    public init(
        prepare: String = "", meetingLink: MeetingLinkTemplate? = nil, reminderMinutes: [Int] = Self.defaultReminderMinutes
    ) {
        self.prepare = prepare
        self.meetingLink = meetingLink
        self.reminderMinutes = reminderMinutes
    }
}
