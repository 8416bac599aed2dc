import Foundation
import StableMatching
import Testing

@testable import TandemResults

@Suite("Safe file names from ids")
struct SafeFileNameTests {
    @Test(arguments: [
        ("M01", "M01"),
        ("../../etc/passwd", "______etc_passwd"),
        (".hidden", "_hidden"),
        ("CON", "_CON"),
        ("com1", "_com1"),
        ("a/b\\c", "a_b_c"),
        ("", "person"),
        ("...", "person___"),
        ("ਹਰਪ੍ਰੀਤ", "ਹਰਪ੍ਰੀਤ"),
    ])
    func sanitisedTextIsSafe(text: String, expected: String) {
        let name = SafeFileName.sanitised(text)
        #expect(name == expected)
        #expect(!name.contains("/") && !name.contains("\\") && !name.hasPrefix(".") && !name.isEmpty)
    }

    /// At most 64 scalars and 100 UTF-8 bytes, so that two names and `+`, `-NN` or a hash fit
    /// in a file name's 255 bytes.
    @Test func sanitisedTextIsShort() {
        #expect(SafeFileName.sanitised(String(repeating: "x", count: 200)) == String(repeating: "x", count: 64))
        let gothic = String(repeating: "\u{10330}", count: 40)
        #expect(SafeFileName.sanitised(gothic).utf8.count == 100)
    }

    /// Ids that are their own safe name keep it, so existing files keep their names.
    @Test(arguments: ["M01", "E24", "A_B", "MENTOR-7", "ਹਰਪ੍ਰੀਤ", "ÉCOLE-1"])
    func ordinaryIdsKeepTheirNames(id: String) {
        #expect(SafeFileName.name(forID: id) == id)
        #expect(SafeFileName.calendarFile(forID: id, side: .mentor) == "mentors/\(id).ics")
        #expect(SafeFileName.calendarFile(forID: id, side: .mentee) == "mentees/\(id).ics")
    }

    /// Any other id: its sanitised form and 8 hex digits of the SHA-1 of its UTF-8 bytes.
    @Test(arguments: [
        ("a/b", "a_b-3ec69c85"),
        ("a_b", "a_b-eb2980a5"),
        ("a_b-2", "a_b-2-9180e042"),
        ("m01", "m01-0f44ab69"),
        ("CON", "_CON-7679a072"),
        ("", "person-da39a3ee"),
        // A decomposed é, and an id that ends like a hashed name.
        ("E\u{301}", "E\u{301}-a033f315"),
        ("A_B-3EC69C85", "A_B-3EC69C85-ebaaad59"),
    ])
    func otherIdsGetAHash(id: String, expected: String) {
        let name = SafeFileName.name(forID: id)
        #expect(name.unicodeScalars.elementsEqual(expected.unicodeScalars), "\(name)")
    }

    /// Two different ids never get the same name, even ignoring case and Unicode
    /// normalisation. (A name depends on its id alone: ``SafeFileName/name(forID:)`` sees no
    /// other id; the CLI tests re-order the sign-ups.)
    @Test(arguments: [1, 2, 3] as [UInt64])
    func differentIdsNeverShareAName(seed: UInt64) throws {
        var random = SeededGenerator(seed: seed)
        // Pieces that sanitise alike (`/`, `.`, `_`, space), differ only in case (`ß`, the
        // Kelvin sign, the dotted İ), in normalisation (é composed and decomposed), are
        // reserved on Windows, or look like a hash.
        let pieces = [
            "a", "A", "b", "B", "_", "-", "/", ".", "\\", " ", "+", "2", "0", "é", "e\u{301}", "É", "E\u{301}", "ß",
            "SS", "ss", "\u{212A}", "k", "K", "İ", "i", "I", "ı", "ﬀ", "ff", "ਹ", "੍", "CON", "com1", "-3ec69c85", "-EB2980A5",
            "\u{0}", "😀", "Ω", "ω", "\u{2126}",
        ]
        var ids: [String] = ["a/b", "a_b", "a_b-2", "A_B", "a_b-eb2980a5", "A_B-EB2980A5", "", "_", "CON", "con", "M01", "m01"]
        // Half from a few pieces, so that many sanitise alike or differ only in case.
        let few = ["a", "A", "_", "/", ".", "é", "e\u{301}", "ß", "SS"]
        for (count, pieces) in [(1500, pieces), (1500, few)] {
            for _ in 0..<count {
                let length = Int.random(in: 1...5, using: &random)
                ids.append((0..<length).map { _ in pieces.randomElement(using: &random) ?? "" }.joined())
            }
        }
        // Ids are different when their scalars are (`String`'s `==` ignores normalisation).
        var owners: [[UInt8]: String] = [:]
        var seen = Set<[UInt8]>()
        for id in ids where seen.insert(Array(id.utf8)).inserted {
            let name = SafeFileName.name(forID: id)
            #expect(!name.isEmpty && !name.contains("/") && !name.contains("\\") && !name.hasPrefix("."))
            #expect(!SafeFileName.isReserved(name))
            for key in [name.lowercased(), name.uppercased()] {
                let folded = Array(key.precomposedStringWithCanonicalMapping.utf8)
                if let owner = owners[folded], !owner.unicodeScalars.elementsEqual(id.unicodeScalars) {
                    Issue.record("'\(id)' and '\(owner)' both get \(name)")
                }
                owners[folded] = id
            }
        }
        // Thousands of different ids, many of which sanitise alike or differ only in case.
        let different = Set(seen.map { String(decoding: $0, as: UTF8.self) })
        #expect(seen.count > 2000)
        #expect(seen.count - Set(different.map { SafeFileName.sanitised($0).lowercased() }).count > 300)
    }

    /// The quick test for the usual ids gives the names the full one gives, for seeded random
    /// ids of upper-case letters, digits, `-` and `_` (with lower case, dots and accents mixed
    /// in) and for the edges: hash-like endings, underscores only, reserved names and length.
    @Test func plainIdsGetTheNameTheFullTestGives() {
        var generator = SeededGenerator(seed: 2026)
        let alphabet = Array("ABCDEFXYZ0123456789-_") + ["a", ".", "é"]
        var ids = [
            "M0001", "E09526", "X-0123ABCD", "X-0123abcd", "X-0123ABCG", "-0123ABCD", "____", "_", "CON", "COM1", "LPT9",
            "COM0", "NUL", String(repeating: "A", count: 64), String(repeating: "A", count: 65), "A-B_C",
        ]
        for _ in 0..<5_000 {
            let length = Int.random(in: 1...12, using: &generator)
            let weights = Int.random(in: 0...9, using: &generator) == 0 ? alphabet.count : alphabet.count - 3
            ids.append(String((0..<length).map { _ in alphabet[Int.random(in: 0..<weights, using: &generator)] }))
        }
        for id in ids {
            #expect(SafeFileName.name(forID: id) == SafeFileName.hashedName(forID: id), "\(id)")
        }
        #expect(ids.filter(SafeFileName.isPlainID).count > 3_000)
    }

    @Test func runNamesAreUniqueIgnoringCase() {
        var names = SafeFileNames()
        #expect(["M1", "m1", "M1", "M/1", "M_1"].map { names.name(for: $0) } == ["M1", "m1-2", "M1-3", "M_1", "M_1-2"])
    }
}
