import Foundation
import StableMatching

/// The files Tandem wrote into an output folder, with their SHA-256 digests, kept in the folder
/// as `.tandem-manifest`.
///
/// It is how Tandem knows which files it may replace: a file it did not write, or one changed
/// since, stops the run. The lines after the first are in `sha256sum` format, so
/// `sha256sum -c .tandem-manifest` checks the folder by hand.
struct FolderManifest: Equatable {
    static let fileName = ".tandem-manifest"
    /// The empty marker earlier versions wrote instead: it says a folder was Tandem's but not
    /// which files in it were, so it is never taken as permission to delete anything.
    static let oldMarker = ".tandem-output"
    private static let header = "# tandem-manifest 1 "

    /// The command that wrote the folder (`tandem match`), so that another command's folder
    /// (the sign-up files `tandem generate` wrote) is never replaced by this one's results.
    var writer: String
    /// Path relative to the folder → SHA-256 as hexadecimal digits.
    var digests: [String: String]

    init(writer: String, digests: [String: String]) {
        self.writer = writer
        self.digests = digests
    }

    /// The manifest of `files`, hashed on every core when there are many (a run with calendars
    /// writes a file per person): each thread takes the next file, so that one large file
    /// (preferences.json) does not leave the other threads a share of the small ones to wait for.
    init(writer: String, files: [(name: String, data: Data)]) {
        let hashes = Concurrently.map(files.count, threads: StagedFiles.threads(for: files.count)) { index in
            FileDigest.hex(of: files[index].data)
        }
        var digests: [String: String] = [:]
        digests.reserveCapacity(files.count)
        for (file, hash) in zip(files, hashes) { digests[file.name] = hash }
        self.init(writer: writer, digests: digests)
    }

    var rendered: Data {
        var text = Self.header + writer + "\n"
        for name in digests.keys.sorted() {
            text += (digests[name] ?? "") + "  " + name + "\n"
        }
        return Data(text.utf8)
    }

    /// The manifest in `folder`, or nil when it has none (or a file of that name that is not one).
    static func read(in folder: String) -> FolderManifest? {
        let path = folder + "/" + fileName
        guard FileKind.of(path) == .file, let data = FileManager.default.contents(atPath: path) else { return nil }
        var lines = String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        guard let first = lines.first, first.hasPrefix(header) else { return nil }
        let writer = String(first.dropFirst(header.count))
        if lines.last == "" { lines.removeLast() }
        var digests: [String: String] = [:]
        for line in lines.dropFirst() {
            // 64 hexadecimal digits, two spaces, the name.
            guard line.count > 66, let separator = line.index(line.startIndex, offsetBy: 64, limitedBy: line.endIndex),
                line[separator...].hasPrefix("  ")
            else { return nil }
            digests[String(line[line.index(separator, offsetBy: 2)...])] = String(line[..<separator])
        }
        return FolderManifest(writer: writer, digests: digests)
    }
}

/// What is at a path, without following a symbolic link there.
enum FileKind: Equatable {
    case missing, file, folder, symbolicLink, other

    static func of(_ path: String) -> FileKind {
        var status = stat()
        guard lstat(path, &status) == 0 else { return .missing }
        switch status.st_mode & S_IFMT {
        case S_IFREG: return .file
        case S_IFDIR: return .folder
        case S_IFLNK: return .symbolicLink
        default: return .other
        }
    }
}
