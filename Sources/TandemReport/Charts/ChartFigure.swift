/// A chart as the page shows it: the SVG (with its title and description for assistive
/// technology), a caption, and the table of its numbers right after it.
struct ChartFigure {
    /// Unique within the page; the SVG's title and description ids derive from it.
    var id: String
    /// The chart's title, also its SVG `<title>`.
    var title: String
    /// The text alternative: what the chart shows, in words and numbers.
    var summary: String
    var svg: String
    var table: ReportTable

    var html: String {
        """
        <figure class="chart" id="\(id)">
        \(svg)
        <figcaption>\(summary.html)</figcaption>
        \(table.html)
        </figure>
        """
    }

    /// The opening of an SVG chart of `width` × `height` user units, labelled by its title
    /// and description.
    static func svgOpen(id: String, title: String, summary: String, width: Int, height: Int) -> String {
        """
        <svg role="img" aria-labelledby="\(id)-title \(id)-desc" \
        viewBox="0 0 \(width) \(height)" width="\(width)" height="\(height)" focusable="false">\
        <title id="\(id)-title">\(title.html)</title><desc id="\(id)-desc">\(summary.html)</desc>
        """
    }
}
