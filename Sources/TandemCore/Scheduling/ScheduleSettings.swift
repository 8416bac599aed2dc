/// A venue for in-person pairs.
public struct Venue: Sendable, Hashable, Codable {
    public var name: String
    public var address: String
    /// The town it serves; in-person pairs meet at the venue in the mentor's town when there is one.
    public var town: String

    public init(name: String, address: String, town: String) {
        self.name = name
        self.address = address
        self.town = town
    }

    /// `Name, Address`, as calendars show it.
    public var locationText: String { address.isEmpty ? name : name + ", " + address }
}

/// The programme calendar: when sessions may happen and how they repeat.
public struct ScheduleSettings: Sendable, Hashable {
    /// The first date a session may fall on.
    public var startDate: LocalDate
    /// The last date any session may fall on.
    public var endDate: LocalDate
    public var sessionsPerPair: Int
    public var cadence: CadenceKind
    public var sessionMinutes: Int
    /// Minimum gap between two sessions of the same mentor.
    public var bufferMinutes: Int
    /// Earliest and latest local start times (minutes after midnight).
    public var earliestStartMinute: Int
    public var latestStartMinute: Int
    /// Dates with no sessions: bank holidays, blackouts, festivals.
    public var closedDates: Set<LocalDate>
    /// Why each closed date is closed ("Christmas Day", "blackout"), for reports.
    public var closedDateReasons: [LocalDate: String]
    public var venues: [Venue]
    public var onlineLocation: String
    public var cohortEvents: [CohortEvent]
    /// IANA zone of all local times.
    public var timeZone: String
    /// The programme's key (``Programme/key``), from which every calendar UID derives.
    public var programmeKey: String
    /// The longest gap, in weeks, a pair should go between two sessions (skipped bank holidays
    /// and blackouts make gaps); `nil` for twice the cadence (``CadenceKind/defaultMaxGapWeeks``).
    package var maxGapWeeks: Int?

    /// ``maxGapWeeks``, or twice the cadence when it is not set.
    package var gapLimitWeeks: Int { maxGapWeeks ?? cadence.defaultMaxGapWeeks }

    public init(
        startDate: LocalDate, endDate: LocalDate, sessionsPerPair: Int = 6, cadence: CadenceKind = .monthly,
        sessionMinutes: Int = 60, bufferMinutes: Int = 0, earliestStartMinute: Int = 0, latestStartMinute: Int = 24 * 60,
        closedDates: Set<LocalDate> = [], closedDateReasons: [LocalDate: String] = [:], venues: [Venue] = [],
        onlineLocation: String = "Online", cohortEvents: [CohortEvent] = [], timeZone: String = "Europe/London",
        programmeKey: String = Programme().key
    ) {
        self.startDate = startDate
        self.endDate = endDate
        self.sessionsPerPair = sessionsPerPair
        self.cadence = cadence
        self.sessionMinutes = sessionMinutes
        self.bufferMinutes = bufferMinutes
        self.earliestStartMinute = earliestStartMinute
        self.latestStartMinute = latestStartMinute
        self.closedDates = closedDates
        self.closedDateReasons = closedDateReasons
        self.venues = venues
        self.onlineLocation = onlineLocation
        self.cohortEvents = cohortEvents
        self.timeZone = timeZone
        self.programmeKey = programmeKey
    }
}

/// How often a pair meets, as configured for the whole programme.
public enum CadenceKind: Sendable, Hashable {
    /// Every `weeks` weeks (1 = weekly, 2 = fortnightly).
    case everyWeeks(Int)
    /// Monthly on the same nth weekday (e.g. the 2nd Tuesday), n taken from the first session.
    case monthly

    /// Distinct phases two series of one mentor can use so they never fall on the same date:
    /// alternate weeks for a cadence of two weeks or more, the 1st–4th weekday for monthly.
    public var phaseCount: Int {
        switch self {
        case .everyWeeks(let weeks): max(1, weeks)
        case .monthly: 4
        }
    }

    /// Twice the cadence, in weeks: 2 weekly, 4 fortnightly, 6 every three weeks, 8 monthly.
    /// One skipped date doubles a weekly pair's gap; a monthly gap is 4 or 5 weeks, so one
    /// skipped month gives 8 to 10 weeks and may already pass it.
    package var defaultMaxGapWeeks: Int {
        switch self {
        case .everyWeeks(let weeks): 2 * max(1, weeks)
        case .monthly: 8
        }
    }
}
