import Foundation
import Testing

@testable import TandemResults

/// The streaming encoder against Foundation's, on shapes `matches.json` does not use.
@Suite("JSON file encoder")
struct JSONFileEncoderTests {
    static func foundation(_ value: some Encodable) throws -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.keyEncodingStrategy = .convertToSnakeCase
        return Array(try encoder.encode(value))
    }

    /// Declared in key order, with nested containers (an enum with associated values), empty
    /// arrays and objects, and integers of other widths.
    struct Shapes: Encodable {
        enum Cadence: Encodable {
            case weekly(interval: Int)
            case monthly(ordinal: Int, weekday: String)
        }
        struct Empty: Encodable {}

        var cadences: [Cadence]
        var emptyList: [Int]
        var emptyObject: Empty
        var nested: [[Int8]]
        var nothing: Int?
        var numbers: [Double]
        var widths: [UInt16]
    }

    @Test func writesJSONEncodersBytesForNestedContainersAndEmptyValues() throws {
        let value = Shapes(
            cadences: [.weekly(interval: 2), .monthly(ordinal: -1, weekday: "FR")], emptyList: [], emptyObject: .init(),
            nested: [[1, -2], []], nothing: nil, numbers: [0.1 + 0.2, 1e21, -0.0, 3],
            widths: [0, 65_535])
        #expect(try JSONFileEncoder.encode(value) == Self.foundation(value))
    }

    struct OutOfOrder: Encodable {
        var zebra = 1
        var apple = 2
    }

    @Test func refusesATypeWhoseKeysAreNotDeclaredInOrder() {
        #expect {
            try JSONFileEncoder.encode(OutOfOrder())
        } throws: { error in
            "\(error)".contains("'apple' comes after 'zebra'")
        }
    }
}
