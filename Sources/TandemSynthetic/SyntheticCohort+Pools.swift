import StableMatching
import TandemCore

// The pools names, languages, themes and availability patterns are drawn from.
extension SyntheticCohort {
    /// A name as written and its lower-case ASCII form for email addresses.
    struct Name: Sendable {
        let display: String
        let email: String

        init(_ display: String, _ email: String) {
            self.display = display
            self.email = email
        }
    }

    /// A community: name pools, its languages (empty for English-only) and the community groups
    /// that usually refer its members.
    struct Culture: Sendable {
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
    struct Employer: Sendable {
        let names: [String]
        let jobTitles: [String]
    }

    /// Non-negative integer weights with their total; `order` lists indices by falling weight.
    struct WeightTable: Sendable {
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
    struct DaySpec: Sendable {
        let label: String
        let mask: UInt8

        init(_ label: String, first: Int, last: Int) {
            self.label = label
            self.mask = UInt8(truncatingIfNeeded: (1 << (last + 1)) - (1 << first))
        }
    }

    /// A family of windows such as "weekday evenings"; times in quarter hours since midnight,
    /// with even (half-hour) bounds and lengths.
    struct TimeCluster: Sendable {
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
    struct AvailabilityProfile: Sendable {
        let clusters: [TimeCluster]
        let clusterWeights: WeightTable
    }

    enum Pools {
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
