/// How a person is willing to meet.
public enum MeetingFormat: String, Sendable, Hashable, Codable, CaseIterable {
    case online
    case inPerson = "in person"
    case either

    /// Reads `online`, `in person`, `in-person`, `face to face`, `either`, `both`, `no preference`
    /// (case-insensitive); `nil` otherwise.
    public init?(parsing text: String) {
        switch TextKey.normalise(text).replacingDashes() {
        case "online", "remote", "video", "virtual": self = .online
        case "in person", "face to face", "inperson": self = .inPerson
        case "either", "both", "no preference", "any", "either is fine": self = .either
        default: return nil
        }
    }

    /// Online-only and in-person-only cannot meet.
    public func isCompatible(with other: MeetingFormat) -> Bool {
        !(self == .online && other == .inPerson || self == .inPerson && other == .online)
    }

    /// Whether the pair can meet in person (neither insists on online).
    public func allowsInPerson(with other: MeetingFormat) -> Bool {
        self != .online && other != .online
    }
}

extension String {
    fileprivate func replacingDashes() -> String {
        String(map { $0 == "-" ? " " : $0 })
    }
}
