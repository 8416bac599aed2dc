import Foundation

extension SolveInput {
    /// The instance as JSON text, keys sorted, one person per line.
    ///
    /// Written by hand rather than with `JSONEncoder`: at national scale the lists hold tens
    /// of millions of ids, and the generic encoder's per-value boxing dominated a whole run.
    public func jsonData() -> Data {
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

/// JSON string literals (RFC 8259): quotes, backslashes and control characters escaped,
/// everything else as UTF-8.
enum JSONText {
    static func append(string: String, to bytes: inout [UInt8]) {
        bytes.append(UInt8(ascii: "\""))
        // Ids and names rarely need escaping: then the UTF-8 goes in with one copy.
        guard string.utf8.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }) else {
            bytes.append(contentsOf: string.utf8)
            bytes.append(UInt8(ascii: "\""))
            return
        }
        for byte in string.utf8 {
            switch byte {
            case UInt8(ascii: "\""): bytes += [UInt8(ascii: "\\"), UInt8(ascii: "\"")]
            case UInt8(ascii: "\\"): bytes += [UInt8(ascii: "\\"), UInt8(ascii: "\\")]
            case 0x0A: bytes += [UInt8(ascii: "\\"), UInt8(ascii: "n")]
            case 0x0D: bytes += [UInt8(ascii: "\\"), UInt8(ascii: "r")]
            case 0x09: bytes += [UInt8(ascii: "\\"), UInt8(ascii: "t")]
            case 0..<0x20:
                let hex = Array("0123456789abcdef".utf8)
                bytes.append(contentsOf: "\\u00".utf8)
                bytes.append(contentsOf: [hex[Int(byte >> 4)], hex[Int(byte & 0x0F)]])
            default: bytes.append(byte)
            }
        }
        bytes.append(UInt8(ascii: "\""))
    }
}
