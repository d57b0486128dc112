import Fluent
import Foundation

/// A whole service as one value: what the edit form, the demo and the importers produce and
/// what `save` writes in one transaction, replacing the service's child rows.
struct ServiceDraft: Sendable, Equatable {
    struct Schedule: Sendable, Equatable { var description: String; var byDay: String? = nil; var opensAt: String? = nil; var closesAt: String? = nil }
    struct Contact: Sendable, Equatable { var name: String; var title: String? = nil; var email: String? = nil; var phone: String? = nil }

    var id: UUID?
    var organisationID: UUID
    var name: String
    var alternateName: String? = nil
    var description: String
    var parentSummary: String? = nil
    var status: ServiceStatus = .active
    var url: String? = nil
    var email: String? = nil
    var phone: String? = nil
    var applicationProcess: String
    var accessRoute: AccessRoute = .selfReferral
    var feesDescription: String? = nil
    var eligibilityDescription: String? = nil
    var minimumAge: Double? = nil
    var maximumAge: Double? = nil
    var capacity: Capacity = .available
    var waitWeeks: Int? = nil
    var termIDs: [UUID] = []
    var areaCodes: [String] = []
    var languages: [String] = []
    var schedules: [Schedule] = []
    var contacts: [Contact] = []
    var locationIDs: [UUID] = []
}

extension ServiceDraft {
    /// Creates or replaces the service. Call inside a transaction (`db.transaction`).
    @discardableResult
    func save(on db: any Database) async throws -> UUID {
        let service: Service
        if let id, let existing = try await Service.find(id, on: db) {
            service = existing
        } else {
            service = Service()
            service.id = id ?? UUID()
        }
        service.$organisation.id = organisationID
        service.name = name
        service.alternateName = alternateName
        service.description = description
        service.parentSummary = parentSummary
        service.status = status
        service.url = url
        service.email = email
        service.phone = phone
        service.applicationProcess = applicationProcess
        service.accessRoute = accessRoute
        service.feesDescription = feesDescription
        service.eligibilityDescription = eligibilityDescription
        service.minimumAge = minimumAge
        service.maximumAge = maximumAge
        service.capacity = capacity
        service.waitWeeks = waitWeeks
        try await service.save(on: db)
        let serviceID = try service.requireID()

        // child rows are replaced wholesale: simpler than diffing and equally transactional
        try await ServiceAttribute.query(on: db).filter(\.$service.$id == serviceID).delete()
        try await ServiceArea.query(on: db).filter(\.$service.$id == serviceID).delete()
        try await ServiceLanguage.query(on: db).filter(\.$service.$id == serviceID).delete()
        try await ServiceSchedule.query(on: db).filter(\.$service.$id == serviceID).delete()
        try await ServiceContact.query(on: db).filter(\.$service.$id == serviceID).delete()
        try await ServiceAtLocation.query(on: db).filter(\.$service.$id == serviceID).delete()

        try await Self.createAll(Array(Set(termIDs)).map { ServiceAttribute(serviceID: serviceID, taxonomyTermID: $0) }, on: db)
        try await Self.createAll(Array(Set(areaCodes)).sorted().map { ServiceArea(serviceID: serviceID, municipalityCode: $0) }, on: db)
        try await Self.createAll(Array(Set(languages)).sorted().map { ServiceLanguage(serviceID: serviceID, code: $0) }, on: db)
        try await Self.createAll(schedules.map {
            ServiceSchedule(serviceID: serviceID, description: $0.description, byDay: $0.byDay, opensAt: $0.opensAt, closesAt: $0.closesAt)
        }, on: db)
        try await Self.createAll(contacts.map {
            ServiceContact(serviceID: serviceID, name: $0.name, title: $0.title, email: $0.email, phone: $0.phone)
        }, on: db)
        try await Self.createAll(Array(Set(locationIDs)).map { ServiceAtLocation(serviceID: serviceID, locationID: $0) }, on: db)
        return serviceID
    }

    static func createAll<M: Model>(_ models: [M], on db: any Database) async throws {
        guard !models.isEmpty else { return }
        for m in models where m.id == nil { m.id = UUID() as? M.IDValue }
        try await models.create(on: db)
    }

    /// The draft of a stored service, for the edit form.
    init(_ r: ServiceRecord) {
        self.init(id: r.id, organisationID: r.organisationID, name: r.name, alternateName: r.alternateName,
                  description: r.description, parentSummary: r.parentSummary, status: r.status, url: r.url, email: r.email,
                  phone: r.phone, applicationProcess: r.applicationProcess, accessRoute: r.accessRoute,
                  feesDescription: r.feesDescription, eligibilityDescription: r.eligibilityDescription,
                  minimumAge: r.minimumAge, maximumAge: r.maximumAge, capacity: r.capacity, waitWeeks: r.waitWeeks,
                  termIDs: r.termIDs, areaCodes: r.areas.map(\.municipalityCode), languages: r.languages.map(\.code),
                  schedules: r.schedules.map { .init(description: $0.description, byDay: $0.byDay, opensAt: $0.opensAt, closesAt: $0.closesAt) },
                  contacts: r.contacts.map { .init(name: $0.name, title: $0.title, email: $0.email, phone: $0.phone) },
                  locationIDs: r.places.map(\.id))
    }
}
