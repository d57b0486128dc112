import Foundation

/// Our fields that HSDS has no place for. Each travels as an `attribute` whose `value` holds
/// the field and whose term belongs to the "Kansrijk-velden" taxonomy, so any HSDS reader
/// keeps them and our import reads them back. The taxonomy lives in code, not in the database.
enum HSDSField: String, CaseIterable, Sendable {
    case accessRoute = "toegang"
    case capacity = "capaciteit"
    case parentSummary = "samenvatting-ouders"
    case organisationKind = "organisatiesoort"
    case municipality = "vestigingsgemeente"

    static let taxonomyID = StableID.make("taxonomy:hsds-velden")
    static let taxonomyName = "Kansrijk-velden"
    static let taxonomyDescription = "Velden van Kansrijk waarvoor HSDS geen plaats heeft. De waarde staat in attribute.value."
    static let taxonomyURI = "https://kansrijk.nl/taxonomie/hsds-velden"

    static let byTermID: [UUID: HSDSField] = Dictionary(uniqueKeysWithValues: allCases.map { ($0.termID, $0) })

    var termID: UUID { StableID.make("term:hsds-velden:\(rawValue)") }
    var code: String { "veld:\(rawValue)" }

    /// `attribute.link_entity`: the table the field belongs to.
    var linkEntity: String {
        switch self {
        case .accessRoute, .capacity, .parentSummary: "service"
        case .organisationKind, .municipality: "organization"
        }
    }

    var name: String {
        switch self {
        case .accessRoute: "Toegang"
        case .capacity: "Capaciteit"
        case .parentSummary: "Samenvatting voor ouders"
        case .organisationKind: "Soort organisatie"
        case .municipality: "Vestigingsgemeente"
        }
    }

    /// Says which values are allowed, so a reader of the taxonomy can fill them in.
    var description: String {
        switch self {
        case .accessRoute: "Hoe een gezin binnenkomt; waarde: " + AccessRoute.allCases.map(\.rawValue).joined(separator: ", ") + "."
        case .capacity: "Plek bij de aanbieder; waarde: " + Capacity.allCases.map(\.rawValue).joined(separator: ", ") + "."
        case .parentSummary: "Uitleg in eenvoudige taal (B1) voor ouders; waarde: de tekst."
        case .organisationKind: "Domein van de organisatie; waarde: " + OrganisationKind.allCases.map(\.rawValue).joined(separator: ", ") + "."
        case .municipality: "Gemeente waar de organisatie gevestigd is; waarde: CBS-gemeentecode, zoals GM0355."
        }
    }
}

extension Vocabulary {
    /// `attribute.link_type` for terms of this vocabulary (HSDS keeps the code list open).
    var hsdsLinkType: String {
        switch self {
        case .fase: "phase"
        case .thema: "need"
        case .doelgroep: "audience"
        case .bewijs: "evidence"
        }
    }
}
