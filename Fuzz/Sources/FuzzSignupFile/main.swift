import Foundation
import FuzzSupport
import TandemCore
import TandemInput

/// Any bytes as a sign-up file as a coordinator gives it, whatever it holds: an .xlsx
/// workbook, or CSV in any encoding and separator. Either a table with no cell over the limit,
/// the same table and format on a second read, or a data error with a message.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzSignupFile(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let bytes = Data(fuzzBytes(data, size))
    let file = "fuzz-signups"
    do throws(TandemFailure) {
        let table = try SignupFile.parse(bytes, file: file)
        require(
            table.records.allSatisfy { record in
                record.fields.allSatisfy { $0.unicodeScalars.count <= CSVTable.maximumCellCharacters }
            }, "no cell is over the limit")
        require(table.warnings.allSatisfy { $0.file == file }, "every warning names the file read")
        let again = try SignupFile.parse(bytes, file: file)
        require(
            again.header == table.header && again.records.map(\.fields) == table.records.map(\.fields)
                && again.format == table.format, "reading is deterministic")
    } catch {
        requireDataError(error, file: file)
    }
    return 0
}
