import TandemCore
import TandemSynthetic
import Testing

@Suite("Synthetic cohort")
struct SyntheticCohortTests {
    /// True when `item` is `DAY HH:MM-HH:MM` (DAY `Mon`...`Sun` or an ascending range such as
    /// `Mon-Fri`), on the 15-minute grid, at least one 60-minute session long.
    @available(macOS 13, iOS 16, tvOS 16, watchOS 9, *)
    static func isCanonicalWindow(_ item: Substring) -> Bool {
        let canonical =
            #/
            ^ (?<first> Mon|Tue|Wed|Thu|Fri|Sat|Sun) (- (?<last> Mon|Tue|Wed|Thu|Fri|Sat|Sun))?
            \x20 (?<sh> [01][0-9]|2[0-3]) : (?<sm> 00|15|30|45)
            - ( (?<eh> [01][0-9]|2[0-3]) : (?<em> 00|15|30|45) | 24:00 ) $
            /#
        guard let match = item.wholeMatch(of: canonical) else { return false }
        let order = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
        if let last = match.output.last,
            let lastIndex = order.firstIndex(of: String(last)),
            let firstIndex = order.firstIndex(of: String(match.output.first)),
            lastIndex <= firstIndex
        {
            return false
        }
        let start = (Int(match.output.sh) ?? 0) * 60 + (Int(match.output.sm) ?? 0)
        var end = 24 * 60
        if let hours = match.output.eh, let minutes = match.output.em {
            end = (Int(hours) ?? 0) * 60 + (Int(minutes) ?? 0)
        }
        return end - start >= 60
    }

    static func items(_ cell: String) -> [Substring] {
        cell.isEmpty ? [] : cell.split(separator: "; ", omittingEmptySubsequences: false)
    }

    @Test func sameSeedGivesIdenticalRows() {
        let first = SyntheticCohort.generate(mentees: 500, mentors: 200, seed: 42)
        let second = SyntheticCohort.generate(mentees: 500, mentors: 200, seed: 42)
        #expect(first.mentorRows == second.mentorRows)
        #expect(first.menteeRows == second.menteeRows)
    }

    /// Pins the output for one seed, so a change to the draws (or to a platform's arithmetic)
    /// that would silently alter benchmark cohorts fails here.
    @Test func outputIsPinnedForOneSeed() {
        let cohort = SyntheticCohort.generate(mentees: 2, mentors: 2, seed: 2027)
        #expect(
            cohort.mentorRows[0] == [
                "M1", "Ifrah Yusuf", "ifrah.yusuf.m1@example.org",
                "Hanwell Faith Leaders Health Network", "Hanwell", "Somali; English; Arabic",
                "Mental health; Language barriers; Cost of living; Migration and housing; "
                    + "Trust after the pandemic",
                "", "Sun 13:00-15:00; Mon-Fri 17:15-18:45", "either", "1", "", "", "yes",
            ])
        #expect(
            cohort.menteeRows[1] == [
                "E2", "Gareth Whitfield", "gareth.whitfield.e2@example.org", "Ealing Council",
                "Public health analyst", "Perivale", "English",
                "Access to GP services; Language barriers",
                "Mon 12:30-13:30; Tue 13:30-15:30; Thu 11:00-12:00", "either", "", "", "yes",
            ])
    }

    @Test func differentSeedsGiveDifferentRows() {
        let first = SyntheticCohort.generate(mentees: 50, mentors: 20, seed: 1)
        let second = SyntheticCohort.generate(mentees: 50, mentors: 20, seed: 2)
        #expect(first.mentorRows != second.mentorRows)
        #expect(first.menteeRows != second.menteeRows)
    }

    @Test(arguments: [(0, 0), (1, 1), (9, 3), (10, 10), (60, 40), (1234, 567)])
    func countsAndWidths(mentees: Int, mentors: Int) {
        let cohort = SyntheticCohort.generate(mentees: mentees, mentors: mentors, seed: 7)
        #expect(cohort.menteeRows.count == mentees)
        #expect(cohort.mentorRows.count == mentors)
        #expect(cohort.mentorRows.allSatisfy { $0.count == SyntheticCohort.mentorHeader.count })
        #expect(cohort.menteeRows.allSatisfy { $0.count == SyntheticCohort.menteeHeader.count })
    }

    @Test func headersAreCanonical() {
        #expect(
            SyntheticCohort.mentorHeader.joined(separator: ",")
                == "id,name,email,organisation,town,languages,themes_offered,themes_declined,"
                + "availability,format,capacity,exclusions,preferred_mentees,consent_sensitive")
        #expect(
            SyntheticCohort.menteeHeader.joined(separator: ",")
                == "id,name,email,organisation,job_title,town,languages,themes_wanted,"
                + "availability,format,exclusions,preferred_mentors,consent_sensitive")
    }

    @Test func idsAreUniqueAndZeroPadded() {
        let cohort = SyntheticCohort.generate(mentees: 1000, mentors: 99, seed: 3)
        let mentorIDs = cohort.mentorRows.map { $0[0] }
        let menteeIDs = cohort.menteeRows.map { $0[0] }
        #expect(Set(mentorIDs + menteeIDs).count == 1099)
        #expect(mentorIDs.first == "M01")
        #expect(mentorIDs.last == "M99")
        #expect(menteeIDs.first == "E0001")
        #expect(menteeIDs.last == "E1000")
        let emails = (cohort.mentorRows + cohort.menteeRows).map { $0[2] }
        #expect(Set(emails).count == emails.count)
        #expect(emails.allSatisfy { $0.hasSuffix("@example.org") })
    }

    @Test func capacitiesAreOneToThree() {
        let cohort = SyntheticCohort.generate(mentees: 0, mentors: 2000, seed: 11)
        let capacities = cohort.mentorRows.map { Int($0[10]) }
        #expect(capacities.allSatisfy { $0.map { (1...3).contains($0) } ?? false })
        // Roughly 60/30/10: each value occurs, 1 the most.
        let ones = capacities.filter { $0 == 1 }.count
        let threes = capacities.filter { $0 == 3 }.count
        #expect(ones > 1000 && threes > 100 && threes < 400)
    }

    @available(macOS 13, iOS 16, tvOS 16, watchOS 9, *)
    @Test func availabilityIsCanonical() {
        let cohort = SyntheticCohort.generate(mentees: 600, mentors: 400, seed: 2027)
        let mentorCells = cohort.mentorRows.map { $0[8] }
        let menteeCells = cohort.menteeRows.map { $0[8] }
        for cell in mentorCells + menteeCells {
            let windows = Self.items(cell)
            #expect((1...3).contains(windows.count), "\(cell)")
            for window in windows {
                #expect(Self.isCanonicalWindow(window), "\(window)")
            }
        }
    }

    @Test func cellsUseKnownValues() {
        let themes: Set<Substring> = [
            "Racism in services", "Migration and housing", "Mental health", "Disability",
            "Unpaid caring", "Faith and culture in healthcare", "Language barriers",
            "Young women of colour", "Trust after the pandemic",
            "Heart health in South Asian communities", "Access to GP services", "Cost of living",
        ]
        let cohort = SyntheticCohort.generate(mentees: 2000, mentors: 1000, seed: 5)
        let mentorIDs = Set(cohort.mentorRows.map { $0[0] })
        let menteeIDs = Set(cohort.menteeRows.map { $0[0] })
        for row in cohort.mentorRows {
            let offered = Self.items(row[6])
            let declined = Self.items(row[7])
            #expect((2...5).contains(offered.count) && Set(offered).count == offered.count)
            #expect(declined.count <= 1 && Set(offered).isDisjoint(with: declined))
            #expect((offered + declined).allSatisfy { themes.contains($0) })
            #expect(["online", "in person", "either"].contains(row[9]))
            #expect(["yes", "no"].contains(row[13]))
            #expect(Self.items(row[12]).allSatisfy { menteeIDs.contains(String($0)) })
        }
        for row in cohort.menteeRows {
            let wanted = Self.items(row[7])
            #expect((1...3).contains(wanted.count) && Set(wanted).count == wanted.count)
            #expect(wanted.allSatisfy { themes.contains($0) })
            #expect(Self.items(row[11]).allSatisfy { mentorIDs.contains(String($0)) })
        }
    }

    @Test func themePopularityIsSkewed() {
        let cohort = SyntheticCohort.generate(mentees: 5000, mentors: 0, seed: 9)
        var counts: [Substring: Int] = [:]
        for row in cohort.menteeRows {
            for theme in Self.items(row[7]) { counts[theme, default: 0] += 1 }
        }
        let mentalHealth = counts["Mental health", default: 0]
        let caring = counts["Unpaid caring", default: 0]
        #expect(mentalHealth > 3 * caring && caring > 0)
    }

    @available(macOS 13, iOS 16, tvOS 16, watchOS 9, *)
    @Test func windowSyntaxCheckerRejectsBadWindows() {
        #expect(Self.isCanonicalWindow("Mon-Fri 18:00-21:00"))
        #expect(Self.isCanonicalWindow("Fri 21:00-24:00"))
        #expect(!Self.isCanonicalWindow("Mon 07:00-07:45"))
        #expect(!Self.isCanonicalWindow("Fri-Mon 09:00-10:00"))
        #expect(!Self.isCanonicalWindow("Mon 09:10-10:10"))
        #expect(!Self.isCanonicalWindow("monday 09:00-10:00"))
        #expect(!Self.isCanonicalWindow("Mon 9:00-10:00"))
    }
}
