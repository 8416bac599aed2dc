import Foundation

/// The page's colours and style sheet: dark text and marks on white, each colour at least
/// 4.5:1 against the background (WCAG 2.2 AA for text; marks need only 3:1, and meet 4.5:1 too).
enum ReportStyle {
    static let background = "#ffffff"
    static let text = "#1a1a1a"
    /// Secondary text: captions, axes.
    static let muted = "#4a4a4a"
    /// Bars and lines.
    static let mark = "#1d4f91"
    /// The chosen option, closed weeks: always with a text label or pattern as well.
    static let accent = "#8a3a00"
    /// The personal-data banner.
    static let warning = "#8b0000"
    static let link = "#0b4f8a"

    /// Every foreground colour, to check its contrast.
    static let foregrounds: [(name: String, hex: String)] = [
        ("text", text), ("muted", muted), ("mark", mark), ("accent", accent), ("warning", warning), ("link", link),
    ]

    /// The WCAG contrast ratio of two `#rrggbb` colours (1...21).
    static func contrast(_ first: String, _ second: String) -> Double {
        let (lighter, darker) = {
            let a = luminance(first)
            let b = luminance(second)
            return a > b ? (a, b) : (b, a)
        }()
        return (lighter + 0.05) / (darker + 0.05)
    }

    /// Relative luminance per WCAG 2.2.
    static func luminance(_ hex: String) -> Double {
        let digits = hex.hasPrefix("#") ? String(hex.dropFirst()) : hex
        let value = Int(digits, radix: 16) ?? 0
        func channel(_ shift: Int) -> Double {
            let c = Double((value >> shift) & 0xFF) / 255
            return c <= 0.04045 ? c / 12.92 : pow((c + 0.055) / 1.055, 2.4)
        }
        return 0.2126 * channel(16) + 0.7152 * channel(8) + 0.0722 * channel(0)
    }

    /// The style sheet: system fonts only (no web font to fetch), fluid width so 200 % zoom
    /// reflows, and A4 print rules.
    static let css = """
        :root { color-scheme: light; }
        body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; color: \(text);
          background: \(background); margin: 0 auto; padding: 1rem 1.25rem 3rem; max-width: 60rem; line-height: 1.45; }
        h1 { font-size: 1.7rem; margin: 0.5rem 0 0.25rem; }
        h2 { font-size: 1.35rem; margin: 2rem 0 0.5rem; border-bottom: 2px solid \(mark); padding-bottom: 0.2rem; }
        h3 { font-size: 1.1rem; margin: 1.25rem 0 0.4rem; }
        p, li { max-width: 48rem; }
        .meta { color: \(muted); margin-top: 0; }
        .banner { border: 3px solid \(warning); color: \(warning); padding: 0.5rem 0.75rem; font-weight: 700; margin: 0.5rem 0 1rem; }
        .banner span { font-weight: 400; color: \(text); }
        .note { border-left: 4px solid \(mark); padding: 0.25rem 0.75rem; background: #f3f6fa; }
        nav ol { columns: 2; padding-left: 1.25rem; }
        a { color: \(link); }
        table { border-collapse: collapse; margin: 0.5rem 0 1rem; font-size: 0.92rem; }
        caption { text-align: left; font-weight: 600; padding: 0.25rem 0; }
        th, td { border: 1px solid #9a9a9a; padding: 0.2rem 0.5rem; text-align: left; vertical-align: top; }
        th { background: #eef1f5; }
        td.n, th.n { text-align: right; font-variant-numeric: tabular-nums; }
        figure { margin: 1rem 0; break-inside: avoid; page-break-inside: avoid; }
        figcaption { color: \(muted); font-size: 0.9rem; }
        svg { max-width: 100%; height: auto; display: block; }
        svg text { font-family: inherit; }
        .cols { display: flex; flex-wrap: wrap; gap: 0 2rem; align-items: flex-start; }
        .cols > * { flex: 1 1 22rem; min-width: 0; }
        .wide { overflow-x: auto; }
        @page { size: A4; margin: 14mm 12mm; }
        @media print {
          body { max-width: none; padding: 0; font-size: 10.5pt; }
          nav { display: none; }
          h2 { break-after: avoid; page-break-after: avoid; }
          table { break-inside: auto; }
          tr { break-inside: avoid; }
          .banner { position: static; }
          a { color: \(text); text-decoration: none; }
        }
        """

    /// Print header of the coordinator's page, on every printed A4 sheet.
    static let personalDataPrintCSS = """
        @page { @top-center { content: "PERSONAL DATA: names of mentors and mentees. Do not share."; color: \(warning);
          font: 700 9pt system-ui, Arial, sans-serif; } }
        """
}
