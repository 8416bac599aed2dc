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

        var themes = Vocabulary()
        var languages = Vocabulary()
        var towns = Vocabulary()
        var organisations = Vocabulary()
        for mentor in mentors {
            for theme in mentor.themesOffered + mentor.themesDeclined { _ = themes.intern(theme) }
            for language in mentor.languages { _ = languages.intern(language) }
        }
        for mentee in mentees {
            for theme in mentee.themesWanted { _ = themes.intern(theme) }
            for language in mentee.languages { _ = languages.intern(language) }
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
        mentorThemes = mentors.flatMap { mentor in
            let offered = bits(mentor.themesOffered, in: themes, words: themes.wordCount)
            let declined = bits(mentor.themesDeclined, in: themes, words: themes.wordCount)
            return zip(offered, declined).map { $0 & ~$1 }
        }
        let wanted = mentees.flatMap { bits($0.themesWanted, in: themes, words: themes.wordCount) }
        menteeThemes = wanted
        menteeThemeCount = (0..<mentees.count).map { mentee in
            Int32(wanted[(mentee * themes.wordCount)..<((mentee + 1) * themes.wordCount)].reduce(0) { $0 + $1.nonzeroBitCount })
        }
        mentorLanguages = mentors.flatMap { bits($0.languages, in: languages, words: languages.wordCount) }
        menteeLanguages = mentees.flatMap { bits($0.languages, in: languages, words: languages.wordCount) }
        mentorFirstLanguage = mentors.map { $0.languages.first.flatMap(languages.index(of:)) ?? -1 }
        menteeFirstLanguage = mentees.map { $0.languages.first.flatMap(languages.index(of:)) ?? -1 }
        mentorSlots = mentors.flatMap { $0.availability.words }
        menteeSlots = mentees.flatMap { $0.availability.words }
        let sessionSlots = WeeklyAvailability.slots(forMinutes: policy.sessionMinutes)
        let startMask = WeeklyAvailability.runStartMask(slots: sessionSlots)
        func sessionStarts(_ people: [WeeklyAvailability]) -> [UInt64] {
            people.flatMap { WeeklyAvailability.runStarts(of: $0.words, slots: sessionSlots, startMask: startMask) }
        }
        mentorSessionStarts = sessionStarts(mentors.map(\.availability))
        menteeSessionStarts = sessionStarts(mentees.map(\.availability))
        mentorFormat = mentors.map(\.format)
        menteeFormat = mentees.map(\.format)
        mentorTown = mentors.map { towns.intern($0.town) }
        menteeTown = mentees.map { towns.intern($0.town) }
        mentorOrganisation = mentors.map { organisations.intern($0.organisation) }
        menteeOrganisation = mentees.map { organisations.intern($0.organisation) }
        mentorConsent = mentors.map(\.consentsToSensitiveUse)
        menteeConsent = mentees.map(\.consentsToSensitiveUse)
        capacities = mentors.map { Int32(clamping: max(0, $0.capacity)) }

        var mentorByID: [String: Int32] = [:]
        for (index, mentor) in mentors.enumerated() { mentorByID[TextKey.normalise(mentor.id)] = Int32(index) }
        var menteeByID: [String: Int32] = [:]
        for (index, mentee) in mentees.enumerated() { menteeByID[TextKey.normalise(mentee.id)] = Int32(index) }
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
        for (menteeIndex, mentee) in mentees.enumerated() {
            for entry in mentee.exclusions {
                if let mentor = mentorByID[TextKey.normalise(entry)] {
                    excluded.insert(key(Int32(menteeIndex), mentor))
                } else if let organisation = organisations.index(of: entry) {
                    for mentor in mentorsByOrganisation[organisation] ?? [] { excluded.insert(key(Int32(menteeIndex), mentor)) }
                }
            }
        }
        for (mentorIndex, mentor) in mentors.enumerated() {
            for entry in mentor.exclusions {
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
        menteePreferred = mentees.map { $0.preferredMentors.compactMap { mentorByID[TextKey.normalise($0)] } }
        mentorPreferred = mentors.map { $0.preferredMentees.compactMap { menteeByID[TextKey.normalise($0)] } }
        sensitiveMask = policy.sensitiveCriteria.reduce(0) { mask, criterion in
            criterion == .preference ? mask : mask | 1 << UInt8(criterion.index)
        }
        mentorIdHash = mentors.map { Self.hash($0.id) }
        menteeIdHash = mentees.map { Self.hash($0.id) }
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
