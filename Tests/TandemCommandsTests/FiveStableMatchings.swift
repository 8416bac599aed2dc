import Foundation

/// Four mentors and four mentees, one place each, with exactly five stable matchings: a
/// different one for each stable choice (found by enumerating every matching, as
/// ``stableMatchings()`` does).
/// Given as a `tandem solve` instance and as sign-up files in which each person states the
/// whole other side as preferred, in the order of their list, and everything else is equal.
enum FiveStableMatchings {
    /// Each mentee's mentors, most preferred first.
    static let mentees = [
        "e1": ["m1", "m4", "m3", "m2"], "e2": ["m2", "m3", "m4", "m1"], "e3": ["m1", "m4", "m2", "m3"],
        "e4": ["m1", "m3", "m2", "m4"],
    ]
    /// Each mentor's mentees, most preferred first.
    static let mentors = [
        "m1": ["e2", "e1", "e3", "e4"], "m2": ["e3", "e1", "e4", "e2"], "m3": ["e1", "e2", "e3", "e4"],
        "m4": ["e4", "e3", "e2", "e1"],
    ]
    /// The instance's weights: two pairs that only the last of the five holds together.
    static let weights = ["e1": ["m3": 4.0], "e3": ["m4": 4.0]]

    /// Each choice's matching (mentor: mentees) and its total weight. Over both sides, the
    /// matchings' rank sums are 18, 18, 16, 17 and 19 in this order and their worst ranks
    /// 4, 4, 4, 3 and 4.
    static let expected: [String: (matching: [String: [String]], totalWeight: Double)] = [
        "mentee": (["m1": ["e1"], "m2": ["e2"], "m3": ["e4"], "m4": ["e3"]], 4),
        "mentor": (["m1": ["e2"], "m2": ["e3"], "m3": ["e1"], "m4": ["e4"]], 4),
        "egalitarian": (["m1": ["e1"], "m2": ["e3"], "m3": ["e2"], "m4": ["e4"]], 0),
        "min-regret": (["m1": ["e1"], "m2": ["e4"], "m3": ["e2"], "m4": ["e3"]], 4),
        "weighted": (["m1": ["e2"], "m2": ["e4"], "m3": ["e1"], "m4": ["e3"]], 8),
    ]

    /// The pairs of `choice`'s matching.
    static func pairs(_ choice: String) -> Set<CLI.Pair> {
        let matching = expected[choice]?.matching ?? [:]
        return Set(matching.flatMap { mentor, mentees in mentees.map { CLI.Pair(mentor: mentor, mentee: $0) } })
    }

    /// Every stable matching, as each mentee's mentor, by trying all 24 ways to pair the four
    /// mentees with the four mentors (every list is complete, so everyone is matched).
    static func stableMatchings() -> [[String: String]] {
        let menteeIDs = mentees.keys.sorted()
        func permutations(_ items: [String]) -> [[String]] {
            items.count <= 1
                ? [items]
                : items.indices.flatMap { index in
                    var rest = items
                    let first = rest.remove(at: index)
                    return permutations(rest).map { [first] + $0 }
                }
        }
        return permutations(mentors.keys.sorted()).map { Dictionary(uniqueKeysWithValues: zip(menteeIDs, $0)) }
            .filter { mentorOf in
                let menteeOf = Dictionary(uniqueKeysWithValues: mentorOf.map { ($0.value, $0.key) })
                // Blocking: a mentee and a mentor who each prefer the other to their partner.
                return !mentorOf.contains { mentee, partner in
                    let list = mentees[mentee] ?? []
                    return list.prefix { $0 != partner }.contains { mentor in
                        let ranking = mentors[mentor] ?? []
                        return (ranking.firstIndex(of: mentee) ?? .max) < (ranking.firstIndex(of: menteeOf[mentor] ?? "") ?? .max)
                    }
                }
            }
    }

    /// Writes the instance, with its weights, in `tandem solve`'s format.
    static func writeInstance(to file: URL) throws {
        let instance: [String: Any] = [
            "mentees": mentees, "mentors": mentors, "capacities": mentors.mapValues { _ in 1 }, "weights": weights,
        ]
        try JSONSerialization.data(withJSONObject: instance, options: .sortedKeys).write(to: file)
    }

    /// Writes mentors.csv and mentees.csv into `folder`; returns the `--mentors` and
    /// `--mentees` options naming them.
    static func writeSignups(to folder: URL) -> [String] {
        let mentorFile = folder.appendingPathComponent("mentors.csv")
        let menteeFile = folder.appendingPathComponent("mentees.csv")
        CLI.write(
            BadInputTests.mentorHeader + "\n"
                + mentors.keys.sorted().map { id in
                    "\(id),Mentor \(id),\(id)@example.org,Group \(id),,English,Housing,,Tue 18:00-20:00,either,1,,"
                        + (mentors[id] ?? []).joined(separator: "; ") + ",yes\n"
                }.joined(),
            to: mentorFile)
        CLI.write(
            BadInputTests.menteeHeader + "\n"
                + mentees.keys.sorted().map { id in
                    "\(id),Mentee \(id),\(id)@example.org,Council,,,English,Housing,Tue 18:00-20:00,,,"
                        + (mentees[id] ?? []).joined(separator: "; ") + ",yes\n"
                }.joined(),
            to: menteeFile)
        return ["--mentors", mentorFile.path, "--mentees", menteeFile.path]
    }
}
