import Fluent
import Vapor

struct ClientHandoverPage: Encodable {
    struct Target: Encodable { var value: String; var service: String; var organisation: String; var kind: String?; var selected: Bool }
    var page: PageMeta
    var base: String
    var code: String
    var lead: String
    var targets: [Target]
    var form: ClientHandoverForm
    var givers: [SelectOption]
    var hows: [SelectOption]
    var errors: FieldErrors
    var errorList: [ErrorLink]
}

/// The warm handover (issue #15): an involved professional hands the family over to the JGZ or
/// CJG of the client's municipality, with a summary and the parent's consent to share it.
struct ClientHandoverController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("zorg", "clienten", ":client", "overdracht", use: new)
        routes.post("zorg", "clienten", ":client", "overdracht", use: create)
    }

    @Sendable func new(req: Request) async throws -> View {
        let (_, access) = try await req.careAccess()
        let now = Date()
        let (client, basis) = try await req.careClient(access, now: now)
        try await req.audit(.read, client: client.id, basis: basis, what: "handover form", now: now)
        let targets = try await targets(req, client: client, now: now)
        let chosen = req.query[String.self, at: "dienst"] ?? targets.first?.service.id.slug
        return try await render(req, client: client, targets: targets,
                                form: ClientHandoverForm(service: chosen, givenBy: ConsentGiver.client.rawValue), errors: [:])
    }

    @Sendable func create(req: Request) async throws -> Response {
        let (user, access) = try await req.careAccess()
        let now = Date()
        let (client, basis) = try await req.careClient(access, now: now)
        let form = try req.content.decode(ClientHandoverForm.self)
        let targets = try await targets(req, client: client, now: now)
        switch form.validate(targets: targets, english: req.isEnglish) {
        case .failure(let errors):
            try await req.audit(.read, client: client.id, basis: basis, what: "handover form (not valid)", now: now)
            return try await render(req, client: client, targets: targets, form: form, errors: errors).encodeResponse(status: .unprocessableEntity, for: req)
        case .success(let v):
            do {
                let referral = try await ClientHandover.send(summary: v.summary, agreed: v.agreed, givenBy: v.givenBy, recordedHow: v.recordedHow,
                                                             to: v.target, client: client, basis: basis, by: user, on: req.db,
                                                             notifier: Notifier(app: req.application), now: now)
                req.flash(req.t("handover.sent"))
                return req.redirect(to: "/zorg/verwijzingen/\(try referral.requireID().slug)")
            } catch ReferralDesk.Refusal.alreadyOpen(let existing) {
                try await req.audit(.read, client: client.id, basis: basis, what: "handover: referral \(existing.slug) already open", now: now)
                req.flash(req.t("referral.alreadyopen"))
                return req.redirect(to: "/zorg/verwijzingen/\(existing.slug)")
            }
        }
    }

    private func targets(_ req: Request, client: CareClient, now: Date) async throws -> [ClientHandover.Target] {
        try await ClientHandover.targets(municipality: client.municipalityCode, phase: client.phase(on: CalendarDay.day(at: now)),
                                         snapshot: req.directory, on: req.db)
    }

    private func render(_ req: Request, client: CareClient, targets: [ClientHandover.Target], form: ClientHandoverForm,
                        errors: FieldErrors) async throws -> View {
        try await req.view.render("care/client-handover", ClientHandoverPage(
            page: try await req.pageMeta(title: "\(req.t("handover.new.title")) \(client.code)", forms: true),
            base: "/zorg/clienten/\(try client.requireID().slug)", code: client.code,
            lead: req.t("handover.new.lead").replacingOccurrences(
                of: "{municipality}", with: req.directory.municipalities[client.municipalityCode]?.name ?? client.municipalityCode),
            targets: targets.map {
                .init(value: $0.service.id.slug, service: $0.service.name, organisation: $0.service.organisationName,
                      kind: $0.kindNote, selected: $0.service.id.slug == form.service)
            },
            form: form,
            givers: ConsentGiver.allCases.map { SelectOption(value: $0.rawValue, label: req.t("consent.giver.\($0.rawValue)"), selected: $0.rawValue == form.givenBy) },
            hows: ConsentRecording.allCases.map { SelectOption(value: $0.rawValue, label: req.t("consent.how.\($0.rawValue)"), selected: $0.rawValue == form.recordedHow) },
            errors: errors, errorList: ErrorLink.list(errors, order: ["service", "summary", "agreed", "consent", "given_by", "recorded_how"])))
    }
}
