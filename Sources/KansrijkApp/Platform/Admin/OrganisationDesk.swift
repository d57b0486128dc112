import Fluent
import Vapor

/// Why a change to an organisation or a location was refused.
enum OrganisationRefusal: Error, Equatable {
    /// Another organisation has this name (compared without case and accents).
    case nameTaken
    /// Services are offered at this location: the names of those services.
    case locationInUse([String])
}

/// Creates and changes organisations and their locations (issue #14), each in one write transaction.
/// The address on the organisation's form is its main location: the location that carries the
/// organisation's own name (as the demo and the HSDS import name it), made when the first address
/// is given and renamed with the organisation.
enum OrganisationDesk {
    static func create(_ v: OrganisationForm.Valid, on db: any Database) async throws -> UUID {
        try await db.writeTransaction { db in
            try await requireFreeName(v.name, except: nil, on: db)
            let organisation = Organisation(name: v.name, kind: v.kind, description: v.description, municipalityCode: v.municipalityCode)
            apply(v, to: organisation)
            try await organisation.create(on: db)
            let id = try organisation.requireID()
            if !v.address.isEmpty {
                try await Location(organisationID: id, name: v.name, street: v.address.street, postalCode: v.address.postalCode,
                                   city: v.address.city, municipalityCode: v.municipalityCode).create(on: db)
            }
            try await ClusterChanges.bump(.directory, on: db)
            return id
        }
    }

    static func update(_ id: UUID, with v: OrganisationForm.Valid, on db: any Database) async throws {
        try await db.writeTransaction { db in
            guard let organisation = try await Organisation.find(id, on: db) else { throw PageError.notFound }
            try await requireFreeName(v.name, except: id, on: db)
            let main = try await mainLocation(of: organisation, on: db)
            apply(v, to: organisation)
            try await organisation.save(on: db)
            // placed by hand in the partner form: off "Te controleren" (ADR 0034)
            if DirectoryReview.isPlaced(organisation) { try await DirectoryReview.clear(.organisation, id: id, on: db) }
            if let main {
                main.name = v.name
                main.street = v.address.street; main.postalCode = v.address.postalCode; main.city = v.address.city
                main.municipalityCode = v.municipalityCode
                try await main.save(on: db)
            } else if !v.address.isEmpty {
                try await Location(organisationID: id, name: v.name, street: v.address.street, postalCode: v.address.postalCode,
                                   city: v.address.city, municipalityCode: v.municipalityCode).create(on: db)
            }
            try await ClusterChanges.bump(.directory, on: db)
        }
    }

    /// The location with the organisation's name, or its only location.
    static func mainLocation(of organisation: Organisation, on db: any Database) async throws -> Location? {
        let locations = try await Location.query(on: db).filter(\.$organisation.$id == organisation.requireID()).all()
        return locations.first { $0.name == organisation.name } ?? (locations.count == 1 ? locations.first : nil)
    }

    static func addLocation(_ v: LocationForm.Valid, to organisation: UUID, on db: any Database) async throws {
        try await db.writeTransaction { db in
            try await Location(organisationID: organisation, name: v.name, street: v.address.street, postalCode: v.address.postalCode,
                               city: v.address.city, municipalityCode: v.municipalityCode).create(on: db)
            try await ClusterChanges.bump(.directory, on: db)
        }
    }

    static func updateLocation(_ location: Location, with v: LocationForm.Valid, on db: any Database) async throws {
        try await db.writeTransaction { db in
            location.name = v.name
            location.street = v.address.street; location.postalCode = v.address.postalCode; location.city = v.address.city
            location.municipalityCode = v.municipalityCode
            try await location.save(on: db)
            try await ClusterChanges.bump(.directory, on: db)
        }
    }

    /// Removes a location no service is offered at; a location in use is refused with the services'
    /// names, so a family's search result never points at an address that is gone.
    static func removeLocation(_ location: Location, on db: any Database) async throws {
        try await db.writeTransaction { db in
            let links = try await ServiceAtLocation.query(on: db).filter(\.$location.$id == location.requireID()).with(\.$service).all()
            guard links.isEmpty else { throw OrganisationRefusal.locationInUse(links.map(\.service.name).sorted()) }
            try await location.delete(on: db)
            try await ClusterChanges.bump(.directory, on: db)
        }
    }

    private static func apply(_ v: OrganisationForm.Valid, to o: Organisation) {
        o.name = v.name; o.kind = v.kind; o.description = v.description; o.municipalityCode = v.municipalityCode
        o.phone = v.phone; o.email = v.email; o.website = v.website; o.receivesReferrals = v.receivesReferrals
    }

    /// Names are unique without regard to case or accents (the partner form compares them the same
    /// way); checked inside the transaction, so two people saving the same name at once cannot both win
    /// on SQLite (one writer) and rarely on PostgreSQL, where no unique index exists on the name.
    private static func requireFreeName(_ name: String, except: UUID?, on db: any Database) async throws {
        let folded = DutchText.fold(name)
        let names = try await Organisation.query(on: db).field(\.$id).field(\.$name).all()
        if names.contains(where: { $0.id != except && DutchText.fold($0.name) == folded }) { throw OrganisationRefusal.nameTaken }
    }
}
