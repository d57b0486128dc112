import Fluent
import Foundation

/// The warm handover (warme overdracht, issue #15): after the birth the midwife hands the family over
/// to the JGZ of the client's municipality; after a move, to the JGZ or CJG of the new one. It is a
/// referral of kind `handover` with a summary and a consent, recorded together, to share it.
enum ClientHandover {
    /// The kinds of organisation a family is handed over to, in the order they are proposed.
    static let receivingKinds: [OrganisationKind] = [.jgz, .cjg]

    /// A service of a JGZ or CJG organisation in the municipality, as the offering has it.
    struct Target: Sendable {
        var service: ServiceRecord
        var kind: OrganisationKind

        /// The kind in words when the organisation's name does not already say it ("CJG Apeldoorn" does not).
        var kindNote: String? {
            service.organisationName.localizedCaseInsensitiveContains(kind.label) ? nil : kind.label
        }
    }

    /// Active services in the municipality whose organisation is a JGZ (first) or a CJG; within an
    /// organisation the services for the client's phase first, then those for a later phase.
    static func targets(municipality: String, phase: CareClient.Phase?, snapshot: DirectorySnapshot,
                        on db: any Database) async throws -> [Target] {
        let services = (snapshot.docsByMunicipality[municipality] ?? []).map { snapshot.services[$0] }.filter { $0.status == .active }
        let organisationIDs = Array(Set(services.map(\.organisationID)))
        guard !organisationIDs.isEmpty else { return [] }
        let kinds = try await Organisation.query(on: db).filter(\.$id ~~ organisationIDs).filter(\.$kind ~~ receivingKinds).all()
        let kindOf = Dictionary(uniqueKeysWithValues: kinds.compactMap { o in o.id.map { ($0, o.kind) } })
        func rank(_ t: Target) -> (Int, String, Int, String) {
            let phases = t.service.terms(.fase)
            let order = phase?.term.phaseOrder ?? 0
            let fit = phases.contains { $0.code == phase?.rawValue } ? 0 : phases.contains { $0.phaseOrder > order } ? 1 : 2
            return (receivingKinds.firstIndex(of: t.kind) ?? .max, t.service.organisationName, fit, t.service.name)
        }
        return services.compactMap { s in kindOf[s.organisationID].map { Target(service: s, kind: $0) } }
            .sorted { rank($0) < rank($1) }
    }

    /// Records the consent to share the summary with the receiving organisation and sends the
    /// handover, in one transaction: a refused handover leaves no consent behind.
    static func send(summary: String, agreed: String, givenBy: ConsentGiver, recordedHow: ConsentRecording, to target: ServiceRecord,
                     client: CareClient, basis: AccessBasis, by user: User, on db: any Database, notifier: Notifier,
                     now: Date) async throws -> Referral {
        try await db.auditedTransaction { db in
            try await ConsentRecords.record(ClientConsentForm.Valid(
                givenBy: givenBy, purposes: [.refer, .shareSummary], organisations: [target.organisationID],
                validFrom: CalendarDay.day(at: now), validUntil: nil, recordedHow: recordedHow),
                client: client, basis: basis, by: user, on: db, now: now)
            var request = ReferralDesk.Request(service: target, reason: summary, agreed: agreed)
            request.kind = .handover
            return try await ReferralDesk(db: db, notifier: notifier).send(request, client: client, basis: basis, by: user, now: now)
        }
    }

    /// After a move, the accepted handover to an organisation of the new municipality ends the
    /// involvement of every organisation that offers nothing there (nationwide services count as
    /// offered everywhere). Until then the organisation that handed over keeps its access. Runs
    /// inside the acceptance's transaction; does nothing without a move still to settle.
    static func settle(_ referral: Referral, by user: User, basis: AccessBasis, on db: any Database, now: Date) async throws {
        let clientID = referral.$client.id
        guard let move = try await ClientMove.open(client: clientID, on: db),
              let client = try await CareClient.find(clientID, on: db), move.toMunicipality == client.municipalityCode else { return }
        let involvements = try await ClientInvolvement.current(client: clientID, on: db, now: now)
        let serving = try await organisationsServing(client.municipalityCode,
                                                     among: Set(involvements.map { $0.$organisation.id } + [referral.$receivingOrganisation.id]), on: db)
        // a handover to an organisation that offers nothing in the new municipality settles nothing
        guard serving.contains(referral.$receivingOrganisation.id) else { return }
        var ended = Set<UUID>()
        for involvement in involvements where !serving.contains(involvement.$organisation.id) {
            involvement.until = now
            try await involvement.save(on: db)
            ended.insert(involvement.$organisation.id)
        }
        // an earlier move still open is settled by this one too: she lives here now
        try await ClientMove.query(on: db).filter(\.$client.$id == clientID).filter(\.$settledAt == nil).set(\.$settledAt, to: now).update()
        try await AuditLog.record(AuditDraft(action: .update, clientID: clientID, user: user, basis: basis,
                                             what: "move settled by handover \(try referral.requireID().slug): involvement of \(ended.count) organisation(s) ended"),
                                  on: db, now: now)
    }

    /// Those of `organisations` with an active service in the municipality or nationwide.
    static func organisationsServing(_ municipality: String, among organisations: Set<UUID>, on db: any Database) async throws -> Set<UUID> {
        guard !organisations.isEmpty else { return [] }
        let services = try await Service.query(on: db).filter(\.$organisation.$id ~~ Array(organisations)).filter(\.$status == .active).all()
        let ids = services.compactMap(\.id)
        guard !ids.isEmpty else { return [] }
        let areas = try await ServiceArea.query(on: db).filter(\.$service.$id ~~ ids).all()
        let areasOf = Dictionary(grouping: areas, by: { $0.$service.id })
        return Set(services.filter { s in
            let codes = areasOf[s.id ?? UUID()] ?? []
            return codes.isEmpty || codes.contains { $0.municipalityCode == municipality }
        }.map { $0.$organisation.id })
    }
}
