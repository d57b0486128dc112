import Fluent
import Vapor

/// The list of "Organisaties": those she manages, by name, searchable, one page at a time.
extension OrganisationController {
    struct Filter: Decodable { var q: String?; var gemeente: String? }

    @Sendable func list(req: Request) async throws -> View {
        let access = try await Self.access(req)
        let filter = (try? req.query.decode(Filter.self)) ?? Filter()
        let municipality = FormInput.text(filter.gemeente)?.uppercased()
        let query = Organisation.query(on: req.db).sort(\.$name)
        if !access.isAdmin { query.filter(\.$municipalityCode ~~ Array(access.coalitionMunicipalities)) }
        if let municipality { query.filter(\.$municipalityCode == municipality) }
        let text = FormInput.text(filter.q).map(DutchText.fold)
        // a national directory holds tens of thousands: without a search, only the first page is read
        if text == nil { query.limit(Self.pageSize + 1) }
        var found = !access.isAdmin && access.coalitionMunicipalities.isEmpty ? [] : try await query.all()
        if let text { found = found.filter { DutchText.fold($0.name).contains(text) } }
        let names = req.directory.municipalities
        let choices = access.isAdmin ? req.directory.municipalitiesByName : req.directory.municipalitiesByName.filter { access.coalitionMunicipalities.contains($0.code) }
        return try await req.view.render("platform/admin/organisations", OrganisationsPage(
            page: try await req.pageMeta(title: req.t("admin.organisations.title")),
            rows: found.prefix(Self.pageSize).map { o in
                .init(href: AdminPaths.organisation(o.id!), name: o.name, kind: o.kind.label,
                      municipality: names[o.municipalityCode]?.name ?? o.municipalityCode, receivesReferrals: o.receivesReferrals ?? true)
            },
            query: filter.q ?? "",
            municipalities: choices.map { SelectOption(value: $0.code, label: $0.name, selected: $0.code == municipality) },
            truncated: found.count > Self.pageSize))
    }
}
