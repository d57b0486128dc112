import Foundation

/// Leaf contexts of the national overview, one per template.
struct NationalOverviewPage: Encodable {
    struct Figure: Encodable { var key: String; var label: String; var numerator: Int; var denominator: Int; var percent: String; var note: String }
    struct LegendItem: Encodable { var cssClass: String; var label: String; var municipalities: Int; var inhabitants: String }
    struct Column: Encodable { var label: String; var url: String; var ariaSort: String?; var arrow: String; var numeric: Bool }
    struct Row: Encodable {
        var name: String; var url: String; var province: String
        var inhabitants: String; var status: String; var statusClass: String
        var plan: String; var prenatal: String; var nnz: String; var stage: String; var isDemo: Bool
    }
    struct Filters: Encodable {
        var q: String
        var tranche: [SelectOption]; var provinces: [SelectOption]; var regions: [SelectOption]
        var plan: [SelectOption]; var prenatal: [SelectOption]; var nnz: [SelectOption]
        var sort: String; var direction: String
    }

    var isDemo: Bool
    var figures: [Figure]
    var map: String
    var legend: [LegendItem]
    var filters: Filters
    var errors: [String]
    var columns: [Column]
    var rows: [Row]
    var shown: Int
    var all: Int
    var isFiltered: Bool
    var csvURL: String
    var canImport: Bool
}

struct NationalFiguresPage: Encodable {
    struct Row: Encodable { var name: String; var municipalities: Int; var cells: [Cell] }
    struct Cell: Encodable { var numerator: Int; var denominator: Int; var percent: String }
    var page: PageMeta
    var isDemo: Bool
    var indicators: [String]
    var national: Row
    var provinces: [Row]
    var regions: [Row]
}

struct NationalFundingPage: Encodable {
    struct Rate: Encodable { var label: String; var rate: String }
    struct TrancheRow: Encodable { var label: String; var municipalities: Int; var inhabitants: String; var base: String; var topUp: String; var total: String }
    struct CoalitionRow: Encodable { var name: String; var municipalities: String; var inhabitants: String; var base: String; var topUp: String; var total: String }
    var page: PageMeta
    var isDemo: Bool
    var rates: [Rate]
    var gidsMinimum: String
    var tranches: [TrancheRow]
    var national: TrancheRow
    var coalitions: [CoalitionRow]
}

struct NationalMunicipalityPage: Encodable {
    struct Fact: Encodable { var label: String; var value: String }
    struct Example: Encodable { var title: String; var url: String }
    var page: PageMeta
    var code: String
    var name: String
    var status: String
    var statusClass: String
    var facts: [Fact]
    var funding: [Fact]
    var hasRecord: Bool
    var isDemo: Bool
    var coalitions: [String]
    var examples: [Example]
    var editURL: String?
}

struct NationalEditPage: Encodable {
    /// A covering coalition's stage page in its workspace, where the stage is recorded.
    struct StageLink: Encodable { var name: String; var url: String; var stage: String }
    var page: PageMeta
    var code: String
    var name: String
    var action: String
    var cancelURL: String
    /// Admins edit everything; a coordinator only the plan, prenatal visit and NNZ.
    var full: Bool
    var tranches: [SelectOption]
    var gids: Bool
    var plan: Bool
    var prenatal: Bool
    var nnz: Bool
    var inhabitants: String
    var source: String
    var isDemo: Bool
    var stageLinks: [StageLink]
    var errors: FieldErrors
    var errorList: [ErrorLink]
}

struct NationalImportPage: Encodable {
    var page: PageMeta
    var columns: String
    var example: String
    var source: String
    var replace: Bool
    var problems: [String]
    var fileName: String?
}

struct LibraryPage: Encodable {
    struct Item: Encodable {
        var title: String; var url: String; var summary: String; var places: String; var source: String
        var phases: [String]; var themes: [String]; var interventions: [String]
    }
    var page: PageMeta
    var q: String
    var themes: [SelectOption]
    var phases: [SelectOption]
    var interventions: [SelectOption]
    var municipalities: [SelectOption]
    var errors: [String]
    var searched: Bool
    var items: [Item]
    var total: Int
}

struct LibraryExamplePage: Encodable {
    struct Place: Encodable { var name: String; var url: String }
    struct Tag: Encodable { var label: String; var url: String }
    var page: PageMeta
    var title: String
    var summary: String
    var places: [Place]
    var sourceTitle: String
    var sourcePublisher: String
    var sourceDate: String
    var phases: [Tag]
    var themes: [Tag]
    var interventions: [Tag]
}
