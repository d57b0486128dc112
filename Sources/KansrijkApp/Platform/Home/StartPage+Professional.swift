import Fluent
import Vapor

extension StartPage {
    /// A professional's day: her worklist with counts, "Nieuw voor u", her coalitions' zorgpaden.
    static func professionalSections(_ user: User, _ req: Request) async throws -> [StartSection] {
        let (_, access) = try await req.careAccess()
        let now = Date()
        let visible = access.visibleFilter("client_id", of: Referral.schema, now: now)
        let incoming = try await Referral.query(on: req.db).filter(\.$receivingOrganisation.$id == access.organisationID)
            .filter(\.$status == .requested).filter(visible).count()
        let outgoing = try await Referral.query(on: req.db).filter(\.$referringOrganisation.$id == access.organisationID)
            .filter(\.$status ~~ [.requested, .accepted, .onHold, .inProgress]).filter(visible).count()
        let clients = try await CareClient.query(on: req.db).filter(access.visibleFilter("id", of: CareClient.schema, now: now))
            .filter(\.$closedAt == nil).count()
        var work = [
            StartLink(href: "/zorg/verwijzingen?lijst=inkomend", label: req.t("start.work.incoming"), count: incoming),
            StartLink(href: "/zorg/verwijzingen?lijst=uitgaand", label: req.t("start.work.outgoing"), count: outgoing),
            StartLink(href: "/zorg", label: req.t("start.work.clients"), count: clients),
            StartLink(href: "/zorg/clienten/nieuw", label: req.t("start.work.newClient")),
            StartLink(href: "/zorg/mdo", label: req.t("mdo.title")),
        ]
        work.removeAll { $0.href == "/zorg/clienten/nieuw" && !user.role.may(.keepClientRecords) }
        if let organisation = try await Organisation.find(access.organisationID, on: req.db),
           VolunteerMatching.isVolunteerOrganisation(organisation.kind) {
            let open = try await VolunteerRequest.query(on: req.db).filter(\.$volunteerOrganisation.$id == access.organisationID)
                .filter(\.$status == .open).count()
            work.insert(StartLink(href: "/zorg/vrijwilligers", label: req.t("start.work.volunteers"), count: open), at: 2)
        }
        let notes = try await CareHomeController.breakGlassNotes(for: user, req: req)
            + CareHomeController.referralNotes(for: user, access: access, req: req, now: now)
        return [
            StartSection(id: "werk", title: req.t("start.work"), links: work),
            StartSection(id: "nieuw", title: req.t("start.new"),
                         links: notes.prefix(5).map { StartLink(href: $0.href, label: $0.text, hint: $0.when) },
                         empty: req.t("start.new.none"),
                         more: StartLink(href: "/zorg", label: req.t("start.new.all"), count: notes.count)),
            try await pathwaySection(user, req),
        ]
    }

    /// The published zorgpaden of her coalitions.
    static func pathwaySection(_ user: User, _ req: Request) async throws -> StartSection {
        let coalitions = try await ownCoalitions(user, req).compactMap(\.id)
        let pathways = coalitions.isEmpty ? [] : try await Pathway.query(on: req.db).filter(\.$coalition.$id ~~ coalitions)
            .filter(\.$isPublished == true).sort(\.$title).all()
        return StartSection(id: "zorgpaden", title: req.t("start.pathways"),
                            links: pathways.prefix(8).map { StartLink(href: "/zorgpaden/\($0.id!.slug)", label: $0.title) },
                            empty: req.t("start.pathways.none"), more: StartLink(href: "/zorgpaden", label: req.t("start.pathways.all")))
    }
}
