import Fluent
import Vapor

struct CoveragePage: Encodable {
    struct CellView: Encodable {
        var state: String
        var label: String
        var detail: String
        var link: String
    }
    struct Row: Encodable { var theme: String; var themeCode: String; var cells: [CellView] }
    struct Count: Encodable { var state: String; var label: String; var count: Int }

    var page: PageMeta
    var areaName: String
    var phases: [String]
    var rows: [Row]
    var counts: [Count]
    var coalitions: [SelectOption]
    /// Ready HTML: see `SelectOption.municipalityOptionsHTML`.
    var municipalityOptions: String
    var hasArea: Bool
}

/// The coverage matrix (phase x theme) for a coalition or a municipality.
struct CoverageController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("dekking", use: show)
    }

    @Sendable func show(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let snapshot = req.directory
        let coalitions = try await Coalition.allSorted(on: req.db)
        var codes: [String] = []
        var areaName = ""
        var coalitionIDs: [UUID] = []
        var selectedCoalition: String?
        var selectedMunicipality: String?
        if let slug = req.query[String.self, at: "coalitie"], !slug.isEmpty {
            guard let c = coalitions.first(where: { $0.slug == slug }) else { throw PageError.notFound }
            codes = try await c.municipalityCodes(on: req.db); areaName = c.name; coalitionIDs = [c.id!]; selectedCoalition = slug
        } else if let code = req.query[String.self, at: "gemeente"], !code.isEmpty {
            guard let m = snapshot.municipalities[code] else { throw PageError.notFound }
            codes = [code]; areaName = m.name; selectedMunicipality = code
            coalitionIDs = try await CoalitionMunicipality.query(on: req.db).filter(\.$municipalityCode == code).all().map { $0.$coalition.id }
        } else {
            // default: the user's own first coalition
            let access = try await DirectoryAccess.load(for: user, on: req.db)
            if let c = coalitions.first(where: { access.coalitionIDs.contains($0.id!) }) {
                return req.redirect(to: "/dekking?coalitie=\(c.slug)")
            }
        }
        var rows: [CoveragePage.Row] = []
        var counts: [CoveragePage.Count] = []
        let english = req.isEnglish
        if let firstCode = codes.first {
            let local = Set(codes)
            let services = snapshot.services.filter { s in s.reachesEveryMunicipality || s.areas.contains { local.contains($0.municipalityCode) } }
            let agreed = try await Pathway.agreedCoverage(of: coalitionIDs, on: req.db)
            let matrix = Coverage.matrix(services: services, localCodes: local, pathways: agreed)
            rows = matrix.themes.map { theme in
                CoveragePage.Row(
                    theme: Term.find(.thema, theme)?.label(english: english) ?? theme, themeCode: theme,
                    cells: matrix.phases.map { phase in
                        let cell = matrix.cell(phase, theme)
                        var detail = cell.serviceCount == 0 ? "" : String(format: req.t("coverage.count"), cell.serviceCount, cell.availableCount)
                        if cell.nationwideOnly { detail += " " + req.t("coverage.notlocal") }
                        return CoveragePage.CellView(state: cell.state.rawValue, label: req.t("coverage.state.\(cell.state.rawValue)"),
                                                     detail: detail, link: "/aanbod?gemeente=\(firstCode)&fase=\(phase)&thema=\(theme)")
                    })
            }
            counts = Coverage.State.allCases.map { .init(state: $0.rawValue, label: req.t("coverage.state.\($0.rawValue)"), count: matrix.count($0)) }
        }
        let page = CoveragePage(
            page: try await req.pageMeta(title: areaName.isEmpty ? req.t("coverage.title") : req.t("coverage.title") + ": " + areaName),
            areaName: areaName,
            phases: Term.phases.map { $0.label(english: english) },
            rows: rows, counts: counts,
            coalitions: coalitions.map { SelectOption(value: $0.slug, label: $0.name, selected: $0.slug == selectedCoalition) },
            municipalityOptions: SelectOption.municipalityOptionsHTML(snapshot, selected: selectedMunicipality),
            hasArea: !codes.isEmpty)
        return try await req.view.render("directory/coverage", page).encodeResponse(for: req)
    }
}
