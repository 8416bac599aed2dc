import Foundation
import StableMatching
import TandemCore

/// `preferences.json`, the instance in `tandem solve`'s format, written straight from the
/// matching instance: `{"capacities": {…}, "mentees": {"e1": ["m1", …]}, "mentors": {…}}`,
/// keys sorted, one person per line, lists most preferred first.
///
/// Each id is escaped once and list entries are copied from that, rather than building a
/// dictionary of id strings per side (millions of entries at scale). The tests compare the
/// bytes with a plain dictionary-based writer of the same format.
package enum PreferencesJSON {
    package static func render(_ instance: MatchingInstance, cohort: Cohort) -> Data {
        let mentors = EscapedIDs(cohort.mentors.prefix(instance.hospitalCount).map(\.id))
        let mentees = EscapedIDs(cohort.mentees.prefix(instance.residentCount).map(\.id))
        // Each acceptable pair appears in both lists, as an id and ", ".
        var bytes = ByteBuffer(
            capacity: 64 * (instance.residentCount + instance.hospitalCount) + instance.residentLists.count
                * (mentors.meanLength + mentees.meanLength + 4))
        bytes.append("{\n\"capacities\": {")
        for (position, entry) in mentors.keyOrder.enumerated() {
            bytes.append(position == 0 ? "\n" : ",\n")
            mentors.append(entry.key, to: &bytes)
            bytes.append(": \(instance.capacities[entry.value])")
        }
        bytes.append("\n},\n\"mentees\": ")
        appendLists(keys: mentees, entries: mentors, to: &bytes) { instance.hospitals(preferredBy: $0) }
        bytes.append(",\n\"mentors\": ")
        appendLists(keys: mentors, entries: mentees, to: &bytes) { instance.residents(preferredBy: $0) }
        bytes.append("\n}\n")
        return bytes.data()
    }

    /// `{"id": ["other", …], …}` in key order, one id per line.
    private static func appendLists(
        keys: EscapedIDs, entries: EscapedIDs, to bytes: inout ByteBuffer, list: (Int) -> ArraySlice<Int32>
    ) {
        bytes.append(UInt8(ascii: "{"))
        for (position, entry) in keys.keyOrder.enumerated() {
            bytes.append(position == 0 ? "\n" : ",\n")
            keys.append(entry.key, to: &bytes)
            bytes.append(": [")
            let others = list(entry.value)
            // Room for the whole list at once: this runs for each of millions of entries.
            bytes.reserve(others.count * (entries.longest + 2))
            for (index, other) in others.enumerated() {
                if index > 0 {
                    bytes.append(UInt8(ascii: ","))
                    bytes.append(UInt8(ascii: " "))
                }
                entries.append(Int(other), to: &bytes)
            }
            bytes.append(UInt8(ascii: "]"))
        }
        bytes.append("\n}")
    }
}

/// Ids as JSON string literals, escaped once into one buffer, and the order a dictionary keyed
/// by them would have once its keys are sorted.
private struct EscapedIDs {
    private var literals: [UInt8] = []
    /// Where literal `i` ends in ``literals``; it starts where `i - 1` ends.
    private var ends: [Int] = []
    /// One entry per distinct id, in sorted order: the index whose spelling a dictionary
    /// keeps (the first inserted) and the index whose value it keeps (the last assigned).
    /// Distinct persons always have distinct ids once the sign-ups are checked; this only
    /// keeps the bytes the same as the dictionary's if they ever were not.
    private(set) var keyOrder: [(key: Int, value: Int)] = []

    init(_ ids: [String]) {
        ends.reserveCapacity(ids.count)
        for id in ids {
            JSONText.append(string: id, to: &literals)
            longest = max(longest, literals.count - (ends.last ?? 0))
            ends.append(literals.count)
        }
        // Sorted by id, ties by index, so equal ids form runs in insertion order.
        let sorted = ids.indices.sorted { ids[$0] < ids[$1] || ids[$0] == ids[$1] && $0 < $1 }
        var runStart = 0
        while runStart < sorted.count {
            var runEnd = runStart + 1
            while runEnd < sorted.count, ids[sorted[runEnd]] == ids[sorted[runStart]] { runEnd += 1 }
            keyOrder.append((key: sorted[runStart], value: sorted[runEnd - 1]))
            runStart = runEnd
        }
    }

    var isEmpty: Bool { ends.isEmpty }

    var meanLength: Int { ends.isEmpty ? 0 : literals.count / ends.count }

    /// The length of the longest literal.
    private(set) var longest = 0

    func append(_ index: Int, to bytes: inout ByteBuffer) {
        let start = index == 0 ? 0 : ends[index - 1]
        literals.withUnsafeBufferPointer { bytes.append(UnsafeBufferPointer(rebasing: $0[start..<ends[index]])) }
    }
}
