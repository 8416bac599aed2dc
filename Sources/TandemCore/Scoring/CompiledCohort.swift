import StableMatching

// Public (the type and `init` only): the Benchmarks package times scoring on its own.
/// A cohort flattened into dense arrays for scoring: bit sets for themes, languages and
/// availability, integer codes for format, town and organisation, sorted keys for exclusions.
///
/// Built once in O(people × answers); scoring a pair then touches only these arrays.
public struct CompiledCohort: Sendable {
    package let cohort: Cohort
    package let policy: MatchingPolicy
    package var mentorCount: Int { cohort.mentors.count }
    package var menteeCount: Int { cohort.mentees.count }

    let themeWords: Int
    /// Offered minus declined, `themeWords` per mentor.
    let mentorThemes: [UInt64]
    let menteeThemes: [UInt64]
    let menteeThemeCount: [Int32]
    let languageWords: Int
    let mentorLanguages: [UInt64]
    let menteeLanguages: [UInt64]
    let mentorFirstLanguage: [Int32]
    let menteeFirstLanguage: [Int32]
    /// ``WeeklyAvailability/wordCount`` words per person.
    let mentorSlots: [UInt64]
    let menteeSlots: [UInt64]
    /// Quarter hours where a whole session can start, ``WeeklyAvailability/wordCount`` words
    /// per person: a pair has a common session exactly when these intersect.
    let mentorSessionStarts: [UInt64]
    let menteeSessionStarts: [UInt64]
    let mentorFormat: [MeetingFormat]
    let menteeFormat: [MeetingFormat]
    let mentorTown: [Int32]
    let menteeTown: [Int32]
    let mentorOrganisation: [Int32]
    let menteeOrganisation: [Int32]
    let mentorConsent: [Bool]
    let menteeConsent: [Bool]
    let capacities: [Int32]
    /// Every excluded pair, by mentee: mentee `e` excludes the mentors
    /// `excludedMentors[excludedStart[e]..<excludedStart[e + 1]]`, in increasing order.
    let excludedStart: [Int32]
    let excludedMentors: [Int32]
    /// Mentee `e`'s stated mentors, best first, as mentor indices.
    let menteePreferred: [[Int32]]
    let mentorPreferred: [[Int32]]
    /// Per-person id hashes for the seeded tie-break.
    let mentorIdHash: [UInt64]
    let menteeIdHash: [UInt64]
    let themeNames: [String]
    let languageNames: [String]
    /// Bit ``Criterion/index`` set for each shared criterion that needs both people's consent.
    let sensitiveMask: UInt8

    public init(cohort: Cohort, policy: MatchingPolicy) {
        self.cohort = cohort
        self.policy = policy
        let mentors = cohort.mentors
        let mentees = cohort.mentees
        // The people are read a field at a time, by index: going through them by value copies
        // each whole (a retain and release for every string and list), which was about 40 % of
        // this step at 100,000 mentees.

        var themes = Vocabulary()
        var languages = Vocabulary()
        var towns = Vocabulary()
        var organisations = Vocabulary()
        for mentor in mentors.indices {
            for theme in mentors[mentor].themesOffered + mentors[mentor].themesDeclined { _ = themes.intern(theme) }
            for language in mentors[mentor].languages { _ = languages.intern(language) }
        }
        for mentee in mentees.indices {
            for theme in mentees[mentee].themesWanted { _ = themes.intern(theme) }
            for language in mentees[mentee].languages { _ = languages.intern(language) }
        }
        themeWords = themes.wordCount
        languageWords = languages.wordCount
        themeNames = themes.displayNames
        languageNames = languages.displayNames

        func bits(_ values: [String], in vocabulary: Vocabulary, words: Int) -> [UInt64] {
            var set = [UInt64](repeating: 0, count: words)
            for value in values {
                if let index = vocabulary.index(of: value) { set[Int(index) >> 6] |= 1 << UInt64(index & 63) }
            }
            return set
        }
        mentorThemes = mentors.indices.flatMap { mentor in
            let offered = bits(mentors[mentor].themesOffered, in: themes, words: themes.wordCount)
            let declined = bits(mentors[mentor].themesDeclined, in: themes, words: themes.wordCount)
            return zip(offered, declined).map { $0 & ~$1 }
        }
        let wanted = mentees.indices.flatMap { bits(mentees[$0].themesWanted, in: themes, words: themes.wordCount) }
        menteeThemes = wanted
        menteeThemeCount = (0..<mentees.count).map { mentee in
            Int32(wanted[(mentee * themes.wordCount)..<((mentee + 1) * themes.wordCount)].reduce(0) { $0 + $1.nonzeroBitCount })
        }
        mentorLanguages = mentors.indices.flatMap { bits(mentors[$0].languages, in: languages, words: languages.wordCount) }
        menteeLanguages = mentees.indices.flatMap { bits(mentees[$0].languages, in: languages, words: languages.wordCount) }
        mentorFirstLanguage = mentors.indices.map { mentors[$0].languages.first.flatMap(languages.index(of:)) ?? -1 }
        menteeFirstLanguage = mentees.indices.map { mentees[$0].languages.first.flatMap(languages.index(of:)) ?? -1 }
        mentorSlots = mentors.indices.flatMap { mentors[$0].availability.words }
        menteeSlots = mentees.indices.flatMap { mentees[$0].availability.words }
        let sessionSlots = WeeklyAvailability.slots(forMinutes: policy.sessionMinutes)
        let startMask = WeeklyAvailability.runStartMask(slots: sessionSlots)
        func sessionStarts(_ people: [WeeklyAvailability]) -> [UInt64] {
            people.flatMap { WeeklyAvailability.runStarts(of: $0.words, slots: sessionSlots, startMask: startMask) }
        }
        mentorSessionStarts = sessionStarts(mentors.indices.map { mentors[$0].availability })
        menteeSessionStarts = sessionStarts(mentees.indices.map { mentees[$0].availability })
        mentorFormat = mentors.indices.map { mentors[$0].format }
        menteeFormat = mentees.indices.map { mentees[$0].format }
        mentorTown = mentors.indices.map { towns.intern(mentors[$0].town) }
        menteeTown = mentees.indices.map { towns.intern(mentees[$0].town) }
        mentorOrganisation = mentors.indices.map { organisations.intern(mentors[$0].organisation) }
        menteeOrganisation = mentees.indices.map { organisations.intern(mentees[$0].organisation) }
        mentorConsent = mentors.indices.map { mentors[$0].consentsToSensitiveUse }
        menteeConsent = mentees.indices.map { mentees[$0].consentsToSensitiveUse }
        capacities = mentors.indices.map { Int32(clamping: max(0, mentors[$0].capacity)) }

        var mentorByID: [String: Int32] = [:]
        for index in mentors.indices { mentorByID[TextKey.normalise(mentors[index].id)] = Int32(index) }
        var menteeByID: [String: Int32] = [:]
        for index in mentees.indices { menteeByID[TextKey.normalise(mentees[index].id)] = Int32(index) }
        var mentorsByOrganisation: [Int32: [Int32]] = [:]
        for (index, organisation) in mentorOrganisation.enumerated() where organisation >= 0 {
            mentorsByOrganisation[organisation, default: []].append(Int32(index))
        }
        var menteesByOrganisation: [Int32: [Int32]] = [:]
        for (index, organisation) in menteeOrganisation.enumerated() where organisation >= 0 {
            menteesByOrganisation[organisation, default: []].append(Int32(index))
        }
        var excluded = Set<UInt64>()
        func key(_ mentee: Int32, _ mentor: Int32) -> UInt64 { UInt64(mentee) << 32 | UInt64(mentor) }
        for menteeIndex in mentees.indices {
            for entry in mentees[menteeIndex].exclusions {
                if let mentor = mentorByID[TextKey.normalise(entry)] {
                    excluded.insert(key(Int32(menteeIndex), mentor))
                } else if let organisation = organisations.index(of: entry) {
                    for mentor in mentorsByOrganisation[organisation] ?? [] { excluded.insert(key(Int32(menteeIndex), mentor)) }
                }
            }
        }
        for mentorIndex in mentors.indices {
            for entry in mentors[mentorIndex].exclusions {
                if let mentee = menteeByID[TextKey.normalise(entry)] {
                    excluded.insert(key(mentee, Int32(mentorIndex)))
                } else if let organisation = organisations.index(of: entry) {
                    for mentee in menteesByOrganisation[organisation] ?? [] { excluded.insert(key(mentee, Int32(mentorIndex))) }
                }
            }
        }
        var exclusionStart = [Int32](repeating: 0, count: mentees.count + 1)
        for pair in excluded { exclusionStart[Int(pair >> 32) + 1] += 1 }
        for mentee in mentees.indices { exclusionStart[mentee + 1] += exclusionStart[mentee] }
        excludedStart = exclusionStart
        excludedMentors = excluded.sorted().map { Int32(truncatingIfNeeded: $0) }
        menteePreferred = mentees.indices.map { mentees[$0].preferredMentors.compactMap { mentorByID[TextKey.normalise($0)] } }
        mentorPreferred = mentors.indices.map { mentors[$0].preferredMentees.compactMap { menteeByID[TextKey.normalise($0)] } }
        sensitiveMask = policy.sensitiveCriteria.reduce(0) { mask, criterion in
            criterion == .preference ? mask : mask | 1 << UInt8(criterion.index)
        }
        mentorIdHash = mentors.indices.map { Self.hash(mentors[$0].id) }
        menteeIdHash = mentees.indices.map { Self.hash(mentees[$0].id) }
    }

    /// FNV-1a over the UTF-8 bytes: stable across runs and machines, unlike `Hasher`.
    static func hash(_ text: String) -> UInt64 {
        var value: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 { value = (value ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
        return value
    }

    /// The seeded tie-break key of `candidate` in `ranker`'s list (lower ranks first). Keyed by
    /// both people so that no one wins every tie.
    @inline(__always)
    func tieKey(ranker: UInt64, candidate: UInt64) -> UInt64 {
        SeededGenerator.mix(policy.seed ^ SeededGenerator.mix(ranker ^ SeededGenerator.mix(candidate)))
    }
}
