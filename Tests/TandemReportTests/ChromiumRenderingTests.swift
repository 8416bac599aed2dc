import Foundation
import TandemCore
import TandemTestSupport
import Testing

@testable import TandemReport

/// Opens both pages in headless Chromium, as a coordinator's browser shows and prints them.
/// CI installs Chromium (scripts/setup); without it these tests are skipped, and say so.
@Suite("Report pages in Chromium", .enabled(if: Chromium.path != nil, "Chromium is not installed: run scripts/setup"))
struct ChromiumRenderingTests {
    static let folder = ScratchFolder.make("report")

    @Test(
        "Both pages render without a console error, to a screenshot and an A4 PDF of several pages",
        arguments: ReportAudience.allCases)
    func renders(audience: ReportAudience) throws {
        let matched = try ReportFixture.sample.get()
        let page = Self.folder.appendingPathComponent(audience.fileName)
        try Data(ReportPage.render(matched.result, audience: audience).utf8).write(to: page)

        let screenshot = Self.folder.appendingPathComponent(audience.fileName + ".png")
        let shot = try Chromium.run(["--screenshot=\(screenshot.path)", "--window-size=1280,2000"], page: page)
        #expect(Chromium.consoleMessages(shot).isEmpty, "\(Chromium.consoleMessages(shot))")
        let png = try Data(contentsOf: screenshot)
        #expect(png.starts(with: [0x89, 0x50, 0x4E, 0x47]))
        #expect(png.count > 20_000)

        let pdf = Self.folder.appendingPathComponent(audience.fileName + ".pdf")
        let printed = try Chromium.run(["--print-to-pdf=\(pdf.path)", "--no-pdf-header-footer"], page: page)
        #expect(Chromium.consoleMessages(printed).isEmpty)
        let bytes = try Data(contentsOf: pdf)
        #expect(bytes.starts(with: Array("%PDF".utf8)))
        #expect(bytes.count > 20_000)
        // A4 is 595 x 842 points.
        let text = String(decoding: bytes, as: UTF8.self)
        #expect(text.contains("/MediaBox [0 0 595") || text.contains("/MediaBox [0 0 594"))
        #expect(text.components(separatedBy: "/Type /Page\n").count + text.components(separatedBy: "/Type /Page ").count > 3)
    }

    @Test("The console check finds an error when a page has one")
    func consoleCheckCanFail() throws {
        let page = Self.folder.appendingPathComponent("broken.html")
        try Data("<!DOCTYPE html><html lang=\"en\"><title>x</title><script>notDefined()</script></html>".utf8).write(to: page)
        let shot = Self.folder.appendingPathComponent("broken.png")
        let output = try Chromium.run(["--screenshot=\(shot.path)", "--window-size=400,300"], page: page)
        #expect(Chromium.consoleMessages(output).contains { $0.contains("notDefined") })
    }
}

/// Finding and running Debian's `chromium` headless.
enum Chromium {
    static let path: String? = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"].first {
        FileManager.default.isExecutableFile(atPath: $0)
    }

    /// Runs Chromium on `page` with `arguments`, logging the console to standard error, and
    /// returns what it wrote there.
    static func run(_ arguments: [String], page: URL) throws -> String {
        let process = Process()
        // A hung browser must not hang the suite: `timeout` ends it after two minutes.
        process.executableURL = URL(fileURLWithPath: "/usr/bin/timeout")
        // A profile of its own: runs side by side would otherwise meet on one profile's lock.
        let profile = page.deletingLastPathComponent().appendingPathComponent("profile-\(UUID().uuidString)")
        process.arguments =
            [
                "120", try #require(path), "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
                "--enable-logging=stderr", "--v=0", "--user-data-dir=" + profile.path,
            ]
            + arguments + [page.absoluteString]
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let output = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        return String(decoding: output, as: UTF8.self)
    }

    /// The page's console messages in Chromium's log (`CONSOLE(line)] "message"`): its own
    /// errors (D-Bus, GPU) are not the page's.
    static func consoleMessages(_ log: String) -> [String] {
        log.split(separator: "\n").filter { $0.contains("CONSOLE") }.map(String.init)
    }
}
