import StableMatching
import TandemCore

/// A deterministic, realistic synthetic cohort of community mentors and professional mentees.
///
/// Rows use Tandem's canonical column names (``mentorHeader`` and ``menteeHeader``) and the
/// same cell syntax as a coordinator's sign-up files: lists separated by `"; "`, availability
/// as `DAY HH:MM-HH:MM` windows on a 15-minute grid, `online` / `in person` / `either`,
/// `yes` / `no`. The shape follows what real reverse-mentoring rounds look like, so tests and
/// benchmarks see realistic list lengths and overlaps rather than uniform noise:
///
/// - theme popularity is skewed (Zipf-like), with mental health, racism in services and
///   housing in most demand; mentees want 1–3 themes, mentors offer 2–5 and sometimes
///   decline one;
/// - availability is clustered: mentors mostly evenings and weekends with some daytime,
///   mentees mostly weekday daytime, lunchtime and early evening;
/// - names, languages and community groups come from small pools across Ealing's
///   communities, with English for most people and the first language the preferred one;
/// - capacities 1, 2, 3 with weights of about 60, 30 and 10 percent; about 3 percent name
///   an exclusion, 5 percent a ranked preference list, 85 percent consent to sensitive data.
///
/// The same counts and seed always give byte-identical rows on every platform: all
/// randomness comes from ``SeededGenerator`` through this file's own bounded draws, never
/// from the standard library's `random(in:using:)`, whose algorithm may change.
public struct SyntheticCohort: Sendable {
    /// The canonical mentor columns, in the order of each mentor row.
    public static let mentorHeader = SignupColumns.mentor

    /// The canonical mentee columns, in the order of each mentee row.
    public static let menteeHeader = SignupColumns.mentee

    /// One row per mentor, fields in ``mentorHeader`` order; ids `M1`, `M2`, ...
    /// zero-padded to the width of the mentor count.
    public var mentorRows: [[String]]

    /// One row per mentee, fields in ``menteeHeader`` order; ids `E1`, `E2`, ...
    /// zero-padded to the width of the mentee count.
    public var menteeRows: [[String]]

    /// Generates a cohort.
    ///
    /// - Parameters:
    ///   - mentees: The number of mentee rows; a negative count is treated as zero.
    ///   - mentors: The number of mentor rows; a negative count is treated as zero.
    ///   - seed: Any value; the same counts and seed give the same rows.
    /// - Returns: The generated cohort.
    /// - Complexity: O(`mentees` + `mentors`).
    public static func generate(mentees: Int, mentors: Int, seed: UInt64) -> SyntheticCohort {
        let menteeCount = max(0, mentees)
        let mentorCount = max(0, mentors)
        let mentorIDs = IdentifierFormat(prefix: "M", count: mentorCount)
        let menteeIDs = IdentifierFormat(prefix: "E", count: menteeCount)
        // Separate streams, so the mentor rows do not change when only the mentee count does.
        var mentorDraw = Draw(seed: SeededGenerator.mix(seed ^ 0x6D65_6E74_6F72_7321))
        var menteeDraw = Draw(seed: SeededGenerator.mix(seed ^ 0x6D65_6E74_6565_7321))

        var mentorRows: [[String]] = []
        mentorRows.reserveCapacity(mentorCount)
        for index in 0..<mentorCount {
            mentorRows.append(
                mentorDraw.mentorRow(index: index, ids: mentorIDs, menteeIDs: menteeIDs))
        }
        var menteeRows: [[String]] = []
        menteeRows.reserveCapacity(menteeCount)
        for index in 0..<menteeCount {
            menteeRows.append(
                menteeDraw.menteeRow(index: index, ids: menteeIDs, mentorIDs: mentorIDs))
        }
        return SyntheticCohort(mentorRows: mentorRows, menteeRows: menteeRows)
    }
}

// Helpers are nested in the type so that their short names cannot clash with the module's.
extension SyntheticCohort {
    // MARK: - Identifiers

    /// Ids such as `E007`: a prefix and a number zero-padded to the width of the count.
    fileprivate struct IdentifierFormat {
        let prefix: String
        let count: Int
        let width: Int

        init(prefix: String, count: Int) {
            self.prefix = prefix
            self.count = count
            self.width = String(count).utf8.count
        }

        /// The id of the row at zero-based `index`.
        func id(_ index: Int) -> String {
            let digits = String(index + 1)
            let padding = width - digits.utf8.count
            if padding <= 0 {
                return prefix + digits
            }
            return prefix + String(repeating: "0", count: padding) + digits
        }
    }

    // MARK: - Random draws

    /// Bounded and weighted draws over a ``SeededGenerator``, defined here so that the output
    /// depends on nothing but the generator's 64-bit values.
    fileprivate struct Draw {
        var generator: SeededGenerator

        init(seed: UInt64) {
            generator = SeededGenerator(seed: seed)
        }

        /// A value in `0..<bound` by multiply-shift (Lemire), without the rejection step: the
        /// bias is below 2^-40 for the bounds used here.
        mutating func below(_ bound: Int) -> Int {
            Int(truncatingIfNeeded: generator.next().multipliedFullWidth(by: UInt64(bound)).high)
        }

        /// True with probability `percent` / 100.
        mutating func chance(_ percent: Int) -> Bool {
            below(100) < percent
        }

        /// An index into `table.weights`, chosen in proportion to the weights.
        mutating func pick(_ table: WeightTable) -> Int {
            var point = below(table.total)
            for (index, weight) in table.weights.enumerated() {
                if point < weight {
                    return index
                }
                point -= weight
            }
            return table.weights.count - 1
        }

        /// An element of `pool`, chosen uniformly.
        mutating func element<T>(of pool: [T]) -> T {
            pool[below(pool.count)]
        }

        /// `count` distinct themes drawn by `table` as a `"; "`-separated cell, with their bit set;
        /// themes in `excluded` are never drawn.
        mutating func themes(_ count: Int, by table: WeightTable, excluding excluded: UInt16 = 0)
            -> (cell: String, mask: UInt16)
        {
            var mask: UInt16 = 0
            var cell = ""
            var drawn = 0
            var attempts = 0
            while drawn < count {
                var theme = pick(table)
                attempts += 1
                if (mask | excluded) & (1 << theme) != 0 {
                    // The top themes take most draws; after a few misses take the most popular
                    // free one, so the loop is bounded.
                    guard attempts > 8 else { continue }
                    guard
                        let free = table.order.first(where: { (mask | excluded) & (1 << $0) == 0 })
                    else { break }
                    theme = free
                }
                mask |= 1 << theme
                if drawn > 0 {
                    cell += "; "
                }
                cell += Pools.themes[theme]
                drawn += 1
            }
            return (cell, mask)
        }

        // MARK: Rows

        mutating func mentorRow(index: Int, ids: IdentifierFormat, menteeIDs: IdentifierFormat)
            -> [String]
        {
            let culture = Pools.cultures[pick(Pools.mentorCultureWeights)]
            let name = element(of: culture.fullNames)
            let group =
                culture.groups.isEmpty || chance(35)
                ? element(of: Pools.generalGroups) : element(of: culture.groups)
            let offered = themes(2 + below(4), by: Pools.mentorThemeWeights)
            let declined =
                chance(12)
                ? themes(1, by: Pools.declinedThemeWeights, excluding: offered.mask).cell : ""
            let exclusions =
                menteeIDs.count > 0 && chance(3) ? menteeIDs.id(below(menteeIDs.count)) : ""
            return [
                ids.id(index),
                name.display,
                name.email + ".m" + String(index + 1) + "@example.org",
                group,
                Pools.towns[pick(Pools.townWeights)],
                mentorLanguages(culture),
                offered.cell,
                declined,
                availability(Pools.mentorAvailability),
                Pools.formats[pick(Pools.formatWeights)],
                Pools.capacities[pick(Pools.capacityWeights)],
                exclusions,
                preferences(from: menteeIDs),
                chance(85) ? "yes" : "no",
            ]
        }

        mutating func menteeRow(index: Int, ids: IdentifierFormat, mentorIDs: IdentifierFormat)
            -> [String]
        {
            let culture = Pools.cultures[pick(Pools.menteeCultureWeights)]
            let name = element(of: culture.fullNames)
            let employer = Pools.employers[pick(Pools.employerWeights)]
            let wanted = themes(1 + pick(Pools.wantedCountWeights), by: Pools.menteeThemeWeights)
            var exclusions =
                mentorIDs.count > 0 && chance(3) ? mentorIDs.id(below(mentorIDs.count)) : ""
            if chance(1) {
                // A commissioner who funds a community group excludes it by name.
                let group = element(of: Pools.communityGroups)
                exclusions = exclusions.isEmpty ? group : exclusions + "; " + group
            }
            return [
                ids.id(index),
                name.display,
                name.email + ".e" + String(index + 1) + "@example.org",
                element(of: employer.names),
                element(of: employer.jobTitles),
                Pools.towns[pick(Pools.townWeights)],
                menteeLanguages(culture),
                wanted.cell,
                availability(Pools.menteeAvailability),
                Pools.formats[pick(Pools.formatWeights)],
                exclusions,
                preferences(from: mentorIDs),
                chance(85) ? "yes" : "no",
            ]
        }

        // MARK: Fields

        /// A community member's languages: mostly their community language first, then English;
        /// some English first; a few without English.
        mutating func mentorLanguages(_ culture: Culture) -> String {
            guard let home = culture.languages.first else {
                return "English"
            }
            let second =
                culture.languages.count > 1 && chance(30) ? "; " + culture.languages[1] : ""
            switch below(100) {
            case ..<8: return home + second
            case ..<65: return home + "; English" + second
            default: return "English; " + home + second
            }
        }

        /// A professional's languages: English for nearly everyone, a community language often
        /// second, sometimes first.
        mutating func menteeLanguages(_ culture: Culture) -> String {
            guard let home = culture.languages.first else {
                return "English"
            }
            switch below(100) {
            case ..<60: return "English; " + home
            case ..<80: return home + "; English"
            default: return "English"
            }
        }

        /// One to three windows on different days, mostly from the person's main cluster of times.
        mutating func availability(_ profile: AvailabilityProfile) -> String {
            let count = 1 + pick(Pools.windowCountWeights)
            let main = pick(profile.clusterWeights)
            var cell = ""
            var usedDays: UInt8 = 0
            var windows = 0
            var attempts = 0
            while windows < count && attempts < 8 {
                attempts += 1
                let cluster = profile.clusters[chance(70) ? main : pick(profile.clusterWeights)]
                let day = element(
                    of: chance(cluster.rangePercent) ? cluster.dayRanges : cluster.days)
                // Windows of one person never share a day, so none overlaps another.
                guard day.mask & usedDays == 0 else { continue }
                usedDays |= day.mask
                if windows > 0 {
                    cell += "; "
                }
                appendWindow(to: &cell, day: day.label, in: cluster)
                windows += 1
            }
            return cell
        }

        /// Appends `DAY HH:MM-HH:MM` inside `cluster`, at least one 60-minute session long; times
        /// mostly on the half hour, sometimes on the quarter.
        mutating func appendWindow(to cell: inout String, day: String, in cluster: TimeCluster) {
            // Quarter hours since midnight.
            var start =
                cluster.earliestStart + 2
                * below((cluster.latestStart - cluster.earliestStart) / 2 + 1)
            if chance(20) && start < cluster.latestStart {
                start += 1
            }
            let length = cluster.shortest + 2 * below((cluster.longest - cluster.shortest) / 2 + 1)
            let end = min(start + length, cluster.latestEnd)
            start = min(start, end - 4)
            cell += day
            cell += " "
            cell += Pools.clock[start]
            cell += "-"
            cell += Pools.clock[end]
        }

        /// A ranked list of one to three distinct ids from the other side, for about 5 percent.
        mutating func preferences(from other: IdentifierFormat) -> String {
            guard other.count > 0, chance(5) else {
                return ""
            }
            let wanted = min(other.count, 1 + below(3))
            var picked: [Int] = []
            var attempts = 0
            while picked.count < wanted && attempts < 12 {
                attempts += 1
                let candidate = below(other.count)
                if !picked.contains(candidate) {
                    picked.append(candidate)
                }
            }
            return picked.map { other.id($0) }.joined(separator: "; ")
        }
    }

    // MARK: - Pools

    /// A name as written and its lower-case ASCII form for email addresses.
    fileprivate struct Name: Sendable {
        let display: String
        let email: String

        init(_ display: String, _ email: String) {
            self.display = display
            self.email = email
        }
    }

    /// A community: name pools, its languages (empty for English-only) and the community groups
    /// that usually refer its members.
    fileprivate struct Culture: Sendable {
        /// Every first-and-last-name combination, precomputed so a row costs no formatting.
        let fullNames: [Name]
        let languages: [String]
        let groups: [String]

        init(firstNames: [Name], lastNames: [Name], languages: [String], groups: [String]) {
            var fullNames: [Name] = []
            fullNames.reserveCapacity(firstNames.count * lastNames.count)
            for first in firstNames {
                for last in lastNames {
                    fullNames.append(
                        Name(first.display + " " + last.display, first.email + "." + last.email))
                }
            }
            self.fullNames = fullNames
            self.languages = languages
            self.groups = groups
        }
    }

    /// An employer of mentees: one or more organisation names and the job titles found there.
    fileprivate struct Employer: Sendable {
        let names: [String]
        let jobTitles: [String]
    }

    /// Non-negative integer weights with their total; `order` lists indices by falling weight.
    fileprivate struct WeightTable: Sendable {
        let weights: [Int]
        let total: Int
        let order: [Int]

        init(_ weights: [Int]) {
            self.weights = weights
            self.total = weights.reduce(0, +)
            self.order = weights.indices.sorted { (weights[$0], $1) > (weights[$1], $0) }
        }
    }

    /// A day or range of days as written in a window, with its bit set (Monday = bit 0).
    fileprivate struct DaySpec: Sendable {
        let label: String
        let mask: UInt8

        init(_ label: String, first: Int, last: Int) {
            self.label = label
            self.mask = UInt8(truncatingIfNeeded: (1 << (last + 1)) - (1 << first))
        }
    }

    /// A family of windows such as "weekday evenings"; times in quarter hours since midnight,
    /// with even (half-hour) bounds and lengths.
    fileprivate struct TimeCluster: Sendable {
        let days: [DaySpec]
        let dayRanges: [DaySpec]
        let rangePercent: Int
        let earliestStart: Int
        let latestStart: Int
        let shortest: Int
        let longest: Int
        let latestEnd: Int
    }

    /// The clusters of times one side chooses from, with their weights.
    fileprivate struct AvailabilityProfile: Sendable {
        let clusters: [TimeCluster]
        let clusterWeights: WeightTable
    }

    fileprivate enum Pools {
        /// `"00:00"` ... `"24:00"` by quarter hour, so windows need no number formatting.
        static let clock: [String] = (0...96).map { quarter in
            let hours = quarter / 4
            let minutes = (quarter % 4) * 15
            let hh = hours < 10 ? "0" + String(hours) : String(hours)
            let mm = minutes == 0 ? "00" : String(minutes)
            return hh + ":" + mm
        }

        /// The programme's themes, in the order the weight tables below refer to.
        static let themes: [String] = [
            "Mental health",  // 0
            "Racism in services",  // 1
            "Migration and housing",  // 2
            "Trust after the pandemic",  // 3
            "Access to GP services",  // 4
            "Language barriers",  // 5
            "Cost of living",  // 6
            "Heart health in South Asian communities",  // 7
            "Faith and culture in healthcare",  // 8
            "Young women of colour",  // 9
            "Disability",  // 10
            "Unpaid caring",  // 11
        ]

        /// Mentees' learning goals: Zipf with exponent 1 (1000 / rank).
        static let menteeThemeWeights = WeightTable([
            1000, 500, 333, 250, 200, 167, 143, 125, 111, 100, 91, 83,
        ])

        /// Mentors' lived experience: flatter (exponent about 0.6) and in another order, since
        /// caring, faith and heart health are commoner among mentors than in mentees' goals.
        static let mentorThemeWeights = WeightTable([
            1000, 660, 517, 311, 225, 268, 287, 435, 381, 251, 237, 341,
        ])

        /// The theme a mentor declines: most often the personal ones.
        static let declinedThemeWeights = WeightTable([
            900, 300, 200, 100, 50, 50, 100, 50, 250, 200, 300, 150,
        ])

        /// 1, 2 or 3 themes wanted by a mentee.
        static let wantedCountWeights = WeightTable([35, 45, 20])

        /// 1, 2 or 3 availability windows.
        static let windowCountWeights = WeightTable([45, 35, 20])

        static let towns = [
            "Southall", "Ealing", "Acton", "Greenford", "Hanwell", "Northolt", "Perivale",
        ]
        static let townWeights = WeightTable([22, 20, 18, 12, 10, 10, 8])

        static let formats = ["either", "online", "in person"]
        static let formatWeights = WeightTable([60, 25, 15])

        static let capacities = ["1", "2", "3"]
        static let capacityWeights = WeightTable([60, 30, 10])

        /// Groups open to anyone, which refer about a third of mentors from every community.
        static let generalGroups: [String] = [
            "Ealing Community Champions", "Southall Community Alliance",
            "Hanwell Mental Health Peer Support", "Ealing Deaf and Disabled People's Forum",
            "Hanwell Young Carers Forum", "Hanwell Faith Leaders Health Network",
            "Acton Refugee Housing Action", "Southall Asylum Seekers Drop-in",
            "Voices of Colour Young Women's Collective",
        ]

        /// Every community group, general or serving one community (30 in all).
        static let communityGroups: [String] = {
            var all = generalGroups
            for culture in cultures {
                for group in culture.groups where !all.contains(group) {
                    all.append(group)
                }
            }
            return all
        }()

        static let employers: [Employer] = [
            Employer(
                names: ["Ealing Council"],
                jobTitles: [
                    "Public health commissioner", "Social worker, adult safeguarding",
                    "Housing options officer", "Head of housing needs",
                    "Adult social care team manager", "Commissioning manager, voluntary sector",
                    "Equality, diversity and inclusion lead", "Public health analyst",
                    "Carers' services officer", "Youth services manager",
                    "Environmental health officer", "Assistant director, regeneration",
                ]),
            Employer(
                names: ["London North West University Healthcare NHS Trust"],
                jobTitles: [
                    "Consultant cardiologist", "Ward manager", "Staff nurse", "Midwife",
                    "Diabetes specialist nurse", "Emergency department consultant",
                    "Pharmacist", "Head of patient experience", "Interpreting services manager",
                    "Foundation year doctor",
                ]),
            Employer(
                names: ["West London NHS Trust"],
                jobTitles: [
                    "Community psychiatric nurse", "Consultant psychiatrist",
                    "Clinical psychologist", "Occupational therapist",
                    "Community mental health team manager", "Recovery college lead",
                ]),
            Employer(
                names: ["NHS North West London ICB"],
                jobTitles: [
                    "Primary care commissioning manager", "Health inequalities programme lead",
                    "Head of community engagement", "Mental health commissioning lead",
                    "Population health analyst", "Director of strategy",
                ]),
            Employer(
                names: [
                    "Kingfisher Health Centre", "Brent River Surgery",
                    "Perivale Park Medical Practice",
                    "Northolt Grange Surgery", "Acton Vale Medical Centre",
                ],
                jobTitles: ["GP partner", "Salaried GP", "Practice manager", "Practice nurse"]),
        ]
        static let employerWeights = WeightTable([40, 25, 13, 10, 12])

        static let cultures: [Culture] = [
            Culture(
                firstNames: names(
                    "Gurpreet", "Harjit", "Manpreet", "Jaswinder", "Amandeep", "Simran"),
                lastNames: names("Sandhu", "Gill", "Dhillon", "Bains", "Johal", "Grewal"),
                languages: ["Punjabi", "Hindi"],
                groups: [
                    "Southall Punjabi Carers Circle", "Southall Sikh Elders Lunch Club",
                    "Southall Heart Health Walkers",
                ]),
            Culture(
                firstNames: names("Imran", "Ayesha", "Bilal", "Farah", "Tariq", "Sana"),
                lastNames: names("Khan", "Chaudhry", "Malik", "Iqbal", "Qureshi", "Akhtar"),
                languages: ["Urdu", "Punjabi"],
                groups: [
                    "Greenford Urdu Mothers' Group", "Northolt Muslim Women's Wellbeing Circle",
                    "Southall Heart Health Walkers",
                ]),
            Culture(
                firstNames: names("Hetal", "Nilesh", "Bhavna", "Jignesh", "Priti", "Ketan"),
                lastNames: names("Patel", "Shah", "Mehta", "Thakkar", "Desai", "Joshi"),
                languages: ["Gujarati", "Hindi"],
                groups: ["Southall Gujarati Senior Citizens", "Southall Heart Health Walkers"]),
            Culture(
                firstNames: names("Anil", "Priya", "Rahul", "Sunita", "Vikram", "Neha"),
                lastNames: names("Sharma", "Verma", "Kapoor", "Gupta", "Agarwal", "Mishra"),
                languages: ["Hindi", "Punjabi"],
                groups: ["Southall Heart Health Walkers", "Southall Punjabi Carers Circle"]),
            Culture(
                firstNames: names("Tharshini", "Kavitha", "Suresh", "Nirmala", "Arjun", "Vasuki"),
                lastNames: names(
                    "Sivakumar", "Balasubramaniam", "Rajaratnam", "Kandiah", "Nadarajah",
                    "Thevarajah"),
                languages: ["Tamil"],
                groups: ["Acton Tamil Elders", "Greenford Tamil Welfare Association"]),
            Culture(
                firstNames: names("Hodan", "Amina", "Abdirahman", "Fatuma", "Nasra", "Ifrah"),
                lastNames: names("Warsame", "Farah", "Osman", "Yusuf", "Abdi", "Jama"),
                languages: ["Somali", "Arabic"],
                groups: [
                    "Southall Somali Women's Network", "Acton Somali Youth Project",
                    "Northolt Muslim Women's Wellbeing Circle",
                ]),
            Culture(
                firstNames: [
                    Name("Małgorzata", "malgorzata"), Name("Łukasz", "lukasz"),
                    Name("Agnieszka", "agnieszka"), Name("Bartłomiej", "bartlomiej"),
                    Name("Ewa", "ewa"), Name("Paweł", "pawel"),
                ],
                lastNames: [
                    Name("Nowak", "nowak"), Name("Wójcik", "wojcik"),
                    Name("Kowalczyk", "kowalczyk"),
                    Name("Mazur", "mazur"), Name("Dąbrowski", "dabrowski"),
                    Name("Krawczyk", "krawczyk"),
                ],
                languages: ["Polish"],
                groups: ["Greenford Polish Parents Group", "Acton Polish Seniors Club"]),
            Culture(
                firstNames: names("Rania", "Ahmed", "Layla", "Omar", "Yasmin", "Karim"),
                lastNames: [
                    Name("Al-Haddad", "alhaddad"), Name("Al-Rawi", "alrawi"),
                    Name("Mansour", "mansour"),
                    Name("Saleh", "saleh"), Name("Nasser", "nasser"), Name("Haddad", "haddad"),
                ],
                languages: ["Arabic"],
                groups: [
                    "Acton Arabic-speaking Women's Group",
                    "Ealing Kurdish and Arabic Advice Centre",
                ]),
            Culture(
                firstNames: names("Zarghona", "Ahmad", "Laila", "Farid", "Mariam", "Wahid"),
                lastNames: names("Ahmadzai", "Sultani", "Noori", "Popal", "Stanikzai", "Wardak"),
                languages: ["Dari", "Pashto"],
                groups: ["Northolt Afghan Families Association", "Perivale Pashto Speakers Group"]),
            Culture(
                firstNames: names("Shirin", "Farhad", "Nasrin", "Dariush", "Parisa", "Reza"),
                lastNames: names("Rahimi", "Hosseini", "Karimi", "Tehrani", "Moradi", "Jafari"),
                languages: ["Farsi"],
                groups: ["Ealing Iranian Community Centre"]),
            Culture(
                firstNames: [
                    Name("Ștefan", "stefan"), Name("Adriana", "adriana"), Name("Ioana", "ioana"),
                    Name("Mihai", "mihai"), Name("Andreea", "andreea"), Name("Cătălin", "catalin"),
                ],
                lastNames: [
                    Name("Popescu", "popescu"), Name("Ionescu", "ionescu"),
                    Name("Dumitru", "dumitru"),
                    Name("Munteanu", "munteanu"), Name("Rădulescu", "radulescu"),
                    Name("Stan", "stan"),
                ],
                languages: ["Romanian"],
                groups: ["Perivale Romanian Community Hub"]),
            Culture(
                firstNames: [
                    Name("João", "joao"), Name("Inês", "ines"), Name("Tiago", "tiago"),
                    Name("Beatriz", "beatriz"), Name("Gonçalo", "goncalo"), Name("Rosa", "rosa"),
                ],
                lastNames: [
                    Name("Mendes", "mendes"), Name("Conceição", "conceicao"),
                    Name("Ferreira", "ferreira"), Name("Santos", "santos"),
                    Name("Gonçalves", "goncalves"), Name("Araújo", "araujo"),
                ],
                languages: ["Portuguese"],
                groups: ["Ealing Portuguese-speaking Families"]),
            Culture(
                firstNames: [
                    Name("Sarah", "sarah"), Name("James", "james"), Name("Hannah", "hannah"),
                    Name("Oliver", "oliver"), Name("Siobhán", "siobhan"), Name("Ciarán", "ciaran"),
                    Name("Gareth", "gareth"), Name("Zoë", "zoe"),
                ],
                lastNames: [
                    Name("Whitfield", "whitfield"), Name("Thornton", "thornton"),
                    Name("O'Neill", "oneill"), Name("Davies", "davies"), Name("MacLeod", "macleod"),
                    Name("Hughes", "hughes"), Name("Clarke", "clarke"), Name("Ellis", "ellis"),
                ],
                languages: [],
                groups: []),
            Culture(
                firstNames: names("Delroy", "Chiamaka", "Kwame", "Abimbola", "Olumide", "Grace"),
                lastNames: [
                    Name("Campbell", "campbell"), Name("Okafor", "okafor"),
                    Name("Mensah-Bonsu", "mensahbonsu"), Name("Adeleke", "adeleke"),
                    Name("Ogunleye", "ogunleye"), Name("Nwosu", "nwosu"),
                ],
                languages: [],
                groups: [
                    "Northolt Caribbean Elders Club", "West Ealing Black Men's Health Forum",
                    "Voices of Colour Young Women's Collective",
                ]),
        ]

        /// Community mentors come mostly from the communities the partners serve.
        static let mentorCultureWeights = WeightTable([12, 10, 7, 6, 7, 10, 8, 7, 7, 5, 5, 5, 6, 5])

        /// Professional mentees are more often white British or Irish.
        static let menteeCultureWeights = WeightTable([6, 6, 5, 6, 4, 3, 5, 3, 2, 3, 2, 2, 45, 8])

        static let weekdays: [DaySpec] = [
            DaySpec("Mon", first: 0, last: 0), DaySpec("Tue", first: 1, last: 1),
            DaySpec("Wed", first: 2, last: 2), DaySpec("Thu", first: 3, last: 3),
            DaySpec("Fri", first: 4, last: 4),
        ]
        static let saturday = DaySpec("Sat", first: 5, last: 5)
        static let sunday = DaySpec("Sun", first: 6, last: 6)
        static let mondayToFriday = DaySpec("Mon-Fri", first: 0, last: 4)
        static let mondayToThursday = DaySpec("Mon-Thu", first: 0, last: 3)
        static let tuesdayToThursday = DaySpec("Tue-Thu", first: 1, last: 3)

        static let mentorAvailability = AvailabilityProfile(
            clusters: [
                // Weekday evenings, 17:00-22:00.
                TimeCluster(
                    days: weekdays,
                    dayRanges: [mondayToFriday, mondayToThursday, tuesdayToThursday],
                    rangePercent: 20, earliestStart: 68, latestStart: 78, shortest: 6, longest: 12,
                    latestEnd: 88),
                // Weekends, 09:00-18:00.
                TimeCluster(
                    days: [saturday, sunday], dayRanges: [DaySpec("Sat-Sun", first: 5, last: 6)],
                    rangePercent: 15, earliestStart: 36, latestStart: 60, shortest: 8, longest: 16,
                    latestEnd: 72),
                // Weekday daytime, e.g. school hours or retired, 09:30-17:00.
                TimeCluster(
                    days: weekdays,
                    dayRanges: [mondayToFriday, DaySpec("Mon-Wed", first: 0, last: 2)],
                    rangePercent: 20, earliestStart: 38, latestStart: 56, shortest: 6, longest: 16,
                    latestEnd: 68),
            ],
            clusterWeights: WeightTable([50, 30, 20]))

        static let menteeAvailability = AvailabilityProfile(
            clusters: [
                // Weekday daytime, 09:00-17:00.
                TimeCluster(
                    days: weekdays, dayRanges: [mondayToFriday], rangePercent: 8,
                    earliestStart: 36, latestStart: 60, shortest: 4, longest: 12, latestEnd: 68),
                // Lunchtimes, 11:30-14:30.
                TimeCluster(
                    days: weekdays, dayRanges: [mondayToFriday, tuesdayToThursday],
                    rangePercent: 20,
                    earliestStart: 46, latestStart: 52, shortest: 4, longest: 8, latestEnd: 58),
                // Early evenings, 16:30-20:00.
                TimeCluster(
                    days: weekdays, dayRanges: [mondayToThursday], rangePercent: 10,
                    earliestStart: 66, latestStart: 72, shortest: 4, longest: 8, latestEnd: 80),
                // The odd Saturday morning, 09:00-13:00.
                TimeCluster(
                    days: [saturday], dayRanges: [saturday], rangePercent: 0,
                    earliestStart: 36, latestStart: 42, shortest: 8, longest: 12, latestEnd: 52),
            ],
            clusterWeights: WeightTable([45, 35, 17, 3]))

        /// Names whose email form is just the lower-cased name (plain ASCII letters).
        static func names(_ plain: String...) -> [Name] {
            plain.map { Name($0, $0.lowercased()) }
        }
    }
}
