import TandemCalendar
import Testing

@Suite("libical is linked")
struct LibicalLinkTests {
    @Test func reportsTheVersionBuiltAgainst() {
        #expect(Libical.version.hasPrefix("3."))
    }

    @Test func parsesAndSerialisesAComponent() throws {
        let text = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Tandem//Test//EN\r\nEND:VCALENDAR\r\n"
        let serialised = try #require(Libical.roundTrip(text))
        #expect(serialised.contains("PRODID:-//Tandem//Test//EN\r\n"))
    }
}
