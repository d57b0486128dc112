import Fluent
import Vapor

/// Figures per province and GGD region, impulse funding, and the page of one municipality.
extension NationalController {
    // MARK: figures per area

    @Sendable func figures(req: Request) async throws -> View {
        let data = try await NationalData.load(on: req.readDB)
        let entries = data.entries
        func row(_ f: NationalFigures.AreaFigures) -> NationalFiguresPage.Row {
            .init(name: f.name, municipalities: f.municipalities, cells: NationalFigures.Indicator.allCases.map {
                let r = f.ratio($0)
                return .init(numerator: r.numerator, denominator: r.denominator, percent: r.percentText)
            })
        }
        return try await req.view.render("national/figures", NationalFiguresPage(
            page: try await req.pageMeta(title: req.t("national.figures.title")),
            isDemo: data.hasDemo,
            indicators: NationalFigures.Indicator.allCases.map { req.t("national.figure.\($0.rawValue)") },
            national: row(NationalFigures.national(entries)),
            provinces: NationalFigures.byProvince(entries, provinces: data.provinces).map(row),
            regions: NationalFigures.byGGDRegion(entries, regions: data.regions).map(row)))
    }

    // MARK: funding

    @Sendable func funding(req: Request) async throws -> View {
        let data = try await NationalData.load(on: req.readDB)
        let coverage = try await CoalitionCoverage.load(on: req.readDB)
        let rates = ImpulseFunding.Rates.assumed2020
        let amounts = ImpulseFunding.amounts(data.rows.compactMap(\.fundingInput), rates: rates)
        let totals = ImpulseFunding.totals(amounts)
        let labels = NationalLabels(language: req.language)
        let names = Dictionary(uniqueKeysWithValues: data.rows.map { ($0.code, $0.name) })
        func trancheRow(_ label: String, _ t: ImpulseFunding.Total) -> NationalFundingPage.TrancheRow {
            .init(label: label, municipalities: t.municipalities, inhabitants: ImpulseFunding.grouped(t.inhabitants),
                  base: ImpulseFunding.euros(t.baseCents), topUp: ImpulseFunding.euros(t.topUpCents), total: ImpulseFunding.euros(t.totalCents))
        }
        let perCoalition = ImpulseFunding.perCoalition(amounts, coalitions: coverage.members) { code in
            (names[code] ?? code) + " " + req.t("funding.own")
        }
        return try await req.view.render("national/funding", NationalFundingPage(
            page: try await req.pageMeta(title: req.t("funding.title")),
            isDemo: data.hasDemo,
            rates: [Tranche.one, .two, .three].map { .init(label: labels.tranche($0), rate: ImpulseFunding.rate(rates.cents(for: $0))) },
            gidsMinimum: ImpulseFunding.rate(rates.gidsMinimumCentsPerInhabitant),
            tranches: [Tranche.one, .two, .three].map { trancheRow(labels.tranche($0), totals.perTranche[$0]!) },
            national: trancheRow(req.t("funding.national"), totals.national),
            coalitions: perCoalition.map { c in
                .init(name: c.name, municipalities: c.codes.compactMap { names[$0] }.joined(separator: ", "),
                      inhabitants: ImpulseFunding.grouped(c.total.inhabitants), base: ImpulseFunding.euros(c.total.baseCents),
                      topUp: ImpulseFunding.euros(c.total.topUpCents), total: ImpulseFunding.euros(c.total.totalCents))
            }))
    }

    // MARK: one municipality

    @Sendable func municipality(req: Request) async throws -> View {
        guard let code = req.parameters.get("code"), let m = try await Municipality.find(code, on: req.readDB) else { throw PageError.notFound }
        let data = try await NationalData.load(on: req.readDB)
        guard let row = data.row(code) else { throw PageError.notFound }
        let labels = NationalLabels(language: req.language)
        typealias Fact = NationalMunicipalityPage.Fact
        var facts = [Fact(label: req.t("national.col.province"), value: row.provinceName),
                     Fact(label: req.t("national.col.region"), value: row.ggdName)]
        var funding: [Fact] = []
        if let f = row.facts {
            facts += [Fact(label: req.t("national.col.inhabitants"), value: labels.inhabitants(row)),
                      Fact(label: "GIDS", value: labels.yesNo(f.isGIDS)),
                      Fact(label: req.t("national.col.plan"), value: labels.yesNo(f.hasJointPlan)),
                      Fact(label: req.t("national.col.prenatal"), value: labels.yesNo(f.hasPrenatalVisit)),
                      Fact(label: req.t("national.col.nnz"), value: labels.yesNo(f.hasNNZ))]
            if let input = row.fundingInput, let a = ImpulseFunding.amounts([input], rates: .assumed2020).first, f.tranche.isParticipating {
                funding = [Fact(label: req.t("funding.base"), value: ImpulseFunding.euros(a.baseCents)),
                           Fact(label: req.t("funding.topup"), value: ImpulseFunding.euros(a.topUpCents)),
                           Fact(label: req.t("funding.total"), value: ImpulseFunding.euros(a.totalCents))]
            }
        }
        facts.append(Fact(label: req.t("national.col.stage"), value: labels.stage(row.stage)))
        if let note = row.sourceNote { facts.append(Fact(label: req.t("national.source"), value: row.isDemo ? req.t("national.demo.source") : note)) }
        if let updated = row.updatedAt { facts.append(Fact(label: req.t("national.updated"), value: req.date(updated))) }
        let examples = try await PracticeExample.query(on: req.readDB).all().filter { $0.municipalityCodes.contains(code) }
            .sorted { $0.title < $1.title }
            .map { NationalMunicipalityPage.Example(title: $0.title, url: NationalURL.example($0.slug)) }
        var editURL: String?
        if let user = req.auth.get(User.self), try await NationalAccess.load(for: user, on: req.readDB).canEdit(code) != .nothing {
            editURL = NationalURL.edit(code)
        }
        return try await req.view.render("national/municipality", NationalMunicipalityPage(
            page: try await req.pageMeta(title: m.name + " – " + req.t("national.title")),
            code: code, name: m.name, status: labels.tranche(row.tranche) + (row.facts?.isGIDS == true ? " (GIDS)" : ""),
            statusClass: NationalLabels.statusClass(row.tranche), facts: facts, funding: funding, hasRecord: row.facts != nil,
            isDemo: row.isDemo, coalitions: row.coalitions, examples: examples, editURL: editURL))
    }
}
