import Foundation

/// Leaf context of `monitoring/map-body.leaf` (the content; the layout is filled per request).
struct MapPage: Encodable, Sendable {
    struct LegendRow: Encodable, Sendable { var cssClass: String; var label: String; var areas: Int }
    struct Row: Encodable, Sendable {
        var name: String
        var url: String
        var value: String
        var interval: String
        var comparison: String
        var suppressed: Bool
        /// The signed-in user's own municipality: marked in the table too.
        var own = false
    }
    /// The signed-in user's own municipality and its figure, named above the map.
    struct Own: Encodable, Sendable { var name: String; var url: String; var value: String }

    var page: PageMeta
    var indicators: [SelectOption]
    var years: [SelectOption]
    var levels: [SelectOption]
    var modes: [SelectOption]
    var errors: [String]
    var title: String
    var indicatorName: String
    var indicatorDescription: String
    var periodLabel: String
    var pooled: Bool
    var map: String
    var legend: [LegendRow]
    var rows: [Row]
    var national: String
    var csvURL: String
    var apiURL: String
    var hasData: Bool
    var own: Own?
}
