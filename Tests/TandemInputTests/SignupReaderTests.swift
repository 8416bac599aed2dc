import Foundation
import TandemCore
import Testing

@testable import TandemInput

@Suite("Sign-up rows into a cohort")
struct SignupReaderTests {
    static let mentorHeader =
        "id,name,email,organisation,town,languages,themes_offered,themes_declined,availability,format,capacity,exclusions,preferred_mentees,consent_sensitive"
    static let menteeHeader =
        "id,name,email,organisation,job_title,town,languages,themes_wanted,availability,format,exclusions,preferred_mentors,consent_sensitive"

    func read(
        mentors: String, mentees: String, configuration: TandemConfiguration = TandemConfiguration()
    ) throws -> (Cohort, [InputProblem]) {
        let mentorTable = try CSVTable.parse(Data(mentors.utf8), file: "mentors.csv")
        let menteeTable = try CSVTable.parse(Data(mentees.utf8), file: "mentees.csv")
        var reader = try SignupReader(configuration: configuration, configurationFile: "tandem.yaml")
        let cohort = reader.read(mentors: mentorTable, mentees: menteeTable)
        return (cohort, reader.problems)
    }

    @Test func readsCanonicalRows() throws {
        let (cohort, problems) = try read(
            mentors: Self.mentorHeader
                + "\nM1,Amrit Kaur,a@example.org,Southall Group,Southall,Punjabi; English;,Mental health;Housing,Racism in services,Tue 18:00-20:00; Sat 10:00-12:00,in-person,2,,E1,yes\n",
            mentees: Self.menteeHeader
                + "\nE1,Jo Smith,jo@example.org,Ealing Council,Manager,Acton,English,Housing,Tue 18:00-19:00,Either,,M1,No\n")
        #expect(problems.isEmpty)
        let mentor = try #require(cohort.mentors.first)
        #expect(
            [mentor.id, mentor.name, mentor.email, mentor.organisation, mentor.town] == [
                "M1", "Amrit Kaur", "a@example.org", "Southall Group", "Southall",
            ])
        #expect(mentor.languages == ["Punjabi", "English"])
        #expect(mentor.themesOffered == ["Mental health", "Housing"])
        #expect(mentor.themesDeclined == ["Racism in services"])
        #expect(mentor.format == .inPerson)
        #expect(mentor.capacity == 2)
        #expect(mentor.exclusions.isEmpty)
        #expect(mentor.preferredMentees == ["E1"])
        #expect(mentor.consentsToSensitiveUse)
        #expect(mentor.availability.minutes == 240)
        let mentee = try #require(cohort.mentees.first)
        #expect(
            [mentee.id, mentee.name, mentee.email, mentee.organisation, mentee.jobTitle, mentee.town] == [
                "E1", "Jo Smith", "jo@example.org", "Ealing Council", "Manager", "Acton",
            ])
        #expect(mentee.languages == ["English"])
        #expect(mentee.themesWanted == ["Housing"])
        #expect(mentee.availability.minutes == 60)
        #expect(mentee.format == .either)
        #expect(!mentee.consentsToSensitiveUse)
        #expect(mentee.preferredMentors == ["M1"])
    }

    @Test func blankCapacityMeansOneAndBlankFormatMeansEither() throws {
        let (cohort, problems) = try read(
            mentors: Self.mentorHeader + "\nM1,A,a@example.org,,,,Housing,,Tue 18:00-20:00,,,,,\n",
            mentees: Self.menteeHeader + "\nE1,B,b@example.org,,,,,Housing,Tue 18:00-20:00,,,,\n")
        #expect(problems.isEmpty)
        #expect(cohort.mentors.first?.capacity == 1)
        #expect(cohort.mentors.first?.format == .either)
    }

    @Test func reportsEveryBadFieldWithLineAndField() throws {
        let mentors =
            Self.mentorHeader + """

                M1,A,a@example.org,,,,Housing,,Mon 25:00-26:00,online,lots,,,yes
                M2,B,b@example.org,,,,Housing,,Funday 10:00-11:00,by carrier pigeon,-1,,E7,maybe
                E1,C,c@example.org,,,,Housing,,Tue 12:00-11:00,online,1,,,yes

                """
        let (_, problems) = try read(
            mentors: mentors, mentees: Self.menteeHeader + "\nE1,D,d@example.org,,,,,Housing,Tue 18:00-20:00,,,,\n")
        let errors = problems.filter { $0.severity == .error }.map { "\($0.file):\($0.line ?? 0):\($0.field ?? "")" }
        #expect(
            errors == [
                "mentors.csv:2:availability", "mentors.csv:2:capacity",
                "mentors.csv:3:availability", "mentors.csv:3:format", "mentors.csv:3:consent_sensitive", "mentors.csv:3:capacity",
                "mentors.csv:4:availability",
                "mentees.csv:2:id",
                "mentors.csv:3:preferred_mentees",
            ])
        #expect(problems.contains { $0.description.contains("'E1' is already used at mentors.csv:4") })
    }

    @Test func missingRequiredColumnsAreNamed() throws {
        let (_, problems) = try read(
            mentors: "id,name\nM1,A\n", mentees: Self.menteeHeader + "\nE1,D,d@example.org,,,,,Housing,Tue 18:00-20:00,,,,\n")
        #expect(problems.map(\.field) == ["email", "availability", "themes_offered"])
        #expect(problems.allSatisfy { $0.line == 1 && $0.file == "mentors.csv" })
    }

    @Test func readsARawGoogleFormsExportThroughTheColumnMapping() throws {
        let configuration = try ConfigurationLoader.parse(
            """
            input:
              list_separator: ","
              id_column: Timestamp
              columns:
                mentees:
                  name: Full name
                  email: Email Address
                  themes_wanted: What would you like to learn about?
                  availability: When are you free?
            periods:
              weekday evenings: Mon-Fri 18:00-21:00
            """, file: "tandem.yaml")
        let mentees = """
            Timestamp,Full name,Email Address,What would you like to learn about?,When are you free?
            2026/11/02 10:14:03,Jo Smith,jo@example.org,"Housing, Mental health","Weekday evenings, Sat 10:00-12:00"
            """
        let (cohort, problems) = try read(
            mentors: Self.mentorHeader + "\nM1,A,a@example.org,,,,Housing,,Tue 18:00-20:00,,,,,\n", mentees: mentees,
            configuration: configuration)
        #expect(problems.isEmpty)
        let mentee = try #require(cohort.mentees.first)
        #expect(mentee.id == "E2026/11/02 10:14:03")
        #expect(mentee.themesWanted == ["Housing", "Mental health"])
        #expect(mentee.availability.minutes == 5 * 180 + 120)
    }

    @Test func exclusionNamingNoOneIsAWarning() throws {
        let (_, problems) = try read(
            mentors: Self.mentorHeader + "\nM1,A,a@example.org,Group,,,Housing,,Tue 18:00-20:00,,,Nobody Org,,\n",
            mentees: Self.menteeHeader + "\nE1,D,d@example.org,Ealing Council,,,,Housing,Tue 18:00-20:00,,Group,,\n")
        #expect(problems.count == 1)
        #expect(problems.first?.severity == .warning)
        #expect(problems.first?.field == "exclusions")
    }
}
