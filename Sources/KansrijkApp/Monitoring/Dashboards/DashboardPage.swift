import Foundation

/// Leaf context of `monitoring/dashboard-body.leaf` (the content; the layout is filled per request).
struct DashboardPage: Encodable, Sendable {
    struct Link: Encodable, Sendable { var label: String; var url: String }

    struct Card: Encodable, Sendable {
        var id: String
        var name: String
        var description: String
        /// `lang` of the name and description: English where the indicator has English texts, else Dutch.
        var nameLang: String
        var descriptionLang: String
        var source: String
        var direction: String
        var periodLabel: String
        var pooledNote: String?
        var headline: String
        var suppressed: Bool
        var interval: String?
        var counts: String?
        var comparison: String?
        var comparisonClass: String
        var national: String
        var peerLabel: String
        var peer: String
        var peerNote: String?
        var chart: RenderedChart
        /// One bar chart per breakdown of the headline period.
        var breakdowns: [RenderedChart]
        var apiURL: String?
        var mapURL: String
    }

    struct Story: Encodable, Sendable {
        var title: String
        var excerpt: String
        var teller: String
        var told: String
        var coalition: String
    }

    struct ProcessChart: Encodable, Sendable {
        var id: String
        var title: String
        var description: String
        var chart: RenderedChart
    }

    /// "Wat we zelf doen": the partners' own work per quarter.
    struct Process: Encodable, Sendable {
        var charts: [ProcessChart]
        var csvURL: String
        /// The reader belongs to the coalition and sees every count.
        var reader: Bool
    }

    struct Phase: Encodable, Sendable {
        var id: String
        var heading: String
        var lead: String
        var cards: [Card]
        /// Indicators of this phase without figures yet.
        var missing: [String]
        /// The phase's stories as `monitoring/dashboard-parts.leaf` writes them (they depend on the reader).
        var storiesHTML: String
    }

    /// Leaf context of `monitoring/dashboard-parts.leaf`: what depends on who reads the page (the
    /// stories she may see, the process counts unsuppressed or not), rendered apart from the
    /// figures so the rest of the page can be shared (ADR 0048).
    struct Parts: Encodable, Sendable {
        struct PhaseStories: Encodable, Sendable { var id: String; var stories: [Story] }
        /// Every `DashboardPhase`, in `allCases` order.
        var phases: [PhaseStories]
        var storiesForReaders: Bool
        var process: Process?
    }

    var kindLabel: String
    var name: String
    var code: String
    var members: [Link]
    var coalitions: [Link]
    var peerOptions: [SelectOption]
    var modeOptions: [SelectOption]
    /// The 342 `<option>`s of the own-choice select, written in Swift: a Leaf loop over them costs more than the rest of the page.
    var chosenOptionsHTML: String
    var errors: [String]
    var phases: [Phase]
    var hasFigures: Bool
    var csvURL: String
    var action: String
    var isCoalition: Bool
    /// The process section's entry in the phase list, and the section (`Parts`).
    var processNavHTML: String
    var processHTML: String
}

/// Leaf context of `monitoring/dashboard-landing.leaf`.
struct DashboardLandingPage: Encodable, Sendable {
    var page: PageMeta
    var municipalities: [SelectOption]
    var regions: [SelectOption]
    var coalitions: [SelectOption]
    var errors: [String]
    var mapURL: String
    var latestYear: String?
    /// The signed-in user's own municipality (value: its dashboard's URL), shown first and preselected.
    var own: SelectOption?
}
