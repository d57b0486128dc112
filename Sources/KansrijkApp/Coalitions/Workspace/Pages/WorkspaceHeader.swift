import Fluent
import Vapor

/// The sections of a coalition's workspace, in the order of its tabs.
enum WorkspaceSection: String, CaseIterable, Sendable {
    case home, partners, ambitions, meetings, agreements, stories, stages, members

    var path: String {
        switch self {
        case .home: ""
        case .partners: "/partners"
        case .ambitions: "/ambities"
        case .meetings: "/overleggen"
        case .agreements: "/afspraken"
        case .stories: "/verhalen"
        case .stages: "/fasen"
        case .members: "/leden"
        }
    }
}

/// What every workspace page shows above its content: the coalition, its tabs, and whether the
/// user may change things.
struct WorkspaceHeader: Encodable, Sendable {
    struct Tab: Encodable, Sendable { var href: String; var label: String; var current: Bool }

    var name: String
    var base: String
    var canEdit: Bool
    var tabs: [Tab]

    init(_ ws: CoalitionWorkspace, _ section: WorkspaceSection, _ req: Request) {
        name = ws.coalition.name
        base = ws.base
        canEdit = ws.canEdit
        tabs = WorkspaceSection.allCases.map {
            Tab(href: ws.base + $0.path, label: req.t("coalition.tab.\($0.rawValue)"), current: $0 == section)
        }
    }
}

extension Request {
    /// The page title of a workspace page: "Partners · Kansrijke Start Zeist", prefixed when the form has errors.
    func workspaceMeta(_ ws: CoalitionWorkspace, _ title: String, errors: Bool = false) async throws -> PageMeta {
        try await pageMeta(title: (errors ? t("form.errors.prefix") : "") + title + " · " + ws.coalition.name, forms: ws.canEdit)
    }
}

/// Select options for the workspace's own vocabularies, labelled from the strings table.
extension SelectOption {
    static func labelled<T: RawRepresentable & CaseIterable>(_ type: T.Type, prefix: String, selected: String?, _ req: Request) -> [SelectOption]
        where T.RawValue == String {
        T.allCases.map { SelectOption(value: $0.rawValue, label: req.t("\(prefix).\($0.rawValue)"), selected: $0.rawValue == selected) }
    }
}

extension ErrorLink {
    /// The entries of a validation summary, in the order of the form's fields.
    static func list(_ errors: FieldErrors, order: [String]) -> [ErrorLink] {
        order.compactMap { key in errors[key].map { ErrorLink(field: key, message: $0) } }
    }
}

extension CoalitionPartner {
    /// The coalition's partners with their organisation, by name.
    static func all(of ws: CoalitionWorkspace, on db: any Database) async throws -> [CoalitionPartner] {
        try await CoalitionPartner.query(on: db).filter(\.$coalition.$id == ws.id).with(\.$organisation).all()
            .sorted { $0.organisation.name.localizedCompare($1.organisation.name) == .orderedAscending }
    }
}
