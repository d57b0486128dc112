import Fluent
import Vapor

extension StartPage {
    /// A coordinator's week: her coalitions, where the offering has gaps, drafts of zorgpaden to review.
    static func coordinatorSections(_ user: User, _ req: Request) async throws -> [StartSection] {
        let coalitions = try await ownCoalitions(user, req)
        let access = try await DirectoryAccess.load(for: user, on: req.db)
        let drafts = try await Pathway.drafts(for: access, on: req.db)
        var gaps: [StartLink] = []
        for coalition in coalitions {
            gaps += try await coverageGaps(coalition, named: coalitions.count > 1, req)
        }
        var tools = [StartLink(href: "/zorgpaden/nieuw", label: req.t("pathway.new.title")),
                     StartLink(href: "/aanbod/nieuw", label: req.t("start.tools.newService")),
                     StartLink(href: EscalationPaths.page, label: req.t("escalation.title")),
                     StartLink(href: "/beheer/mensen", label: req.t("admin.tool.people")),
                     try await DirectoryReview.startLink(access, req)]
        tools.removeAll { $0.href == EscalationPaths.page && !user.role.may(.escalationLadder) }
        return [
            StartSection(id: "coalities", title: req.t("start.coalitions"),
                         links: coalitions.map { StartLink(href: "/coalities/\($0.slug)", label: $0.name) },
                         empty: req.t("start.coalitions.none")),
            StartSection(id: "dekking", title: req.t("start.gaps"), links: gaps, empty: req.t("start.gaps.none")),
            StartSection(id: "concepten", title: req.t("start.drafts"),
                         links: drafts.map { StartLink(href: "/zorgpaden/\($0.id!.slug)", label: $0.title, hint: $0.coalition.name) },
                         empty: req.t("start.drafts.none"), more: StartLink(href: "/zorgpaden", label: req.t("start.pathways.all"))),
            StartSection(id: "werk", title: req.t("start.tools"), links: tools),
        ]
    }

    /// The coverage cells of `coalition` that are not covered, by kind, as the coverage page counts them;
    /// `named` adds the coalition's name (a user in more than one coalition).
    static func coverageGaps(_ coalition: Coalition, named: Bool, _ req: Request) async throws -> [StartLink] {
        let local = Set(try await coalition.municipalityCodes(on: req.db))
        guard !local.isEmpty else { return [] }
        let services = req.directory.services.filter { s in s.reachesEveryMunicipality || s.areas.contains { local.contains($0.municipalityCode) } }
        let matrix = Coverage.matrix(services: services, localCodes: local,
                                     pathways: try await Pathway.agreedCoverage(of: [try coalition.requireID()], on: req.db))
        let href = "/dekking?coalitie=\(coalition.slug)"
        return [Coverage.State.noService, .waitingListOnly, .noPathway].map { state in
            StartLink(href: href, label: req.t("start.gaps.\(state.rawValue)"), count: matrix.count(state), hint: named ? coalition.name : nil)
        }
    }
}
