import Foundation
import StableMatching
import TandemCore

extension SolveOutput {
    /// What `tandem solve` prints for `matching` of a parsed instance: the same bytes as
    /// `SolveOutput(...).jsonData()`, written straight from the ids' bytes (see ``MatchingPart``).
    public static func jsonData(
        optimal: StableChoice, matching: Matching, report: StabilityReport, parsed: SolveInstanceReader.Parsed,
        weights: PairWeights?
    ) -> Data {
        jsonData(
            optimal: optimal, matching: matching, report: report, parsed: parsed, weights: weights,
            matchingPart: MatchingPart(matching: matching, parsed: parsed, weights: weights))
    }

    /// As ``jsonData(optimal:matching:report:parsed:weights:)``, with the part that does not
    /// depend on the report already written (so it can be written while the matching is
    /// verified).
    public static func jsonData(
        optimal: StableChoice, matching: Matching, report: StabilityReport, parsed: SolveInstanceReader.Parsed,
        weights: PairWeights?, matchingPart: MatchingPart
    ) -> Data {
        guard let part = matchingPart.bytes else {
            return SolveOutput(
                optimal: optimal, matching: matching, report: report, instance: parsed.instance, menteeIDs: parsed.menteeIDs,
                mentorIDs: parsed.mentorIDs, weights: weights
            ).jsonData()
        }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(part.matching.count + part.unmatched.count + 64 * report.blockingPairs.count + 256)
        parsed.menteeIDBytes.withIDWriter { mentee in
            parsed.mentorIDBytes.withIDWriter { mentor in
                bytes.append(contentsOf: #"{"blocking_pairs":["#.utf8)
                for (index, pair) in report.blockingPairs.enumerated() {
                    if index > 0 { bytes.append(UInt8(ascii: ",")) }
                    bytes.append(contentsOf: #"{"mentee":"#.utf8)
                    mentee.append(Int(pair.resident), to: &bytes)
                    bytes.append(contentsOf: #","mentor":"#.utf8)
                    mentor.append(Int(pair.hospital), to: &bytes)
                    bytes.append(UInt8(ascii: "}"))
                }
            }
        }
        bytes.append(contentsOf: #"],"matching":{"#.utf8)
        bytes.append(contentsOf: part.matching)
        bytes.append(contentsOf: #"},"optimal":"#.utf8)
        JSONText.append(string: optimal.rawValue, to: &bytes)
        bytes.append(contentsOf: #","stable":\#(report.isStable)"#.utf8)
        bytes.append(contentsOf: #","unmatched_mentees":["#.utf8)
        bytes.append(contentsOf: part.unmatched)
        bytes.append(contentsOf: "]}\n".utf8)
        return Data(bytes)
    }

    /// The order mentors are written in: by the bytes of their ids, when the output is written
    /// from bytes (no weights, every id ASCII; see ``MatchingPart``).
    public struct MentorOrder: Sendable {
        /// `nil` when the output goes through `SolveOutput`.
        let indices: [Int]?

        public init(parsed: SolveInstanceReader.Parsed, weights: PairWeights?) {
            guard weights == nil, parsed.menteeIDBytes.isASCII, parsed.mentorIDBytes.isASCII else {
                indices = nil
                return
            }
            indices = parsed.mentorIDBytes.sortedIndices()
        }
    }

    /// The members of "matching" and of "unmatched_mentees" as written by ``jsonData(optimal:matching:report:parsed:weights:)``:
    /// everything that does not depend on the stability report.
    public struct MatchingPart: Sendable {
        /// `nil` when the output goes through `SolveOutput` (with weights or a non-ASCII id).
        let bytes: (matching: [UInt8], unmatched: [UInt8])?

        /// Writes the part for `matching` of a parsed instance.
        ///
        /// For 10^6 mentees the `SolveOutput` route builds a million `String`s and a dictionary
        /// of 250,000 arrays only to sort and print them. Here mentors are sorted by their
        /// bytes, which is `String` order when every id is ASCII; with a non-ASCII id (where
        /// Unicode-equivalent ids could collide as `String` keys) or with weights the output
        /// falls back to that route, so it never depends on which route was taken.
        public init(matching: Matching, parsed: SolveInstanceReader.Parsed, weights: PairWeights?) {
            self.init(matching: matching, parsed: parsed, order: MentorOrder(parsed: parsed, weights: weights))
        }

        /// Writes the part for `matching` with the mentors' order already found (it does not
        /// depend on the matching, so it can be found while solving).
        public init(matching: Matching, parsed: SolveInstanceReader.Parsed, order: MentorOrder) {
            let mentees = parsed.menteeIDBytes
            let mentors = parsed.mentorIDBytes
            let instance = parsed.instance
            guard let mentorOrder = order.indices else {
                bytes = nil
                return
            }
            let hospitalOf = matching.hospitalOfResident
            var bytes: [UInt8] = []
            // Every mentee is printed once (matched or not) and every mentor once, with some slack.
            bytes.reserveCapacity(mentees.arena.count + mentors.arena.count + 4 * (mentees.count + mentors.count) + 256)
            var unmatched: [UInt8] = []
            // How many mentees each mentor has: its list is scanned only down to the last of them
            // (each entry checked is a random read of `hospitalOf`; at 10^6 mentees, 10^7 of them
            // were a tenth of the run).
            var assignedCount = [Int32](repeating: 0, count: instance.hospitalCount)
            for hospital in hospitalOf where hospital >= 0 && Int(hospital) < instance.hospitalCount {
                assignedCount[Int(hospital)] &+= 1
            }
            mentees.withIDWriter { mentee in
                mentors.withIDWriter { mentor in
                    for (index, hospital) in mentorOrder.enumerated() {
                        if index > 0 { bytes.append(UInt8(ascii: ",")) }
                        mentor.append(hospital, to: &bytes)
                        bytes.append(contentsOf: ":[".utf8)
                        // The mentor's mentees in its preference order, as `Matching.residents(of:in:)`.
                        // (An assignment along a pair not on the list is never found, and then the
                        // whole list is scanned, as there.)
                        let target = Int32(truncatingIfNeeded: hospital)
                        var remaining = assignedCount[hospital]
                        for resident in instance.residents(preferredBy: hospital) {
                            guard remaining > 0 else { break }
                            guard Int(resident) < hospitalOf.count && hospitalOf[Int(resident)] == target else { continue }
                            if remaining < assignedCount[hospital] { bytes.append(UInt8(ascii: ",")) }
                            remaining &-= 1
                            mentee.append(Int(resident), to: &bytes)
                        }
                        bytes.append(UInt8(ascii: "]"))
                    }
                    var first = true
                    for resident in 0..<instance.residentCount where hospitalOf[resident] < 0 {
                        if !first { unmatched.append(UInt8(ascii: ",")) }
                        first = false
                        mentee.append(resident, to: &unmatched)
                    }
                }
            }
            self.bytes = (bytes, unmatched)
        }
    }
}

/// Writes ids of one side as JSON strings straight from their bytes.
struct IdentifierWriter {
    let arena: UnsafeBufferPointer<UInt8>
    let offsets: UnsafeBufferPointer<Int>

    /// Id `index` as a JSON string literal, escaped as ``JSONText/append(string:to:)`` does.
    @inline(__always)
    func append(_ index: Int, to bytes: inout [UInt8]) {
        let id = UnsafeBufferPointer(rebasing: arena[offsets[index]..<offsets[index + 1]])
        // Ids rarely need escaping: copy them whole when they do not.
        if id.allSatisfy({ $0 >= 0x20 && $0 != UInt8(ascii: "\"") && $0 != UInt8(ascii: "\\") }) {
            bytes.append(UInt8(ascii: "\""))
            bytes.append(contentsOf: id)
            bytes.append(UInt8(ascii: "\""))
        } else {
            JSONText.append(string: String(decoding: id, as: UTF8.self), to: &bytes)
        }
    }
}

extension IdentifierBytes {
    /// Runs `body` with a writer of these ids.
    func withIDWriter<Result>(_ body: (IdentifierWriter) -> Result) -> Result {
        arena.withUnsafeBufferPointer { arena in
            offsets.withUnsafeBufferPointer { offsets in body(IdentifierWriter(arena: arena, offsets: offsets)) }
        }
    }

    /// The indices in increasing byte order of their ids (shorter first on a common prefix).
    func sortedIndices() -> [Int] {
        arena.withUnsafeBufferPointer { stored in
            guard let base = stored.baseAddress else { return Array(0..<count) }
            return (0..<count).sorted { left, right in
                let leftCount = offsets[left + 1] - offsets[left]
                let rightCount = offsets[right + 1] - offsets[right]
                let order = memcmp(base + offsets[left], base + offsets[right], min(leftCount, rightCount))
                return order != 0 ? order < 0 : leftCount < rightCount
            }
        }
    }
}
