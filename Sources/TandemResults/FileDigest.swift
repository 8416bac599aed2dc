import Crypto
import Foundation

/// The SHA-256 digest of a file's bytes, for the manifest of an output folder: it tells a file
/// Tandem wrote from one edited since, and `sha256sum -c` can check the same list.
enum FileDigest {
    /// The digest of `data` as 64 lowercase hexadecimal digits.
    static func hex(of data: Data) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var text: [UInt8] = []
        text.reserveCapacity(64)
        for byte in SHA256.hash(data: data) {
            text.append(digits[Int(byte >> 4)])
            text.append(digits[Int(byte & 0x0f)])
        }
        return String(decoding: text, as: UTF8.self)
    }
}
