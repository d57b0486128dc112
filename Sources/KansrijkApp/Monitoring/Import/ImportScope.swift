import Fluent
import Foundation

/// Where a user may import aggregate figures (issue 5, review gap 1). Admins anywhere; everyone
/// else only for the municipalities of their own coalitions, their own municipality (when their
/// organisation is that municipality) and the municipalities of their GGD region (when their
/// organisation is a GGD). Figures from a national source are one truth for the whole country,
/// summed into the national figure every dashboard compares with, so only an admin imports them.
struct ImportScope: Sendable, Equatable {
    /// Current municipality codes the user may import for; nil means anywhere.
    var municipalities: Set<String>?
    /// Who the user imports for, in the report's words: "uw coalitie", "uw gemeente"...
    var owner: String

    static let anywhere = ImportScope(municipalities: nil, owner: "")

    /// Sources the RIVM monitor takes from national registries (compared case-insensitively).
    static let nationalSources: Set<String> = ["perined", "cbs", "cbs-model", "vektis"]

    /// A coalition's own (local) indicator is never national, whatever source its author named.
    static func isNational(_ indicator: IndicatorDefinition) -> Bool {
        indicator.group != LocalIndicatorOwner.origin && nationalSources.contains(indicator.source.lowercased().trimmingCharacters(in: .whitespaces))
    }

    var isAnywhere: Bool { municipalities == nil }

    func mayImport(_ indicator: IndicatorDefinition) -> Bool { isAnywhere || !Self.isNational(indicator) }

    /// Whether figures for this current municipality code may be imported.
    func allows(_ currentCode: String) -> Bool { municipalities.map { $0.contains(currentCode) } ?? true }

    static func load(for user: User, areas: AreaDimension, on db: any Database) async throws -> ImportScope {
        if user.role == .admin { return .anywhere }
        let coalitionIDs = try await CoalitionMember.query(on: db).filter(\.$user.$id == user.requireID()).all().map { $0.$coalition.id }
        let coalitionCodes = coalitionIDs.isEmpty ? [] : try await CoalitionMunicipality.query(on: db)
            .filter(\.$coalition.$id ~~ coalitionIDs).all().map(\.municipalityCode)
        let organisation = try await Organisation.find(user.$organisation.id, on: db)
        return make(coalitionCodes: coalitionCodes, organisationKind: organisation?.kind,
                    organisationMunicipality: organisation?.municipalityCode, areas: areas)
    }

    /// The rule itself, without the database.
    static func make(coalitionCodes: [String], organisationKind: OrganisationKind?, organisationMunicipality: String?,
                     areas: AreaDimension) -> ImportScope {
        var codes = Set(coalitionCodes.compactMap(areas.currentCode(for:)))
        var owner = codes.isEmpty ? "" : "uw coalitie"
        if let kind = organisationKind, let home = organisationMunicipality.flatMap(areas.currentCode(for:)) {
            switch kind {
            // the report names what the user knows their area as; an organisation inside the coalition adds nothing
            case .gemeente where !codes.contains(home):
                owner = owner.isEmpty ? "uw gemeente" : "uw coalitie of gemeente"
                codes.insert(home)
            case .ggd:
                let region = areas.places.first { $0.code == home }.flatMap { areas.members(of: $0.ggdCode) } ?? []
                if !Set(region).isSubset(of: codes) {
                    owner = owner.isEmpty ? "uw GGD-regio" : "uw coalitie of GGD-regio"
                    codes.formUnion(region)
                }
            default:
                break
            }
        }
        return ImportScope(municipalities: codes, owner: owner.isEmpty ? "uw coalitie" : owner)
    }
}
