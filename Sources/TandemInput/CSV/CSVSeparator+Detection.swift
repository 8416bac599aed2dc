extension CSVSeparator {
    /// How many records after the header are compared with it.
    private static let sampledRecords = 20

    /// The separator that splits the header into the most columns while splitting the first
    /// records into as many, outside quotes; a comma when none splits the header at all.
    ///
    /// Consistency comes first because a heading may hold the other separators: a semicolon
    /// file's question "Which themes, if any, ...?" has commas in its header but not in every
    /// record, while its semicolons split each record alike.
    static func detect(_ bytes: UnsafeBufferPointer<UInt8>) -> CSVSeparator {
        let counts = fieldCounts(bytes)
        guard let header = counts.first else { return .comma }
        let records = counts.dropFirst()
        var best: (separator: CSVSeparator, consistent: Int, columns: Int)?
        for (index, separator) in allCases.enumerated() {
            let columns = header[index]
            guard columns > 1 else { continue }
            let consistent = records.count { $0[index] == columns }
            if let current = best, (current.consistent, current.columns) >= (consistent, columns) { continue }
            best = (separator, consistent, columns)
        }
        return best?.separator ?? .comma
    }

    /// For the header and up to ``sampledRecords`` non-blank records, the number of fields each
    /// separator (in ``allCases`` order) splits it into, counting separators outside quotes.
    private static func fieldCounts(_ bytes: UnsafeBufferPointer<UInt8>) -> [[Int]] {
        var counts: [[Int]] = []
        var current = [Int](repeating: 1, count: allCases.count)
        var insideQuotes = false
        var hasContent = false
        let separators = allCases.map(\.rawValue)
        var index = 0
        while index < bytes.count, counts.count <= sampledRecords {
            let byte = bytes[index]
            index += 1
            if byte == UInt8(ascii: "\"") {
                insideQuotes.toggle()
                hasContent = true
                continue
            }
            if insideQuotes { continue }
            if byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r") {
                if hasContent { counts.append(current) }
                current = [Int](repeating: 1, count: allCases.count)
                hasContent = false
                continue
            }
            if let which = separators.firstIndex(of: byte) {
                current[which] += 1
            } else if byte != UInt8(ascii: " ") {
                hasContent = true
            }
        }
        if hasContent, counts.count <= sampledRecords { counts.append(current) }
        return counts
    }
}
