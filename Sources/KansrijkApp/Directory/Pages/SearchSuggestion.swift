import Fluent
import Foundation

/// What the search page offers when nothing was found but the words stand for a theme (issue 15):
/// all services of that theme where the search looked, and the coalition's published zorgpad
/// (care pathway) for that theme in that municipality.
struct SearchSuggestion: Sendable {
    struct Theme: Sendable, Equatable { var label: String; var link: String }
    struct PathwayLink: Sendable, Equatable { var title: String; var link: String }

    var themes: [Theme]
    var pathways: [PathwayLink]

    init(themes codes: [String], municipality: String?, municipalityName: String?, pathways: [PathwayLink], english: Bool) {
        themes = codes.compactMap { code in
            guard let term = Term.find(.thema, code) else { return nil }
            var items = [(name: "thema", value: code)]
            if let municipality { items.append(("gemeente", municipality)) }
            var label = term.label(english: english)
            if let municipalityName { label += " in " + municipalityName }
            return Theme(label: label, link: "/aanbod?" + SearchForm.encodedQuery(items))
        }
        self.pathways = pathways
    }

    /// Published pathways for these themes of the coalitions working in `municipality`, by title.
    /// Drafts are left out: a professional sees only published pathways.
    static func pathways(themes: [String], municipality: String, on db: any Database) async throws -> [PathwayLink] {
        guard !themes.isEmpty else { return [] }
        let coalitions = try await CoalitionMunicipality.query(on: db).filter(\.$municipalityCode == municipality).all()
            .map { $0.$coalition.id }
        guard !coalitions.isEmpty else { return [] }
        let found = try await Pathway.query(on: db).filter(\.$coalition.$id ~~ coalitions).filter(\.$theme ~~ themes)
            .filter(\.$isPublished == true).sort(\.$title).all()
        return found.compactMap { p in p.id.map { PathwayLink(title: p.title, link: "/zorgpaden/" + $0.uuidString.lowercased()) } }
    }
}
