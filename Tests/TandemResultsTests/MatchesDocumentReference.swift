import Foundation

@testable import TandemResults

extension MatchesDocument {
    /// `matches.json` as Foundation's `JSONEncoder` writes the document: how the file was
    /// written before ``MatchesJSON``, and the bytes that writer must keep producing.
    func encodedByJSONEncoder() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        var data = try encoder.encode(self)
        data.append(0x0A)
        return data
    }
}
