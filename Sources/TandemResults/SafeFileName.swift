/// File names made from ids typed into a form: never a path, never hidden, never a name
/// Windows reserves, and unique even on case-insensitive file systems.
package struct SafeFileNames {
    private var used: Set<String> = []

    package init() {}

    /// A safe, unique base name for `id` (add the extension yourself).
    ///
    /// Letters, marks, digits, `-` and `_` are kept (in any script); everything
    /// else, including `/`, `\` and `.`, becomes `_`. A hostile id like `../../etc/passwd`
    /// becomes `______etc_passwd`.
    package mutating func name(for id: String) -> String {
        var base = String(
            id.unicodeScalars.prefix(64).map { scalar -> Character in
                Self.isKept(scalar) ? Character(scalar) : "_"
            })
        if base.isEmpty || base.allSatisfy({ $0 == "_" }) { base = "person" + base }
        if Self.isReserved(base) { base = "_" + base }
        var candidate = base
        var counter = 2
        while used.contains(candidate.lowercased()) {
            candidate = base + "-" + String(counter)
            counter += 1
        }
        used.insert(candidate.lowercased())
        return candidate
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
