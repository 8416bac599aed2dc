import Foundation
import TandemCore
import ZIPFoundation

/// The ZIP archive of a workbook, handing out its parts (files) with a limit on how much is
/// unzipped in all, so that a small file that unzips to gigabytes (a "zip bomb") is refused.
final class XLSXPackage {
    let file: String
    private let archive: Archive
    /// Bytes that may still be unzipped.
    private var allowance: Int
    private let limit: Int

    init(_ data: Data, file: String, uncompressedLimit: Int) throws(TandemFailure) {
        self.file = file
        allowance = uncompressedLimit
        limit = uncompressedLimit
        do {
            archive = try Archive(data: data, accessMode: .read)
        } catch {
            throw XLSXReader.failure(
                file: file,
                "is a damaged or incomplete .xlsx file (its ZIP archive cannot be opened); download it again, or open it in Excel and save it again"
            )
        }
    }

    /// Whether the archive has a part at `path`.
    func has(_ path: String) -> Bool { entry(path) != nil }

    /// The content of the part at `path`, or `nil` when there is none.
    func part(_ path: String) throws(TandemFailure) -> Data? {
        guard let entry = entry(path) else { return nil }
        // The size in the archive's directory may be false; the count below is what holds.
        if entry.uncompressedSize > UInt64(allowance) { throw tooLarge(path) }
        var content = Data()
        var exceeded = false
        do {
            _ = try archive.extract(entry, skipCRC32: false) { chunk in
                guard content.count + chunk.count <= allowance else {
                    exceeded = true
                    throw CocoaError(.fileReadTooLarge)
                }
                content.append(chunk)
            }
        } catch {
            if exceeded { throw tooLarge(path) }
            throw XLSXReader.failure(
                file: file,
                "is a damaged or incomplete .xlsx file (its part \(path) cannot be unzipped); download it again, or open it in Excel and save it again"
            )
        }
        allowance -= content.count
        return content
    }

    /// The entry at `path`, matching case only when no entry matches exactly (ZIP paths are
    /// case-sensitive, but some writers and the part names they refer to disagree on case).
    private func entry(_ path: String) -> Entry? {
        if let exact = archive[path] { return exact }
        let lowered = path.lowercased()
        return archive.first { $0.path.lowercased() == lowered }
    }

    /// `1024 MB`, or bytes for a limit under a megabyte.
    private static func size(_ bytes: Int) -> String {
        bytes >= 1_048_576 ? "\(bytes / 1_048_576) MB" : "\(bytes) bytes"
    }

    private func tooLarge(_ path: String) -> TandemFailure {
        XLSXReader.failure(
            file: file,
            "unzips to more than \(Self.size(limit)) (at \(path)), over the limit for a sign-up file; is this the right file? If it is, save it as 'CSV UTF-8 (Comma delimited)' in Excel"
        )
    }
}
