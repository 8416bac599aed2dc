/// Reads `sharedStrings.xml`: the text of every string cell, each `<si>` either one `<t>` or
/// rich text as runs (`<r><t>`) to join. Phonetic guides (`<rPh>`, for Japanese) are not part
/// of the text.
final class XLSXSharedStringsHandler: XMLPartHandler {
    var strings: [String] = []
    var failure: String?
    private var inItem = false
    private var inText = false
    private var phoneticDepth = 0
    private var buffer = ""

    func start(_ element: String, attributes: XMLAttributes) {
        switch element {
        case "si":
            inItem = true
            buffer = ""
        case "rPh":
            phoneticDepth += 1
        case "t":
            inText = inItem && phoneticDepth == 0
        default:
            break
        }
    }

    func end(_ element: String) {
        switch element {
        case "si":
            strings.append(XLSXText.unescaped(buffer))
            inItem = false
        case "rPh":
            phoneticDepth -= 1
        case "t":
            inText = false
        default:
            break
        }
    }

    func characters(_ text: String) {
        if inText { buffer += text }
    }
}
