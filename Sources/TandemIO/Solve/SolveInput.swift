import Foundation
import StableMatching
import TandemCore

/// The explicit instance format read by `tandem solve` and written as `preferences.json`:
/// `{"mentees": {"e1": ["m1", "m2"]}, "mentors": {"m1": ["e2", "e1"]}, "capacities": {"m1": 2}}`,
/// lists most preferred first.
public struct SolveInput: Codable, Sendable {
    public var mentees: [String: [String]]
    public var mentors: [String: [String]]
    public var capacities: [String: Int]
    /// Optional pair weights for `--optimal weighted`: `{"e1": {"m1": 3.5}}`, higher is better,
    /// missing pairs weigh 0.
    public var weights: [String: [String: Double]]?

    public init(
        mentees: [String: [String]], mentors: [String: [String]], capacities: [String: Int],
        weights: [String: [String: Double]]? = nil
    ) {
        self.mentees = mentees
        self.mentors = mentors
        self.capacities = capacities
        self.weights = weights
    }

    /// The derived instance of a cohort, by id.
    public init(_ instance: MatchingInstance, cohort: Cohort) {
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

    /// The weights aligned with the instance's mentee lists, or `nil` when the input has none.
    public func pairWeights(
        for instance: MatchingInstance, menteeIDs: [String], mentorIDs: [String]
    ) -> PairWeights? {
        guard let weights else { return nil }
        var aligned = ContiguousArray<Double>()
        aligned.reserveCapacity(instance.entryCount)
        for mentee in 0..<instance.residentCount {
            let row = weights[menteeIDs[mentee]] ?? [:]
            for mentor in instance.hospitals(preferredBy: mentee) { aligned.append(row[mentorIDs[Int(mentor)]] ?? 0) }
        }
        return PairWeights(residentEntryWeights: aligned)
    }

    /// Reads the format from JSON bytes; `file` names the source in messages.
    /// - Throws: ``TandemFailure`` (65) for malformed JSON or an inconsistent instance.
    public static func decode(_ data: Data, file: String) throws(TandemFailure) -> SolveInput {
        do {
            return try JSONDecoder().decode(SolveInput.self, from: data)
        } catch let DecodingError.keyNotFound(key, _) {
            throw TandemFailure(
                .dataError,
                problem: InputProblem(
                    file: file, field: key.stringValue,
                    message: "is missing; the input needs \"mentees\", \"mentors\" and \"capacities\""))
        } catch let DecodingError.typeMismatch(_, context), let DecodingError.valueNotFound(_, context) {
            throw TandemFailure(
                .dataError,
                problem: InputProblem(
                    file: file,
                    field: context.codingPath.map(\.stringValue).joined(separator: "."),
                    message: "has the wrong type; lists of ids are expected for preferences and whole numbers for capacities"))
        } catch {
            throw TandemFailure(.dataError, problem: InputProblem(file: file, message: "is not valid JSON (\(error))"))
        }
    }

    /// The instance with ids in sorted order as dense indices.
    /// - Throws: ``TandemFailure`` (65) listing every unknown id, duplicate, missing or negative capacity.
    public func instance(file: String) throws(TandemFailure) -> (
        instance: MatchingInstance, menteeIDs: [String], mentorIDs: [String]
    ) {
        let menteeIDs = mentees.keys.sorted()
        let mentorIDs = Set(mentors.keys).union(capacities.keys).sorted()
        let menteeIndex = Dictionary(uniqueKeysWithValues: menteeIDs.enumerated().map { ($1, Int32($0)) })
        let mentorIndex = Dictionary(uniqueKeysWithValues: mentorIDs.enumerated().map { ($1, Int32($0)) })
        var problems: [InputProblem] = []
        func indices(_ list: [String], owner: String, lookup: [String: Int32], side: String) -> [Int32] {
            var seen = Set<String>()
            return list.compactMap { id in
                guard let index = lookup[id] else {
                    problems.append(InputProblem(file: file, field: owner, message: "lists '\(id)', which is not a \(side)"))
                    return nil
                }
                guard seen.insert(id).inserted else {
                    problems.append(InputProblem(file: file, field: owner, message: "lists '\(id)' twice"))
                    return nil
                }
                return index
            }
        }
        let residentPreferences = menteeIDs.map {
            indices(mentees[$0] ?? [], owner: "mentees.\($0)", lookup: mentorIndex, side: "mentor")
        }
        let hospitalPreferences = mentorIDs.map {
            indices(mentors[$0] ?? [], owner: "mentors.\($0)", lookup: menteeIndex, side: "mentee")
        }
        let capacityValues = mentorIDs.map { id -> Int32 in
            guard let capacity = capacities[id] else {
                problems.append(
                    InputProblem(file: file, field: "capacities.\(id)", message: "is missing; every mentor needs a capacity"))
                return 0
            }
            guard capacity >= 0, capacity <= Int(Int32.max) else {
                problems.append(InputProblem(file: file, field: "capacities.\(id)", message: "must be 0 or more"))
                return 0
            }
            return Int32(capacity)
        }
        for id in menteeIDs where mentorIndex[id] != nil {
            problems.append(InputProblem(file: file, field: id, message: "is both a mentee and a mentor; ids must be unique"))
        }
        guard problems.isEmpty else {
            throw TandemFailure(.dataError, "\(file): the instance has \(problems.count) problem(s)", problems: problems)
        }
        do {
            let instance = try MatchingInstance(
                residentPreferences: residentPreferences, hospitalPreferences: hospitalPreferences, capacities: capacityValues)
            return (instance, menteeIDs, mentorIDs)
        } catch {
            throw TandemFailure(.dataError, problem: InputProblem(file: file, message: "is not a valid instance: \(error)"))
        }
    }
}

/// What `tandem solve` prints.
public struct SolveOutput: Sendable {
    public struct Pair: Sendable {
        public var mentee: String
        public var mentor: String
    }

    public var optimal: String
    public var matching: [String: [String]]
    public var unmatchedMentees: [String]
    public var stable: Bool
    public var blockingPairs: [Pair]
    /// The matching's total weight, when the input gave weights.
    public var totalWeight: Double?

    /// Compact JSON with sorted keys; mentors in id order, each mentor's mentees in its order.
    /// Written by hand for the same reason as ``SolveInstanceReader``: millions of entries.
    public func jsonData() -> Data {
        var bytes: [UInt8] = []
        bytes.append(contentsOf: #"{"blocking_pairs":["#.utf8)
        for (index, pair) in blockingPairs.enumerated() {
            if index > 0 { bytes.append(UInt8(ascii: ",")) }
            bytes.append(contentsOf: #"{"mentee":"#.utf8)
            JSONText.append(string: pair.mentee, to: &bytes)
            bytes.append(contentsOf: #","mentor":"#.utf8)
            JSONText.append(string: pair.mentor, to: &bytes)
            bytes.append(UInt8(ascii: "}"))
        }
        bytes.append(contentsOf: #"],"matching":{"#.utf8)
        for (index, mentor) in matching.keys.sorted().enumerated() {
            if index > 0 { bytes.append(UInt8(ascii: ",")) }
            JSONText.append(string: mentor, to: &bytes)
            bytes.append(contentsOf: ":[".utf8)
            for (position, mentee) in (matching[mentor] ?? []).enumerated() {
                if position > 0 { bytes.append(UInt8(ascii: ",")) }
                JSONText.append(string: mentee, to: &bytes)
            }
            bytes.append(UInt8(ascii: "]"))
        }
        bytes.append(contentsOf: #"},"optimal":"#.utf8)
        JSONText.append(string: optimal, to: &bytes)
        bytes.append(contentsOf: #","stable":\#(stable)"#.utf8)
        if let totalWeight { bytes.append(contentsOf: #","total_weight":\#(totalWeight)"#.utf8) }
        bytes.append(contentsOf: #","unmatched_mentees":["#.utf8)
        for (index, mentee) in unmatchedMentees.enumerated() {
            if index > 0 { bytes.append(UInt8(ascii: ",")) }
            JSONText.append(string: mentee, to: &bytes)
        }
        bytes.append(contentsOf: "]}\n".utf8)
        return Data(bytes)
    }

    public init(
        optimal: StableChoice, matching: Matching, report: StabilityReport, instance: MatchingInstance, menteeIDs: [String],
        mentorIDs: [String], weights: PairWeights? = nil
    ) {
        self.optimal = optimal.rawValue
        var byMentor: [String: [String]] = [:]
        for mentor in 0..<instance.hospitalCount {
            byMentor[mentorIDs[mentor]] = matching.residents(of: mentor, in: instance).map { menteeIDs[Int($0)] }
        }
        self.matching = byMentor
        unmatchedMentees = (0..<instance.residentCount).filter { matching.hospitalOfResident[$0] < 0 }.map { menteeIDs[$0] }
        stable = report.isStable
        blockingPairs = report.blockingPairs.map {
            Pair(mentee: menteeIDs[Int($0.resident)], mentor: mentorIDs[Int($0.hospital)])
        }
        totalWeight = weights.map { weights in
            (0..<instance.residentCount).reduce(0.0) { total, resident in
                let hospital = Int(matching.hospitalOfResident[resident])
                guard hospital >= 0, let rank = instance.rank(ofHospital: hospital, forResident: resident) else { return total }
                return total + weights.residentEntryWeights[Int(instance.residentListStart[resident]) + rank]
            }
        }
    }
}
