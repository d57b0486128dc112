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

    /// The services split by whether they are for her phase on `day` (issue #15): the referral form
    /// offers those first, so a recorded birth brings the kraamtijd and 0-1 services to the top.
    static func byPhase(for client: CareClient, snapshot: DirectorySnapshot, on day: Date)
        -> (phase: CareClient.Phase?, fitting: [ServiceRecord], others: [ServiceRecord]) {
        let all = services(for: client, snapshot: snapshot)
        guard let phase = client.phase(on: day) else { return (nil, [], all) }
        let fits = { (s: ServiceRecord) in s.terms(.fase).contains { $0.code == phase.rawValue } }
        return (phase, all.filter(fits), all.filter { !fits($0) })
    }

    /// Organisations a consent may name for this client: those offering help in her municipality.
    static func organisations(for client: CareClient, snapshot: DirectorySnapshot) -> [(id: UUID, name: String)] {
        var seen: [UUID: String] = [:]
        for s in services(for: client, snapshot: snapshot) { seen[s.organisationID] = s.organisationName }
        return seen.map { (id: $0.key, name: $0.value) }.sorted { $0.name < $1.name }
    }
}
