import TandemCore

/// How sign-up files are laid out: which headings mean what, and how lists are separated.
public struct InputSettings: Sendable, Hashable {
    /// Separator between items of a list inside one cell (`;` for Microsoft Forms, `,` for Google Forms).
    public var listSeparator: String
    /// When set, a blank `id` is taken from this column (e.g. the form's response `ID`), prefixed
    /// `M`/`E` by side so ids stay unique across the two files.
    public var idColumn: String?
    /// Header text (normalised) → canonical field name, per file.
    public var mentorColumns: [String: String]
    public var menteeColumns: [String: String]
    /// Each configured column mapping as written, per file, to report one that matches no heading.
    public var mentorMappings: [ColumnMapping] = []
    public var menteeMappings: [ColumnMapping] = []
    /// Headings (``HeadingKey``) of columns to drop from both files, e.g. a form's own `Name`.
    public var ignoreColumns: Set<String> = []
    /// What to do with two sign-ups from the same person.
    public var duplicates: DuplicatePolicy = .report
    /// Answer translations by field (or `themes` for every theme field): ``AnswerKey`` of the
    /// answer as the form words it → Tandem's value.
    public var values: [String: [String: String]] = [:]

    public init(
        listSeparator: String = ";", idColumn: String? = nil, mentorColumns: [String: String] = [:],
        menteeColumns: [String: String] = [:]
    ) {
        self.listSeparator = listSeparator
        self.idColumn = idColumn
        self.mentorColumns = mentorColumns
        self.menteeColumns = menteeColumns
    }
}

/// Everything in a programme configuration file.
public struct TandemConfiguration: Sendable {
    public var programme: Programme
    public var policy: MatchingPolicy
    public var input: InputSettings
    /// Named availability periods, in file order.
    public var periods: [(name: String, definition: String)]
    /// The programme calendar, when the configuration has a `schedule` section.
    public var schedule: ScheduleConfiguration?
    /// What calendar events say beyond times and people (the `calendar` section).
    public var calendar = CalendarSettings()
    /// The coordinator's report: disclosure control and organisation types.
    public var report = ReportSettings()
    /// Other spellings of organisations' names (the `organisations` section).
    public var organisations = OrganisationAliases()

    public init(
        programme: Programme = Programme(), policy: MatchingPolicy = MatchingPolicy(), input: InputSettings = InputSettings(),
        periods: [(name: String, definition: String)] = []
    ) {
        self.programme = programme
        self.policy = policy
        self.input = input
        self.periods = periods
    }

    /// An availability parser that knows this configuration's named periods.
    /// - Throws: the first period definition that is not valid availability.
    public func availabilityParser(file: String) throws(TandemFailure) -> AvailabilityParser {
        var parser = AvailabilityParser()
        for period in periods {
            do {
                try parser.definePeriod(named: period.name, as: period.definition)
            } catch {
                throw TandemFailure(
                    .dataError,
                    problem: InputProblem(file: file, field: "periods.\(period.name)", message: error.description))
            }
        }
        return parser
    }
}

/// The `schedule` section as written, before the bank-holiday file is read.
public struct ScheduleConfiguration: Sendable {
    public var settings: ScheduleSettings
    /// The GOV.UK `bank-holidays.json` file, resolved against the configuration's folder.
    public var bankHolidayFile: String?
    public var bankHolidayDivision: String

    public init(settings: ScheduleSettings, bankHolidayFile: String?, bankHolidayDivision: String) {
        self.settings = settings
        self.bankHolidayFile = bankHolidayFile
        self.bankHolidayDivision = bankHolidayDivision
    }

    /// The settings with bank holidays added to the closed dates, and the programme's session
    /// length, time zone and key (with the cohort events' UIDs).
    public func resolved(programme: Programme, sessionMinutes: Int) throws(TandemFailure) -> ScheduleSettings {
        var settings = settings
        settings.sessionMinutes = sessionMinutes
        settings.timeZone = programme.timeZone
        settings.programmeKey = programme.key
        settings.cohortEvents = settings.cohortEvents.map { event in
            var event = event
            event.uid = SeriesIdentity.uid(programme: programme.key, event: event)
            return event
        }
        if let bankHolidayFile {
            for (date, title) in try BankHolidays.load(path: bankHolidayFile, division: bankHolidayDivision) {
                settings.closedDates.insert(date)
                settings.closedDateReasons[date] = title
            }
        }
        return settings
    }
}
