import Foundation

/// An online meeting link with a place for each pair's own code, such as
/// `https://teams.example/ealing-{pair}`: one meeting room per pair without typing a link per pair.
///
/// `{pair}` becomes ``pairCode(forSeriesUID:)``, a code derived from the series' calendar UID,
/// so it is the same on every run and says nothing about who the pair are: names and ids never
/// appear in a link, which anyone who sees the invitation can read.
public struct MeetingLinkTemplate: Sendable, Hashable {
    /// The one placeholder a template may (and must) contain.
    public static let pairPlaceholder = "{pair}"

    /// The template as configured, trimmed.
    public let text: String

    /// Checks `text`: an `https` link with a host, containing `{pair}` and no other `{...}`.
    /// - Throws: A sentence saying what is wrong and what to write instead.
    public init(_ text: String) throws(MeetingLinkProblem) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard trimmed.contains(Self.pairPlaceholder) else {
            throw MeetingLinkProblem(
                "'\(trimmed)' has no \(Self.pairPlaceholder): add it where each pair's own code goes "
                    + "(e.g. https://teams.example/ealing-{pair}), so that pairs meeting at the same time do not share a room")
        }
        let rest = trimmed.replacingOccurrences(of: Self.pairPlaceholder, with: "")
        if rest.contains("{") || rest.contains("}") {
            throw MeetingLinkProblem("'\(trimmed)' has a placeholder other than \(Self.pairPlaceholder), the only one there is")
        }
        let sample = trimmed.replacingOccurrences(of: Self.pairPlaceholder, with: "0a1b2c3d4e5f")
        if let problem = Self.problem(inLink: sample, shownAs: trimmed) { throw MeetingLinkProblem(problem) }
        self.text = trimmed
    }

    /// The link of the pair whose series has calendar UID `uid`.
    public func link(forSeriesUID uid: String) -> String {
        // The standard library's replacement, not Foundation's: this runs for every series in
        // every calendar file, and the template is ASCII (``problem(inLink:)`` allows nothing
        // else), where the two agree.
        text.replacing(Self.pairPlaceholder, with: Self.pairCode(forSeriesUID: uid))
    }

    /// Twelve lowercase hex digits of a SHA-1 of the UID: stable, short enough for a room name,
    /// and distinct for distinct pairs (a clash takes tens of millions of pairs).
    public static func pairCode(forSeriesUID uid: String) -> String {
        let digest = SHA1.digest(Array(("tandem meeting link\u{0}" + uid).utf8))
        let digits = Array("0123456789abcdef")
        return String(digest.prefix(6).flatMap { [digits[Int($0 >> 4)], digits[Int($0 & 0x0F)]] })
    }

    /// Why `link` is not a usable meeting link, or `nil` if it is: it must be an `https` URL with
    /// a host, and nothing a calendar would cut it at (spaces, quotes, angle brackets).
    /// - Parameter shown: How to quote the link in the message (the template it came from).
    public static func problem(inLink link: String, shownAs shown: String? = nil) -> String? {
        let quoted = "'\(shown ?? link)'"
        let allowed = CharacterSet.urlQueryAllowed.union(.urlPathAllowed).union(CharacterSet(charactersIn: "#%"))
        guard link.lowercased().hasPrefix("https://") else {
            return "\(quoted) is not an https link; a meeting link starts with https://"
        }
        // A comma or backslash would be escaped inside the description, where a long link can
        // be folded through the escape (see CalendarSettings.longestRunWithoutSpace).
        if let bad = link.unicodeScalars.first(where: { $0 == "," || $0 == "\\" }) {
            let code = bad == "," ? "%2C" : "%5C"
            return "\(quoted) contains '\(bad)'; write it as \(code), as browsers do"
        }
        if let bad = link.unicodeScalars.first(where: { !allowed.contains($0) }) {
            let what = bad.properties.generalCategory == .control || bad == " " ? "a space or control character" : "'\(bad)'"
            return "\(quoted) contains \(what), which a link cannot; copy the link again from the meeting invitation"
        }
        guard let url = URL(string: link), let host = url.host, !host.isEmpty else {
            return "\(quoted) is not a valid link; copy it again from the meeting invitation"
        }
        return nil
    }
}

/// Why a meeting link or template cannot be used: a sentence saying what to change.
public struct MeetingLinkProblem: Error, Sendable, Hashable, CustomStringConvertible {
    public var description: String

    public init(_ description: String) {
        self.description = description
    }
}
