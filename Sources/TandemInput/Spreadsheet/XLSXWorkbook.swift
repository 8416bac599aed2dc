/// What a workbook's `workbook.xml` and relationship parts say: its sheets in order, its date
/// system and where its parts are.
struct XLSXWorkbook {
    struct Sheet {
        var name: String
        /// The relationship that names the sheet's part.
        var relationship: String
    }

    struct Relationship {
        var type: String
        var target: String
    }

    var sheets: [Sheet] = []
    /// Dates count days from 1904-01-01 (old Mac Excel) rather than from 1900.
    var date1904 = false

    /// Reads `workbook.xml`.
    final class Handler: XMLPartHandler {
        var workbook = XLSXWorkbook()
        var failure: String?

        func start(_ element: String, attributes: XMLAttributes) {
            switch element {
            case "workbookPr":
                let value = attributes["date1904"]?.lowercased()
                workbook.date1904 = value == "1" || value == "true"
            case "sheet":
                workbook.sheets.append(Sheet(name: attributes["name"] ?? "", relationship: attributes["id"] ?? ""))
            default:
                break
            }
        }

        func end(_ element: String) {}
        func characters(_ text: String) {}
    }

    /// Reads a `.rels` part: relationship id to type and target.
    final class RelationshipsHandler: XMLPartHandler {
        var relationships: [(id: String, Relationship)] = []
        var failure: String?

        func start(_ element: String, attributes: XMLAttributes) {
            guard element == "Relationship", let id = attributes["Id"], let target = attributes["Target"] else { return }
            // External targets (hyperlinks) are not parts of the package.
            if attributes["TargetMode"] == "External" { return }
            relationships.append((id, Relationship(type: attributes["Type"] ?? "", target: target)))
        }

        func end(_ element: String) {}
        func characters(_ text: String) {}

        /// The target of the first relationship whose type ends with `/kind`.
        func target(ofType kind: String) -> String? {
            relationships.first { $0.1.type.hasSuffix("/" + kind) }?.1.target
        }
    }

    /// The part path a relationship target names, relative to the folder of the part whose
    /// relationships these are (`worksheets/sheet1.xml` from `xl/workbook.xml` is
    /// `xl/worksheets/sheet1.xml`), or from the package root when it starts with `/`.
    static func resolve(_ target: String, from part: String) -> String {
        var components: [Substring]
        if target.hasPrefix("/") {
            components = []
        } else {
            components = part.split(separator: "/", omittingEmptySubsequences: true).dropLast()
        }
        for component in target.split(separator: "/", omittingEmptySubsequences: true) {
            switch component {
            case ".": continue
            case "..": if !components.isEmpty { components.removeLast() }
            default: components.append(component)
            }
        }
        return components.joined(separator: "/")
    }

    /// The relationships part of `part` (`xl/_rels/workbook.xml.rels` for `xl/workbook.xml`).
    static func relationshipsPath(of part: String) -> String {
        guard let slash = part.lastIndex(of: "/") else { return "_rels/\(part).rels" }
        return "\(part[..<slash])/_rels/\(part[part.index(after: slash)...]).rels"
    }
}
