import Fluent
import Vapor

/// `GET /api/indicators` and `GET /api/indicators/{code}/values?area=GM0355&period=2021[&pool=5]`.
/// Public aggregate figures only, after suppression; errors are Dutch problem JSON (`KansrijkErrorMiddleware`).
struct IndicatorAPIController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let api = routes.grouped("api", "indicators")
        api.get(use: list)
        api.get(":code", "values", use: values)
    }

    @Sendable func list(req: Request) async throws -> [IndicatorDTO] {
        try await Indicator.definitions(on: req.readDB).map(IndicatorDTO.init)
    }

    @Sendable func values(req: Request) async throws -> IndicatorValueDTO {
        let code = req.parameters.get("code") ?? ""
        guard let indicator = try await Indicator.find(code, on: req.readDB)?.definition else {
            throw Abort(.notFound, reason: "Onbekende indicator '\(code)'. Zie /api/indicators voor de lijst.")
        }
        guard let rawArea = req.query[String.self, at: "area"]?.uppercased(), !rawArea.isEmpty else {
            throw Abort(.badRequest, reason: "Geef een gebied op, bijvoorbeeld ?area=GM0355 (gemeente), GG2514 (GGD-regio), PV26 (provincie) of NL01.")
        }
        guard let level = AreaLevel(code: rawArea) else {
            throw Abort(.badRequest, reason: "'\(rawArea)' is geen gebiedscode: gebruik GMxxxx, GGxxxx, PVxx of NL01.")
        }
        guard let rawPeriod = req.query[String.self, at: "period"], let period = Period(rawPeriod) else {
            throw Abort(.badRequest, reason: "Geef een periode op als jaar (period=2021), kwartaal (2024-Q1) of maand (2024-03).")
        }
        guard indicator.periodKind != .year || period.kind == .year else {
            throw Abort(.badRequest, reason: "\(indicator.code) heeft jaarcijfers: vraag een jaar op, bijvoorbeeld period=\(period.year).")
        }
        let pool = req.query[String.self, at: "pool"]
        guard pool == nil || pool == "5" else { throw Abort(.badRequest, reason: "pool kan alleen 5 zijn (vijf jaar samen).") }
        guard pool == nil || period.kind == .year else { throw Abort(.badRequest, reason: "Vijf jaar samennemen kan alleen met een jaar als periode.") }

        let areas = try await AreaDimension.load(on: req.readDB)
        guard let name = areas.name(of: rawArea) else {
            if let current = areas.currentCode(for: rawArea), let merge = areas.merges.first(where: { $0.former == rawArea }) {
                throw Abort(.notFound, reason: "\(rawArea) (\(merge.formerName)) is in \(merge.year) opgegaan in \(current); vraag \(current) op, de cijfers staan op de huidige grenzen.")
            }
            throw Abort(.notFound, reason: "Onbekend gebied \(rawArea).")
        }
        let table: IndicatorTable
        do {
            table = try await MonitoringQuery(db: req.readDB).table(indicator, period: period, pooled: pool != nil, areas: areas)
        } catch IndicatorEngine.Failure.noData {
            throw Abort(.notFound, reason: "Geen gegevens voor \(indicator.code) in \(pool != nil ? Pooling.label(Pooling.span(endingIn: period.year)) : period.description).")
        }
        guard let total = table.total(rawArea) else { throw Abort(.notFound, reason: "Geen cijfer voor \(rawArea).") }
        let head = IndicatorValueDTO.cell(total)
        let cells = (table.figures[rawArea] ?? []).dropFirst().map(IndicatorValueDTO.cell)
        return IndicatorValueDTO(indicator: indicator.code, area: .init(code: rawArea, name: name, level: level.rawValue),
                                 period: period.description, period_label: table.periodLabel, pooled: table.pooled,
                                 unit_label: IndicatorDTO.unitLabel(indicator.factor),
                                 numerator: head.numerator, denominator: head.denominator, value: head.value, interval95: head.interval95,
                                 suppressed: head.suppressed, suppression_reason: head.suppression_reason, comparison_nl: head.comparison_nl,
                                 breakdowns: Array(cells))
    }
}
