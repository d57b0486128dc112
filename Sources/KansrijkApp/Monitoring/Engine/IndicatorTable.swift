import Foundation

/// Every figure of one indicator for one period: all municipalities, GGD regions, provinces and
/// the Netherlands, each with its total and breakdown cells, after suppression.
struct IndicatorTable: Sendable {
    var indicator: IndicatorDefinition
    var periodLabel: String
    var pooled: Bool
    /// Keyed by area code; the total first, then breakdown cells that the data carries.
    var figures: [String: [AreaFigure]]

    func total(_ areaCode: String) -> AreaFigure? { figures[areaCode]?.first }

    func breakdown(_ areaCode: String, _ breakdown: Breakdown) -> [AreaFigure] {
        figures[areaCode]?.filter { $0.breakdown == breakdown.rawValue } ?? []
    }
}
