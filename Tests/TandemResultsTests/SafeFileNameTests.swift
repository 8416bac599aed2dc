import Testing

@testable import TandemResults

@Suite("Safe file names from ids")
struct SafeFileNameTests {
    @Test(arguments: [
        ("M01", "M01"),
        ("../../etc/passwd", "______etc_passwd"),
        (".hidden", "_hidden"),
        ("CON", "_CON"),
        ("com1", "_com1"),
        ("a/b\\c", "a_b_c"),
        ("", "person"),
        ("...", "person___"),
        ("ਹਰਪ੍ਰੀਤ", "ਹਰਪ੍ਰੀਤ"),
    ])
    func namesAreSafe(id: String, expected: String) {
        var names = SafeFileNames()
        let name = names.name(for: id)
        #expect(name == expected)
        #expect(!name.contains("/") && !name.contains("\\") && !name.hasPrefix(".") && !name.isEmpty)
    }

    @Test func namesAreUniqueIgnoringCase() {
        var names = SafeFileNames()
        #expect(["M1", "m1", "M1", "M/1", "M_1"].map { names.name(for: $0) } == ["M1", "m1-2", "M1-3", "M_1", "M_1-2"])
    }
}
