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

    /// The longest run of characters without a space in which a calendar file may need to
    /// escape one (`,` or `\`): libical splits a run of 74 octets or more at a fixed place,
    /// which may fall inside an escape, and some Outlook versions misread that.
    package static let longestRunWithoutSpace = 60

    /// Why `text` cannot be a preparation text, or `nil` if it can: a long run without a space
    /// (a pasted link) must not contain a comma or a backslash (see ``longestRunWithoutSpace``).
    public static func problem(inPrepare text: String) -> String? {
        if isPlainASCII(prepare: text) { return nil }
        for word in text.split(whereSeparator: \.isWhitespace)
        where word.utf8.count >= longestRunWithoutSpace && word.contains(where: { $0 == "," || $0 == "\\" }) {
            let shown = word.count > 40 ? word.prefix(40) + "…" : word
            return "'\(shown)' is too long without a space for a comma or backslash in it, which calendar files "
                + "escape; add a space after its commas (or shorten the link)"
        }
        return nil
    }

    /// Whether `text` is ASCII without the problem ``problem(inPrepare:)`` looks for, decided
    /// byte by byte: every calendar file checks its settings, and splitting the sample's text
    /// into `Character` words took about 0.06 s over the 4,200 files of 10,000 mentees. In
    /// ASCII the whitespace `Character`s are the bytes 0x09–0x0D and 0x20, and `,` and `\` are
    /// bytes.
    static func isPlainASCII(prepare text: String) -> Bool {
        var run = 0
        var hasMark = false
        for byte in text.utf8 {
            guard byte < 0x80 else { return false }
            if byte == 0x20 || (0x09...0x0D).contains(byte) {
                if run >= longestRunWithoutSpace && hasMark { return false }
                run = 0
                hasMark = false
            } else {
                run += 1
                if byte == UInt8(ascii: ",") || byte == UInt8(ascii: "\\") { hasMark = true }
            }
        }
        return !(run >= longestRunWithoutSpace && hasMark)
    }

    public init(
        prepare: String = "", meetingLink: MeetingLinkTemplate? = nil, reminderMinutes: [Int] = Self.defaultReminderMinutes
    ) {
        self.prepare = prepare
        self.meetingLink = meetingLink
        self.reminderMinutes = reminderMinutes
    }
}
