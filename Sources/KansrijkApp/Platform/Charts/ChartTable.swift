import Foundation

/// The data behind a chart as a plain table, shown beside every chart so screen readers, print
/// and people who prefer numbers get the same figures. The first cell of each row is its header.
struct ChartTable: Sendable, Equatable, Encodable {
    var caption: String
    var columns: [String]
    var rows: [[String]]

    /// An accessible `<table>` with escaped text, for `#unsafeHTML` in a template.
    func html(className: String = "table chart-table") -> String {
        var out = "<table class=\"\(HTML.escape(className))\"><caption>\(HTML.escape(caption))</caption><thead><tr>"
        for (i, c) in columns.enumerated() {
            out += "<th scope=\"col\"\(i > 0 ? " class=\"num\"" : "")>\(HTML.escape(c))</th>"
        }
        out += "</tr></thead><tbody>"
        for row in rows {
            out += "<tr>"
            for (i, cell) in row.enumerated() {
                out += i == 0 ? "<th scope=\"row\">\(HTML.escape(cell))</th>" : "<td class=\"num\">\(HTML.escape(cell))</td>"
            }
            out += "</tr>"
        }
        return out + "</tbody></table>"
    }
}

/// A chart as a page shows it: the SVG picture and its data table.
struct RenderedChart: Sendable, Equatable, Encodable {
    var svg: String
    var table: ChartTable
    var tableHTML: String

    init(svg: String, table: ChartTable) {
        self.svg = svg
        self.table = table
        tableHTML = table.html()
    }
}
