import Foundation

/// Vertical columns over an ordered axis: the score histogram and sessions per week.
struct ColumnChart {
    struct Column {
        /// The axis label; shown for every ``labelEvery``-th column.
        var label: String
        /// `nil` draws no column (a hidden count).
        var value: Double?
        /// Marked columns get a symbol under the axis (``markSymbol``), not only a colour.
        var isMarked = false
    }

    var columns: [Column]
    var labelEvery = 1
    /// Drawn under marked columns, and explained in the caption.
    var markSymbol = "▲"
    var yLabel: String

    static let height = 220
    static let left = 44
    static let bottom = 46

    /// The axis top and gridline step for values up to `maximum`: a step of 1, 2 or 5 times a
    /// power of ten, whole numbers only, at most about five gridlines.
    static func scale(_ maximum: Double) -> (top: Double, step: Double) {
        let rough = max(maximum, 1) / 5
        var power = 1.0
        while power * 10 <= rough { power *= 10 }
        let step = [1.0, 2, 5, 10].map { $0 * power }.first { $0 >= rough } ?? power * 10
        return ((max(maximum, 1) / step).rounded(.up) * step, step)
    }

    func svg(id: String, title: String, summary: String) -> String {
        let step = columns.count > 30 ? 14 : columns.count > 12 ? 24 : 48
        let width = Self.left + max(1, columns.count) * step + 16
        let plotHeight = Self.height - Self.bottom - 24
        let (top, tick) = Self.scale(columns.compactMap(\.value).max() ?? 0)
        var out = ChartFigure.svgOpen(id: id, title: title, summary: summary, width: width, height: Self.height)
        let axisY = 24 + plotHeight
        // Gridlines at whole steps, labelled with their values.
        for line in 1...Int((top / tick).rounded()) {
            let value = tick * Double(line)
            let y = axisY - Int((Double(plotHeight) * value / top).rounded())
            out += "<line x1=\"\(Self.left)\" y1=\"\(y)\" x2=\"\(width - 8)\" y2=\"\(y)\" stroke=\"#c8c8c8\"/>"
            let text = String(Int(value))
            out +=
                "<text x=\"\(Self.left - 6)\" y=\"\(y + 4)\" text-anchor=\"end\" font-size=\"11\" fill=\"\(ReportStyle.muted)\">\(text)</text>"
        }
        for (index, column) in columns.enumerated() {
            let x = Self.left + index * step
            if let value = column.value, value > 0 {
                let height = max(1, Int((value / top * Double(plotHeight)).rounded()))
                out +=
                    "<rect x=\"\(x + 2)\" y=\"\(axisY - height)\" width=\"\(step - 4)\" height=\"\(height)\" fill=\"\(ReportStyle.mark)\"/>"
            }
            if column.isMarked {
                out +=
                    "<text x=\"\(x + step / 2)\" y=\"\(axisY + 14)\" text-anchor=\"middle\" font-size=\"11\" fill=\"\(ReportStyle.accent)\">\(markSymbol)</text>"
            }
            if index % max(1, labelEvery) == 0 {
                out +=
                    "<text x=\"\(x + step / 2)\" y=\"\(axisY + 30)\" text-anchor=\"middle\" font-size=\"11\" fill=\"\(ReportStyle.muted)\">\(column.label.html)</text>"
            }
        }
        out +=
            "<line x1=\"\(Self.left)\" y1=\"\(axisY)\" x2=\"\(width - 8)\" y2=\"\(axisY)\" stroke=\"\(ReportStyle.muted)\"/>"
        out +=
            "<text x=\"4\" y=\"10\" font-size=\"11\" fill=\"\(ReportStyle.muted)\">\(yLabel.html)</text>"
        return out + "</svg>"
    }
}
