/// SHA-1 (FIPS 180-4), only for name-based UUIDs (RFC 9562 version 5), where it is the
/// specified hash, and the hash in file names made from ids: in neither is collision
/// resistance against an attacker at stake (a file name's clash is refused, not written).
package enum SHA1 {
    typealias State = (UInt32, UInt32, UInt32, UInt32, UInt32)

    package static func digest(_ message: [UInt8]) -> [UInt8] {
        // A run hashes tens of thousands of short names (series UIDs, meeting links, calendar
        // file names): the blocks are read in place and the schedule lives on the stack, with
        // no padded copy of the message or array per call (a third of the hashing time with
        // them, perf samples at 10,000 mentees).
        var state: State = (0x6745_2301, 0xEFCD_AB89, 0x98BA_DCFE, 0x1032_5476, 0xC3D2_E1F0)
        let whole = message.count / 64 * 64
        withUnsafeTemporaryAllocation(of: UInt32.self, capacity: 80) { words in
            message.withUnsafeBytes { bytes in
                for start in stride(from: 0, to: whole, by: 64) {
                    compress(UnsafeRawBufferPointer(rebasing: bytes[start..<(start + 64)]), words: words, state: &state)
                }
                // The rest, 0x80, zeros and the length in bits fill one or two final blocks.
                withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 128) { tail in
                    let rest = bytes.count - whole
                    let length = rest < 56 ? 64 : 128
                    tail.initialize(repeating: 0)
                    for index in 0..<rest { tail[index] = bytes[whole + index] }
                    tail[rest] = 0x80
                    let bitLength = UInt64(bytes.count) &* 8
                    for index in 0..<8 { tail[length - 1 - index] = UInt8(truncatingIfNeeded: bitLength >> (8 * UInt64(index))) }
                    let raw = UnsafeRawBufferPointer(tail)
                    for start in stride(from: 0, to: length, by: 64) {
                        compress(UnsafeRawBufferPointer(rebasing: raw[start..<(start + 64)]), words: words, state: &state)
                    }
                }
            }
        }
        var digest: [UInt8] = []
        digest.reserveCapacity(20)
        for word in [state.0, state.1, state.2, state.3, state.4] {
            digest.append(UInt8(truncatingIfNeeded: word >> 24))
            digest.append(UInt8(truncatingIfNeeded: word >> 16))
            digest.append(UInt8(truncatingIfNeeded: word >> 8))
            digest.append(UInt8(truncatingIfNeeded: word))
        }
        return digest
    }

    /// Folds one 64-byte block into `state`; `words` is scratch for the 80-word schedule.
    private static func compress(
        _ block: UnsafeRawBufferPointer, words: UnsafeMutableBufferPointer<UInt32>, state: inout State
    ) {
        for index in 0..<16 {
            let offset = index &* 4
            words[index] =
                UInt32(block[offset]) << 24 | UInt32(block[offset &+ 1]) << 16 | UInt32(block[offset &+ 2]) << 8
                | UInt32(block[offset &+ 3])
        }
        for index in 16..<80 {
            let mixed = words[index &- 3] ^ words[index &- 8] ^ words[index &- 14] ^ words[index &- 16]
            words[index] = mixed << 1 | mixed >> 31
        }
        var (a, b, c, d, e) = state
        @inline(__always) func round(_ f: UInt32, _ k: UInt32, _ word: UInt32) {
            let temp = (a << 5 | a >> 27) &+ f &+ e &+ k &+ word
            e = d
            d = c
            c = b << 30 | b >> 2
            b = a
            a = temp
        }
        for index in 0..<20 { round((b & c) | (~b & d), 0x5A82_7999, words[index]) }
        for index in 20..<40 { round(b ^ c ^ d, 0x6ED9_EBA1, words[index]) }
        for index in 40..<60 { round((b & c) | (b & d) | (c & d), 0x8F1B_BCDC, words[index]) }
        for index in 60..<80 { round(b ^ c ^ d, 0xCA62_C1D6, words[index]) }
        state = (state.0 &+ a, state.1 &+ b, state.2 &+ c, state.3 &+ d, state.4 &+ e)
    }
}
