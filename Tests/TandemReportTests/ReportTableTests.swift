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
}
