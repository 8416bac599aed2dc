import Foundation
import TandemCore

/// File names made from text typed into a form: never a path, never hidden, never a name
/// Windows reserves.
package enum SafeFileName {
    /// At most this many scalars of the text are kept.
    static let maximumScalars = 64
    /// At most this many UTF-8 bytes of the text are kept: a change file's name joins two
    /// names, and a name must stay within the 255 bytes file systems allow.
    static let maximumBytes = 100

    /// The file name (without extension) of a person's id: the same whoever else signed up and
    /// in whatever order, and never another id's, even where case is ignored (macOS, Windows).
    ///
    /// An id that is its own safe name keeps it, so `M01` is `M01`. Any other id is its
    /// ``sanitised(_:)`` form, `-`, and 8 hex digits of the SHA-1 of its UTF-8 bytes: `a/b` is
    /// `a_b-3ec69c85` and `a_b` is `a_b-eb2980a5`. An id is its own safe name when
    /// sanitising keeps it, it has no lower-case letter (else `m01` and `M01` would share a name
    /// where case is ignored, so `m01` gets the hash whether or not `M01` exists), it is in
    /// Unicode normal form C (file systems that ignore normalisation equate the forms), and it
    /// does not end like a hashed name (`-` and 8 hex digits, in either case).
    ///
    /// Two different ids get the same name only if their sanitised forms and hashes are the
    /// same, which takes a 32-bit SHA-1 collision: ``CalendarFiles`` refuses such a pair.
    package static func name(forID id: String) -> String {
        if isPlainID(id) { return id }
        return hashedName(forID: id)
    }

    /// ``name(forID:)`` worked out in full, for any id.
    static func hashedName(forID id: String) -> String {
        let safe = sanitised(id)
        if isOwnSafeName(id, sanitised: safe) { return safe }
        let digest = SHA1.digest(Array(id.utf8)).prefix(4)
        return safe + "-" + digest.map { byte in (byte < 0x10 ? "0" : "") + String(byte, radix: 16) }.joined()
    }

    /// Whether `id` is its own safe name by the quick test that settles the usual id (`M0042`):
    /// upper-case ASCII letters, digits, `-` and `_` only, which sanitise to themselves, have no
    /// lower case and are in normal form C; then only the length, an id of underscores, a
    /// hash-like ending and Windows' reserved names remain to rule out. Any other id takes the
    /// full test, which gives the same answer for these (a test compares them).
    static func isPlainID(_ id: String) -> Bool {
        let bytes = id.utf8
        guard !bytes.isEmpty, bytes.count <= maximumScalars,
            bytes.allSatisfy({ byte in
                (0x41...0x5A).contains(byte) || (0x30...0x39).contains(byte) || byte == 0x2D || byte == 0x5F
            }),
            !bytes.allSatisfy({ $0 == 0x5F }), !isReserved(id)
        else { return false }
        let tail = bytes.suffix(9)
        let endsLikeHash =
            tail.count == 9 && tail.first == 0x2D
            && tail.dropFirst().allSatisfy { (0x30...0x39).contains($0) || (0x41...0x46).contains($0) }
        return !endsLikeHash
    }

    /// A person's calendar file, relative to the calendars folder: `mentors/<name>.ics` or
    /// `mentees/<name>.ics`, with the name of ``name(forID:)``.
    package static func calendarFile(forID id: String, side: CohortSide) -> String {
        (side == .mentor ? "mentors/" : "mentees/") + name(forID: id) + ".ics"
    }

    /// `text` as a safe name, not unique: many texts give the same one.
    ///
    /// Letters, marks, digits, `-` and `_` are kept (in any script); everything
    /// else, including `/`, `\` and `.`, becomes `_`. A hostile id like `../../etc/passwd`
    /// becomes `______etc_passwd`. Only the first 64 scalars (and 100 UTF-8 bytes) are kept.
    package static func sanitised(_ text: String) -> String {
        var scalars = String.UnicodeScalarView()
        var bytes = 0
        for scalar in text.unicodeScalars.prefix(maximumScalars) {
            let kept = isKept(scalar) ? scalar : "_"
            bytes += kept.utf8.count
            guard bytes <= maximumBytes else { break }
            scalars.append(kept)
        }
        var base = String(scalars)
        if base.isEmpty || base.unicodeScalars.allSatisfy({ $0 == "_" }) { base = "person" + base }
        if isReserved(base) { base = "_" + base }
        return base
    }

    /// Whether `id` can be its own file name: see ``name(forID:)``. Scalars are compared,
    /// since `String`'s `==` ignores normalisation.
    private static func isOwnSafeName(_ id: String, sanitised: String) -> Bool {
        func same(_ first: String, _ second: String) -> Bool {
            first.unicodeScalars.elementsEqual(second.unicodeScalars)
        }
        guard same(id, sanitised), same(id, id.lowercased().uppercased()),
            same(id, id.precomposedStringWithCanonicalMapping)
        else { return false }
        let tail = Array(id.unicodeScalars.suffix(9))
        let endsLikeHash = tail.count == 9 && tail[0] == "-" && tail.dropFirst().allSatisfy(\.properties.isASCIIHexDigit)
        return !endsLikeHash
    }

    /// Letters and combining marks of any script (so Gurmukhi or Tamil ids stay readable),
    /// decimal digits, `-` and `_`.
    static func isKept(_ scalar: Unicode.Scalar) -> Bool {
        let properties = scalar.properties
        switch properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark, .decimalNumber: return true
        default: return properties.isAlphabetic || scalar == "-" || scalar == "_"
        }
    }

    /// Device names Windows refuses as file names, with or without an extension.
    static func isReserved(_ name: String) -> Bool {
        let stem = name.split(separator: ".").first.map { $0.uppercased() } ?? ""
        if ["CON", "PRN", "AUX", "NUL"].contains(stem) { return true }
        if stem.count == 4, stem.hasPrefix("COM") || stem.hasPrefix("LPT"), let digit = stem.last, ("1"..."9").contains(digit) {
            return true
        }
        return false
    }
}

/// Unique file names within one run, for files that are not a person's (a pair's change
/// file, a cohort event's invitation): the second text with a name gets `-2`, the third
/// `-3`, ignoring case. Which one gets the plain name depends on the order, so whoever uses
/// these names must write them down (`invitations.csv` does).
package struct SafeFileNames {
    private var used: Set<String> = []

    package init() {}

    /// A safe, unique base name for `text` (add the extension yourself).
    package mutating func name(for text: String) -> String {
        let base = SafeFileName.sanitised(text)
        var candidate = base
        var counter = 2
        while used.contains(candidate.lowercased()) {
            candidate = base + "-" + String(counter)
            counter += 1
        }
        used.insert(candidate.lowercased())
        return candidate
    }
}
