import Foundation
@testable import KansrijkApp

/// A generated HSDS 3.0 file of Dutch organisations, each fully nested with its locations and
/// services (issue #16 round trip). Deterministic for a seed; every name, address and number is
/// made up: phone numbers have a subscriber part starting with 0, which no Dutch number has, and
/// contacts are desks and teams, never people.
struct HSDSDutchFileGenerator {
    private var rng: SplitMix64

    init(seed: UInt64) { rng = SplitMix64(seed: seed) }

    static let municipalities: [(name: String, area: String)] = [
        ("Zeist", "030"), ("Utrecht", "030"), ("Amersfoort", "033"), ("Apeldoorn", "055"), ("Borsele", "0113"),
        ("Rotterdam", "010"), ("Groningen", "050"), ("Zwolle", "038"), ("Eindhoven", "040"), ("Leeuwarden", "058"),
    ]
    static let organisationKinds = ["Stichting Kraamzorg", "Jeugdgezondheidszorg", "Verloskundigenpraktijk", "Buurtteam", "Stichting Welzijn",
                                    "Consultatiebureau", "Taalhuis", "Voedselbank", "Schuldhulpmaatje", "Gezinscentrum"]
    static let regions = ["Midden", "Noord", "Oost", "West", "Zuid", "Centrum", "De Heuvelrug", "Aan de Rivier", "Het Veld", "De Kust"]
    static let services = ["Zwangerschapscursus", "Borstvoedingsspreekuur", "Kraamzorg aan huis", "Opvoedspreekuur", "Taalcafé voor ouders",
                           "Budgetcursus", "Peutergroep", "Huisbezoek na de geboorte", "Stoppen met roken in de zwangerschap",
                           "Moeder-kindgroep", "Vadergroep", "Voorlichting kinderwens", "Babymassage", "Inloopochtend jonge ouders"]
    static let streets = ["Dorpsstraat", "Kerkstraat", "Stationsweg", "Molenweg", "Schoolstraat", "Julianalaan", "Beatrixplein",
                          "Lindelaan", "Emmastraat", "Burgemeester Visserlaan", "Nieuwe Gracht", "Slotlaan"]
    static let days = ["MO", "TU", "WE", "TH", "FR"]
    static let languages: [(code: String, name: String)] = [("nl", "Nederlands"), ("en", "Engels"), ("ar", "Arabisch"), ("tr", "Turks"), ("pl", "Pools")]
    static let documents = ["Geldig identiteitsbewijs", "Verwijsbrief van de huisarts", "Zwangerschapskaart", "Bewijs van inkomen",
                            "Beschikking van de gemeente"]
    static let waits = ["2 weken", "1 week", "3 dagen", "binnen 48 uur", "6 weken", "geen wachttijd"]

    /// `organisations` organisations with `servicesEach` services each, as a JSON list.
    mutating func file(organisations: Int, servicesEach: Int) -> JSONValue {
        .array((0..<organisations).map { organisation(index: $0, services: servicesEach) })
    }

    private mutating func organisation(index: Int, services count: Int) -> JSONValue {
        let place = Self.municipalities[index % Self.municipalities.count]
        let name = "\(Self.organisationKinds[index % Self.organisationKinds.count]) \(Self.regions[(index / 10) % Self.regions.count]) \(index + 1)"
        let id = uuid()
        let slug = name.lowercased().replacingOccurrences(of: " ", with: "-")
        let locations = (0..<(1 + index % 2)).map { _ in location(in: place, organisation: name) }
        let locationIDs = locations.compactMap { $0["id"]?.stringValue }
        return .object([
            "id": .string(id), "name": .string(name), "alternate_name": .string("\(Self.organisationKinds[index % 10]) \(place.name)"),
            "description": .string("\(name) helpt (aanstaande) ouders in \(place.name) en omgeving in de eerste 1000 dagen."),
            "email": .string("info@\(slug).voorbeeld.nl"), "website": .string("https://\(slug).voorbeeld.nl"),
            "legal_status": .string(index % 3 == 0 ? "Stichting" : "Vereniging"), "year_incorporated": .int(1950 + index % 70),
            "tax_status": .string("ANBI"), "logo": .string("https://\(slug).voorbeeld.nl/logo.png"), "uri": .string("https://\(slug).voorbeeld.nl/over-ons"),
            "phones": .array([phone(area: place.area, description: "Algemeen nummer, op werkdagen bereikbaar")]),
            "contacts": .array([contact(title: "Secretariaat", department: "Bedrijfsbureau", area: place.area, slug: slug)]),
            "funding": .array([.object(["id": .string(uuid()), "source": .string("Subsidie van de gemeente \(place.name) (Kansrijke Start)")])]),
            "organization_identifiers": .array([.object([
                "id": .string(uuid()), "identifier_scheme": .string("NL-KVK"), "identifier_type": .string("KvK-nummer"),
                "identifier": .string(String(format: "%08d", Int(rng.next() % 100_000_000))),
            ])]),
            "programs": .array([.object(["id": .string(uuid()), "name": .string("Kansrijke Start \(place.name)"),
                                         "alternate_name": .string("KS \(place.name)"), "description": .string("Lokale coalitie voor de eerste 1000 dagen.")])]),
            "locations": .array(locations),
            "services": .array((0..<count).map { service(index: index * count + $0, place: place, slug: slug, locations: locationIDs) }),
        ])
    }

    private mutating func location(in place: (name: String, area: String), organisation: String) -> JSONValue {
        let street = "\(Self.streets[int(Self.streets.count)]) \(1 + int(180))"
        let postal = "\(1000 + int(8999)) \(letter())\(letter())"
        return .object([
            "id": .string(uuid()), "location_type": .string("physical"), "name": .string("\(organisation), \(street)"),
            "alternate_name": .string("Vestiging \(place.name)"), "description": .string("Gebouw met lift; de ingang is aan de straatkant."),
            "transportation": .string("Bushalte op 200 meter; fietsenstalling voor de deur."), "url": .string("https://voorbeeld.nl/locaties/\(int(9999))"),
            "latitude": .double(52.0 + Double(int(900)) / 1000 + 0.0005), "longitude": .double(4.5 + Double(int(900)) / 1000 + 0.0005),
            "external_identifier": .string(String(format: "0%015d", Int(rng.next() % 1_000_000_000_000_000))), "external_identifier_type": .string("BAG"),
            "addresses": .array([
                .object(["id": .string(uuid()), "address_1": .string(street), "city": .string(place.name), "region": .string(place.name),
                         "state_province": .string(""), "postal_code": .string(postal), "country": .string("NL"), "address_type": .string("physical")]),
                .object(["id": .string(uuid()), "attention": .string("t.a.v. de administratie"), "address_1": .string("Postbus \(100 + int(900))"),
                         "city": .string(place.name), "state_province": .string(""), "postal_code": .string("\(1000 + int(8999)) \(letter())\(letter())"),
                         "country": .string("NL"), "address_type": .string("postal")]),
            ]),
            "accessibility": .array([.object(["id": .string(uuid()), "description": .string("Rolstoeltoegankelijk, met invalidentoilet."),
                                              "details": .string("Ringleiding in de spreekkamer."), "url": .string("https://voorbeeld.nl/toegankelijkheid")])]),
            "languages": .array([language(1, note: "Tolk op afspraak")]),
            "phones": .array([phone(area: place.area, description: "Balie van deze vestiging")]),
            "schedules": .array([schedule(days: "MO,WE,FR", opens: "08:30", closes: "17:00")]),
        ])
    }

    private mutating func service(index: Int, place: (name: String, area: String), slug: String, locations: [String]) -> JSONValue {
        let name = "\(Self.services[index % Self.services.count]) \(place.name) \(index + 1)"
        let id = uuid()
        let phase = Term.phases[index % Term.phases.count], theme = Term.themes[index % Term.themes.count]
        let minimum: Double = [0, 0.5, 1.5, 16][index % 4]
        let links: [JSONValue] = locations.prefix(1 + index % 2).map { location in
            .object(["id": .string(uuid()), "location_id": .string(location), "description": .string("Op afspraak op deze locatie."),
                     "phones": .array([phone(area: place.area, description: "Direct nummer voor deze locatie")]),
                     "schedules": .array([schedule(days: "TU,TH", opens: "13:00", closes: "16:30")]),
                     "contacts": .array([contact(title: "Locatiecoördinator", department: "Vestiging", area: place.area, slug: slug)])])
        }
        var service: [String: JSONValue] = [
            "id": .string(id), "name": .string(name), "alternate_name": .string(Self.services[index % Self.services.count]),
            "description": .string("\(Self.services[index % Self.services.count]) voor ouders in \(place.name)."),
            "url": .string("https://\(slug).voorbeeld.nl/aanbod/\(index + 1)"), "email": .string("aanmelden@\(slug).voorbeeld.nl"),
            "status": .string("active"), "interpretation_services": .string("Tolk via de tolkentelefoon"),
            "application_process": .string("Meld u aan via de website of bel het aanmeldnummer."),
            "fees_description": .string(index % 3 == 0 ? "Gratis voor inwoners van \(place.name)." : "Eigen bijdrage naar inkomen."),
            "wait_time": .string(Self.waits[index % Self.waits.count]), "accreditations": .string("Erkend door het Nederlands Jeugdinstituut"),
            "eligibility_description": .string("Voor aanstaande en jonge ouders."), "minimum_age": minimum == minimum.rounded() ? .int(Int(minimum)) : .double(minimum),
            "maximum_age": .int(99), "assured_date": .string("2025-0\(1 + index % 9)-15"), "assurer_email": .string("kwaliteit@\(slug).voorbeeld.nl"),
            "alert": .string(index % 5 == 0 ? "In de zomervakantie beperkt bereikbaar." : ""),
            "phones": .array([phone(area: place.area, description: "Aanmeldnummer"), phone(area: place.area, description: "Spoed, buiten kantoortijd")]),
            "schedules": .array([schedule(days: Self.days[index % 5], opens: "09:00", closes: "12:00"),
                                 schedule(days: Self.days[(index + 2) % 5], opens: "13:30", closes: "17:00")]),
            "service_areas": .array([.object(["id": .string(uuid()), "name": .string(place.name)])]),
            "service_at_locations": .array(links),
            "languages": .array([language(0, note: nil), language(1 + index % 4, note: "Met een tolk")]),
            "contacts": .array([contact(title: "Aanmeldpunt", department: "Intake", area: place.area, slug: slug)]),
            "cost_options": .array([.object(["id": .string(uuid()), "valid_from": .string("2026-01-01"), "valid_to": .string("2026-12-31"),
                                             "option": .string("Per bijeenkomst"), "currency": .string("EUR"), "amount": .double(Double(5 + index % 20) + 0.5),
                                             "amount_description": .string("Minima betalen niets")])]),
            "required_documents": .array([.object(["id": .string(uuid()), "document": .string(Self.documents[index % Self.documents.count]),
                                                   "uri": .string("https://\(slug).voorbeeld.nl/documenten")])]),
            "funding": .array([.object(["id": .string(uuid()), "source": .string("Gemeente \(place.name), Gezond en Actief Leven Akkoord")])]),
            "program": .object(["id": .string(uuid()), "name": .string("Kansrijke Start \(place.name)"), "description": .string("Lokaal programma.")]),
            "attributes": .array([phase, theme].map { term in
                .object(["id": .string(uuid()), "taxonomy_term_id": .string(term.id.hsds), "link_entity": .string("service"),
                         "link_type": .string(term.vocabulary.hsdsLinkType ?? "")])
            }),
        ]
        service["last_modified"] = .string("2025-11-0\(1 + index % 9)T10:00:00.000Z")
        return .object(service)
    }

    private mutating func phone(area: String, description: String) -> JSONValue {
        .object(["id": .string(uuid()), "number": .string("\(area) 0\(100_000 + int(899_999))"), "extension": .int(int(300)),
                 "type": .string("voice"), "description": .string(description),
                 "languages": .array([language(0, note: "Ook in eenvoudig Nederlands")])])
    }

    private mutating func schedule(days: String, opens: String, closes: String) -> JSONValue {
        .object(["id": .string(uuid()), "freq": .string("WEEKLY"), "byday": .string(days), "opens_at": .string(opens),
                 "closes_at": .string(closes), "description": .string("\(days): \(opens)-\(closes), niet op feestdagen"),
                 "valid_from": .string("2026-01-01"), "timezone": .int(1), "wkst": .string("MO"), "interval": .int(1),
                 "notes": .string("In schoolvakanties op afspraak.")])
    }

    private mutating func contact(title: String, department: String, area: String, slug: String) -> JSONValue {
        .object(["id": .string(uuid()), "name": .string("Team \(department)"), "title": .string(title), "department": .string(department),
                 "email": .string("\(department.lowercased())@\(slug).voorbeeld.nl"), "phones": .array([phone(area: area, description: "Team \(department)")])])
    }

    private mutating func language(_ index: Int, note: String?) -> JSONValue {
        let l = Self.languages[index % Self.languages.count]
        var object: [String: JSONValue] = ["id": .string(uuid()), "name": .string(l.name), "code": .string(l.code)]
        if let note { object["note"] = .string(note) }
        return .object(object)
    }

    private mutating func int(_ upper: Int) -> Int { Int(rng.next() % UInt64(upper)) }
    private mutating func letter() -> String { String(UnicodeScalar(UInt8(65 + int(26)))) }

    /// A version 4 UUID from the generator, lower case.
    private mutating func uuid() -> String {
        var bytes = (0..<16).map { _ in UInt8(truncatingIfNeeded: rng.next()) }
        bytes[6] = (bytes[6] & 0x0F) | 0x40
        bytes[8] = (bytes[8] & 0x3F) | 0x80
        let u = bytes
        return UUID(uuid: (u[0], u[1], u[2], u[3], u[4], u[5], u[6], u[7], u[8], u[9], u[10], u[11], u[12], u[13], u[14], u[15])).hsds
    }
}

/// A small, fast, seeded random number generator (SplitMix64), so generated files are the same on every run.
struct SplitMix64 {
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
