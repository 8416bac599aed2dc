/// The iTIP method a calendar file declares (RFC 5546).
public enum CalendarMethod: String, Sendable, Hashable, CaseIterable {
    /// A file to download and import: an organizer, no attendees, no replies expected.
    case publish = "PUBLISH"
    /// An e-mailed invitation, or an update of one: the mentor and mentee are attendees asked to reply.
    case request = "REQUEST"
    /// An e-mailed cancellation of whole series: their events marked cancelled, to the same attendees.
    case cancel = "CANCEL"
}
