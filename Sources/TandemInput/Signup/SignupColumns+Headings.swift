import TandemCore

extension SignupColumns {
    /// Header text as typed in a form → the canonical name it most likely means, before any
    /// configured mapping: case, spaces, dashes and underscores are ignored.
    static func canonicalKey(_ header: String) -> String {
        TextKey.normalise(header.map { $0 == "_" || $0 == "-" ? " " : $0 }.reduce(into: "") { $0.append($1) })
            .replacingSpaces()
    }
}

extension String {
    fileprivate func replacingSpaces() -> String {
        String(map { $0 == " " ? "_" : $0 })
    }
}
