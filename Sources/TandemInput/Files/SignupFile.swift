import Foundation
import TandemCore

/// Reads a sign-up file in whichever form a coordinator has it: an .xlsx workbook (what
/// Microsoft Forms downloads) or delimited text in the encodings and separators Excel and Google
/// Sheets write. The content decides, not the file's extension, which is often wrong.
public enum SignupFile {
    /// What to do with a file Tandem cannot read, for the end of a message.
    static let howToSave =
        "in Excel use File > Save As > 'Excel Workbook (.xlsx)' or 'CSV UTF-8 (Comma delimited)'"

    /// Reads and parses `path`.
    /// - Parameter displayName: how to name the file in messages (defaults to `path`).
    /// - Throws: ``TandemFailure`` — no input (66) when missing, unreadable or not a regular
    ///   file; data error (65) when it is too large or its content cannot be read.
    public static func read(path: String, displayName: String? = nil) throws(TandemFailure) -> CSVTable {
        let name = displayName ?? path
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw TandemFailure(.noInput, problem: InputProblem(file: name, message: "file not found; check the path"))
        }
        guard !isDirectory.boolValue else {
            throw TandemFailure(
                .noInput, problem: InputProblem(file: name, message: "is a folder, not a CSV file or an .xlsx workbook"))
        }
        if let problem = InputFile.kindProblem(path: path, expected: "a CSV file or an .xlsx workbook") {
            throw TandemFailure(.noInput, problem: InputProblem(file: name, message: problem))
        }
        if let size = (try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? Int, size > CSVTable.maximumBytes {
            throw TandemFailure(
                .dataError,
                problem: InputProblem(
                    file: name, message: "is \(size / 1_048_576) MB, over the 1 GB limit; is this the right file?"))
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw TandemFailure(.noInput, problem: InputProblem(file: name, message: "cannot be read; check its permissions"))
        }
        return try parse(data, file: name)
    }

    /// Parses a sign-up file already in memory, finding its format from its first bytes.
    public static func parse(_ data: Data, file: String) throws(TandemFailure) -> CSVTable {
        switch Signature(data) {
        case .zip:
            return try XLSXReader.parse(data, file: file)
        case .compoundDocument:
            throw TandemFailure(
                .dataError,
                problem: InputProblem(
                    file: file,
                    message:
                        "is an Excel 97-2003 workbook (.xls) or a workbook protected by a password, which Tandem cannot read; \(howToSave), without a password"
                ))
        case .document(let kind):
            throw TandemFailure(
                .dataError, problem: InputProblem(file: file, message: "is \(kind), not a table of sign-ups; \(howToSave)"))
        case .text:
            return try CSVTable.parseText(data, file: file)
        }
    }

    /// What the first bytes of a file say it is.
    enum Signature {
        /// `PK\3\4` (or an empty archive's `PK\5\6`): a ZIP archive, as .xlsx, .ods and .docx are.
        case zip
        /// The OLE2 compound file of .xls, and of any Office file encrypted with a password.
        case compoundDocument
        /// A file people attach by mistake, named for the message (`a PDF document`).
        case document(String)
        case text

        init(_ data: Data) {
            let head = Array(data.prefix(8))
            if head.starts(with: [0x50, 0x4B, 0x03, 0x04]) || head.starts(with: [0x50, 0x4B, 0x05, 0x06]) {
                self = .zip
            } else if head == [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] {
                self = .compoundDocument
            } else if head.starts(with: Array("%PDF".utf8)) {
                self = .document("a PDF document")
            } else if head.starts(with: [0x89, 0x50, 0x4E, 0x47]) || head.starts(with: [0xFF, 0xD8, 0xFF])
                || head.starts(with: Array("GIF8".utf8))
            {
                self = .document("an image")
            } else {
                self = .text
            }
        }
    }
}
