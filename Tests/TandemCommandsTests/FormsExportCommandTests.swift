import Foundation
import TandemInput
import Testing

/// `tandem validate` and `tandem match` on sign-ups exported from Microsoft and Google Forms.
@Suite("Forms exports through validate and match")
struct FormsExportCommandTests {
    static let forms = CLI.data.appendingPathComponent("forms")

    /// The exit status, standard output and standard error of `tandem arguments...`.
    static func run(_ arguments: [String]) throws -> (status: Int32, output: String, errors: String) {
        var errors = ""
        let captured = try CLI.capturingOutput {
            let inner = try CLI.capturingStandardError { CLI.run(arguments) }
            errors = inner.text
            return inner.result
        }
        return (captured.result, String(decoding: captured.output, as: UTF8.self), errors)
    }

    static func arguments(
        _ command: String, form: String, as fileType: String = "csv", mentors: URL? = nil, mentees: URL? = nil
    ) -> [String] {
        [
            command,
            "--mentors", (mentors ?? forms.appendingPathComponent("\(form)-mentors.\(fileType)")).path,
            "--mentees", (mentees ?? forms.appendingPathComponent("\(form)-mentees.\(fileType)")).path,
            "--config", forms.appendingPathComponent("\(form).yaml").path,
        ]
    }

    /// The rows of a CSV file written by Tandem, by heading.
    static func rows(_ url: URL) throws -> [[String: String]] {
        let table = try CSVTable.read(path: url.path)
        return table.records.map { record in
            Dictionary(uniqueKeysWithValues: zip(table.header, record.fields).map { ($0, $1) })
        }
    }

    @Test func theGoogleFormsExportValidatesAndMatches() throws {
        let validated = try Self.run(Self.arguments("validate", form: "google-forms"))
        #expect(validated.status == 0, "\(validated.errors)")
        #expect(validated.errors.isEmpty, "\(validated.errors)")
        let files = ["mentors", "mentees"].map { "# " + Self.forms.appendingPathComponent("google-forms-\($0).csv").path }
        #expect(
            validated.output
                == files.map { $0 + ": CSV, UTF-8, comma-separated\n" }.joined()
                + "OK: 20 mentors and 30 mentees can be matched.\n")
        let out = CLI.scratch().appendingPathComponent("out")
        let matched = try Self.run(Self.arguments("match", form: "google-forms") + ["--out", out.path, "--no-record", "--quiet"])
        #expect(matched.status == 0, "\(matched.errors)")
        let pairs = try CLI.pairs(inMatchesCSV: out.appendingPathComponent("matches.csv"))
        #expect(pairs.count >= 15)
        #expect(pairs.allSatisfy { $0.mentor.hasPrefix("M") && $0.mentee.hasPrefix("E") })
    }

    /// The Microsoft Forms export, as downloaded (.xlsx) and as Excel saves it as CSV, is read
    /// whole by its configuration: two warnings, for the things only the coordinator can decide.
    @Test(arguments: ["xlsx", "csv"])
    func theMicrosoftFormsExportValidatesWithTwoWarnings(fileType: String) throws {
        let validated = try Self.run(Self.arguments("validate", form: "microsoft-forms", as: fileType))
        #expect(validated.status == 0, "\(validated.errors)")
        let warnings = validated.errors.split(separator: "\n")
        #expect(warnings.count == 2, "\(validated.errors)")
        // The one duplicate sign-up: the earlier row is left out, the later kept.
        #expect(
            validated.errors.contains(
                "microsoft-forms-mentees.\(fileType):6: warning: field 'email': left out: an earlier sign-up"))
        // The unaliased spelling of an organisation.
        #expect(validated.errors.contains("'NHS North West London' (1 person) and 'NHS North West London ICB'"))
        #expect(!validated.output.contains("columns:"))
        #expect(!validated.output.contains("consent_sensitive:"))
        #expect(validated.output.hasSuffix("OK: 30 mentors and 50 mentees can be matched (2 warning(s) above).\n"))
    }

    @Test func theMicrosoftFormsWorkbooksMatchAsTheirCSVCopies() throws {
        var matches: [String: Data] = [:]
        for fileType in ["xlsx", "csv"] {
            let out = CLI.scratch().appendingPathComponent("out")
            let matched = try Self.run(
                Self.arguments("match", form: "microsoft-forms", as: fileType) + ["--out", out.path, "--no-record", "--quiet"])
            #expect(matched.status == 0, "\(matched.errors)")
            matches[fileType] = try Data(contentsOf: out.appendingPathComponent("matches.csv"))
        }
        #expect(matches["xlsx"] != nil)
        #expect(matches["xlsx"] == matches["csv"])
    }

    @Test func skipInvalidMatchesTheSoundRowsAndListsTheRest() throws {
        let out = CLI.scratch().appendingPathComponent("out")
        let matched = try Self.run(
            Self.arguments("match", form: "microsoft-forms") + ["--out", out.path, "--no-record", "--skip-invalid"])
        #expect(matched.status == 0, "\(matched.errors)")
        let pairs = try CLI.pairs(inMatchesCSV: out.appendingPathComponent("matches.csv"))
        #expect(pairs.count >= 10)
        #expect(pairs.allSatisfy { $0.mentor.wholeMatch(of: /M\d+/) != nil && $0.mentee.wholeMatch(of: /E\d+/) != nil })
        let attention = out.appendingPathComponent("needs-attention.csv")
        if FileManager.default.fileExists(atPath: attention.path) {
            let rows = try Self.rows(attention)
            #expect(rows.allSatisfy { $0["problem"]?.hasPrefix("availability: ") == true }, "\(rows)")
            #expect(rows.allSatisfy { $0["id"]?.isEmpty == false && $0["name"]?.isEmpty == false && $0["row"] != "" })
        }
        // Catherine O'Neill signed up twice (E5 and E6): at most one of her is anywhere.
        let everyone =
            try Self.rows(out.appendingPathComponent("matches.csv")).map { $0["mentee_name"] ?? "" }
            + Self.rows(out.appendingPathComponent("unmatched.csv")).map { $0["name"] ?? "" }
        #expect(everyone.filter { $0 == "Catherine O'Neill" }.count <= 1)
        #expect(matched.errors.contains("microsoft-forms-mentees.csv:6: warning: field 'email': left out: an earlier sign-up"))
        #expect(!everyone.contains { $0.isEmpty })
    }

    /// A copy of the Microsoft Forms export with one mentee's e-mail mistyped.
    static func exportWithABadEmail() throws -> (mentors: URL, mentees: URL) {
        let folder = CLI.scratch()
        let mentees = folder.appendingPathComponent("mentees.csv")
        let text = try String(contentsOf: forms.appendingPathComponent("microsoft-forms-mentees.csv"), encoding: .utf8)
        try Data(text.replacingOccurrences(of: ",sarah.whitfield@example.org,", with: ",sarah.whitfield at example,").utf8)
            .write(to: mentees)
        return (forms.appendingPathComponent("microsoft-forms-mentors.csv"), mentees)
    }

    @Test func withoutSkipInvalidABadRowStopsTheRun() throws {
        let files = try Self.exportWithABadEmail()
        let out = CLI.scratch().appendingPathComponent("out")
        let matched = try Self.run(
            Self.arguments("match", form: "microsoft-forms", mentors: files.mentors, mentees: files.mentees) + [
                "--out", out.path, "--no-record",
            ])
        #expect(matched.status == 65)
        #expect(
            matched.errors.contains(
                "mentees.csv:2: error: field 'email': in column 'Your work email address': 'sarah.whitfield at example' is not an e-mail address"
            ))
        #expect(!FileManager.default.fileExists(atPath: out.path))
        let validated = try Self.run(
            Self.arguments("validate", form: "microsoft-forms", mentors: files.mentors, mentees: files.mentees))
        #expect(validated.errors.contains("row(s) have problems: fix them, or run 'tandem match --skip-invalid'"))
    }

    @Test func withSkipInvalidTheBadRowIsListedInNeedsAttention() throws {
        let files = try Self.exportWithABadEmail()
        let out = CLI.scratch().appendingPathComponent("out")
        let matched = try Self.run(
            Self.arguments("match", form: "microsoft-forms", mentors: files.mentors, mentees: files.mentees) + [
                "--out", out.path, "--no-record", "--skip-invalid",
            ])
        #expect(matched.status == 0, "\(matched.errors)")
        let rows = try Self.rows(out.appendingPathComponent("needs-attention.csv"))
        let row = try #require(rows.first { $0["id"] == "E1" })
        #expect(row["name"] == "Sarah Whitfield")
        #expect(row["row"] == "2")
        #expect(row["file"] == files.mentees.path)
        #expect(
            row["problem"]?.hasPrefix(
                "email: in column 'Your work email address': 'sarah.whitfield at example' is not an e-mail address") == true)
        #expect(
            matched.errors.contains(
                "mentees.csv:2: warning: field 'email': left out of matching: in column 'Your work email address': 'sarah.whitfield at example'"
            ))
        let pairs = try CLI.pairs(inMatchesCSV: out.appendingPathComponent("matches.csv"))
        #expect(!pairs.contains { $0.mentee == "E1" })
    }

    @Test func skipInvalidStillStopsForAProblemWithAWholeFile() throws {
        let folder = CLI.scratch()
        let configuration = folder.appendingPathComponent("tandem.yaml")
        CLI.write(
            "input:\n  columns:\n    mentors:\n      themes_offered: Which topics would you like to share\n", to: configuration)
        let out = folder.appendingPathComponent("out")
        let matched = try Self.run([
            "match", "--mentors", Self.forms.appendingPathComponent("microsoft-forms-mentors.csv").path,
            "--mentees", Self.forms.appendingPathComponent("microsoft-forms-mentees.csv").path,
            "--config", configuration.path, "--out", out.path, "--no-record", "--skip-invalid",
        ])
        #expect(matched.status == 65)
        #expect(matched.errors.contains("some concern a whole file or the configuration"))
        #expect(
            matched.errors.contains(
                "tandem.yaml:4: error: field 'input.columns.mentors.themes_offered': 'Which topics would you like to share' is not a heading in"
            ))
        #expect(matched.errors.contains("the closest is 'Which topics would you be happy to talk about?' (column 11)"))
        #expect(!FileManager.default.fileExists(atPath: out.path))
    }

    @Test func invitationsNeedEveryonesEmail() throws {
        // Two mentors in the export gave no e-mail: fine for calendars to download.
        let out = CLI.scratch().appendingPathComponent("out")
        let request = try Self.run(
            Self.arguments("match", form: "microsoft-forms") + ["--out", out.path, "--no-record", "--method", "request"])
        #expect(request.status == 65)
        #expect(
            request.errors.contains(
                "field 'email': in column 'Your email address (we’ll only use it to send your calendar)': is blank; invitations (--method request) are e-mailed"
            ))
        let skipped = try Self.run(
            Self.arguments("match", form: "microsoft-forms") + [
                "--out", out.path, "--no-record", "--method", "request", "--skip-invalid",
            ])
        #expect(skipped.status == 0, "\(skipped.errors)")
        let rows = try Self.rows(out.appendingPathComponent("needs-attention.csv"))
        #expect(rows.filter { $0["problem"]?.contains("is blank; invitations") == true }.count == 3)
    }

    // MARK: The lines validate prints, pasted back

    static let newMentors = """
        ID,Start time,Completion time,Email,Name,Your full name,Your email,Which topics could you talk about?,When are you free?,How would you like to meet?,How many mentees could you take on?,Do you consent to us using your answers?,How did you hear about us?
        1,2026-11-03 14:01:00,2026-11-03 14:05:12,anonymous,,Amrit Kaur,amrit@example.org,Racism in services;Housing;,Tue 18:00-20:00;,Online (Teams),Just one please,"Yes, I consent;",A friend
        2,2026-11-03 15:01:00,2026-11-03 15:05:12,anonymous,,Bina Shah,bina@example.org,Housing;,Tue 18:00-20:00;,Hybrid,1-2,No thank you,A poster
        """
    static let newMentees = """
        ID,Start time,Completion time,Email,Name,Your full name,Your work email,Which organisation do you work for?,What would you like to learn about?,When are you free?,How would you like to meet?,Do you consent to us using your answers?
        1,2026-11-04 09:01:00,2026-11-04 09:05:12,jo@example.org,"Smith, Jo",Jo Smith,jo@example.org,Ealing Council,Housing;,Tue 18:00-20:00;,Hybrid,"Yes, I consent;"
        2,2026-11-04 10:01:00,2026-11-04 10:05:12,sam@example.org,"Lee, Sam",Sam Lee,sam@example.org,London Borough of Ealing,Racism in services;,Tue 18:00-20:00;,Either is fine,No thank you
        """

    /// Fills each `""` in the pasted lines with a value that suits its field, as a coordinator would.
    static func filledIn(_ yaml: String) -> String {
        var field = ""
        return yaml.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.hasSuffix(":"), !trimmed.hasPrefix("\"") { field = String(trimmed.dropLast()) }
            guard line.contains(": \"\"") else { return String(line) }
            let value = ["format": "either", "consent_sensitive": "no", "capacity": "1"][field] ?? "Mon 18:00-20:00"
            return line.replacingOccurrences(of: ": \"\"", with: ": \"\(value)\"")
        }.joined(separator: "\n")
    }

    @Test func pastingTheLinesValidatePrintsFixesANewExportInOneEdit() throws {
        let folder = CLI.scratch()
        let mentors = folder.appendingPathComponent("mentors.csv")
        let mentees = folder.appendingPathComponent("mentees.csv")
        let configuration = folder.appendingPathComponent("tandem.yaml")
        CLI.write(Self.newMentors, to: mentors)
        CLI.write(Self.newMentees, to: mentees)
        let base = "programme:\n  name: New form\n"
        CLI.write(base, to: configuration)
        let arguments = ["validate", "--mentors", mentors.path, "--mentees", mentees.path, "--config", configuration.path]

        let first = try Self.run(arguments)
        #expect(first.status == 65)
        #expect(first.output.contains("\"Which topics could you talk about?\": themes_offered  # a guess: check it"))
        #expect(first.output.contains("\"How did you hear about us?\": ignore"))
        #expect(first.output.contains("\"Hybrid\": \"\""))
        #expect(first.output.contains("\"Just one please\": \"1\""))
        // The lines are valid YAML and a valid configuration once filled in.
        let pasted = Self.filledIn(first.output)
        #expect(throws: Never.self) { try ConfigurationLoader.parse(base + pasted, file: "tandem.yaml") }

        CLI.write(base + pasted, to: configuration)
        let second = try Self.run(arguments)
        #expect(second.status == 0, "\(second.errors)")
        #expect(second.errors.isEmpty, "\(second.errors)")
        #expect(second.output.hasSuffix("\nOK: 2 mentors and 2 mentees can be matched.\n"))
        #expect(second.output.split(separator: "\n").dropLast().allSatisfy { $0.hasPrefix("# ") })
    }

    @Test func skipInvalidNeverEndsAnActivePairOfARowWithProblems() throws {
        let folder = CLI.scratch()
        let mentors = folder.appendingPathComponent("mentors.csv")
        let mentees = folder.appendingPathComponent("mentees.csv")
        CLI.write(BadInputTests.goodMentor, to: mentors)
        CLI.write(BadInputTests.goodMentee, to: mentees)
        let out = folder.appendingPathComponent("out")
        let match = ["match", "--mentors", mentors.path, "--mentees", mentees.path, "--out", out.path, "--quiet"]
        #expect(CLI.run(match) == 0)
        CLI.write(BadInputTests.goodMentee.replacingOccurrences(of: "jo@example.org", with: "jo at example"), to: mentees)
        let again = try Self.run(match + ["--skip-invalid"])
        #expect(again.status == 65)
        #expect(again.errors.contains("E1 has an active pair but their sign-up row has problems"))
    }
}
