import Foundation

/// Horizontal bars, one per labelled value: trade-offs, reasons, groups.
struct BarChart {
    struct Bar {
        var label: String
        /// The bar's length; `nil` draws no bar (a hidden count).
        var value: Double?
        /// Shown at the bar's end.
        var valueText: String
        /// Drawn in the accent colour with a hatch, and named in the label as well.
        var isMarked = false
    }

    var bars: [Bar]
    /// The axis maximum; at least the largest value.
    var maximum: Double?

    static let labelWidth = 230
    static let barArea = 330
    static let rowHeight = 26

    /// The SVG of the chart.
    func svg(id: String, title: String, summary: String) -> String {
        let width = Self.labelWidth + Self.barArea + 90
        let height = max(1, bars.count) * Self.rowHeight + 10
        let top = max(maximum ?? 0, bars.compactMap(\.value).max() ?? 0, 1e-9)
        var out = ChartFigure.svgOpen(id: id, title: title, summary: summary, width: width, height: height)
        out += hatchPattern(id: id)
        for (index, bar) in bars.enumerated() {
            let y = 5 + index * Self.rowHeight
            let label = bar.label.count > 34 ? String(bar.label.prefix(33)) + "…" : bar.label
            out +=
                "<text x=\"\(Self.labelWidth - 8)\" y=\"\(y + 17)\" text-anchor=\"end\" font-size=\"13\" fill=\"\(ReportStyle.text)\">\(label.html)</text>"
            var end = Self.labelWidth
            if let value = bar.value {
                let length = max(value > 0 ? 2 : 0, Int((value / top * Double(Self.barArea)).rounded()))
                let fill = bar.isMarked ? "url(#\(id)-hatch)" : ReportStyle.mark
                out +=
                    "<rect x=\"\(Self.labelWidth)\" y=\"\(y + 4)\" width=\"\(length)\" height=\"\(Self.rowHeight - 8)\" fill=\"\(fill)\" stroke=\"\(bar.isMarked ? ReportStyle.accent : ReportStyle.mark)\"/>"
                end += length
            }
            out +=
                "<text x=\"\(end + 6)\" y=\"\(y + 17)\" font-size=\"13\" fill=\"\(ReportStyle.text)\">\(bar.valueText.html)</text>"
        }
        out +=
            "<line x1=\"\(Self.labelWidth)\" y1=\"2\" x2=\"\(Self.labelWidth)\" y2=\"\(height - 3)\" stroke=\"\(ReportStyle.muted)\"/>"
        return out + "</svg>"
    }

    /// Diagonal stripes in the accent colour: marked bars differ by pattern, not colour alone.
    func hatchPattern(id: String) -> String {
        """
        <defs><pattern id="\(id)-hatch" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">\
        <rect width="6" height="6" fill="\(ReportStyle.background)"/><rect width="3" height="6" fill="\(ReportStyle.accent)"/>\
        </pattern></defs>
        """
    }
}
