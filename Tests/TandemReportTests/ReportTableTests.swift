import Testing

@testable import TandemReport

@Suite("Long tables on the coordinator's page")
struct ReportTableTests {
    static func table(rows count: Int, restIn: String?) -> String {
        ReportTable(
            caption: "People", headings: ["Person", "Score#"], rows: (0..<count).map { [.init("P\($0)"), .number($0)] },
            restIn: restIn
        ).html
    }

    @Test func aTableWithAPlaceForTheRestShowsItsFirstRowsAndSaysWhereTheOthersAre() {
        let html = Self.table(rows: ReportTable.rowsShownAtMost + 5, restIn: "unmatched.csv")
        #expect(html.components(separatedBy: "<tr>").count - 2 == ReportTable.rowsShownAtMost + 1)
        #expect(html.contains(">P\(ReportTable.rowsShownAtMost - 1)<"))
        #expect(!html.contains(">P\(ReportTable.rowsShownAtMost)<"))
        #expect(
            html.contains(
                "The first \(ReportTable.rowsShownAtMost) of \(ReportTable.rowsShownAtMost + 5) rows; all of them are in unmatched.csv."
            ))
    }

    @Test(
        arguments: [(ReportTable.rowsShownAtMost, "unmatched.csv"), (ReportTable.rowsShownAtMost + 5, nil)] as [(Int, String?)])
    func otherTablesShowEveryRow(count: Int, restIn: String?) {
        let html = Self.table(rows: count, restIn: restIn)
        #expect(html.contains(">P\(count - 1)<"))
        #expect(!html.contains("The first"))
    }

    /// A table of items makes only the rows it shows and says how many there are: the same page.
    @Test(arguments: [0, 3, ReportTable.rowsShownAtMost, ReportTable.rowsShownAtMost + 5])
    func onlyTheShownRowsWithTheirCountMakeTheSameTable(count: Int) {
        var made = 0
        let shown = ReportTable(
            caption: "People", headings: ["Person", "Score#"], items: 0..<count, restIn: "unmatched.csv"
        ) { _, item -> [ReportTable.Cell] in
            made += 1
            return [.init("P\(item)"), .number(item)]
        }.html
        #expect(made == min(count, ReportTable.rowsShownAtMost))
        #expect(shown == Self.table(rows: count, restIn: "unmatched.csv"))
    }
}
