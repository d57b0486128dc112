import Fluent
import Foundation

/// The kept originals by record, read with the HSDS catalog (once per directory snapshot). Empty
/// when nothing was imported from HSDS: then the builder does no merge work at all. The JSON text
/// is parsed only when a record is built, so a reload of the directory does not parse every
/// original again.
struct HSDSOriginalIndex: Sendable {
    struct Stored: Sendable {
        var json: String
        var baseline: String?

        var kept: HSDSKept? {
            guard let original = try? JSONValue.parse(Data(json.utf8)) else { return nil }
            return HSDSKept(original: original, baseline: baseline.flatMap { try? JSONValue.parse(Data($0.utf8)) })
        }
    }

    var organizations: [UUID: Stored] = [:]
    var services: [UUID: Stored] = [:]
    var locations: [UUID: Stored] = [:]
    /// Original service_at_location ids: the service and the location they link.
    var serviceAtLocationLinks: [UUID: (service: UUID, location: UUID)] = [:]

    var isEmpty: Bool { organizations.isEmpty && services.isEmpty && locations.isEmpty }

    func organization(_ id: UUID) -> HSDSKept? { organizations[id]?.kept }
    func service(_ id: UUID) -> HSDSKept? { services[id]?.kept }
    func location(_ id: UUID) -> HSDSKept? { locations[id]?.kept }

    static func load(on db: any Database) async throws -> HSDSOriginalIndex {
        var index = HSDSOriginalIndex()
        for row in try await HSDSOriginal.query(on: db).all() {
            guard let kind = HSDSOriginal.Kind(rawValue: row.kind) else { continue }
            let stored = Stored(json: row.json, baseline: row.baseline)
            switch kind {
            case .organization: index.organizations[row.recordID] = stored
            case .service:
                index.services[row.recordID] = stored
                for pair in (row.links ?? "").split(separator: ",") {
                    let parts = pair.split(separator: "=").compactMap { UUID(uuidString: String($0)) }
                    if parts.count == 2 { index.serviceAtLocationLinks[parts[0]] = (row.recordID, parts[1]) }
                }
            case .location: index.locations[row.recordID] = stored
            }
        }
        return index
    }

    /// The kept `service_at_location` of a service at a location: the element of the service's
    /// original that names this location, with the baseline's element for it.
    func serviceAtLocation(service: UUID, location: UUID) -> HSDSKept? {
        guard services[service] != nil, let kept = self.service(service), let list = kept.original["service_at_locations"]?.arrayValue else { return nil }
        func element(_ list: [JSONValue]?) -> JSONValue? {
            list?.first { HSDSMerge.matchKey($0, index: 0, in: [], field: "service_at_locations") == location.hsds }
        }
        guard let original = element(list) else { return nil }
        return HSDSKept(original: original, baseline: kept.baseline.map { element($0["service_at_locations"]?.arrayValue) ?? .object([:]) })
    }

    /// The links of a service's original as the `links` column stores them.
    static func links(of service: JSONValue) -> String? {
        let pairs = (service["service_at_locations"]?.arrayValue ?? []).compactMap { element -> String? in
            guard let id = element["id"]?.stringValue.flatMap(UUID.init(uuidString:)),
                  let location = HSDSMerge.matchKey(element, index: 0, in: [], field: "service_at_locations").flatMap(UUID.init(uuidString:)) else { return nil }
            return "\(id.hsds)=\(location.hsds)"
        }
        return pairs.isEmpty ? nil : pairs.joined(separator: ",")
    }
}
