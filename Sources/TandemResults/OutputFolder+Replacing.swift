import Foundation
import TandemCore

extension OutputFolder {
    /// Writes `files` into the results folder `path` in place of the files of the same names,
    /// keeping every other file its manifest lists: the whole folder is written again, so it is
    /// complete at every moment, by the command that wrote it (its manifest's writer).
    /// - Throws: ``TandemFailure`` `.noInput` when `path` is not a folder Tandem wrote, or a
    ///   listed file is missing; as ``write(_:to:writer:options:)`` otherwise.
    public static func replacing(
        _ files: [(name: String, data: Data)], in path: String, options: Options = Options()
    ) throws(TandemFailure) -> Outcome {
        guard let manifest = FolderManifest.read(in: path) else {
            throw TandemFailure(
                .noInput,
                problem: InputProblem(
                    file: path, message: "is not a results folder of tandem match; pass the folder given to --out"))
        }
        let replaced = Set(files.map(\.name))
        var kept: [(name: String, data: Data)] = []
        for name in manifest.digests.keys.sorted() where !replaced.contains(name) {
            guard let data = FileManager.default.contents(atPath: path + "/" + name) else {
                throw TandemFailure(
                    .noInput,
                    problem: InputProblem(
                        file: path + "/" + name, message: "is missing; run tandem match again to write the folder anew"))
            }
            kept.append((name, data))
        }
        return try write(kept + files, to: path, writer: manifest.writer, options: options)
    }
}
