extension Unicode.Scalar {
    /// Whether this is one of the invisible characters that change the direction text is shown
    /// in: U+061C, U+200E–U+200F, U+202A–U+202E and U+2066–U+2069 (bidirectional marks,
    /// embeddings, overrides and isolates). In a name they can make one person's name look like
    /// another's, or reorder the text around it, so written files drop them.
    package var isDirectionControl: Bool {
        switch value {
        case 0x061C, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069: true
        default: false
        }
    }
}
