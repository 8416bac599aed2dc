import Foundation
import StableMatching
import TandemCore

/// Finds what in an existing output folder Tandem may not replace, and the leftovers of an
/// interrupted run beside it.
enum FolderCheck {
    /// A file in the way, by its path relative to the folder.
    struct Obstacle: Equatable {
        enum Reason: Equatable {
            case notWritten
            case changed
            case otherWriter(String)
            /// Written where an earlier Tandem left only the `.tandem-output` marker.
            case unlisted
        }

        var path: String
        var reason: Reason
    }

    /// The hidden name of a staging folder of `name`, without its random part.
    static func stagingPrefix(of name: String) -> String {
        "." + name + ".partial-"
    }

    /// Every file under `folder` that is not listed, unchanged, in the manifest that covers it.
    ///
    /// The folder's own manifest covers it if `writer` wrote it; otherwise the entries under
    /// `name/` of the `enclosing` folder's manifest do (calendars/ in a results folder). A
    /// subfolder with its own manifest is checked against that one, when the covering manifest
    /// lists files in it or the same command wrote it.
    /// - Parameters:
    ///   - name: the folder's name in its parent.
    ///   - checksContents: false accepts a listed file whatever it holds (for an interrupted
    ///     run's copy, whose files may be half written).
    static func obstacles(
        in folder: String, name: String, writer: String, enclosing: FolderManifest?, checksContents: Bool = true
    ) -> [Obstacle] {
        var obstacles: [Finding] = []
        if let own = FolderManifest.read(in: folder) {
            let accepted = own.writer == writer
            check(
                folder, relative: "", digests: accepted ? own.digests : [:], keyPrefix: "", writer: writer, skipsManifest: true,
                checksContents: checksContents, unknown: accepted ? .notWritten : .otherWriter(own.writer), into: &obstacles)
        } else if let enclosing {
            check(
                folder, relative: "", digests: enclosing.digests, keyPrefix: name + "/", writer: writer, skipsManifest: false,
                checksContents: checksContents, unknown: .notWritten, into: &obstacles)
        } else {
            let hasMarker = FileKind.of(folder + "/" + FolderManifest.oldMarker) == .file
            // The marker itself (an empty file) is Tandem's.
            let marker = hasMarker ? [FolderManifest.oldMarker: FileDigest.hex(of: Data())] : [:]
            check(
                folder, relative: "", digests: marker, keyPrefix: "", writer: writer, skipsManifest: false,
                checksContents: checksContents, unknown: hasMarker ? .unlisted : .notWritten, into: &obstacles)
        }
        // The listed files' contents, read and hashed on every core: a results folder holds a
        // file per person and about 90 MB at 10,000 mentees, and a run checks it three times.
        let listed = obstacles.compactMap { finding in
            if case .listed(let path, _, _) = finding { path } else { nil }
        }
        let current = currentDigests(of: listed)
        var next = 0
        return obstacles.compactMap { finding in
            switch finding {
            case .obstacle(let obstacle):
                return obstacle
            case .listed(_, let relative, let digest):
                defer { next += 1 }
                return current[next] == digest ? nil : Obstacle(path: relative, reason: .changed)
            }
        }
    }

    /// What the walk through a folder finds: an obstacle, or a listed file whose contents are
    /// still to compare with its digest.
    private enum Finding {
        case obstacle(Obstacle)
        case listed(path: String, relative: String, digest: String)
    }

    /// The SHA-256 of each file, `nil` for one that cannot be read; two or more threads each
    /// take the next file.
    private static func currentDigests(of paths: [String]) -> [String?] {
        Concurrently.map(paths.count, threads: StagedFiles.threads(for: paths.count)) { index in
            FileManager.default.contents(atPath: paths[index]).map(FileDigest.hex(of:))
        }
    }

    private static func check(
        _ folder: String, relative: String, digests: [String: String], keyPrefix: String, writer: String,
        skipsManifest: Bool, checksContents: Bool, unknown: Obstacle.Reason, into obstacles: inout [Finding]
    ) {
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).sorted()
        for name in names {
            if skipsManifest, name == FolderManifest.fileName { continue }
            let path = folder + "/" + name
            let key = keyPrefix + name
            switch FileKind.of(path) {
            case .file:
                guard let digest = digests[key] else {
                    obstacles.append(.obstacle(Obstacle(path: relative + name, reason: unknown)))
                    continue
                }
                if checksContents { obstacles.append(.listed(path: path, relative: relative + name, digest: digest)) }
            case .folder:
                if let own = FolderManifest.read(in: path) {
                    let leftoverOf = leftoverBase(name)
                    let listed = digests.keys.contains { $0.hasPrefix(keyPrefix + (leftoverOf ?? name) + "/") }
                    if own.writer == writer || listed {
                        // An interrupted run's copy (calendars/ of `tandem calendar`) may hold half-written files.
                        check(
                            path, relative: relative + name + "/", digests: own.digests, keyPrefix: "", writer: writer,
                            skipsManifest: true, checksContents: checksContents && leftoverOf == nil, unknown: .notWritten,
                            into: &obstacles)
                        continue
                    }
                }
                // A folder holding no file Tandem wrote is someone else's, even when empty.
                guard digests.keys.contains(where: { $0.hasPrefix(key + "/") }) else {
                    obstacles.append(.obstacle(Obstacle(path: relative + name + "/", reason: unknown)))
                    continue
                }
                check(
                    path, relative: relative + name + "/", digests: digests, keyPrefix: key + "/", writer: writer,
                    skipsManifest: false, checksContents: checksContents, unknown: unknown, into: &obstacles)
            case .symbolicLink, .other, .missing:
                obstacles.append(.obstacle(Obstacle(path: relative + name, reason: unknown)))
            }
        }
    }

    /// `calendars` for `.calendars.partial-1a2b3c4d`; nil for a name not of that form.
    private static func leftoverBase(_ name: String) -> String? {
        guard name.hasPrefix("."), let range = name.range(of: ".partial-") else { return nil }
        let base = name[name.index(after: name.startIndex)..<range.lowerBound]
        return base.isEmpty ? nil : String(base)
    }

    /// The staging folders (and old folders) of `name` in `parent` that an interrupted run left:
    /// only folders carrying a manifest, so that a folder of the same name that is not Tandem's is kept.
    static func leftovers(of name: String, in parent: String) -> [String] {
        let prefix = stagingPrefix(of: name)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: parent)) ?? []
        return names.filter { candidate in
            candidate.hasPrefix(prefix) && FileKind.of(parent + "/" + candidate) == .folder
                && FolderManifest.read(in: parent + "/" + candidate) != nil
        }.sorted()
    }

    /// Whether the interrupted run's copy at `folder` holds only files its manifest lists.
    static func isDisposable(_ folder: String) -> Bool {
        guard let manifest = FolderManifest.read(in: folder) else { return false }
        return obstacles(in: folder, name: "", writer: manifest.writer, enclosing: nil, checksContents: false).isEmpty
    }

    /// The failure naming the first few obstacles and what to do.
    static func failure(_ obstacles: [Obstacle], folder: String, writer: String) -> TandemFailure {
        TandemFailure(
            .cannotCreate,
            "\(folder) holds files Tandem may not replace: " + list(obstacles, folder: folder, writer: writer)
                + "; move them out of the folder (or delete them if they are not needed), or choose another --out folder")
    }

    /// The first few obstacles, with why each is one.
    static func list(_ obstacles: [Obstacle], folder: String, writer: String) -> String {
        let shown = obstacles.prefix(5).map { obstacle in
            let path = folder + "/" + obstacle.path
            switch obstacle.reason {
            case .notWritten: return "\(path) (not written by Tandem)"
            case .changed: return "\(path) (changed since Tandem wrote it)"
            case .otherWriter(let other): return "\(path) (written by \(other), not \(writer))"
            case .unlisted: return "\(path) (in a folder an earlier Tandem wrote without a list of its files)"
            }
        }
        let more = obstacles.count > shown.count ? " and \(obstacles.count - shown.count) more" : ""
        return shown.joined(separator: ", ") + more
    }
}
