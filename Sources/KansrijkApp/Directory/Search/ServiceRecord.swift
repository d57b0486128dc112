import Foundation

/// Everything about one service that search, the service page and the HSDS API need,
/// gathered once per snapshot so that reads never go back to the database.
struct ServiceRecord: Sendable {
    struct Schedule: Sendable { var id: UUID; var byDay: String?; var opensAt: String?; var closesAt: String?; var description: String }
    struct Contact: Sendable { var id: UUID; var name: String; var title: String?; var email: String?; var phone: String? }
    struct Place: Sendable {
        var id: UUID; var serviceAtLocationID: UUID; var name: String; var isVirtual: Bool
        var street: String?; var postalCode: String?; var city: String?; var municipalityCode: String?
        var latitude: Double?; var longitude: Double?; var accessibility: String?
    }
    struct Area: Sendable { var id: UUID; var municipalityCode: String }
    struct Language: Sendable { var id: UUID; var code: String }

    var id: UUID
    var organisationID: UUID
    var organisationName: String
    var name: String
    var alternateName: String?
    var description: String
    var parentSummary: String?
    var status: ServiceStatus
    var url: String?
    var email: String?
    var phone: String?
    var applicationProcess: String
    var accessRoute: AccessRoute
    var feesDescription: String?
    var eligibilityDescription: String?
    var minimumAge: Double?
    var maximumAge: Double?
    var capacity: Capacity
    var waitWeeks: Int?
    var updatedAt: Date?
    /// All attached taxonomy term ids (ours and imported ones).
    var termIDs: [UUID]
    var areas: [Area]
    var languages: [Language]
    var schedules: [Schedule]
    var contacts: [Contact]
    var places: [Place]
    /// Areas that are not Dutch municipalities, kept as an import gave them (ADR 0034).
    var areaTexts: [ServiceAreaText.Value] = []
    /// False while its organisation has no municipality ("Te controleren", ADR 0034): then it is left
    /// out of municipality lists, local-first ranking and coverage, but still found by name.
    var organisationPlaced = true

    /// Our own terms among the attributes, per vocabulary.
    func terms(_ vocabulary: Vocabulary) -> [Term] {
        termIDs.compactMap { Self.ownTerms[$0] }.filter { $0.term.vocabulary == vocabulary }
            .sorted { $0.position < $1.position }.map(\.term)
    }

    /// Our terms by id with their position in `Term.all`. A term's `id` is a SHA-1 name hash
    /// computed on every access, and `firstIndex(of:)` compares whole terms: both showed up in
    /// the profile of a search page.
    private static let ownTerms: [UUID: (position: Int, term: Term)] =
        Dictionary(uniqueKeysWithValues: Term.all.enumerated().map { ($1.id, ($0, $1)) })

    /// No area at all: for everyone in the Netherlands.
    var isNationwide: Bool { areas.isEmpty && areaTexts.isEmpty }

    /// Nationwide and counted as such in every municipality's lists and coverage: not while unplaced.
    var reachesEveryMunicipality: Bool { isNationwide && organisationPlaced }

    /// Text fields for the search index, with weights.
    var searchFields: [SearchIndex.Field] {
        let termText = termIDs.compactMap { Term.byID[$0] }.map { ([$0.name] + $0.synonyms).joined(separator: " ") }
            .joined(separator: " ")
        return [
            .init(text: name + " " + (alternateName ?? ""), weight: 3),
            .init(text: termText, weight: 2),
            .init(text: organisationName, weight: 1.5),
            .init(text: [description, parentSummary ?? "", eligibilityDescription ?? ""].joined(separator: " "), weight: 1),
        ]
    }
}
