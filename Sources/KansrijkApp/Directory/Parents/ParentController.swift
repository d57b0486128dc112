import Vapor

/// The offering for (expecting) parents, in plain Dutch (B1), without professional jargon.
struct ParentController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("ouders", use: search)
        routes.get("ouders", "aanbod", ":id", use: show)
    }

    /// What parents choose from, in their own words.
    static let situations: [(code: String, nl: String, en: String, phases: [String])] = [
        ("kinderwens", "Ik wil (misschien) een kind", "I (may) want a child", ["kinderwens"]),
        ("zwanger", "Ik ben zwanger", "I am pregnant", ["zwangerschap-t1", "zwangerschap-t2", "zwangerschap-t3"]),
        ("geboren", "Mijn baby is net geboren", "My baby was just born", ["kraamtijd"]),
        ("baby", "Mijn kind is jonger dan 1 jaar", "My child is under 1", ["0-1"]),
        ("peuter", "Mijn kind is 1 of 2 jaar", "My child is 1 or 2", ["1-2"]),
    ]

    static let topics: [(code: String, nl: String, en: String)] = [
        ("financien", "Geld en schulden", "Money and debts"),
        ("wonen", "Een huis of woonplek", "A home"),
        ("psychische-gezondheid", "Je gevoel: somber, bang of gestrest", "How you feel: low, anxious or stressed"),
        ("verslaving", "Alcohol of drugs", "Alcohol or drugs"),
        ("huiselijk-geweld", "Veilig zijn thuis", "Being safe at home"),
        ("relatie", "Je relatie", "Your relationship"),
        ("eenzaamheid", "Je alleen voelen, mensen ontmoeten", "Feeling alone, meeting people"),
        ("taal", "Taal, lezen en formulieren", "Language, reading and forms"),
        ("opvoeding", "Je kind opvoeden", "Raising your child"),
        ("leefstijl", "Gezond leven en stoppen met roken", "Healthy living and quitting smoking"),
        ("anticonceptie", "Wel of (nog) geen kind", "A child or not (yet)"),
        ("asiel", "Nieuw in Nederland", "New in the Netherlands"),
        ("jonge-ouders", "Jong ouder worden", "Becoming a young parent"),
        ("medisch", "Zorg van verloskundige of dokter", "Care from a midwife or doctor"),
    ]

    struct Page: Encodable {
        var page: PageMeta
        /// Ready HTML: see `SelectOption.municipalityOptionsHTML`.
    var municipalityOptions: String
        var situations: [SelectOption]
        var topics: [SelectOption]
        var searched: Bool
        var municipalityName: String?
        var results: [ServiceSummaryView]
        var total: Int
        var error: String?
    }

    @Sendable func search(req: Request) async throws -> Response {
        let snapshot = req.directory
        let english = req.isEnglish
        let gemeente = req.query[String.self, at: "gemeente"].flatMap { $0.isEmpty ? nil : $0 }
        let situatie = req.query[String.self, at: "situatie"].flatMap { $0.isEmpty ? nil : $0 }
        let onderwerp = req.query[String.self, at: "onderwerp"].flatMap { $0.isEmpty ? nil : $0 }
        // "u" or "jij", as the coalition of the chosen municipality agreed (issue 15)
        req.parentAddress = try await ParentAddress.forMunicipality(gemeente.flatMap { snapshot.municipalities[$0] == nil ? nil : $0 }, on: req.db)
        var error: String?
        if let g = gemeente, snapshot.municipalities[g] == nil { error = req.t("parents.error.municipality") }
        let situation = situatie.flatMap { s in Self.situations.first { $0.code == s } }
        if situatie != nil && situation == nil { error = req.t("parents.error.choice") }
        if let o = onderwerp, !Self.topics.contains(where: { $0.code == o }) { error = req.t("parents.error.choice") }
        let searched = gemeente != nil && error == nil
        var results: [ServiceSummaryView] = []
        var total = 0
        if searched {
            let r = snapshot.search(DirectoryQuery(municipality: gemeente, anyPhase: situation?.phases ?? [], theme: onderwerp, forParents: true, perPage: 30))
            total = r.total
            results = r.hits.map { ServiceSummaryView($0.service, locality: $0.locality, municipalityName: snapshot.municipalities[gemeente!]?.name, english: english, forParents: true) }
        }
        let page = Page(
            page: try await req.pageMeta(title: req.t("parents.title")),
            municipalityOptions: SelectOption.municipalityOptionsHTML(snapshot, selected: gemeente),
            situations: Self.situations.map { SelectOption(value: $0.code, label: english ? $0.en : $0.nl, selected: $0.code == situatie) },
            topics: Self.topics.map { SelectOption(value: $0.code, label: english ? $0.en : $0.nl, selected: $0.code == onderwerp) },
            searched: searched, municipalityName: gemeente.flatMap { snapshot.municipalities[$0]?.name },
            results: results, total: total, error: error)
        return try await req.view.render("directory/parents", page).encodeResponse(status: error == nil ? .ok : .badRequest, for: req)
    }

    struct DetailPage: Encodable {
        var page: PageMeta
        var service: ServiceDetailView
        var selfReferral: Bool
    }

    @Sendable func show(req: Request) async throws -> View {
        guard let id = req.parameters.get("id", as: UUID.self), let record = req.directory.service(id) else { throw PageError.notFound }
        let detail = ServiceDetailView(record, snapshot: req.directory, english: req.isEnglish, showContacts: false, pathways: [])
        let gemeente = req.query[String.self, at: "gemeente"]
        req.parentAddress = try await ParentAddress.forMunicipality(gemeente.flatMap { req.directory.municipalities[$0] == nil ? nil : $0 }, on: req.db)
        return try await req.view.render("directory/parent-service", DetailPage(
            page: try await req.pageMeta(title: record.name), service: detail, selfReferral: record.accessRoute == .selfReferral))
    }
}
