import Fluent
import Vapor

/// The client page: details, phase, consents, involved organisations, referrals (`ClientPageHTML`).
struct ClientPage {
    struct ConsentRow {
        var givenBy: String; var purposes: String; var organisations: String; var period: String
        var recordedHow: String; var status: String; var withdrawAction: String?
    }
    struct InvolvementRow { var organisation: String; var reason: String; var since: String }
    var page: PageMeta
    var base: String
    var code: String
    var name: String
    var birthDate: String
    var municipality: String
    var expectedBirthDate: String?
    var actualBirthDate: String?
    var language: String
    var phase: String?
    /// The child's pseudonym once the birth is recorded (issue #15).
    var childCode: String?
    var closed: Bool
    /// Why the care was closed, in words, while it is.
    var closedReason: String?
    var breakGlass: Bool
    /// The reader's organisation made the record: the other involved organisations end their own involvement.
    var ownsRecord: Bool
    /// The reader's organisation may close the record (`ClientRecordChanges.mayClose`); any involved one reopens it.
    var mayClose: Bool
    /// A warm handover the page proposes: after the birth, or after a move (issue #15).
    var handover: HandoverProposal?
    var consents: [ConsentRow]
    var involvements: [InvolvementRow]
    var referrals: [ReferralSummary]
    /// The directory has an active service in her municipality to refer to.
    var canRefer: Bool
    /// The prenatal home visit and extra care (issue 15).
    var careExtras: ClientCareExtras
}

/// The organisations the client page proposes to hand the family over to, with why (issue #15).
struct HandoverProposal {
    struct Organisation { var name: String; var kind: String?; var href: String }
    var lead: String
    var organisations: [Organisation]
}

/// One referral of a client, as lists show it.
struct ReferralSummary {
    var href: String; var service: String; var organisation: String; var status: String; var requested: String
    var isHandover: Bool
    /// `ReferralStatus` raw value, for the badge's colour (`status-<raw>`, issue #15).
    var statusKey = ""

    init(_ r: ClientPageRows.ReferralRow, _ req: Request) {
        href = "/zorg/verwijzingen/\(r.id.slug)"
        service = r.serviceName
        organisation = r.organisation
        status = req.t("referral.status.\(r.status.rawValue)")
        statusKey = r.status.rawValue
        requested = req.date(r.requestedAt)
        isHandover = r.kind == .handover
    }
}

struct ClientPageBuilder {
    let req: Request
    let user: User
    let client: CareClient
    let basis: AccessBasis
    let now: Date

    func build() async throws -> ClientPage {
        let id = try client.requireID()
        let english = req.isEnglish
        let rows = try await ClientPageRows.load(client: id, on: req.db, pool: req.sqliteReads, now: now)
        let breakGlass = { if case .breakTheGlass = basis { return true } else { return false } }()
        return ClientPage(
            page: try await req.pageMeta(title: "\(req.t("client.title")) \(client.code)", forms: true),
            base: "/zorg/clienten/\(id.slug)", code: client.code, name: client.name,
            birthDate: req.date(client.birthDate),
            municipality: req.directory.municipalities[client.municipalityCode]?.name ?? client.municipalityCode,
            expectedBirthDate: client.expectedBirthDate.map(req.date),
            actualBirthDate: client.actualBirthDate.map(req.date),
            language: ClientLanguages.name(client.language, english: english),
            phase: client.phase(on: CalendarDay.day(at: now))?.term.label(english: english),
            childCode: client.childCode,
            closed: client.closedAt != nil,
            closedReason: client.closedAt == nil ? nil : client.closedReason.map { reason in
                [req.t("client.close.reason.\(reason)"), client.closedNote].compactMap { $0 }.joined(separator: ": ")
            },
            breakGlass: breakGlass,
            ownsRecord: client.$createdByOrganisation.id == user.$organisation.id,
            mayClose: client.$createdByOrganisation.id == user.$organisation.id
                || !rows.involvements.contains { $0.organisationID == client.$createdByOrganisation.id },
            handover: breakGlass || client.closedAt != nil ? nil : try await handoverProposal(rows, clientID: id),
            consents: rows.consents.map { consentRow($0, clientID: id) },
            involvements: rows.involvements.map {
                ClientPage.InvolvementRow(organisation: $0.organisation, reason: req.t("involvement.\($0.reason.rawValue)"),
                                          since: req.date($0.since))
            },
            referrals: rows.referrals.map { ReferralSummary($0, req) },
            canRefer: ReferralTargets.hasAny(for: client, snapshot: req.directory),
            careExtras: try await ClientCareExtras.load(req, user: user, client: client, basis: basis))
    }

    /// After a move not yet settled: the new municipality's JGZ and CJG. After the birth, until a
    /// handover was sent: the municipality's JGZ (its CJG where the offering has no JGZ).
    private func handoverProposal(_ rows: ClientPageRows, clientID: UUID) async throws -> HandoverProposal? {
        let move = try await ClientMove.open(client: clientID, on: req.db).flatMap { $0.toMunicipality == client.municipalityCode ? $0 : nil }
        let handedOver = rows.referrals.contains { $0.kind == .handover && ![.rejected, .cancelled, .failed].contains($0.status) }
        guard move != nil || (client.actualBirthDate != nil && !handedOver) else { return nil }
        let today = CalendarDay.day(at: now)
        var targets = try await ClientHandover.targets(municipality: client.municipalityCode, phase: client.phase(on: today),
                                                       snapshot: req.directory, on: req.db)
        if move == nil, targets.contains(where: { $0.kind == .jgz }) { targets = targets.filter { $0.kind == .jgz } }
        var seen = Set<UUID>()
        let organisations = targets.filter { seen.insert($0.service.organisationID).inserted }.map {
            HandoverProposal.Organisation(name: $0.service.organisationName, kind: $0.kindNote,
                                          href: "/zorg/clienten/\(clientID.slug)/overdracht?dienst=\($0.service.id.slug)")
        }
        let municipality = req.directory.municipalities[client.municipalityCode]?.name ?? client.municipalityCode
        let lead = move.map {
            req.t("handover.propose.move").replacingOccurrences(of: "{municipality}", with: municipality)
                .replacingOccurrences(of: "{date}", with: req.date($0.movedOn))
        } ?? req.t("handover.propose.birth").replacingOccurrences(of: "{municipality}", with: municipality)
        return HandoverProposal(lead: lead, organisations: organisations)
    }

    private func consentRow(_ c: ClientPageRows.ConsentRow, clientID: UUID) -> ClientPage.ConsentRow {
        let status: String
        if c.withdrawnAt != nil { status = req.t("consent.status.withdrawn") }
        else if c.isValid(at: now) { status = req.t("consent.status.active") }
        else if c.validFrom > now { status = req.t("consent.status.future") }
        else { status = req.t("consent.status.expired") }
        let until = c.validUntil.map { req.date($0.addingTimeInterval(-86_400)) }
        return ClientPage.ConsentRow(
            givenBy: req.t("consent.giver.\(c.givenBy.rawValue)"),
            purposes: ConsentPurpose.allCases.filter { c.purposeCodes.contains($0.rawValue) }.map { req.t("consent.purpose.\($0.rawValue)") }.joined(separator: ", "),
            organisations: c.organisations.joined(separator: ", "),
            period: until.map { "\(req.date(c.validFrom)) – \($0)" } ?? "\(req.t("consent.from")) \(req.date(c.validFrom))",
            recordedHow: req.t("consent.how.\(c.recordedHow.rawValue)"), status: status,
            withdrawAction: c.withdrawnAt == nil ? "/zorg/clienten/\(clientID.slug)/toestemming/\(c.id.slug)/intrekken" : nil)
    }
}
