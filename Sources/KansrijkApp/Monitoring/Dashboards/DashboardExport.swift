import Vapor

/// The dashboard's figures as a download in Dutch Excel format (`;`, decimal comma, UTF-8 BOM,
/// CRLF) through `CSVFile.write(..., for: .spreadsheet)`: one row per indicator, period and area, with hidden figures
/// written as the page writes them and no number of theirs.
enum DashboardExport {
    static func rows(_ figures: [IndicatorFigures], subject: DashboardSubject, peerLabel: String, language: UILanguage) -> (header: [String], rows: [[String]]) {
        let t = { Strings.text($0, language) }
        let header = ["indicator", "code", t("monitor.csv.period"), t("monitor.csv.pooled"), t("monitor.csv.area"), t("monitor.csv.numerator"),
                      t("monitor.csv.denominator"), t("monitor.csv.value"), t("monitor.csv.low"), t("monitor.csv.high"),
                      t("monitor.csv.suppressed"), t("monitor.csv.comparison")]
        var rows: [[String]] = []
        for f in figures {
            let text = FigureText(language: language, indicator: f.indicator)
            // the trend, and the five-year headline when it is not one of the trend's periods
            let slices = f.trend.map { ($0, f.trendPooled) } + (f.headlinePooled && !f.trendPooled ? [(f.headline, true)] : [])
            for (slice, pooled) in slices {
                for (area, figure) in [(subject.name, slice.local), (t("monitor.nl"), slice.national), (peerLabel, slice.peer)] {
                    let shown = figure?.suppression == nil ? figure : nil
                    rows.append([f.indicator.name, f.indicator.code, slice.label, pooled ? t("monitor.yes") : t("monitor.no"), area,
                                 shown?.numerator.map(String.init) ?? "", shown?.denominator.map(String.init) ?? "",
                                 shown?.value.map(text.format.number) ?? "",
                                 shown?.interval.map { text.format.number($0.low) } ?? "", shown?.interval.map { text.format.number($0.high) } ?? "",
                                 text.suppressed(figure) ?? "", text.comparison(figure) ?? ""])
                }
            }
        }
        return (header, rows)
    }

    static func response(_ figures: [IndicatorFigures], subject: DashboardSubject, peerLabel: String, _ req: Request) -> Response {
        let (header, rows) = rows(figures, subject: subject, peerLabel: peerLabel, language: req.language)
        return csvResponse(CSVFile.write(header: header, rows: rows, separator: .semicolon, for: .spreadsheet), filename: "monitor-\(subject.code.lowercased()).csv")
    }

    static func csvResponse(_ body: String, filename: String) -> Response {
        let response = Response(status: .ok, body: .init(string: body))
        response.headers.contentType = HTTPMediaType(type: "text", subType: "csv", parameters: ["charset": "utf-8"])
        response.headers.replaceOrAdd(name: .contentDisposition, value: "attachment; filename=\"\(filename)\"")
        return response
    }
}
