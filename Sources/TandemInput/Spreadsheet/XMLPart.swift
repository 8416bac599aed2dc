import Foundation

/// Receives one XML part's elements and text, with namespace prefixes dropped: the parts of a
/// workbook use fixed namespaces, and some writers prefix the main one (`<x:c>`) while Excel
/// does not. Namespace declarations (`xmlns`) are not passed on as attributes.
protocol XMLPartHandler: AnyObject {
    func start(_ element: String, attributes: XMLAttributes)
    func end(_ element: String)
    func characters(_ text: String)
    /// Set to stop parsing with this message (which names what is wrong, not where).
    var failure: String? { get }
}

/// An element's attributes by local name, in document order. A list, not a dictionary: an
/// element has a handful, and hashing their names for every cell was a sixth of reading a sheet.
struct XMLAttributes {
    var pairs: [(name: String, value: String)] = []

    /// The value of the attribute named `name`, if the element has it.
    subscript(_ name: String) -> String? {
        for pair in pairs where pair.name == name { return pair.value }
        return nil
    }
}

/// Streams an XML part through ``XMLScanner`` into an ``XMLPartHandler``.
enum XMLPart {
    /// Parses `data`; returns `nil` when it parsed, else what went wrong (with the line).
    static func parse(_ data: Data, into handler: some XMLPartHandler) -> String? {
        var bytes = [UInt8](data)
        // A package may store a part in UTF-16 (Excel never does); it is read as UTF-8.
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            let encoding: SignupFileFormat.TextEncoding = bytes[0] == 0xFF ? .utf16LittleEndian : .utf16BigEndian
            bytes = bytes.withUnsafeBufferPointer { buffer in
                CSVEncoding.utf8(UnsafeBufferPointer(rebasing: buffer[2...]), from: encoding)
            }
        }
        return bytes.withUnsafeBufferPointer { XMLScanner.scan($0, into: handler) }
    }
}
