import Vapor
import Foundation

/// The directory services a client can be referred to: active services offered in her municipality.
enum ReferralTargets {
    static func services(for client: CareClient, snapshot: DirectorySnapshot) -> [ServiceRecord] {
        (snapshot.docsByMunicipality[client.municipalityCode] ?? []).map { snapshot.services[$0] }
            .filter { $0.status == .active }
            .sorted { ($0.organisationName, $0.name) < ($1.organisationName, $1.name) }
    }

    /// Whether there is any service to refer her to (without building the list).
    static func hasAny(for client: CareClient, snapshot: DirectorySnapshot) -> Bool {
        (snapshot.docsByMunicipality[client.municipalityCode] ?? []).contains { snapshot.services[$0].status == .active }
    }

    static func options(for client: CareClient, snapshot: DirectorySnapshot, selected: String?) -> [SelectOption] {
        services(for: client, snapshot: snapshot).map {
            SelectOption(value: $0.id.slug, label: "\($0.name) (\($0.organisationName))", selected: $0.id.slug == selected)
        }
    }

    /// Organisations a consent may name for this client: those offering help in her municipality.
    static func organisations(for client: CareClient, snapshot: DirectorySnapshot) -> [(id: UUID, name: String)] {
        var seen: [UUID: String] = [:]
        for s in services(for: client, snapshot: snapshot) { seen[s.organisationID] = s.organisationName }
        return seen.map { (id: $0.key, name: $0.value) }.sorted { $0.name < $1.name }
    }
}
