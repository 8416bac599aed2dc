import TandemCore
import Testing

@testable import TandemReport

@Suite("Disclosure control")
struct DisclosureControlTests {
    static let nhs = DisclosureControl(rule: DisclosureRule())

    @Test(
        "The NHS rule hides 1 to 7, keeps 0 and rounds the rest to the nearest 5",
        arguments: [
            (0, "0"), (1, "*"), (5, "*"), (7, "*"), (8, "10"), (12, "10"), (13, "15"), (17, "15"), (18, "20"),
            (22, "20"), (23, "25"), (100, "100"), (102, "100"), (103, "105"),
        ])
    func nhsRule(count: Int, shown: String) {
        #expect(Self.nhs.control(count).text == shown)
    }

    @Test("A threshold of 10 without rounding hides 1 to 9 and shows the rest exactly")
    func otherThreshold() {
        let control = DisclosureControl(rule: DisclosureRule(suppressBelow: 10, roundTo: 1))
        #expect(control.control(9).text == "*")
        #expect(control.control(10).text == "10")
        #expect(control.control(11).text == "11")
    }

    @Test("Rates come from the rounded counts, and are hidden with either count")
    func rates() {
        // 12 of 23: rounded 10 of 25 = 40%, not the exact 52%.
        #expect(Self.nhs.rateText(12, of: 23) == "40%")
        #expect(Self.nhs.rateText(3, of: 23) == "*")
        #expect(Self.nhs.rateText(3, of: 5) == "*")
        #expect(Self.nhs.rateText(0, of: 40) == "0%")
    }

    @Test("Totals are rounded as counts, not summed from rounded parts")
    func totals() {
        // 8 + 8 + 8 = 24 → 25, while the rounded parts would sum to 30.
        #expect(Self.nhs.control(8 + 8 + 8).text == "25")
    }

    @Test("A mean over a hidden group is hidden")
    func means() {
        #expect(Self.nhs.meanText(0.5, over: 3) == "*")
        #expect(Self.nhs.meanText(0.5, over: 9) == "0.500")
        #expect(Self.nhs.meanText(0.5, over: 0) == "–")
    }
}
