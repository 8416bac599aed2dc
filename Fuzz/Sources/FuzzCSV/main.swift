import Foundation
import FuzzSupport
import TandemCore
import TandemInput

/// Any bytes as a sign-up file: a table whose records come in line order with no cell over
/// the limit, the same table on a second read, or a data error with a message.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCSV(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let bytes = Data(fuzzBytes(data, size))
    let file = "fuzz.csv"
    do throws(TandemFailure) {
        let table = try CSVTable.parse(bytes, file: file)
        var previousLine = 1
        for record in table.records {
            require(record.line > previousLine, "records come in increasing line order after the header")
            previousLine = record.line
            require(
                record.fields.allSatisfy { $0.unicodeScalars.count <= CSVTable.maximumCellCharacters },
                "no cell is over the limit")
            require(record.fields.contains { !$0.allSatisfy(\.isWhitespace) }, "blank rows are dropped")
        }
        let again = try CSVTable.parse(bytes, file: file)
        require(
            again.header == table.header && again.records.map(\.fields) == table.records.map(\.fields),
            "reading is deterministic")
    } catch {
        requireDataError(error, file: file)
    }
    return 0
}
