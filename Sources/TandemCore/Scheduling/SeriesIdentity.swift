/// Stable event identifiers that carry no personal data.
public enum SeriesIdentity {
    /// Tandem's UUID namespace for name-based UUIDs (a fixed random UUID; never change it, or
    /// every calendar client sees every series as new).
    static let namespace: [UInt8] = [
        0xD8, 0x0B, 0x07, 0xDC, 0xFE, 0xD6, 0x4B, 0xE8, 0xBB, 0x63, 0x27, 0x8E, 0x84, 0xF7, 0x47, 0x44,
    ]

    /// The UID of one pair's session series: a version 5 (SHA-1, name-based) UUID, lowercase
    /// `8-4-4-4-12`, of the programme and the two ids.
    ///
    /// The same inputs give the same UID on every run, so a re-exported file updates rather than
    /// duplicates in clients that honour UIDs; the ids are hashed, so an id that is an e-mail
    /// address does not leak into the UID. Each part is length-prefixed, so `("a b", "c")` and
    /// `("a", "b c")` differ.
    /// - Parameters:
    ///   - programme: The programme's key (``Programme/key``), which a rename does not change.
    ///   - mentorID: The mentor's id (or `"event"` for a cohort event).
    ///   - menteeID: The mentee's id (or the event's title and date).
    public static func uid(programme: String, mentorID: String, menteeID: String) -> String {
        // Built and formatted by hand: every file of a programme computes the UIDs of its events,
        // and array literals and per-byte strings made this a visible share of an export.
        var name = namespace
        name.reserveCapacity(namespace.count + 12 + programme.utf8.count + mentorID.utf8.count + menteeID.utf8.count)
        for part in [programme, mentorID, menteeID] {
            let count = UInt32(truncatingIfNeeded: part.utf8.count)
            for shift in [24, 16, 8, 0] as [UInt32] { name.append(UInt8(truncatingIfNeeded: count >> shift)) }
            name.append(contentsOf: part.utf8)
        }
        var bytes = SHA1.digest(name)
        bytes[6] = (bytes[6] & 0x0F) | 0x50  // version 5
        bytes[8] = (bytes[8] & 0x3F) | 0x80  // RFC 9562 variant
        let digits = Array("0123456789abcdef".utf8)
        var text: [UInt8] = []
        text.reserveCapacity(36)
        for index in 0..<16 {
            if index == 4 || index == 6 || index == 8 || index == 10 { text.append(UInt8(ascii: "-")) }
            text.append(digits[Int(bytes[index] >> 4)])
            text.append(digits[Int(bytes[index] & 0x0F)])
        }
        return String(decoding: text, as: UTF8.self)
    }

    /// The UID of a cohort event: the programme, `"event"`, and the title (spaces collapsed,
    /// as calendars show it) with the ISO date.
    public static func uid(programme: String, event: CohortEvent) -> String {
        let title = event.title.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        return uid(programme: programme, mentorID: "event", menteeID: title + "@" + event.start.date.iso)
    }
}
