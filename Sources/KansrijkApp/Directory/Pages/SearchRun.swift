import Fluent
import SQLKit
import Vapor

/// One search of the page, run against the snapshot: the form as read from the query string,
/// in the signed-in user's own municipality when the query names none (issue 15), and its results.
struct SearchRun: Sendable {
    let snapshot: DirectorySnapshot
    private(set) var form: SearchForm
    let results: DirectoryResults

    init(req: Request, ownMunicipality: String?) {
        snapshot = req.directory
        form = SearchForm(req: req, snapshot: snapshot)
        if !form.gemeenteGiven, let own = ownMunicipality, snapshot.municipalities[own] != nil {
            form.gemeente = own
            form.gemeenteIsOwn = true
        }
        results = form.errors.isEmpty ? snapshot.search(form.query) : DirectoryResults(hits: [], total: 0, page: 1, perPage: 20)
    }

    /// Nothing was found, but the words stand for a theme: the page suggests the theme.
    var suggestsThemes: Bool { form.errors.isEmpty && results.total == 0 && !results.themes.isEmpty }

    /// The themes worth a link: those with services where this search looked (without its other filters).
    var themesWithServices: [String] {
        results.themes.filter { snapshot.search(DirectoryQuery(municipality: form.gemeente, theme: $0, perPage: 1)).total > 0 }
    }

    /// The municipality of the user's organisation: one indexed read, through the read pool.
    static func ownMunicipality(of user: User, on req: Request) async throws -> String? {
        try await req.db.readFirst(
            "SELECT municipality_code FROM organisations WHERE id = \(bind: user.$organisation.id)", pool: req.sqliteReads
        ) { try $0.decode(column: "municipality_code", as: String.self) }
    }
}
