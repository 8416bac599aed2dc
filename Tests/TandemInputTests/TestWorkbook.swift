import Foundation
import ZIPFoundation

/// Builds .xlsx files in tests from XML written by hand, so that each cell type and layout
/// Excel and Forms produce can be checked without Excel or Python.
enum TestWorkbook {
    static let mainNamespace = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    static let relationshipNamespace = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    static let packageRelationships = "http://schemas.openxmlformats.org/package/2006/relationships"

    /// A ZIP archive of `parts` (path and content), deflated.
    static func zip(_ parts: [(path: String, content: Data)]) throws -> Data {
        let archive = try Archive(data: Data(), accessMode: .create)
        for part in parts {
            let content = part.content
            try archive.addEntry(
                with: part.path, type: .file, uncompressedSize: Int64(content.count),
                modificationDate: Date(timeIntervalSince1970: 1_767_225_600), compressionMethod: .deflate
            ) { position, size in
                content.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        return archive.data ?? Data()
    }

    /// A workbook whose first sheet has `sheetData` (the XML inside `<sheetData>`).
    /// - Parameters:
    ///   - sharedStrings: the `<si>` items, as XML; no shared strings part when `nil`.
    ///   - cellFormats: the `numFmtId` of each cell style (`s` index) after style 0 (General).
    ///   - customFormats: custom number formats by id (164 and up).
    ///   - prefix: a namespace prefix for the sheet's elements (`x:` as some writers use).
    static func workbook(
        sheetData: String, sheetName: String = "Form1", sharedStrings: [String]? = nil, cellFormats: [Int] = [],
        customFormats: [Int: String] = [:], date1904: Bool = false, prefix: String = "", otherSheets: [String] = []
    ) throws -> Data {
        var parts: [(path: String, content: Data)] = []
        func add(_ path: String, _ text: String) { parts.append((path, Data(text.utf8))) }
        add(
            "[Content_Types].xml",
            """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
            <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
            <Default Extension="xml" ContentType="application/xml"/></Types>
            """)
        add(
            "_rels/.rels",
            """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <Relationships xmlns="\(packageRelationships)">\
            <Relationship Id="rId1" Type="\(relationshipNamespace)/officeDocument" Target="xl/workbook.xml"/></Relationships>
            """)
        let sheets = ([sheetName] + otherSheets).enumerated().map { index, name in
            "<sheet name=\"\(name)\" sheetId=\"\(index + 1)\" r:id=\"rId\(index + 10)\"/>"
        }
        add(
            "xl/workbook.xml",
            """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <workbook xmlns="\(mainNamespace)" xmlns:r="\(relationshipNamespace)">\
            <workbookPr\(date1904 ? " date1904=\"1\"" : "")/><sheets>\(sheets.joined())</sheets></workbook>
            """)
        var relationships = (0...otherSheets.count).map { index in
            "<Relationship Id=\"rId\(index + 10)\" Type=\"\(relationshipNamespace)/worksheet\" Target=\"worksheets/sheet\(index + 1).xml\"/>"
        }
        relationships.append("<Relationship Id=\"rId2\" Type=\"\(relationshipNamespace)/styles\" Target=\"styles.xml\"/>")
        if sharedStrings != nil {
            relationships.append(
                "<Relationship Id=\"rId3\" Type=\"\(relationshipNamespace)/sharedStrings\" Target=\"sharedStrings.xml\"/>")
        }
        add(
            "xl/_rels/workbook.xml.rels",
            """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <Relationships xmlns="\(packageRelationships)">\(relationships.joined())</Relationships>
            """)
        let custom = customFormats.sorted { $0.key < $1.key }.map { id, code in
            "<numFmt numFmtId=\"\(id)\" formatCode=\"\(escaped(code))\"/>"
        }
        let formats = ([0] + cellFormats).map { "<xf numFmtId=\"\($0)\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\"/>" }
        add(
            "xl/styles.xml",
            """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <styleSheet xmlns="\(mainNamespace)"><numFmts count="\(custom.count)">\(custom.joined())</numFmts>\
            <cellStyleXfs count="1"><xf numFmtId="14" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>\
            <cellXfs count="\(formats.count)">\(formats.joined())</cellXfs></styleSheet>
            """)
        if let sharedStrings {
            add(
                "xl/sharedStrings.xml",
                """
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <sst xmlns="\(mainNamespace)" count="\(sharedStrings.count)" uniqueCount="\(sharedStrings.count)">\
                \(sharedStrings.joined())</sst>
                """)
        }
        let namespace = prefix.isEmpty ? "xmlns=\"\(mainNamespace)\"" : "xmlns:\(prefix.dropLast())=\"\(mainNamespace)\""
        add(
            "xl/worksheets/sheet1.xml",
            """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <\(prefix)worksheet \(namespace)><\(prefix)dimension ref="A1"/>\
            <\(prefix)sheetData>\(sheetData)</\(prefix)sheetData></\(prefix)worksheet>
            """)
        for (index, _) in otherSheets.enumerated() {
            add(
                "xl/worksheets/sheet\(index + 2).xml",
                "<worksheet xmlns=\"\(mainNamespace)\"><sheetData><row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>other</t></is></c></row></sheetData></worksheet>"
            )
        }
        return try zip(parts)
    }

    /// `text` with XML's special characters escaped.
    static func escaped(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }

    /// `text` as Excel writes it in a `<t>`: XML-escaped, underscores that would read as an
    /// escape escaped, and control characters other than tab and line feed as `_xHHHH_`.
    static func excelText(_ text: String) -> String {
        var result = ""
        var index = text.unicodeScalars.startIndex
        let scalars = text.unicodeScalars
        while index < scalars.endIndex {
            let scalar = scalars[index]
            let rest = String(scalars[index...])
            if scalar == "_", rest.range(of: "^_x[0-9A-Fa-f]{4}_", options: .regularExpression) != nil {
                result += "_x005F_"
            } else if scalar.value < 0x20 && scalar != "\t" && scalar != "\n" || scalar.value == 0xFFFE || scalar.value == 0xFFFF
            {
                result += "_x" + String(format: "%04X", scalar.value) + "_"
            } else {
                result += escaped(String(scalar))
            }
            index = scalars.index(after: index)
        }
        return result
    }

    /// A workbook of `rows` of text, written as Excel writes a sheet of text: shared strings,
    /// cells with references, empty cells left out.
    static func text(_ rows: [[String]], sheetName: String = "Sheet1") throws -> Data {
        var strings: [String] = []
        var indexOf: [String: Int] = [:]
        var sheetData = ""
        for (rowIndex, row) in rows.enumerated() {
            var cells = ""
            for (column, value) in row.enumerated() where !value.isEmpty {
                let index = indexOf[value] ?? strings.count
                if indexOf[value] == nil {
                    indexOf[value] = index
                    strings.append(value)
                }
                cells += "<c r=\"\(columnName(column + 1))\(rowIndex + 1)\" t=\"s\"><v>\(index)</v></c>"
            }
            if !cells.isEmpty { sheetData += "<row r=\"\(rowIndex + 1)\">\(cells)</row>" }
        }
        let items = strings.map { "<si><t xml:space=\"preserve\">\(excelText($0))</t></si>" }
        return try workbook(sheetData: sheetData, sheetName: sheetName, sharedStrings: items)
    }

    /// `A`, `B`, ... `Z`, `AA` for 1, 2, ... 26, 27.
    static func columnName(_ column: Int) -> String {
        var letters = ""
        var remaining = column
        while remaining > 0 {
            letters = String(UnicodeScalar(UInt8(65 + (remaining - 1) % 26))) + letters
            remaining = (remaining - 1) / 26
        }
        return letters
    }
}

extension TestWorkbook {
    /// The parts of a ZIP archive, in order.
    static func zipParts(of data: Data) throws -> [(path: String, content: Data)] {
        let archive = try Archive(data: data, accessMode: .read)
        var parts: [(path: String, content: Data)] = []
        for entry in archive {
            var content = Data()
            _ = try archive.extract(entry) { content.append($0) }
            parts.append((entry.path, content))
        }
        return parts
    }
}
