import Testing

@testable import TandemCore

/// ``SHA1`` against the FIPS 180 examples and a plain reference at every length of one to three
/// blocks.
@Suite("SHA-1")
struct SHA1Tests {
    static func hex(_ bytes: [UInt8]) -> String {
        bytes.map { ($0 < 16 ? "0" : "") + String($0, radix: 16) }.joined()
    }

    @Test("the FIPS 180 examples")
    func standardExamples() {
        #expect(Self.hex(SHA1.digest([])) == "da39a3ee5e6b4b0d3255bfef95601890afd80709")
        #expect(Self.hex(SHA1.digest(Array("abc".utf8))) == "a9993e364706816aba3e25717850c26c9cd0d89d")
        #expect(
            Self.hex(SHA1.digest(Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8)))
                == "84983e441c3bd26ebaae4aa1f95129e5e54670f1")
        #expect(
            Self.hex(SHA1.digest([UInt8](repeating: UInt8(ascii: "a"), count: 1_000_000)))
                == "34aa973cd4c4daa4f61eeb2bdbad27316534016f")
    }

    /// FIPS 180-4 as written: pad a copy, then one block at a time.
    static func reference(_ message: [UInt8]) -> [UInt8] {
        var h: [UInt32] = [0x6745_2301, 0xEFCD_AB89, 0x98BA_DCFE, 0x1032_5476, 0xC3D2_E1F0]
        var padded = message + [0x80]
        while padded.count % 64 != 56 { padded.append(0) }
        let bits = UInt64(message.count) * 8
        padded += (0..<8).reversed().map { UInt8(truncatingIfNeeded: bits >> (8 * UInt64($0))) }
        func rotate(_ x: UInt32, _ n: UInt32) -> UInt32 { x << n | x >> (32 - n) }
        for block in stride(from: 0, to: padded.count, by: 64) {
            var w = (0..<16).map { i in
                (0..<4).reduce(UInt32(0)) { $0 << 8 | UInt32(padded[block + 4 * i + $1]) }
            }
            for i in 16..<80 { w.append(rotate(w[i - 3] ^ w[i - 8] ^ w[i - 14] ^ w[i - 16], 1)) }
            var (a, b, c, d, e) = (h[0], h[1], h[2], h[3], h[4])
            for i in 0..<80 {
                let f: UInt32
                let k: UInt32
                if i < 20 {
                    (f, k) = ((b & c) | (~b & d), 0x5A82_7999)
                } else if i < 40 {
                    (f, k) = (b ^ c ^ d, 0x6ED9_EBA1)
                } else if i < 60 {
                    (f, k) = ((b & c) | (b & d) | (c & d), 0x8F1B_BCDC)
                } else {
                    (f, k) = (b ^ c ^ d, 0xCA62_C1D6)
                }
                (a, b, c, d, e) = (rotate(a, 5) &+ f &+ e &+ k &+ w[i], a, rotate(b, 30), c, d)
            }
            h = [h[0] &+ a, h[1] &+ b, h[2] &+ c, h[3] &+ d, h[4] &+ e]
        }
        return h.flatMap { word in [24, 16, 8, 0].map { UInt8(truncatingIfNeeded: word >> UInt32($0)) } }
    }

    @Test("the reference's digest at every length from 0 to 200 bytes")
    func everyShortLength() {
        var random = SeededRandom(seed: 11)
        for length in 0...200 {
            let message = (0..<length).map { _ in UInt8.random(in: 0...255, using: &random) }
            #expect(SHA1.digest(message) == Self.reference(message), "length \(length)")
        }
    }
}
