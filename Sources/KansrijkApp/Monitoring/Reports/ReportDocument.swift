import Foundation

/// A generated progress report, ready for the HTML page and the Markdown file alike. Holds only
/// published figures: a suppressed figure arrives here as its reason, never as a number.
struct ReportDocument: Sendable, Encodable {
    struct Section: Sendable, Encodable {
        var key: String
        var number: Int
        var heading: String
        /// The policy advisor's text, as paragraphs.
        var advisor: [String]
    }
    struct Partner: Sendable, Encodable { var name: String; var domain: String }
    struct Circle: Sendable, Encodable { var name: String; var partners: [Partner] }
    struct Activity: Sendable, Encodable { var title: String; var status: String }
    struct Ambition: Sendable, Encodable {
        var title: String; var phase: String; var description: String; var progress: String; var activities: [Activity]
    }
    struct MemberFigure: Sendable, Encodable { var name: String; var value: String; var interval: String }
    struct IndicatorFigure: Sendable, Encodable {
        var code: String
        var name: String
        var description: String
        var year: String
        var value: String
        var interval: String
        var national: String
        var comparison: String
        var suppressed: Bool
        var members: [MemberFigure]
        var chart: RenderedChart?
    }
    struct Figure: Sendable, Encodable { var label: String; var value: String; var source: String }
    struct Story: Sendable, Encodable { var title: String; var paragraphs: [String]; var teller: String; var told: String }

    var title: String
    var scopeName: String
    var period: String
    var generatedOn: String
    var sections: [Section]
    var summary: [String]
    var stage: String?
    var municipalities: [String]
    var circles: [Circle]
    var ambitions: [Ambition]
    var indicators: [IndicatorFigure]
    /// Indicators without data for the period, by name.
    var withoutData: [String]
    var process: [Figure]
    var stories: [Story]

    func section(_ s: ReportSection) -> Section { sections.first { $0.key == s.rawValue }! }
}
