import Fluent
import Vapor
import Foundation

extension DirectoryReview {
    /// One flagged record as the review list shows it.
    struct Entry: Sendable {
        var flagID: UUID
        var subject: Subject
        var subjectID: UUID
        var name: String
        /// The organisation a service or location belongs to.
        var organisation: String?
        var gaps: [String]
        var source: String
        var flaggedAt: Date?
        /// Where the record is known to be (its organisation's municipality, a service's areas).
        var municipalities: Set<String>
        /// Its organisation has no municipality yet.
        var unplaced: Bool
    }

    /// Every flag with the record it is about, oldest first; flags of records that no longer exist are skipped.
    static func entries(on db: any Database) async throws -> [Entry] {
        let flags = try await DirectoryReviewFlag.query(on: db).sort(\.$createdAt).sort(\.$id).all()
        let ids = { (s: Subject) in flags.filter { $0.subject == s }.map(\.subjectID) }
        let services = try await ids(.service).isEmpty ? [] : Service.query(on: db).filter(\.$id ~~ ids(.service)).all()
        let locations = try await ids(.location).isEmpty ? [] : Location.query(on: db).filter(\.$id ~~ ids(.location)).all()
        let organisationIDs = Set(ids(.organisation) + services.map { $0.$organisation.id } + locations.map { $0.$organisation.id })
        let organisations = Dictionary(uniqueKeysWithValues: try await organisationIDs.isEmpty ? [] :
            Organisation.query(on: db).filter(\.$id ~~ Array(organisationIDs)).all().map { ($0.id!, $0) })
        let areas = Dictionary(grouping: try await services.isEmpty ? [] :
            ServiceArea.query(on: db).filter(\.$service.$id ~~ services.compactMap(\.id)).all(), by: { $0.$service.id })
        let servicesByID = Dictionary(uniqueKeysWithValues: services.map { ($0.id!, $0) })
        let locationsByID = Dictionary(uniqueKeysWithValues: locations.map { ($0.id!, $0) })

        return flags.compactMap { flag in
            guard let subject = flag.subject, let flagID = flag.id else { return nil }
            func entry(name: String, organisation: Organisation?, owner: Bool, more: [String]) -> Entry {
                let home = organisation.map(\.municipalityCode).flatMap { isPlaced(municipalityCode: $0) ? $0 : nil }
                return Entry(flagID: flagID, subject: subject, subjectID: flag.subjectID, name: name,
                             organisation: owner ? nil : organisation?.name, gaps: flag.gapLines, source: flag.source,
                             flaggedAt: flag.createdAt, municipalities: Set([home].compactMap { $0 } + more), unplaced: home == nil)
            }
            switch subject {
            case .organisation:
                guard let o = organisations[flag.subjectID] else { return nil }
                return entry(name: o.name, organisation: o, owner: true, more: [])
            case .service:
                guard let s = servicesByID[flag.subjectID] else { return nil }
                return entry(name: s.name, organisation: organisations[s.$organisation.id], owner: false,
                             more: (areas[flag.subjectID] ?? []).map(\.municipalityCode))
            case .location:
                guard let l = locationsByID[flag.subjectID] else { return nil }
                return entry(name: l.name, organisation: organisations[l.$organisation.id], owner: false, more: [l.municipalityCode].compactMap { $0 })
            }
        }
    }

    /// What `access` may see and place: an administrator everything; a coordinator every record that
    /// has no municipality yet, and the records in her coalitions' municipalities.
    static func visible(_ entries: [Entry], to access: DirectoryAccess) -> [Entry] {
        if access.isAdmin { return entries }
        guard access.user.role == .coordinator else { return [] }
        return entries.filter { $0.unplaced || !$0.municipalities.isDisjoint(with: access.coalitionMunicipalities) }
    }

    /// Places a flagged record in `municipality` and clears its flag, in one transaction: an organisation
    /// (and its physical locations without a municipality), a service (one more area), a location.
    static func place(_ entry: Entry, in municipality: String, on db: any Database) async throws {
        try await db.writeTransaction { db in
            switch entry.subject {
            case .organisation:
                guard let o = try await Organisation.find(entry.subjectID, on: db) else { return }
                o.municipalityCode = municipality
                try await o.save(on: db)
                try await Location.query(on: db).filter(\.$organisation.$id == entry.subjectID)
                    .filter(\.$municipalityCode == nil).filter(\.$isVirtual == false)
                    .set(\.$municipalityCode, to: municipality).update()
            case .service:
                let known = try await ServiceArea.query(on: db).filter(\.$service.$id == entry.subjectID)
                    .filter(\.$municipalityCode == municipality).first()
                if known == nil { try await ServiceArea(serviceID: entry.subjectID, municipalityCode: municipality).create(on: db) }
            case .location:
                guard let l = try await Location.find(entry.subjectID, on: db) else { return }
                l.municipalityCode = municipality
                try await l.save(on: db)
            }
            try await clear(entry.subject, id: entry.subjectID, on: db)
            try await ClusterChanges.bump(.directory, on: db)
        }
    }
}

extension DirectoryReview {
    /// The start page's link to "Te controleren" with how many records `access` may place.
    static func startLink(_ access: DirectoryAccess, _ req: Request) async throws -> StartLink {
        let count = visible(try await entries(on: req.db), to: access).count
        return StartLink(href: DirectoryReviewController.path, label: req.t("review.start"), count: count)
    }
}
