import Foundation
import StableMatching
import TandemCore

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
