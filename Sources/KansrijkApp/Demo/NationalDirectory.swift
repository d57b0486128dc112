import Fluent
import Foundation

/// A generated, national-scale directory for benchmarks and load tests: organisations and
/// services in every municipality, with realistic text, phases, themes and areas.
/// Deterministic for a seed; every name is made up.
struct NationalDirectory {
    var services: Int
    var seed: UInt64

    struct Template {
        var name: String
        var kind: OrganisationKind
        var text: String
        var phases: [String]
        var themes: [String]
        var access: AccessRoute
    }

    static let templates: [Template] = [
        .init(name: "Schuldhulpverlening", kind: .schuldhulp, text: "Hulp bij schulden, betalingsachterstanden en het aanvragen van toeslagen voor (aanstaande) gezinnen.", phases: ["kinderwens", "zwangerschap-t2", "0-1", "1-2"], themes: ["financien"], access: .municipality),
        .init(name: "Budgetcoaching", kind: .sociaalteam, text: "Een budgetcoach helpt met overzicht in inkomsten, uitgaven en post.", phases: ["zwangerschap-t2", "zwangerschap-t3", "0-1"], themes: ["financien"], access: .selfReferral),
        .init(name: "Voedselbank", kind: .informeel, text: "Wekelijks voedselpakket voor huishoudens met een inkomen onder de bestaansgrens.", phases: ["zwangerschap-t3", "0-1", "1-2"], themes: ["financien"], access: .professional),
        .init(name: "Moedergroep", kind: .welzijn, text: "Ontmoetingsgroep voor moeders met jonge kinderen, met koffie en een thema.", phases: ["0-1", "1-2"], themes: ["eenzaamheid", "opvoeding"], access: .selfReferral),
        .init(name: "Vadergroep", kind: .welzijn, text: "Groep voor (aanstaande) vaders over vaderschap en de band met je kind.", phases: ["zwangerschap-t3", "0-1"], themes: ["opvoeding", "relatie"], access: .selfReferral),
        .init(name: "Centering Pregnancy", kind: .verloskunde, text: "Groepszwangerschapszorg met controles en voorlichting in een vaste groep.", phases: ["zwangerschap-t1", "zwangerschap-t2", "zwangerschap-t3"], themes: ["medisch", "eenzaamheid"], access: .selfReferral),
        .init(name: "VoorZorg", kind: .jgz, text: "Intensieve huisbezoeken door een jeugdverpleegkundige aan jonge moeders van een eerste kind.", phases: ["zwangerschap-t2", "kraamtijd", "0-1", "1-2"], themes: ["jonge-ouders", "opvoeding"], access: .professional),
        .init(name: "Stevig Ouderschap", kind: .jgz, text: "Extra huisbezoeken bij een verhoogd risico op opvoedproblemen.", phases: ["0-1", "1-2"], themes: ["opvoeding", "psychische-gezondheid"], access: .professional),
        .init(name: "Prenataal huisbezoek", kind: .jgz, text: "Kennismaking met de jeugdverpleegkundige tijdens de zwangerschap, thuis.", phases: ["zwangerschap-t2", "zwangerschap-t3"], themes: ["opvoeding", "medisch"], access: .professional),
        .init(name: "Nu Niet Zwanger", kind: .ggd, text: "Gesprekken over kinderwens en anticonceptie voor mensen in een kwetsbare situatie.", phases: ["kinderwens"], themes: ["anticonceptie", "lvb"], access: .professional),
        .init(name: "POP-poli", kind: .ziekenhuis, text: "Psychiatrie, verloskunde en kindergeneeskunde samen voor zwangeren met psychische klachten.", phases: ["zwangerschap-t1", "zwangerschap-t2", "zwangerschap-t3", "kraamtijd"], themes: ["psychische-gezondheid", "verslaving", "medisch"], access: .medical),
        .init(name: "Stoppen met roken", kind: .ggd, text: "Begeleiding bij stoppen met roken tijdens en na de zwangerschap, ook voor partners.", phases: ["kinderwens", "zwangerschap-t1", "zwangerschap-t2", "0-1"], themes: ["leefstijl"], access: .selfReferral),
        .init(name: "Taalcafé voor ouders", kind: .welzijn, text: "Nederlands oefenen met andere ouders, met aandacht voor brieven en formulieren.", phases: ["zwangerschap-t2", "0-1", "1-2"], themes: ["taal", "asiel"], access: .selfReferral),
        .init(name: "Maatschappelijk werk", kind: .sociaalteam, text: "Ondersteuning bij problemen met geld, wonen, relaties en instanties.", phases: ["zwangerschap-t1", "zwangerschap-t2", "0-1", "1-2"], themes: ["financien", "wonen", "relatie"], access: .selfReferral),
        .init(name: "Veilig Thuis advies", kind: .overig, text: "Advies en meldpunt bij huiselijk geweld en kindermishandeling.", phases: ["zwangerschap-t1", "zwangerschap-t2", "zwangerschap-t3", "kraamtijd", "0-1", "1-2"], themes: ["huiselijk-geweld"], access: .selfReferral),
        .init(name: "Verslavingszorg jonge ouders", kind: .ggz, text: "Behandeling en begeleiding bij alcohol- en drugsgebruik rond de zwangerschap.", phases: ["kinderwens", "zwangerschap-t1", "zwangerschap-t2", "0-1"], themes: ["verslaving"], access: .medical),
        .init(name: "Kraamzorg plus", kind: .kraamzorg, text: "Extra kraamzorguren voor gezinnen die meer ondersteuning nodig hebben.", phases: ["kraamtijd"], themes: ["medisch", "opvoeding"], access: .professional),
        .init(name: "Home-Start", kind: .informeel, text: "Een vrijwilliger die zelf ouder is komt wekelijks op bezoek.", phases: ["0-1", "1-2"], themes: ["eenzaamheid", "opvoeding"], access: .selfReferral),
        .init(name: "Woonbegeleiding", kind: .sociaalteam, text: "Hulp bij het vinden en houden van een woning voor jonge gezinnen.", phases: ["zwangerschap-t2", "zwangerschap-t3", "0-1"], themes: ["wonen"], access: .municipality),
        .init(name: "Relatiecursus", kind: .welzijn, text: "Cursus voor aanstaande ouders over communicatie en de veranderende relatie.", phases: ["zwangerschap-t2", "0-1"], themes: ["relatie"], access: .selfReferral),
        .init(name: "Statushoudersteam", kind: .sociaalteam, text: "Begeleiding van nieuwkomers en statushouders bij zwangerschap en jonge kinderen.", phases: ["zwangerschap-t1", "zwangerschap-t2", "0-1"], themes: ["asiel", "taal"], access: .professional),
        .init(name: "Opvoedspreekuur", kind: .cjg, text: "Spreekuur voor vragen over slapen, huilen, eten en opvoeden.", phases: ["0-1", "1-2"], themes: ["opvoeding"], access: .selfReferral),
        .init(name: "Tienermoederopvang", kind: .welzijn, text: "Wonen en begeleiding voor tienermoeders en jonge ouders.", phases: ["zwangerschap-t3", "0-1", "1-2"], themes: ["jonge-ouders", "wonen"], access: .municipality),
        .init(name: "LVB-steunpunt", kind: .sociaalteam, text: "Ondersteuning voor ouders met een licht verstandelijke beperking.", phases: ["kinderwens", "zwangerschap-t2", "0-1", "1-2"], themes: ["lvb", "opvoeding"], access: .professional),
    ]

    static let prefixes = ["Samen", "Buurt", "Stichting", "Centrum", "Team", "Netwerk", "Huis", "Punt"]
    static let suffixes = ["Oost", "West", "Noord", "Zuid", "Centrum", "aan Zee", "Plus", "Thuis"]

    /// Returns the number of services made.
    func generate(on db: any Database) async throws -> Int {
        var rng = SplitMix64(seed: seed)
        let municipalities = try await Municipality.listed(on: db).sort(\.$id).all()
        let byRegion = Dictionary(grouping: municipalities, by: \.ggdCode)
        let languageCodes = LanguageCatalog.names.map(\.code)
        var made = 0
        let perMunicipality = max(1, services / municipalities.count)
        var remainder = services - perMunicipality * municipalities.count

        for (mi, m) in municipalities.enumerated() {
            let count = perMunicipality + (remainder > 0 ? 1 : 0)
            if remainder > 0 { remainder -= 1 }
            let code = m.id!
            var orgs: [Organisation] = [], locations: [Location] = []
            for k in 0..<4 {
                let kind = Self.templates[(mi + k * 7) % Self.templates.count].kind
                let org = Organisation(id: StableID.make("gen:\(seed):org:\(code):\(k)"),
                                       name: "\(Self.prefixes[(mi + k) % Self.prefixes.count]) \(kind.label) \(m.name)",
                                       kind: kind, description: "Gegenereerde organisatie in \(m.name).", municipalityCode: code)
                orgs.append(org)
                locations.append(Location(id: StableID.make("gen:\(seed):loc:\(code):\(k)"), organisationID: org.id!, name: org.name,
                                          street: "Dorpsstraat \(k + 1)", postalCode: String(format: "%04d AB", 1000 + mi * 3 % 8999),
                                          city: m.name, municipalityCode: code, latitude: m.latitude, longitude: m.longitude))
            }
            var rows = Rows()
            for i in 0..<count {
                let t = Self.templates[Int(rng.next() % UInt64(Self.templates.count))]
                let org = orgs[i % orgs.count]
                let sid = StableID.make("gen:\(seed):svc:\(code):\(i)")
                rows.addService(id: sid, organisationID: org.id!, place: m.name, template: t, rng: &rng)
                // most services serve their own municipality; some a neighbour too; 1% nationwide
                let roll = rng.next() % 100
                if roll >= 1 {
                    rows.areas.append(ServiceArea(id: UUID(), serviceID: sid, municipalityCode: code))
                    if roll < 30, let region = byRegion[m.ggdCode], region.count > 1 {
                        let other = region[Int(rng.next() % UInt64(region.count))].id!
                        if other != code { rows.areas.append(ServiceArea(id: UUID(), serviceID: sid, municipalityCode: other)) }
                    }
                }
                rows.languages.append(ServiceLanguage(id: UUID(), serviceID: sid, code: "nl"))
                if rng.next() % 3 == 0 {
                    let extra = languageCodes[1 + Int(rng.next() % UInt64(languageCodes.count - 1))]
                    rows.languages.append(ServiceLanguage(id: UUID(), serviceID: sid, code: extra))
                }
                if rng.next() % 2 == 0 {
                    rows.contacts.append(ServiceContact(id: UUID(), serviceID: sid, name: "Contactpersoon \(i + 1)", title: "Aanmeldpunt",
                                                        email: "aanmelden\(i)@voorbeeld.example", phone: "0800 000 \(String(format: "%04d", i % 10000))"))
                }
                rows.sal.append(ServiceAtLocation(id: UUID(), serviceID: sid, locationID: locations[i % locations.count].id!))
                made += 1
            }
            let (newOrgs, newLocations, newRows) = (orgs, locations, rows)
            try await db.writeTransaction { tx in
                try await newOrgs.create(on: tx)
                try await newLocations.create(on: tx)
                try await newRows.write(on: tx)
            }
        }
        return made
    }

    struct Rows {
        var services: [Service] = []
        var attributes: [ServiceAttribute] = []
        var areas: [ServiceArea] = []
        var languages: [ServiceLanguage] = []
        var contacts: [ServiceContact] = []
        var sal: [ServiceAtLocation] = []

        /// One generated service of template `t` in `place` with its attributes: a name suffix, the
        /// capacity, one target group and one evidence level drawn from `rng`, in that order.
        mutating func addService(id: UUID, organisationID: UUID, place: String, template t: Template, rng: inout SplitMix64) {
            let suffix = NationalDirectory.suffixes[Int(rng.next() % UInt64(NationalDirectory.suffixes.count))]
            let service = Service(id: id, organisationID: organisationID, name: "\(t.name) \(place) \(suffix)",
                                  description: "\(t.text) Voor inwoners van \(place) en omgeving.",
                                  applicationProcess: t.access.label + ".", accessRoute: t.access,
                                  capacity: rng.next() % 6 == 0 ? .waitingList : .available)
            service.parentSummary = t.text
            service.feesDescription = "Gratis"
            services.append(service)
            let groups = Term.targetGroups, evidence = Term.evidence
            var termIDs = t.phases.compactMap { Term.find(.fase, $0)?.id } + t.themes.compactMap { Term.find(.thema, $0)?.id }
            termIDs.append(groups[Int(rng.next() % UInt64(groups.count))].id)
            termIDs.append(evidence[Int(rng.next() % UInt64(evidence.count))].id)
            attributes += Set(termIDs).map { ServiceAttribute(id: UUID(), serviceID: id, taxonomyTermID: $0) }
        }

        func write(on db: any Database) async throws {
            for chunk in services.chunked(200) { try await chunk.create(on: db) }
            for chunk in attributes.chunked(500) { try await chunk.create(on: db) }
            for chunk in areas.chunked(500) { try await chunk.create(on: db) }
            for chunk in languages.chunked(500) { try await chunk.create(on: db) }
            for chunk in contacts.chunked(300) { try await chunk.create(on: db) }
            for chunk in sal.chunked(500) { try await chunk.create(on: db) }
        }
    }
}

/// A small, fast, seedable generator (SplitMix64), so generated data is the same on every machine.
struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

extension Array {
    func chunked(_ size: Int) -> [ArraySlice<Element>] {
        stride(from: 0, to: count, by: size).map { self[$0..<Swift.min($0 + size, count)] }
    }
}
