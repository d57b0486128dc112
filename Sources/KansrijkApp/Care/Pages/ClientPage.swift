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
    var closed: Bool
    var breakGlass: Bool
    /// The reader's organisation made the record: only it closes or reopens it.
    var ownsRecord: Bool
    var consents: [ConsentRow]
    var involvements: [InvolvementRow]
    var referrals: [ReferralSummary]
    /// The directory has an active service in her municipality to refer to.
    var canRefer: Bool
}

/// One referral of a client, as lists show it.
struct ReferralSummary {
    var href: String; var service: String; var organisation: String; var status: String; var requested: String

    init(_ r: ClientPageRows.ReferralRow, _ req: Request) {
        href = "/zorg/verwijzingen/\(r.id.slug)"
        service = r.serviceName
        organisation = r.organisation
        status = req.t("referral.status.\(r.status.rawValue)")
        requested = DateFormats.dutchDate(r.requestedAt)
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
        return ClientPage(
            page: try await req.pageMeta(title: "\(req.t("client.title")) \(client.code)", forms: true),
            base: "/zorg/clienten/\(id.slug)", code: client.code, name: client.name,
            birthDate: DateFormats.dutchDate(client.birthDate),
            municipality: req.directory.municipalities[client.municipalityCode]?.name ?? client.municipalityCode,
            expectedBirthDate: client.expectedBirthDate.map(DateFormats.dutchDate),
            actualBirthDate: client.actualBirthDate.map(DateFormats.dutchDate),
            language: ClientLanguages.name(client.language, english: english),
            phase: client.phase(on: CalendarDay.day(at: now))?.term.label(english: english),
            closed: client.closedAt != nil,
            breakGlass: { if case .breakTheGlass = basis { return true } else { return false } }(),
            ownsRecord: client.$createdByOrganisation.id == user.$organisation.id,
            consents: rows.consents.map { consentRow($0, clientID: id) },
            involvements: rows.involvements.map {
                ClientPage.InvolvementRow(organisation: $0.organisation, reason: req.t("involvement.\($0.reason.rawValue)"),
                                          since: DateFormats.dutchDate($0.since))
            },
            referrals: rows.referrals.map { ReferralSummary($0, req) },
            canRefer: ReferralTargets.hasAny(for: client, snapshot: req.directory))
    }

    private func consentRow(_ c: ClientPageRows.ConsentRow, clientID: UUID) -> ClientPage.ConsentRow {
        let status: String
        if c.withdrawnAt != nil { status = req.t("consent.status.withdrawn") }
        else if c.isValid(at: now) { status = req.t("consent.status.active") }
        else if c.validFrom > now { status = req.t("consent.status.future") }
        else { status = req.t("consent.status.expired") }
        let until = c.validUntil.map { DateFormats.dutchDate($0.addingTimeInterval(-86_400)) }
        return ClientPage.ConsentRow(
            givenBy: req.t("consent.giver.\(c.givenBy.rawValue)"),
            purposes: ConsentPurpose.allCases.filter { c.purposeCodes.contains($0.rawValue) }.map { req.t("consent.purpose.\($0.rawValue)") }.joined(separator: ", "),
            organisations: c.organisations.joined(separator: ", "),
            period: until.map { "\(DateFormats.dutchDate(c.validFrom)) – \($0)" } ?? "\(req.t("consent.from")) \(DateFormats.dutchDate(c.validFrom))",
            recordedHow: req.t("consent.how.\(c.recordedHow.rawValue)"), status: status,
            withdrawAction: c.withdrawnAt == nil ? "/zorg/clienten/\(clientID.slug)/toestemming/\(c.id.slug)/intrekken" : nil)
    }
}
