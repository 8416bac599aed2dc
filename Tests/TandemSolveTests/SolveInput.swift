import Foundation
import StableMatching
import TandemCore

@testable import TandemSolve

/// The explicit instance format read by `tandem solve` and written as `preferences.json`, as
/// plain dictionaries: the tests' independent description of the format, against which the
/// library's byte-level reader (``SolveInstanceReader``) and writer (``PreferencesJSON``) are
/// checked.
///
/// `{"mentees": {"e1": ["m1", "m2"]}, "mentors": {"m1": ["e2", "e1"]}, "capacities": {"m1": 2}}`,
/// lists most preferred first.
struct SolveInput: Codable, Sendable {
    var mentees: [String: [String]]
    var mentors: [String: [String]]
    var capacities: [String: Int]
    /// Optional pair weights for `--optimal weighted`: `{"e1": {"m1": 3.5}}`, higher is better,
    /// missing pairs weigh 0.
    var weights: [String: [String: Double]]?

    init(
        mentees: [String: [String]], mentors: [String: [String]], capacities: [String: Int],
        weights: [String: [String: Double]]? = nil
    ) {
        self.mentees = mentees
        self.mentors = mentors
        self.capacities = capacities
        self.weights = weights
    }

    /// The derived instance of a cohort, by id.
    init(_ instance: MatchingInstance, cohort: Cohort) {
        var mentees: [String: [String]] = [:]
        for mentee in 0..<instance.residentCount {
            mentees[cohort.mentees[mentee].id] = instance.hospitals(preferredBy: mentee).map { cohort.mentors[Int($0)].id }
        }
        var mentors: [String: [String]] = [:]
        var capacities: [String: Int] = [:]
        for mentor in 0..<instance.hospitalCount {
            mentors[cohort.mentors[mentor].id] = instance.residents(preferredBy: mentor).map { cohort.mentees[Int($0)].id }
            capacities[cohort.mentors[mentor].id] = Int(instance.capacities[mentor])
        }
        self.mentees = mentees
        self.mentors = mentors
        self.capacities = capacities
        weights = nil
    }
}

extension SolveInput {
    /// The instance as JSON text, keys sorted, one person per line.
    ///
    /// Written by hand rather than with `JSONEncoder`: at national scale the lists hold tens
    /// of millions of ids, and the generic encoder's per-value boxing dominated a whole run.
    func jsonData() -> Data {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(64 * (mentees.count + mentors.count) + 8 * mentees.values.reduce(0) { $0 + $1.count })
        bytes.append(contentsOf: "{\n\"capacities\": {".utf8)
        var first = true
        for id in capacities.keys.sorted() {
            bytes.append(contentsOf: (first ? "\n" : ",\n").utf8)
            first = false
            JSONText.append(string: id, to: &bytes)
            bytes.append(contentsOf: ": \(capacities[id] ?? 0)".utf8)
        }
        bytes.append(contentsOf: "\n},\n\"mentees\": ".utf8)
        Self.appendLists(mentees, to: &bytes)
        bytes.append(contentsOf: ",\n\"mentors\": ".utf8)
        Self.appendLists(mentors, to: &bytes)
        if let weights {
            bytes.append(contentsOf: ",\n\"weights\": {".utf8)
            var firstMentee = true
            for mentee in weights.keys.sorted() {
                bytes.append(contentsOf: (firstMentee ? "\n" : ",\n").utf8)
                firstMentee = false
                JSONText.append(string: mentee, to: &bytes)
                bytes.append(contentsOf: ": {".utf8)
                let row = weights[mentee] ?? [:]
                for (index, mentor) in row.keys.sorted().enumerated() {
                    if index > 0 { bytes.append(contentsOf: ", ".utf8) }
                    JSONText.append(string: mentor, to: &bytes)
                    bytes.append(contentsOf: ": \(row[mentor] ?? 0)".utf8)
                }
                bytes.append(UInt8(ascii: "}"))
            }
            bytes.append(contentsOf: "\n}".utf8)
        }
        bytes.append(contentsOf: "\n}\n".utf8)
        return Data(bytes)
    }

    private static func appendLists(_ lists: [String: [String]], to bytes: inout [UInt8]) {
        bytes.append(UInt8(ascii: "{"))
        var first = true
        for id in lists.keys.sorted() {
            bytes.append(contentsOf: (first ? "\n" : ",\n").utf8)
            first = false
            JSONText.append(string: id, to: &bytes)
            bytes.append(contentsOf: ": [".utf8)
            for (index, other) in (lists[id] ?? []).enumerated() {
                if index > 0 { bytes.append(contentsOf: ", ".utf8) }
                JSONText.append(string: other, to: &bytes)
            }
            bytes.append(UInt8(ascii: "]"))
        }
        bytes.append(contentsOf: "\n}".utf8)
    }
}
