import Foundation
import TandemCore
import ZIPFoundation

/// The ZIP archive of a workbook, handing out its parts (files) with a limit on how much is
/// unzipped in all, so that a small file that unzips to gigabytes (a "zip bomb") is refused.
///
/// The archive's directory is read here, with every offset and size checked against the
/// file's length, and ZIPFoundation inflates each part from bytes this hands it. Its `Archive`
/// type is not used for reading: on damaged archives it traps (an offset past the end of an
/// in-memory archive) or never returns (a deflate stream cut short makes its read loop ask for
/// more bytes forever), and a sign-up file must fail with a message instead.
final class XLSXPackage {
    let file: String
    private let bytes: [UInt8]
    private var entries: [String: Entry] = [:]
    /// Bytes that may still be unzipped.
    private var allowance: Int
    private let limit: Int

    /// A part as the archive's central directory describes it.
    struct Entry {
        var method: UInt16
        var checksum: UInt32
        var compressedSize: Int
        var uncompressedSize: Int
        /// Where the part's compressed bytes start.
        var dataOffset: Int
    }

    init(_ data: Data, file: String, uncompressedLimit: Int) throws(TandemFailure) {
        self.file = file
        bytes = [UInt8](data)
        allowance = uncompressedLimit
        limit = uncompressedLimit
        guard let entries = Self.directory(of: bytes) else {
            throw XLSXReader.failure(
                file: file,
                "is a damaged or incomplete .xlsx file (its ZIP archive cannot be opened); download it again, or open it in Excel and save it again"
            )
        }
        self.entries = entries
    }

    /// Whether the archive has a part at `path`.
    func has(_ path: String) -> Bool { entry(path) != nil }

    /// The content of the part at `path`, or `nil` when there is none.
    func part(_ path: String) throws(TandemFailure) -> Data? {
        guard let entry = entry(path) else { return nil }
        // The size in the directory may be false; the count below is what holds.
        if entry.uncompressedSize > allowance { throw tooLarge(path) }
        let compressed = Data(bytes[entry.dataOffset..<entry.dataOffset + entry.compressedSize])
        var content = Data()
        switch entry.method {
        case 0:
            content = compressed
        case 8:
            var exceeded = false
            do {
                content = try Self.inflate(compressed, allowance: allowance, exceeded: &exceeded)
            } catch {
                if exceeded { throw tooLarge(path) }
                throw damaged(path)
            }
        default:
            throw damaged(path)
        }
        guard content.count == entry.uncompressedSize, content.crc32(checksum: 0) == entry.checksum else {
            throw damaged(path)
        }
        if content.count > allowance { throw tooLarge(path) }
        allowance -= content.count
        return content
    }

    /// `compressed` (raw deflate) inflated, stopping once more than `allowance` bytes come out.
    private static func inflate(_ compressed: Data, allowance: Int, exceeded: inout Bool) throws -> Data {
        let chunk = 64 * 1024
        var output = Data()
        var given = 0
        var overflow = false
        _ = try Data.decompress(
            size: Int64(compressed.count), bufferSize: chunk, skipCRC32: true,
            provider: { _, size in
                // ZIPFoundation's zlib loop reads a whole chunk each time and asks again until
                // the stream ends: the last chunk is padded to full size, and asking past it is
                // an error rather than an endless loop.
                guard given < compressed.count || given == 0 && compressed.isEmpty else {
                    throw CocoaError(.fileReadCorruptFile)
                }
                var piece = compressed.subdata(in: given..<min(compressed.count, given + size))
                given += max(piece.count, 1)
                if piece.count < size { piece.append(Data(count: size - piece.count)) }
                return piece
            },
            consumer: { piece in
                guard output.count + piece.count <= allowance else {
                    overflow = true
                    throw CocoaError(.fileReadTooLarge)
                }
                output.append(piece)
            })
        exceeded = overflow
        return output
    }

    /// The entry at `path`, matching case only when no entry matches exactly (ZIP paths are
    /// case-sensitive, but some writers and the part names they refer to disagree on case).
    private func entry(_ path: String) -> Entry? {
        if let exact = entries[path] { return exact }
        let lowered = path.lowercased()
        return entries.first { $0.key.lowercased() == lowered }?.value
    }

    /// The parts of the archive by path, or `nil` when its directory is damaged, points outside
    /// the file, or uses what a workbook never needs (ZIP64, encryption, several disks).
    static func directory(of bytes: [UInt8]) -> [String: Entry]? {
        func integer(_ offset: Int, _ width: Int) -> Int? {
            guard offset >= 0, offset + width <= bytes.count else { return nil }
            var value = 0
            for index in (0..<width).reversed() { value = value << 8 | Int(bytes[offset + index]) }
            return value
        }
        // The end of central directory record: the last PK\5\6 with room for its comment.
        var end: Int?
        var candidate = bytes.count - 22
        while candidate >= max(0, bytes.count - 22 - 65_535) {
            if integer(candidate, 4) == 0x0605_4B50, let comment = integer(candidate + 20, 2),
                candidate + 22 + comment == bytes.count
            {
                end = candidate
                break
            }
            candidate -= 1
        }
        guard let end, integer(end + 4, 2) == 0, integer(end + 6, 2) == 0, let count = integer(end + 10, 2),
            let size = integer(end + 12, 4), let start = integer(end + 16, 4), count != 0xFFFF, start != 0xFFFF_FFFF,
            start + size <= end
        else { return nil }
        var entries: [String: Entry] = [:]
        var offset = start
        for _ in 0..<count {
            guard integer(offset, 4) == 0x0201_4B50, let flags = integer(offset + 8, 2), flags & 1 == 0,
                let method = integer(offset + 10, 2), let checksum = integer(offset + 16, 4),
                let compressedSize = integer(offset + 20, 4), let uncompressedSize = integer(offset + 24, 4),
                let nameLength = integer(offset + 28, 2), let extraLength = integer(offset + 30, 2),
                let commentLength = integer(offset + 32, 2), let local = integer(offset + 42, 4),
                compressedSize != 0xFFFF_FFFF, uncompressedSize != 0xFFFF_FFFF, local != 0xFFFF_FFFF,
                offset + 46 + nameLength <= start + size
            else { return nil }
            let name = String(decoding: bytes[offset + 46..<offset + 46 + nameLength], as: UTF8.self)
            guard integer(local, 4) == 0x0403_4B50, let localName = integer(local + 26, 2),
                let localExtra = integer(local + 28, 2)
            else { return nil }
            let dataOffset = local + 30 + localName + localExtra
            guard dataOffset + compressedSize <= start else { return nil }
            entries[name] = Entry(
                method: UInt16(method), checksum: UInt32(checksum), compressedSize: compressedSize,
                uncompressedSize: uncompressedSize, dataOffset: dataOffset)
            offset += 46 + nameLength + extraLength + commentLength
        }
        return entries
    }

    /// `1024 MB`, or bytes for a limit under a megabyte.
    private static func size(_ bytes: Int) -> String {
        bytes >= 1_048_576 ? "\(bytes / 1_048_576) MB" : "\(bytes) bytes"
    }

    private func damaged(_ path: String) -> TandemFailure {
        XLSXReader.failure(
            file: file,
            "is a damaged or incomplete .xlsx file (its part \(path) cannot be unzipped); download it again, or open it in Excel and save it again"
        )
    }

    private func tooLarge(_ path: String) -> TandemFailure {
        XLSXReader.failure(
            file: file,
            "unzips to more than \(Self.size(limit)) (at \(path)), over the limit for a sign-up file; is this the right file? If it is, save it as 'CSV UTF-8 (Comma delimited)' in Excel"
        )
    }
}
