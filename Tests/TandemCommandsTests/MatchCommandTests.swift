import Foundation
import Testing

@Suite("tandem match on the sample cohort")
struct MatchCommandTests {
    func matchSample(into out: URL, extra: [String] = []) -> Int32 {
        CLI.run(["match"] + CLI.sampleCohort + ["--out", out.path, "--quiet"] + extra)
    }

    @Test func writesAllResultFilesWithAStableVerifiedMatching() throws {
        let out = CLI.scratch().appendingPathComponent("out")
        #expect(matchSample(into: out) == 0)
        for name in ["matches.csv", "unmatched.csv", "matches.json", "preferences.json"] {
            #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent(name).path))
        }
        let matches = try #require(CLI.json(out.appendingPathComponent("matches.json")))
        #expect(matches["stable"] as? Bool == true)
        #expect(matches["seed"] as? Int == 2027)
        let pairs = try #require(matches["pairs"] as? [[String: Any]])
        let unmatched = try #require(matches["unmatched"] as? [[String: Any]])
        #expect(pairs.count > 30)
        let unmatchedMentees = Set(unmatched.filter { $0["side"] as? String == "mentee" }.compactMap { $0["id"] as? String })
        #expect(pairs.count + unmatchedMentees.count == 60)
        // The deliberately unmatchable people of Data/README.md, each with the right reason.
        let reasons = Dictionary(
            uniqueKeysWithValues: unmatched.compactMap { entry in
                (entry["id"] as? String).map { ($0, entry["reason"] as? String ?? "") }
            })
        #expect(reasons["E57"]?.contains("no window of 60 minutes") == true)
        #expect(reasons["E58"]?.contains("formats that do not fit") == true)
        #expect(reasons["E59"]?.contains("same organisation") == true)
        #expect(reasons["E59"]?.contains("excluded") == true)
        #expect(reasons["M39"]?.contains("No session fits") == true)
        #expect(reasons["M40"]?.contains("capacity 0") == true)
        let codes = Dictionary(
            uniqueKeysWithValues: unmatched.compactMap { entry in
                (entry["id"] as? String).map { ($0, entry["reason_code"] as? String ?? "") }
            })
        #expect(codes["E57"] == "no_window")
        #expect(codes["M39"] == "no_session_fits")
        #expect(codes["M40"] == "not_taking_mentees")
        #expect(matches["schema_version"] as? Int == 2)
        for pair in pairs {
            let reasons = pair["reasons"] as? [[String: Any]] ?? []
            #expect(!reasons.isEmpty)
            #expect(reasons.allSatisfy { !($0["code"] as? String ?? "").isEmpty && !($0["text"] as? String ?? "").isEmpty })
            #expect((pair["mentee_rank"] as? Int ?? 0) >= 1)
        }
    }

    /// Every file, the calendars included: with the calendars' DTSTAMP fixed through
    /// SOURCE_DATE_EPOCH, nothing but the inputs and the seed decides a byte.
    @Test func sameInputsAndSeedGiveByteIdenticalFiles() throws {
        let first = CLI.scratch().appendingPathComponent("a")
        let second = CLI.scratch().appendingPathComponent("b")
        for out in [first, second] {
            #expect(CLI.run(["match"] + CLI.sampleCohort + ["--out", out.path, "--quiet"], environment: CLI.fixedTimestamp) == 0)
        }
        let a = try CLI.files(under: first)
        let b = try CLI.files(under: second)
        #expect(Set(["matches.csv", "unmatched.csv", "matches.json", "preferences.json"]).isSubset(of: a.keys))
        #expect(a.keys.filter { $0.hasPrefix("calendars/") }.count > 40)
        #expect(Set(a.keys) == Set(b.keys))
        for (name, data) in a {
            #expect(b[name] == data, "\(name) differs between runs")
        }
    }

    @Test func mentorOptimalIsStableAndNoBetterForAnyMentee() throws {
        let menteeSide = CLI.scratch().appendingPathComponent("e")
        let mentorSide = CLI.scratch().appendingPathComponent("m")
        #expect(matchSample(into: menteeSide, extra: ["--optimal", "mentee"]) == 0)
        #expect(matchSample(into: mentorSide, extra: ["--optimal", "mentor"]) == 0)
        func ranks(_ folder: URL) throws -> [String: Int] {
            let pairs = try #require(CLI.json(folder.appendingPathComponent("matches.json"))?["pairs"] as? [[String: Any]])
            return Dictionary(uniqueKeysWithValues: pairs.map { ($0["mentee"] as? String ?? "", $0["mentee_rank"] as? Int ?? 0) })
        }
        let best = try ranks(menteeSide)
        let worst = try ranks(mentorSide)
        #expect(Set(best.keys) == Set(worst.keys), "rural hospitals: the same mentees are matched")
        for (mentee, rank) in best { #expect(rank <= worst[mentee] ?? .max) }
        #expect(CLI.json(mentorSide.appendingPathComponent("matches.json"))?["stable"] as? Bool == true)
    }

    @Test(arguments: ["weighted", "egalitarian", "min-regret", "mentee", "mentor"])
    func everyStableChoiceIsStableAndTheTradeOffIsReported(choice: String) throws {
        let out = CLI.scratch().appendingPathComponent("out")
        #expect(matchSample(into: out, extra: ["--optimal", choice]) == 0)
        let matches = try #require(CLI.json(out.appendingPathComponent("matches.json")))
        #expect(matches["stable"] as? Bool == true)
        #expect(matches["algorithm"] as? String == "stable/" + choice)
        let tradeoff = try #require(matches["tradeoff"] as? [String: Any])
        let options = try #require(tradeoff["options"] as? [[String: Any]])
        #expect(options.count == 6)
        #expect(options.filter { $0["chosen"] as? Bool == true }.count == 1)
        let stableOptions = options.filter { ($0["name"] as? String)?.hasSuffix("stable") == true }
        #expect(stableOptions.allSatisfy { $0["blocking_pairs"] as? Int == 0 })
        // Rural hospitals: every stable matching has the same number of pairs.
        #expect(Set(stableOptions.compactMap { $0["pairs"] as? Int }).count == 1)
        let weighted = try #require(stableOptions.first { $0["name"] as? String == "weighted-optimal stable" })
        let best = stableOptions.compactMap { $0["total_score"] as? Double }.max() ?? 0
        #expect((weighted["total_score"] as? Double ?? -1) >= best - 0.0005)
        let maximum = try #require(tradeoff["maximum_pairs"] as? Int)
        #expect(maximum >= (weighted["pairs"] as? Int ?? .max))
    }

    @Test func coverageMatchesMostPeopleAndReportsItsBlockingPairs() throws {
        let out = CLI.scratch().appendingPathComponent("out")
        #expect(matchSample(into: out, extra: ["--objective", "coverage"]) == 0)
        let matches = try #require(CLI.json(out.appendingPathComponent("matches.json")))
        let pairs = try #require(matches["pairs"] as? [[String: Any]])
        let tradeoff = try #require(matches["tradeoff"] as? [String: Any])
        #expect(pairs.count == tradeoff["maximum_pairs"] as? Int)
        #expect(matches["algorithm"] as? String == "coverage")
        let blocking = matches["blocking_pairs"] as? Int ?? 0
        #expect((matches["stable"] as? Bool) == (blocking == 0))
    }

    /// `tandem solve` on the preferences.json a match wrote gives the pairs of the match's
    /// matches.csv, for the same choice: on the sample cohort, and on a cohort in which each
    /// of these choices has a matching of its own. Not for the weighted choice, which weighs
    /// pairs by their scores, which preferences.json does not carry.
    @Test(arguments: ["mentee", "mentor", "egalitarian", "min-regret"])
    func preferencesJSONSolvesToTheSameMatching(choice: String) throws {
        let sample = CLI.scratch().appendingPathComponent("out")
        #expect(matchSample(into: sample, extra: ["--optimal", choice]) == 0)
        let written = try #require(CLI.json(sample.appendingPathComponent("preferences.json")))
        #expect((written["mentees"] as? [String: [String]])?.count == 60)
        #expect((written["capacities"] as? [String: Int])?["M40"] == 0)
        let samplePairs = try solvesToItsMatches(sample, choice: choice)
        #expect(samplePairs.count > 30)

        let folder = CLI.scratch()
        let out = folder.appendingPathComponent("out")
        let signups = FiveStableMatchings.writeSignups(to: folder)
        #expect(CLI.run(["match"] + signups + ["--optimal", choice, "--out", out.path, "--quiet"]) == 0)
        #expect(try solvesToItsMatches(out, choice: choice) == FiveStableMatchings.pairs(choice))
    }

    /// The pairs of the matches.csv in `out`, having checked that `tandem solve --optimal
    /// choice` on its preferences.json prints the same.
    func solvesToItsMatches(_ out: URL, choice: String) throws -> Set<CLI.Pair> {
        let matched = try CLI.pairs(inMatchesCSV: out.appendingPathComponent("matches.csv"))
        let solved = try CLI.capturingOutput {
            CLI.run(["solve", out.appendingPathComponent("preferences.json").path, "--optimal", choice])
        }
        #expect(solved.result == 0)
        let pairs = try CLI.pairs(inSolveOutput: solved.output)
        #expect(pairs == matched, "only solve: \(pairs.subtracting(matched)); only match: \(matched.subtracting(pairs))")
        return matched
    }
}
