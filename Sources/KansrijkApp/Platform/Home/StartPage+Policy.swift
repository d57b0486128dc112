import Fluent
import Vapor

extension StartPage {
    /// A policy advisor's view: her own municipality's dashboard and her coalitions' figures.
    static func policySections(_ user: User, _ req: Request) async throws -> [StartSection] {
        var figures: [StartLink] = []
        if let own = try await ownMunicipality(user, req) {
            let services = req.directory.services.filter { s in s.status == .active && s.areas.contains { $0.municipalityCode == own.code } }
            figures.append(StartLink(href: "/monitor/gemeente/\(own.code)", label: req.t("start.policy.dashboard") + " " + own.name))
            figures.append(StartLink(href: "/aanbod?gemeente=\(own.code)", label: req.t("start.policy.services") + " " + own.name,
                                     count: services.count))
        }
        let coalitions = try await ownCoalitions(user, req)
        var gaps: [StartLink] = []
        for coalition in coalitions {
            figures.append(StartLink(href: "/monitor/coalitie/\(coalition.slug)", label: req.t("start.policy.coalition") + " " + coalition.name))
            gaps += try await coverageGaps(coalition, named: coalitions.count > 1, req)
        }
        var more = [StartLink(href: "/monitor/rapportage", label: req.t("report.title")),
                    StartLink(href: "/monitor/kaart", label: req.t("monitor.map.link")),
                    StartLink(href: EscalationPaths.page, label: req.t("escalation.title")),
                    StartLink(href: "/monitor/import", label: req.t("mimport.title"))]
        more.removeAll { ($0.href == "/monitor/import" && !user.role.may(.importFigures))
            || ($0.href == EscalationPaths.page && !user.role.may(.escalationLadder)) }
        more += coalitions.map { StartLink(href: "/coalities/\($0.slug)", label: $0.name) }
        return [
            StartSection(id: "cijfers", title: req.t("start.policy.figures"), links: figures, empty: req.t("start.policy.none")),
            StartSection(id: "dekking", title: req.t("start.gaps"), links: gaps, empty: req.t("start.gaps.none")),
            StartSection(id: "werk", title: req.t("start.tools"), links: more),
        ]
    }
}
