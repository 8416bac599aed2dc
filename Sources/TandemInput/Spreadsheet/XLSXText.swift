import Foundation

/// How cell contents are written as text: the `_xHHHH_` escapes of the file format undone,
/// and numbers as a person reads them in Excel.
enum XLSXText {
    /// `text` with each `_xHHHH_` (a UTF-16 code unit in hexadecimal, which Excel uses for
    /// control characters such as `_x000D_`) replaced by its character. `_x005F_` is an
    /// escaped underscore, so `_x005F_x000D_` is the literal text `_x000D_`.
    static func unescaped(_ text: String) -> String {
        guard text.utf8.contains(UInt8(ascii: "_")) else { return text }
        let units = Array(text.utf16)
        var result: [UInt16] = []
        result.reserveCapacity(units.count)
        var index = 0
        while index < units.count {
            if units[index] == 0x5F, index + 6 < units.count, units[index + 1] == 0x78, units[index + 6] == 0x5F,
                let value = hexValue(units[index + 2..<index + 6])
            {
                result.append(value)
                index += 7
                continue
            }
            result.append(units[index])
            index += 1
        }
        // Escapes of lone surrogates become U+FFFD; pairs written as two escapes join up.
        return String(decoding: result, as: UTF16.self)
    }

    private static func hexValue(_ digits: ArraySlice<UInt16>) -> UInt16? {
        var value: UInt16 = 0
        for unit in digits {
            let digit: UInt16
            switch unit {
            case 0x30...0x39: digit = unit - 0x30
            case 0x41...0x46: digit = unit - 0x41 + 10
            case 0x61...0x66: digit = unit - 0x61 + 10
            default: return nil
            }
            value = value << 4 | digit
        }
        return value
    }

    /// A number cell's value as Excel's General format shows it: whole numbers without a
    /// decimal point (a phone number or a count must not read `7700900123.0`), others with up
    /// to 15 significant digits (so `0.30000000000000004` reads `0.3`). Text that is not a
    /// number is returned as it is.
    static func number(_ text: String) -> String {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard let value = Double(trimmed), value.isFinite else { return text }
        if value.rounded() == value, abs(value) < 1e15 { return String(Int64(value)) }
        return String(format: "%.15g", value)
    }
}
