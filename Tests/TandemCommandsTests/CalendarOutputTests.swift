import Foundation
import TandemCalendar
import TandemCore
import TandemInput
import Testing

@Suite("Calendars written by tandem match and tandem calendar")
struct CalendarOutputTests {
    /// Matches the sample cohort with a fixed DTSTAMP.
    func matchSample(into out: URL, extra: [String] = []) -> Int32 {
        CLI.run(["match"] + CLI.sampleCohort + ["--out", out.path, "--quiet"] + extra, environment: CLI.fixedTimestamp)
    }

    func files(under folder: URL) -> [URL] {
        let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil)
        return (enumerator?.allObjects as? [URL] ?? []).filter { $0.pathExtension == "ics" }
    }

    @Test func everyCalendarPassesItsChecksAndExpandsToTheScheduledSessions() throws {
        let out = CLI.scratch().appendingPathComponent("out")
        #expect(CLI.run(["match"] + CLI.sampleCohort + ["--out", out.path, "--quiet"]) == 0)
        let calendars = out.appendingPathComponent("calendars")
        let icsFiles = files(under: calendars)
        let matches = try #require(CLI.json(out.appendingPathComponent("matches.json")))
        let pairs = try #require(matches["pairs"] as? [[String: Any]])
        // One programme file, one per matched mentor and one per matched mentee.
        let mentors = Set(pairs.compactMap { $0["mentor"] as? String })
        #expect(icsFiles.count == 1 + mentors.count + pairs.count)
        for file in icsFiles {
            #expect(CalendarCheck.problems(in: try Data(contentsOf: file)).isEmpty, "\(file.lastPathComponent)")
        }
        // Expanding each series with libical gives exactly the engine's sessions.
        let programme = try Data(contentsOf: calendars.appendingPathComponent("programme.ics"))
        let expanded = CalendarCheck.expandedStarts(in: programme)
        for pair in pairs {
            let uid = try #require(pair["uid"] as? String)
            let sessions = try #require(pair["sessions"] as? [[String: String]])
            let starts = sessions.compactMap { $0["start"].map { String($0.prefix(16)) } }
            let fromLibical = (expanded[uid] ?? []).map { start in
                "\(start.date.iso)T\(start.hour < 10 ? "0" : "")\(start.hour):\(start.minute < 10 ? "0" : "")\(start.minute)"
            }
            #expect(fromLibical == starts, "\(uid)")
        }
        // Privacy: no theme or language from the sign-ups reaches a calendar.
        let text = String(decoding: programme, as: UTF8.self)
        for word in ["Mental health", "Racism", "Punjabi", "consent", "Unpaid caring"] {
            #expect(!text.contains(word), "\(word) leaked into programme.ics")
        }
        // A mentor's file has only their own series (plus the two cohort events).
        let mentorID = try #require(pairs.first?["mentor"] as? String)
        let own = pairs.filter { $0["mentor"] as? String == mentorID }.count
        let mentorFile = try String(contentsOf: calendars.appendingPathComponent("mentors/\(mentorID).ics"), encoding: .utf8)
        #expect(mentorFile.components(separatedBy: "BEGIN:VEVENT").count - 1 == own + 2)
    }

    @Test func reExportingFromMatchesJSONGivesTheSameBytes() throws {
        let out = CLI.scratch().appendingPathComponent("out")
        #expect(matchSample(into: out) == 0)
        let calendars = out.appendingPathComponent("calendars")
        let first = try files(under: calendars).map { ($0.path.dropFirst(calendars.path.count), try Data(contentsOf: $0)) }
        #expect(first.count > 40)
        let again = CLI.scratch().appendingPathComponent("again")
        // The configuration's calendar section (preparation text, meeting links, reminders) is
        // not in matches.json: the same configuration gives the same files.
        let config = CLI.data.appendingPathComponent("tandem.yaml").path
        #expect(
            CLI.run(
                [
                    "calendar", "--matches", out.appendingPathComponent("matches.json").path, "--out", again.path, "--config",
                    config,
                ],
                environment: CLI.fixedTimestamp) == 0)
        let rewritten = again.appendingPathComponent("calendars")
        #expect(Set(files(under: rewritten).map { $0.path.dropFirst(rewritten.path.count) }) == Set(first.map(\.0)))
        for (relative, data) in first {
            #expect(try Data(contentsOf: URL(fileURLWithPath: rewritten.path + relative)) == data, "\(relative)")
            // Both runs stamped the events with the environment's SOURCE_DATE_EPOCH.
            let stamps = String(decoding: data, as: UTF8.self).split(separator: "\r\n").filter { $0.hasPrefix("DTSTAMP") }
            #expect(!stamps.isEmpty && stamps.allSatisfy { $0 == "DTSTAMP:20260101T000000Z" }, "\(relative)")
        }
    }

    /// Each pair's series invites exactly its mentor and its mentee, by the addresses they
    /// signed up with.
    @Test func requestMethodInvitesBothPeople() throws {
        let out = CLI.scratch().appendingPathComponent("out")
        #expect(matchSample(into: out, extra: ["--method", "request"]) == 0)
        let programme = try Data(contentsOf: out.appendingPathComponent("calendars/programme.ics"))
        let contents = try #require(CalendarCheck.contents(of: programme))
        #expect(contents.method == "REQUEST")
        let name = try ConfigurationLoader.load(path: CLI.data.appendingPathComponent("tandem.yaml").path).programme.name
        func emails(_ file: String) throws -> [String: String] {
            let table = try CSVTable.read(path: CLI.data.appendingPathComponent(file).path)
            let id = try #require(table.header.firstIndex(of: "id"))
            let email = try #require(table.header.firstIndex(of: "email"))
            return Dictionary(uniqueKeysWithValues: table.records.map { ($0.fields[id], $0.fields[email]) })
        }
        let mentorEmails = try emails("mentors.csv")
        let menteeEmails = try emails("mentees.csv")
        let pairs = try CLI.pairs(inMatchesCSV: out.appendingPathComponent("matches.csv"))
        #expect(pairs.count > 30)
        for pair in pairs {
            let uid = SeriesIdentity.uid(programme: name, mentorID: pair.mentor, menteeID: pair.mentee)
            let event = try #require(contents.events.first { $0.uid == uid }, "\(pair)")
            let expected = try [#require(mentorEmails[pair.mentor]), #require(menteeEmails[pair.mentee])].map { "mailto:" + $0 }
            #expect(event.attendees.map(\.address) == expected, "\(pair)")
        }
    }

    @Test func hostileIdsCannotEscapeTheCalendarsFolder() throws {
        let folder = CLI.scratch()
        let mentors = folder.appendingPathComponent("mentors.csv")
        let mentees = folder.appendingPathComponent("mentees.csv")
        let config = folder.appendingPathComponent("tandem.yaml")
        CLI.write(
            BadInputTests.mentorHeader
                + "\n../../evil,Amrit,a@example.org,Group,,English,Housing,,Tue 18:00-20:00,either,1,,,yes\n", to: mentors)
        CLI.write(
            BadInputTests.menteeHeader + "\n.hidden,Jo,jo@example.org,Council,,,English,Housing,Tue 18:00-20:00,,,,yes\n",
            to: mentees)
        CLI.write(
            """
            programme:
              coordinator: {name: Co Ordinator, email: co@example.org}
            schedule:
              start_date: 2027-01-04
              end_date: 2027-12-31
            """, to: config)
        let out = folder.appendingPathComponent("out")
        #expect(
            CLI.run([
                "match", "--mentors", mentors.path, "--mentees", mentees.path, "--config", config.path, "--out", out.path,
                "--quiet",
            ]) == 0)
        let written = files(under: folder).map { $0.standardizedFileURL.path }
        let calendars = out.appendingPathComponent("calendars").standardizedFileURL.path
        let changes = out.appendingPathComponent("changes").standardizedFileURL.path
        // programme.ics and the two people's files; the pair's invitation in changes/.
        #expect(written.filter { $0.hasPrefix(calendars + "/") }.count == 3)
        #expect(written.filter { $0.hasPrefix(changes + "/") }.count == 1)
        #expect(written.count == 4)
        #expect(
            !FileManager.default.fileExists(atPath: folder.deletingLastPathComponent().appendingPathComponent("evil.ics").path))
    }
}
