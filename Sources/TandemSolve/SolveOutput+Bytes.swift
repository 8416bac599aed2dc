import CPrefetch
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
    package static func jsonData(
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
    struct MentorOrder {
        /// `nil` when the output goes through `SolveOutput`.
        let indices: [Int]?

        init(parsed: SolveInstanceReader.Parsed, weights: PairWeights?) {
            guard weights == nil, parsed.menteeIDBytes.isASCII, parsed.mentorIDBytes.isASCII else {
                indices = nil
                return
            }
            indices = parsed.mentorIDBytes.sortedIndices()
        }
    }

    /// The members of "matching" and of "unmatched_mentees" as written by ``jsonData(optimal:matching:report:parsed:weights:)``:
    /// everything that does not depend on the stability report.
    package struct MatchingPart: Sendable {
        /// `nil` when the output goes through `SolveOutput` (with weights or a non-ASCII id).
        let bytes: (matching: [UInt8], unmatched: [UInt8])?

        /// Writes the part for `matching` of a parsed instance.
        ///
        /// For 10^6 mentees the `SolveOutput` route builds a million `String`s and a dictionary
        /// of 250,000 arrays only to sort and print them. Here mentors are sorted by their
        /// bytes, which is `String` order when every id is ASCII; with a non-ASCII id (where
        /// Unicode-equivalent ids could collide as `String` keys) or with weights the output
        /// falls back to that route, so it never depends on which route was taken.
        package init(matching: Matching, parsed: SolveInstanceReader.Parsed, weights: PairWeights?) {
            let mentees = parsed.menteeIDBytes
            let mentors = parsed.mentorIDBytes
            let instance = parsed.instance
            guard let mentorOrder = MentorOrder(parsed: parsed, weights: weights).indices else {
                bytes = nil
                return
            }
            let hospitalOf = matching.hospitalOfResident
            let chosen = Self.menteesByMentor(hospitalOf: hospitalOf, instance: instance, mentorOrder: mentorOrder)
            var bytes: [UInt8] = []
            // Every mentee is printed once (matched or not) and every mentor once, with some slack.
            bytes.reserveCapacity(mentees.arena.count + mentors.arena.count + 4 * (mentees.count + mentors.count) + 256)
            var unmatched: [UInt8] = []
            mentees.withIDWriter { mentee in
                mentors.withIDWriter { mentor in
                    var next = 0
                    for (index, hospital) in mentorOrder.enumerated() {
                        if index > 0 { bytes.append(UInt8(ascii: ",")) }
                        mentor.append(hospital, to: &bytes)
                        bytes.append(contentsOf: ":[".utf8)
                        let end = Int(chosen.end[index])
                        for position in next..<end {
                            // The ids are scattered over the arena: start loading one a few
                            // places ahead (its offset was loaded further ahead still).
                            if position &+ 16 < chosen.mentees.count {
                                mentee.prefetchOffset(Int(chosen.mentees[position &+ 16]))
                            }
                            if position &+ 8 < chosen.mentees.count { mentee.prefetchBytes(Int(chosen.mentees[position &+ 8])) }
                            if position > next { bytes.append(UInt8(ascii: ",")) }
                            mentee.append(Int(chosen.mentees[position]), to: &bytes)
                        }
                        next = end
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

        /// Each mentor's mentees in its preference order (as `Matching.residents(of:in:)`),
        /// mentors in `mentorOrder`: the mentees of `mentorOrder[k]` end at `end[k]`.
        ///
        /// With the ranks the instance found while building, each matched mentee finds its
        /// mentor in its own short list and that mentor's rank for it beside it, reading both
        /// arrays in order; mentees are then put in their mentor's place (a counting sort) and
        /// each mentor's few are sorted by rank. Without them, the mentors' lists are scanned
        /// (``menteesByScanningMentorLists(hospitalOf:instance:mentorOrder:)``).
        static func menteesByMentor(
            hospitalOf: ContiguousArray<Int32>, instance: MatchingInstance, mentorOrder: [Int]
        ) -> (mentees: ContiguousArray<Int32>, end: ContiguousArray<Int32>) {
            guard let ranks = instance.rankAtHospital, ranks.count == instance.entryCount else {
                return menteesByScanningMentorLists(hospitalOf: hospitalOf, instance: instance, mentorOrder: mentorOrder)
            }
            let hospitalCount = instance.hospitalCount
            // Per mentee: its rank at its mentor, or -1 when it has none (or an assignment its
            // list does not hold, which `residents(of:in:)` does not list either).
            var rankAtMentor = ContiguousArray<Int32>(repeating: -1, count: instance.residentCount)
            var count = ContiguousArray<Int32>(repeating: 0, count: hospitalCount)
            for resident in 0..<min(instance.residentCount, hospitalOf.count) {
                let hospital = Int(hospitalOf[resident])
                guard hospital >= 0 && hospital < hospitalCount,
                    let position = instance.rank(ofHospital: hospital, forResident: resident)
                else { continue }
                rankAtMentor[resident] = ranks[Int(instance.residentListStart[resident]) + position]
                count[hospital] &+= 1
            }
            // Where each mentor's mentees go, mentors in `mentorOrder`.
            var cursor = ContiguousArray<Int32>(repeating: 0, count: hospitalCount)
            var end = ContiguousArray<Int32>()
            end.reserveCapacity(mentorOrder.count)
            var total: Int32 = 0
            for hospital in mentorOrder {
                cursor[hospital] = total
                total &+= count[hospital]
                end.append(total)
            }
            // Rank (high 32 bits) and mentee: sorting a mentor's few by this value sorts them by rank.
            var placed = ContiguousArray<UInt64>(repeating: 0, count: Int(total))
            for resident in rankAtMentor.indices where rankAtMentor[resident] >= 0 {
                let hospital = Int(hospitalOf[resident])
                placed[Int(cursor[hospital])] =
                    UInt64(truncatingIfNeeded: rankAtMentor[resident]) << 32 | UInt64(truncatingIfNeeded: resident)
                cursor[hospital] &+= 1
            }
            var mentees = ContiguousArray<Int32>()
            mentees.reserveCapacity(Int(total))
            var start = 0
            for mentorEnd in end {
                placed[start..<Int(mentorEnd)].sort()
                for value in placed[start..<Int(mentorEnd)] { mentees.append(Int32(truncatingIfNeeded: value & 0xFFFF_FFFF)) }
                start = Int(mentorEnd)
            }
            return (mentees, end)
        }

        /// ``menteesByMentor(hospitalOf:instance:mentorOrder:)`` from the mentors' lists.
        ///
        /// A mentor's list is scanned only down to the last of its mentees, but each entry
        /// checked is a random read of `hospitalOf` (at 10^6 mentees, millions of them), so the
        /// lists of the mentors a few places ahead are loaded early and their first entries'
        /// reads started, letting the cache misses overlap. (An assignment along a pair not on
        /// the list is never found, and then the whole list is scanned, as there.)
        static func menteesByScanningMentorLists(
            hospitalOf: ContiguousArray<Int32>, instance: MatchingInstance, mentorOrder: [Int]
        ) -> (mentees: ContiguousArray<Int32>, end: ContiguousArray<Int32>) {
            var assignedCount = [Int32](repeating: 0, count: instance.hospitalCount)
            var matched = 0
            for hospital in hospitalOf where hospital >= 0 && Int(hospital) < instance.hospitalCount {
                assignedCount[Int(hospital)] &+= 1
                matched &+= 1
            }
            var mentees = ContiguousArray<Int32>()
            mentees.reserveCapacity(matched)
            var end = ContiguousArray<Int32>()
            end.reserveCapacity(mentorOrder.count)
            let listStart = instance.hospitalListStart
            hospitalOf.withUnsafeBufferPointer { hospitalOf in
                instance.hospitalLists.withUnsafeBufferPointer { lists in
                    guard let hospitalBase = hospitalOf.baseAddress, let listBase = lists.baseAddress else {
                        end.append(contentsOf: repeatElement(0, count: mentorOrder.count))
                        return
                    }
                    for (index, hospital) in mentorOrder.enumerated() {
                        if index &+ 4 < mentorOrder.count {
                            tandem_prefetch(listBase + Int(listStart[mentorOrder[index &+ 4]]))
                        }
                        if index &+ 2 < mentorOrder.count {
                            let ahead = mentorOrder[index &+ 2]
                            let aheadStart = Int(listStart[ahead])
                            for position in aheadStart..<min(aheadStart &+ 16, Int(listStart[ahead &+ 1])) {
                                let resident = Int(lists[position])
                                if resident < hospitalOf.count { tandem_prefetch(hospitalBase + resident) }
                            }
                        }
                        let target = Int32(truncatingIfNeeded: hospital)
                        var remaining = assignedCount[hospital]
                        for position in Int(listStart[hospital])..<Int(listStart[hospital &+ 1]) {
                            guard remaining > 0 else { break }
                            let resident = Int(lists[position])
                            guard resident < hospitalOf.count && hospitalOf[resident] == target else { continue }
                            remaining &-= 1
                            mentees.append(Int32(truncatingIfNeeded: resident))
                        }
                        end.append(Int32(truncatingIfNeeded: mentees.count))
                    }
                }
            }
            return (mentees, end)
        }
    }
}

/// Writes ids of one side as JSON strings straight from their bytes.
struct IdentifierWriter {
    let arena: UnsafeBufferPointer<UInt8>
    let offsets: UnsafeBufferPointer<Int>

    /// Starts loading where id `index` starts and ends (a hint; nothing changes).
    @inline(__always)
    func prefetchOffset(_ index: Int) {
        if let base = offsets.baseAddress, index < offsets.count { tandem_prefetch(base + index) }
    }

    /// Starts loading id `index`'s first bytes (a hint; nothing changes).
    @inline(__always)
    func prefetchBytes(_ index: Int) {
        if let base = arena.baseAddress, index < offsets.count, offsets[index] < arena.count {
            tandem_prefetch(base + offsets[index])
        }
    }

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
    ///
    /// Sorted by each id's first eight bytes as one big-endian number (zero-padded), which is
    /// byte order for ids that differ there; only ids whose first eight bytes tie (long ids
    /// with a common prefix, or ids ending in zero bytes) are compared in full. For 250,000
    /// mentors that is integer comparisons instead of millions of `memcmp` calls.
    func sortedIndices() -> [Int] {
        arena.withUnsafeBufferPointer { stored in
            guard let base = stored.baseAddress else { return Array(0..<count) }
            var keyed = [(prefix: UInt64, index: Int)]()
            keyed.reserveCapacity(count)
            for index in 0..<count {
                var prefix: UInt64 = 0
                let start = offsets[index]
                let length = offsets[index + 1] - start
                for offset in 0..<8 {
                    prefix <<= 8
                    if offset < length { prefix |= UInt64(base[start + offset]) }
                }
                keyed.append((prefix, index))
            }
            keyed.sort { left, right in
                if left.prefix != right.prefix { return left.prefix < right.prefix }
                let leftStart = offsets[left.index]
                let rightStart = offsets[right.index]
                let leftCount = offsets[left.index + 1] - leftStart
                let rightCount = offsets[right.index + 1] - rightStart
                let order = memcmp(base + leftStart, base + rightStart, min(leftCount, rightCount))
                return order != 0 ? order < 0 : leftCount < rightCount
            }
            return keyed.map(\.index)
        }
    }
}
