import Foundation

/// Ids for HSDS records that our tables keep without a stable id (a service's child rows are
/// replaced on every save). Derived from the owner's id, so the API and every export give the
/// same id for the same record, and an export imported elsewhere exports identically.
enum HSDSID {
    static func attribute(owner: UUID, term: UUID) -> UUID { StableID.make("hsds:attribute:\(owner):\(term)") }
    /// `municipality` nil is the nationwide area.
    static func serviceArea(service: UUID, municipality: String?) -> UUID { StableID.make("hsds:service_area:\(service):\(municipality ?? "NL")") }
    static func language(service: UUID, code: String) -> UUID { StableID.make("hsds:language:\(service):\(code)") }
    static func schedule(service: UUID, index: Int) -> UUID { StableID.make("hsds:schedule:\(service):\(index)") }
    static func contact(service: UUID, index: Int) -> UUID { StableID.make("hsds:contact:\(service):\(index)") }
    /// The one phone number of a service, organisation or contact.
    static func phone(owner: UUID) -> UUID { StableID.make("hsds:phone:\(owner)") }
    static func serviceAtLocation(service: UUID, location: UUID) -> UUID { StableID.make("hsds:service_at_location:\(service):\(location)") }
    static func address(location: UUID) -> UUID { StableID.make("hsds:address:\(location)") }
    static func accessibility(location: UUID) -> UUID { StableID.make("hsds:accessibility:\(location)") }
}

extension UUID {
    /// Lower case, as HSDS examples and RFC 9562 write UUIDs.
    var hsds: String { uuidString.lowercased() }
}
