import Foundation
import TandemCore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Checks and reads of the files a user names as input, so that a folder, a device or a pipe
/// given by mistake gets a message that says what it is instead of one about permissions, and
/// nothing is read without a limit.
public enum InputFile {
    /// What `path` is when it is not a regular file (following symbolic links), as a message
    /// for ``InputProblem``; `nil` for a regular file or one that cannot be examined (the read
    /// that follows reports that).
    /// - Parameter expected: what the file should be, as in `a CSV file`.
    public static func kindProblem(path: String, expected: String) -> String? {
        var status = stat()
        guard stat(path, &status) == 0 else { return nil }
        return kindProblem(mode: status.st_mode, expected: expected)
    }

    /// ``kindProblem(path:expected:)`` for a file's `st_mode`.
    static func kindProblem(mode: mode_t, expected: String) -> String? {
        let what: String
        switch mode & S_IFMT {
        case S_IFREG: return nil
        case S_IFDIR: what = "a folder"
        case S_IFCHR: what = "a character device (such as /dev/zero or a terminal)"
        case S_IFBLK: what = "a block device (a disk)"
        case S_IFIFO: what = "a named pipe (FIFO)"
        case S_IFSOCK: what = "a socket"
        default: what = "not a regular file"
        }
        return "is \(what), not \(expected); give the path of a saved file"
    }

    /// Everything on standard input (or another open `descriptor`), up to `limit` bytes.
    /// - Parameters:
    ///   - descriptor: the file descriptor to read to its end; standard input by default.
    ///   - name: how to name the input in messages.
    ///   - expected: what the input should be, as in `a JSON instance`.
    /// - Throws: ``TandemFailure`` — no input (66) when the input is a folder or cannot be
    ///   read; data error (65) when it holds more than `limit` bytes.
    public static func readStandardInput(
        descriptor: Int32 = STDIN_FILENO, limit: Int, name: String, expected: String
    ) throws(TandemFailure) -> Data {
        var status = stat()
        if fstat(descriptor, &status) == 0, status.st_mode & S_IFMT == S_IFDIR {
            throw TandemFailure(.noInput, problem: InputProblem(file: name, message: "is a folder, not \(expected)"))
        }
        var bytes: [UInt8] = []
        let chunk = 1 << 16
        while true {
            let start = bytes.count
            bytes.append(contentsOf: repeatElement(0, count: chunk))
            let count = bytes.withUnsafeMutableBufferPointer { buffer in
                buffer.baseAddress.map { read(descriptor, $0 + start, chunk) } ?? 0
            }
            if count < 0 {
                if errno == EINTR {
                    bytes.removeLast(chunk)
                    continue
                }
                let reason = String(cString: strerror(errno))
                throw TandemFailure(.noInput, problem: InputProblem(file: name, message: "cannot be read: \(reason)"))
            }
            bytes.removeLast(chunk - count)
            if count == 0 { break }
            if bytes.count > limit {
                throw TandemFailure(
                    .dataError,
                    problem: InputProblem(
                        file: name,
                        message: "holds more than \(limit / 1_048_576) MB, the most that is read; is this the right input?"))
            }
        }
        return Data(bytes)
    }
}
