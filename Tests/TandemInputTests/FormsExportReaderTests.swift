import Foundation
import TandemCore
import Testing

@testable import TandemInput

/// Sign-up files as Microsoft and Google Forms export them, read through a configuration.
@Suite("Forms exports: headings, answers, ids, duplicates, e-mails, organisations")
struct FormsExportReaderTests {
    static let goodMentee =
        "id,name,email,organisation,availability,themes_wanted\nE1,Jo Smith,jo@example.org,Ealing Council,Tue 18:00-20:00,Housing\n"
    static let goodMentor =
        "id,name,email,organisation,availability,themes_offered\nM1,Amrit Kaur,a@example.org,Southall Group,Tue 18:00-20:00,Housing\n"

    func read(
        mentors: String = goodMentor, mentees: String = goodMentee, configuration yaml: String = "", requiresEmail: Bool = false
    ) throws -> (cohort: Cohort, problems: [InputProblem], reader: SignupReader) {
        let configuration = try ConfigurationLoader.parse(yaml, file: "tandem.yaml")
        var reader = try SignupReader(configuration: configuration, configurationFile: "tandem.yaml")
        reader.requiresEmail = requiresEmail
        let cohort = reader.read(
            mentors: try CSVTable.parse(Data(mentors.utf8), file: "mentors.csv"),
            mentees: try CSVTable.parse(Data(mentees.utf8), file: "mentees.csv"))
        return (cohort, reader.problems, reader)
    }

    static func errors(_ problems: [InputProblem]) -> [InputProblem] { problems.filter { $0.severity == .error } }

    // MARK: The forms' own columns

    static let formsMentors = """
        ID,Start time,Completion time,Email,Name,What’s your full name?,Your email,Topics?,When are you free?
        1,2026-11-03 14:01:00,2026-11-03 14:05:12,anonymous,,Amrit Kaur,a@example.org,Housing;,Tue 18:00-20:00;
        2,2026-11-03 15:01:00,2026-11-03 15:05:12,anonymous,,Bina Shah,b@example.org,Housing;,Tue 18:00-20:00;
        """
    static let formsMentees = """
        ID,Start time,Completion time,Email,Name,What’s your full name?,Your work email,What would you like to learn about?,When are you free?
        1,2026-11-04 09:01:00,2026-11-04 09:05:12,jo@example.org,"Smith, Jo",Jo Smith,jo@example.org,Housing;,Tue 18:00-20:00;
        2,2026-11-04 10:01:00,2026-11-04 10:05:12,sam@example.org,"Lee, Sam",Sam Lee,sam@example.org,Housing;,Tue 18:00-20:00;
        """
    static let formsConfiguration = """
        input:
          id_column: ID
          ignore_columns: [Name, Email]
          columns:
            mentors:
              "What's your full name": name
              Your email: email
              Topics: themes_offered
              When are you free: availability
            mentees:
              name: What's your full name?
              email: Your work email
              themes_wanted: What would you like to learn about
              availability: When are you free?
        """

    @Test func responseNumbersBecomeIdsPrefixedByFileSoTheTwoFormsNeverClash() throws {
        let (cohort, problems, _) = try read(
            mentors: Self.formsMentors, mentees: Self.formsMentees, configuration: Self.formsConfiguration)
        #expect(problems.isEmpty, "\(problems)")
        #expect(cohort.mentors.map(\.id) == ["M1", "M2"])
        #expect(cohort.mentees.map(\.id) == ["E1", "E2"])
        #expect(cohort.mentors.map(\.name) == ["Amrit Kaur", "Bina Shah"])
        #expect(cohort.mentees.map(\.email) == ["jo@example.org", "sam@example.org"])
    }

    @Test func aFormsOwnIDColumnIsPrefixedEvenWithoutIdColumn() throws {
        let configuration = Self.formsConfiguration.replacingOccurrences(of: "  id_column: ID\n", with: "")
        let (cohort, problems, _) = try read(mentors: Self.formsMentors, mentees: Self.formsMentees, configuration: configuration)
        #expect(Self.errors(problems).isEmpty, "\(problems)")
        #expect(cohort.mentors.map(\.id) == ["M1", "M2"])
        #expect(cohort.mentees.map(\.id) == ["E1", "E2"])
    }

    @Test func anExplicitMappingBeatsTheFormsOwnNameAndEmailColumns() throws {
        // Without ignore_columns the form's Name and Email would also mean name and email.
        let configuration = Self.formsConfiguration.replacingOccurrences(of: "  ignore_columns: [Name, Email]\n", with: "")
        let (cohort, problems, _) = try read(mentors: Self.formsMentors, mentees: Self.formsMentees, configuration: configuration)
        #expect(problems.isEmpty, "\(problems)")
        #expect(cohort.mentees.map(\.name) == ["Jo Smith", "Sam Lee"])
        #expect(cohort.mentors.map(\.email) == ["a@example.org", "b@example.org"])
    }

    @Test func twoAutomaticColumnsForOneFieldStillClash() throws {
        let mentors = "id,name,Name ,email,availability,themes_offered\nM1,A,B,a@example.org,Tue 18:00-20:00,Housing\n"
        let (_, problems, _) = try read(mentors: mentors)
        let clash = try #require(Self.errors(problems).first)
        #expect(clash.field == "name")
        #expect(clash.message.contains("two columns both mean 'name'"))
        #expect(clash.message.contains("input.ignore_columns"))
    }

    @Test func anUnusedColumnIsAWarningNamingItsHeading() throws {
        let mentors = Self.goodMentor.replacingOccurrences(of: "themes_offered\n", with: "themes_offered,How did you hear?\n")
            .replacingOccurrences(of: "Housing\n", with: "Housing,A friend\n")
        let (_, problems, reader) = try read(mentors: mentors)
        #expect(problems.count == 1)
        #expect(problems.first?.severity == .warning)
        #expect(problems.first?.field == "How did you hear?")
        #expect(reader.suggestions.yaml(configurationFile: "tandem.yaml").contains("\"How did you hear?\": ignore"))
    }

    // MARK: Mappings that cannot silently miss

    @Test(arguments: [
        "Which topics would you be happy to talk about",  // no question mark
        "which topics would you be happy  to talk about?",  // case and spaces
    ])
    func aMappingFindsItsHeadingDespiteCaseSpacesAndFinalPunctuation(_ heading: String) throws {
        let mentors =
            "id,name,email,availability,Which topics would you be happy to talk about?\nM1,A,a@example.org,Tue 18:00-20:00,Housing\n"
        let (cohort, problems, _) = try read(
            mentors: mentors, configuration: "input:\n  columns:\n    mentors:\n      themes_offered: \"\(heading)\"\n")
        #expect(problems.isEmpty, "\(problems)")
        #expect(cohort.mentors.first?.themesOffered == ["Housing"])
    }

    @Test func curlyAndStraightApostrophesMatch() throws {
        let mentors = "id,name,email,availability,Topics you’d talk about\nM1,A,a@example.org,Tue 18:00-20:00,Housing\n"
        let (cohort, problems, _) = try read(
            mentors: mentors, configuration: "input:\n  columns:\n    mentors:\n      themes_offered: Topics you'd talk about\n")
        #expect(problems.isEmpty, "\(problems)")
        #expect(cohort.mentors.first?.themesOffered == ["Housing"])
    }

    @Test func aMappedHeadingInNoColumnIsAnErrorNamingTheClosestHeading() throws {
        let mentors =
            "id,name,email,availability,Which topics would you like to talk about?\nM1,A,a@example.org,Tue 18:00-20:00,Housing\n"
        let configuration = """
            input:
              columns:
                mentors:
                  themes_offered: Which topics would you be happy to talk about?
            """
        let (_, problems, reader) = try read(mentors: mentors, configuration: configuration)
        let missing = try #require(problems.first { $0.field == "input.columns.mentors.themes_offered" })
        #expect(missing.severity == .error)
        #expect(missing.file == "tandem.yaml")
        #expect(missing.line == 4)
        #expect(missing.message.contains("the closest is 'Which topics would you like to talk about?' (column 5)"))
        #expect(reader.fileErrorCount > 0)
    }

    // MARK: Answers translated by configuration

    static let answersMentors = """
        id,name,email,availability,themes_offered,format,capacity,consent_sensitive
        M1,A,a@example.org,Tue 18:00-20:00,Racism and discrimination in services;Housing;,Online (Teams),Just one please,"Yes, I consent;"
        M2,B,b@example.org,Tue 18:00-20:00,racism AND discrimination in services;,ONLINE  (teams),1-2,"No, I’d rather not"
        """
    static let answersConfiguration = """
        input:
          values:
            consent_sensitive: {"Yes, I consent": yes, "No, I'd rather not": no}
            format: {"Online (Teams)": online, "In person (Ealing)": in person}
            capacity: {"Just one please": 1, "1-2": 2}
            themes: {"Racism and discrimination in services": Racism in services, "Housing": Housing}
        """

    @Test func answersAreTranslatedIgnoringCaseSpacesQuotesAndATrailingSemicolon() throws {
        let (cohort, problems, _) = try read(mentors: Self.answersMentors, configuration: Self.answersConfiguration)
        #expect(problems.isEmpty, "\(problems)")
        #expect(cohort.mentors.map(\.format) == [.online, .online])
        #expect(cohort.mentors.map(\.capacity) == [1, 2])
        #expect(cohort.mentors.map(\.consentsToSensitiveUse) == [true, false])
        #expect(cohort.mentors.map(\.themesOffered) == [["Racism in services", "Housing"], ["Racism in services"]])
    }

    @Test func anUnknownAnswerIsReportedOnceWithItsRowCount() throws {
        let mentors = """
            id,name,email,availability,themes_offered,format
            M1,A,a@example.org,Tue 18:00-20:00,Housing,Hybrid
            M2,B,b@example.org,Tue 18:00-20:00,Housing,hybrid
            M3,C,c@example.org,Tue 18:00-20:00,Housing,Hybrid;
            M4,D,d@example.org,Tue 18:00-20:00,Housing,Carrier pigeon
            """
        let (_, problems, reader) = try read(mentors: mentors)
        let formats = problems.filter { $0.field == "format" }
        #expect(formats.count == 2)
        #expect(formats.first?.line == 2)
        #expect(formats.first?.message.hasPrefix("'Hybrid' (3 rows: lines 2, 3, 4):") == true)
        #expect(formats.first?.message.contains("input.values.format") == true)
        // Each row is still one to fix (or leave out).
        #expect(reader.rowProblems.map { $0.problem.line } == [2, 3, 4, 5])
        #expect(reader.rowProblems.map(\.id) == ["M1", "M2", "M3", "M4"])
    }

    @Test func anAnswerMissingFromAListTranslationIsAWarningAndKeptAsWritten() throws {
        let mentors = Self.answersMentors.replacingOccurrences(of: "Housing;", with: "Housing;Gardening;")
        let (cohort, problems, _) = try read(mentors: mentors, configuration: Self.answersConfiguration)
        #expect(problems.map(\.severity) == [.warning])
        #expect(problems.first?.field == "themes_offered")
        #expect(cohort.mentors.first?.themesOffered == ["Racism in services", "Housing", "Gardening"])
    }

    @Test func anAvailabilityAnswerCanBeTranslatedToTimes() throws {
        let mentors = "id,name,email,availability,themes_offered\nM1,A,a@example.org,Tuesday evenings please;,Housing\n"
        let configuration =
            "input:\n  values:\n    availability: {\"Tuesday evenings please\": \"Tue 18:00-20:00; Thu 18:00-19:00\"}\n"
        let (cohort, problems, _) = try read(mentors: mentors, configuration: configuration)
        #expect(problems.isEmpty, "\(problems)")
        #expect(cohort.mentors.first?.availability.minutes == 180)
    }

    // MARK: E-mails

    @Test(arguments: [("anonymous", ""), ("ANONYMOUS", ""), ("", ""), ("jo@example.org", "jo@example.org")])
    func anonymousAndBlankEmailsCountAsBlank(_ text: String, _ expected: String) throws {
        let mentors = "id,name,email,availability,themes_offered\nM1,A,\(text),Tue 18:00-20:00,Housing\n"
        let (cohort, problems, _) = try read(mentors: mentors)
        #expect(problems.isEmpty, "\(problems)")
        #expect(cohort.mentors.first?.email == expected)
    }

    @Test(arguments: [
        "not an email", "jo@", "@example.org", "jo@example", "jo@@example.org", "jo @example.org", "jo@example..org",
    ])
    func anImplausibleEmailIsAnError(_ text: String) throws {
        let mentors = "id,name,email,availability,themes_offered\nM1,A,\(text),Tue 18:00-20:00,Housing\n"
        let (_, problems, _) = try read(mentors: mentors)
        #expect(problems.map(\.field) == ["email"])
        #expect(problems.first?.message.contains("is not an e-mail address") == true)
    }

    @Test func aBlankEmailIsAnErrorOnlyForInvitations() throws {
        let mentors = "id,name,email,availability,themes_offered\nM1,A,anonymous,Tue 18:00-20:00,Housing\n"
        #expect(try read(mentors: mentors).problems.isEmpty)
        let problems = try read(mentors: mentors, requiresEmail: true).problems
        #expect(problems.map(\.field) == ["email"])
        #expect(problems.first?.message.contains("--method request") == true)
    }

    // MARK: Duplicate sign-ups

    static let twiceSignedUp = """
        ID,Completion time,name,email,organisation,availability,themes_offered
        1,2026-11-05 10:00:00,Amrit Kaur,amrit@example.org,Group,Tue 18:00-20:00,Late answers
        2,2026-11-03 09:00:00,Amrit Kaur,AMRIT@example.org ,Group,Tue 18:00-20:00,Early answers
        3,2026-11-04 09:00:00,José Núñez,,Group,Tue 18:00-20:00,First
        4,2026-11-04 11:00:00,jose nunez,jose@example.org,group,Tue 18:00-20:00,Second
        5,2026-11-04 12:00:00,Amrit Kaur,other.amrit@example.org,Group,Tue 18:00-20:00,A namesake
        """

    @Test func duplicateSignUpsAreReportedWithBothRows() throws {
        let (_, problems, _) = try read(mentors: Self.twiceSignedUp)
        let duplicates = Self.errors(problems)
        #expect(duplicates.map(\.line) == [3, 5])
        #expect(duplicates.first?.message.contains("line 2 (same e-mail") == true)
        #expect(duplicates.last?.message.contains("line 4 (same name 'jose nunez'") == true)
        #expect(duplicates.allSatisfy { $0.message.contains("input.duplicates: latest") })
    }

    @Test func duplicatesLatestKeepsTheLaterSubmissionByCompletionTime() throws {
        let (cohort, problems, _) = try read(mentors: Self.twiceSignedUp, configuration: "input:\n  duplicates: latest\n")
        #expect(Self.errors(problems).isEmpty, "\(problems)")
        // Row 1 was completed after row 2, although it comes first; the namesake with another e-mail stays.
        #expect(cohort.mentors.map(\.themesOffered) == [["Late answers"], ["Second"], ["A namesake"]])
        #expect(problems.filter { $0.severity == .warning }.map(\.line) == [3, 4])
        #expect(problems.first?.message.contains("which is kept (input.duplicates: latest)") == true)
    }

    @Test(arguments: [
        ("2026-11-03 14:05:12", "2026-11-03 14:05:13"), ("03/11/2026 14:05:12", "04/11/2026 09:00:00"),
        ("46329.5", "46330.25"),
    ])
    func submissionTimesOrderAsTheyRead(_ earlier: String, _ later: String) throws {
        let first = try #require(SignupReader.submissionOrder(earlier))
        let second = try #require(SignupReader.submissionOrder(later))
        #expect(first < second)
    }

    @Test func aColumnOfUSDatesIsReadMonthFirst() throws {
        let times = ["11/30/2026 09:00:00", "12/01/2026 08:00:00"]
        #expect(SignupReader.writesMonthFirst(times))
        #expect(!SignupReader.writesMonthFirst(["30/11/2026 09:00:00", "01/12/2026 08:00:00"]))
        let first = try #require(SignupReader.submissionOrder(times[0], monthFirst: true))
        let second = try #require(SignupReader.submissionOrder(times[1], monthFirst: true))
        #expect(first < second)
    }

    // MARK: Organisations

    @Test func organisationAliasesBecomeOneNameForPeopleAndExclusions() throws {
        let mentors = """
            id,name,email,organisation,availability,themes_offered,exclusions
            M1,A,a@example.org,LBE,Tue 18:00-20:00,Housing,
            M2,B,b@example.org,Group,Tue 18:00-20:00,Housing,London Borough of Ealing
            """
        let configuration = "organisations:\n  Ealing Council: [London Borough of Ealing, Ealing Borough Council, LBE]\n"
        let (cohort, problems, _) = try read(mentors: mentors, configuration: configuration)
        #expect(problems.isEmpty, "\(problems)")
        #expect(cohort.mentors.map(\.organisation) == ["Ealing Council", "Group"])
        #expect(cohort.mentors.last?.exclusions == ["Ealing Council"])
        #expect(cohort.mentees.first?.organisation == "Ealing Council")
    }

    @Test(arguments: [
        ("Ealing Borough Council", true), ("Ealing Council.", true), ("Ealing Counci", true), ("LBE", false),
        ("London Borough of Ealing", true), ("London Borough of Hounslow", false), ("Southall Community Alliance", false),
        ("Ealing Community Champions", false),
    ])
    func nearIdenticalOrganisationSpellingsAreAWarning(_ spelling: String, _ warned: Bool) throws {
        let mentors =
            "id,name,email,organisation,availability,themes_offered\nM1,A,a@example.org,\(spelling),Tue 18:00-20:00,Housing\n"
        let mentees = Self.goodMentee + "E2,Sam Lee,sam@example.org,Ealing Council,Tue 18:00-20:00,Housing\n"
        let (_, problems, reader) = try read(mentors: mentors, mentees: mentees)
        let warning = problems.first { $0.field == "organisation" }
        #expect((warning != nil) == warned, "\(problems)")
        if warned {
            #expect(warning?.message.contains("'\(spelling)' (1 person) and 'Ealing Council' (2 people)") == true)
            #expect(reader.suggestions.yaml(configurationFile: "").contains("\"Ealing Council\": [\"\(spelling)\"]"))
        }
    }

    @Test func twoListedNamesThatLookAlikeAreNotWarnedAbout() throws {
        let mentors = Self.goodMentor.replacingOccurrences(of: "Southall Group", with: "Ealing Borough Council")
        let configuration = "organisations:\n  Ealing Council: []\n  Ealing Borough Council: []\n"
        let (_, problems, _) = try read(mentors: mentors, configuration: configuration)
        #expect(problems.isEmpty, "\(problems)")
    }

    @Test func lookAlikeSpellingsAreSuggestedAsOneOrganisation() throws {
        let mentees =
            Self.goodMentee + "E2,Sam,sam@example.org,London Borough of Ealing,Tue 18:00-20:00,Housing\n"
            + "E3,Kim,kim@example.org,Ealing Council,Tue 18:00-20:00,Housing\n"
        let mentors = Self.goodMentor.replacingOccurrences(of: "Southall Group", with: "LBE")
        let (_, problems, reader) = try read(mentors: mentors, mentees: mentees)
        #expect(problems.count == 2)
        let lines = reader.suggestions.yaml(configurationFile: "")
        #expect(lines.hasSuffix("organisations:\n  \"Ealing Council\": [\"LBE\", \"London Borough of Ealing\"]\n"), "\(lines)")
        // Pasted, the lines are a valid configuration that silences the warnings.
        let (cohort, after, _) = try read(mentors: mentors, mentees: mentees, configuration: lines)
        #expect(after.isEmpty, "\(after)")
        #expect(Set(cohort.mentees.map(\.organisation)) == ["Ealing Council"])
    }

    @Test func anAcronymOfALongerNameIsAWarning() throws {
        let mentees = Self.goodMentee + "E2,Sam,sam@example.org,London Borough of Ealing,Tue 18:00-20:00,Housing\n"
        let mentors = Self.goodMentor.replacingOccurrences(of: "Southall Group", with: "LBE")
        let (_, problems, _) = try read(mentors: mentors, mentees: mentees)
        #expect(problems.contains { $0.message.contains("'LBE' (1 person) and 'London Borough of Ealing' (1 person)") })
    }
}
