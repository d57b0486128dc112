import Foundation

/// Who a coalition is missing. The seeds name the usual gaps: kraamzorg, the hospital, the GP and
/// the health insurer are often not at the table, and parents themselves, fathers above all, are
/// rarely heard. A domain with no current partner at all is a gap too.
enum MissingPartners {
    enum Gap: Equatable, Sendable {
        case organisation(OrganisationKind)
        case domain(PartnerDomain)
        case parents
        case fathers

        /// The strings-table key of the gap's explanation.
        var key: String {
            switch self {
            case .organisation(let kind): "missing.\(kind.rawValue)"
            case .domain(let domain): "missing.domain.\(domain.rawValue)"
            case .parents: "missing.parents"
            case .fathers: "missing.fathers"
            }
        }
    }

    static let oftenMissing: [OrganisationKind] = [.kraamzorg, .ziekenhuis, .huisarts, .zorgverzekeraar]

    /// `partners` are the current partners' organisation kind and domain.
    static func gaps(partners: [(kind: OrganisationKind, domain: PartnerDomain)], parentsVoice: String?, fathersVoice: String?) -> [Gap] {
        let kinds = Set(partners.map(\.kind)), domains = Set(partners.map(\.domain))
        var gaps: [Gap] = []
        for kind in oftenMissing where !kinds.contains(kind) {
            if kind == .zorgverzekeraar && domains.contains(.insurer) { continue }
            gaps.append(.organisation(kind))
        }
        for domain in PartnerDomain.allCases where !domains.contains(domain) && domain != .insurer {
            gaps.append(.domain(domain))
        }
        if (parentsVoice ?? "").trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { gaps.append(.parents) }
        if (fathersVoice ?? "").trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { gaps.append(.fathers) }
        return gaps
    }
}
