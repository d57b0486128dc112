import Fluent
import Vapor

struct RouteProposalPage: Encodable {
    struct Service: Encodable { var name: String; var organisation: String; var locality: String?; var href: String; var referHref: String?; var wait: String? }
    struct Step: Encodable { var phase: String; var kind: String; var title: String }
    struct Pathway: Encodable { var title: String; var href: String; var steps: [Step] }
    struct Item: Encodable {
        var rank: Int; var theme: String; var first: Bool; var urgent: Bool; var domains: String
        var pathways: [Pathway]; var services: [Service]
    }
    var page: PageMeta
    var client: ClientHeader
    var screeningHref: String
    var level: String
    var levelCode: String
    var phase: String?
    var municipality: String
    var safeguarding: Bool
    var items: [Item]
}

extension ScreeningController {
    /// The route proposal of a screening: needs ranked (safety first), with zorgpaden and services.
    @Sendable func route(req: Request) async throws -> View {
        let scope = try await req.scopedClient()
        let s = try await Self.screening(req, scope)
        guard s.status != .waitingForParent else { throw PageError.notFound }
        let score = ScreeningScore.score(s.answers, with: try s.instrument.definition)
        let phase = scope.client.phase(on: CalendarDay.day(at: scope.now))
        let directory = req.directory
        let municipality = scope.client.municipalityCode
        let proposal = RouteProposal.make(score: score, municipality: municipality, phase: phase?.rawValue, directory: directory,
                                          pathways: try await RouteProposal.pathways(for: municipality, on: req.db))
        try await scope.audit(.read, "route proposal of screening \(s.id!.slug)", on: req.db)
        let english = req.isEnglish
        let municipalityName = directory.municipalities[municipality]?.name ?? municipality
        let items = proposal.items.enumerated().map { i, item in
            RouteProposalPage.Item(
                rank: i + 1, theme: Term.find(.thema, item.need.theme)?.label(english: english) ?? item.need.theme,
                first: i == 0, urgent: item.need.urgent, domains: item.need.domains.joined(separator: ", "),
                pathways: item.pathways.map { p in
                    .init(title: p.title, href: "/zorgpaden/\(p.id.slug)", steps: p.steps.map {
                        .init(phase: Term.find(.fase, $0.phase)?.label(english: english) ?? $0.phase, kind: $0.kind.label(english: english), title: $0.title)
                    })
                },
                services: item.services.map { hit in
                    let summary = ServiceSummaryView(hit.service, locality: hit.locality, municipalityName: municipalityName, english: english)
                    return .init(name: hit.service.name, organisation: hit.service.organisationName, locality: summary.locality,
                                 href: "/aanbod/\(hit.service.id.slug)",
                                 // safeguarding goes through the meldcode, outside the platform: no referral button there
                                 referHref: item.need.urgent ? nil : "\(scope.base)/verwijzen?dienst=\(hit.service.id.slug)",
                                 wait: hit.service.waitWeeks.map { english ? "Waiting time about \($0) weeks" : "Wachttijd ongeveer \($0) weken" })
                })
        }
        let level = s.level ?? score.level
        return try await req.view.render("care/route-proposal", RouteProposalPage(
            page: try await req.pageMeta(title: req.t("route.title") + " " + scope.client.code),
            client: scope.header, screeningHref: "\(scope.base)/signaleren/\(s.id!.slug)",
            level: req.t(level.key), levelCode: level.rawValue, phase: phase?.term.label(english: english),
            municipality: municipalityName, safeguarding: proposal.safeguarding, items: items))
    }
}
