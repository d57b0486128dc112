import Foundation
import Testing
@testable import KansrijkApp

/// The validator against the official HSDS 3.0 examples (valid as they are) and mutated copies
/// (each broken in one place, found at that place).
@Suite("HSDS schema validator")
struct HSDSSchemaValidatorTests {
    static let validator: HSDSSchemaValidator? = try? HSDSSchemaValidator.load(root: packageRoot)

    func validator() throws -> HSDSSchemaValidator {
        try #require(Self.validator, "Resources/HSDS/schema could not be loaded")
    }

    func example(_ name: String) throws -> JSONValue {
        let url = [hsdsFixtures.appendingPathComponent(name), hsdsFixtures.appendingPathComponent("official/" + name)]
            .first { FileManager.default.fileExists(atPath: $0.path) }
        return try JSONValue.parse(Data(contentsOf: try #require(url, "no fixture \(name)")))
    }

    @Test("every official example is valid as its record", arguments: [
        ("service_full.json", HSDSSchemaValidator.Record.service),
        ("organization_full.json", .organization),
        ("location.json", .location),
        ("service_at_location_full.json", .serviceAtLocation),
        ("taxonomy.json", .taxonomy),
        ("taxonomy_term.json", .taxonomyTerm),
    ])
    func officialExamples(file: String, record: HSDSSchemaValidator.Record) throws {
        let errors = try validator().validate(try example(file), as: record)
        #expect(errors.isEmpty, "\(file): \(errors)")
    }

    @Test("every item of the official list examples is valid")
    func officialLists() throws {
        for (file, record) in [("service_list.json", HSDSSchemaValidator.Record.service), ("organization_list.json", .organization)] {
            let items = try #require(try example(file)["contents"]?.arrayValue)
            #expect(!items.isEmpty)
            for (i, item) in items.enumerated() {
                let errors = try validator().validate(item, as: record, at: "contents[\(i)]")
                #expect(errors.isEmpty, "\(file): \(errors)")
            }
        }
    }

    /// One change to the official service, the path it must be reported at and a word of the message.
    struct Mutation: Sendable, CustomStringConvertible {
        var description: String
        var path: String
        var words: String
        var change: @Sendable (inout JSONValue) -> Void
    }

    static let serviceMutations: [Mutation] = [
        Mutation(description: "name removed", path: "name", words: "verplicht") { $0.remove("name") },
        Mutation(description: "status not in the list", path: "status", words: "kies uit: 'active'") { $0.set("status", .string("open")) },
        Mutation(description: "id not a UUID", path: "id", words: "geen geldige UUID") { $0.set("id", .string("service-1")) },
        Mutation(description: "a phone without number", path: "phones[0].number", words: "verplicht") { v in
            v.edit("phones", 0) { $0.remove("number") }
        },
        Mutation(description: "minimum_age as text", path: "minimum_age", words: "een getal") { $0.set("minimum_age", .string("twaalf")) },
        Mutation(description: "url without scheme", path: "url", words: "geen geldige URI") { $0.set("url", .string("www.example.org")) },
        Mutation(description: "email without @", path: "email", words: "geen geldig e-mailadres") { $0.set("email", .string("info.example.org")) },
        Mutation(description: "last_modified in Dutch notation", path: "last_modified", words: "datum-tijd") {
            $0.set("last_modified", .string("15-03-2023 10:30"))
        },
        Mutation(description: "schedule frequency unknown", path: "schedules[0].freq", words: "'DAILY'") { v in
            v.edit("schedules", 0) { $0.set("freq", .string("DAILY")) }
        },
        Mutation(description: "phones an object", path: "phones", words: "een lijst") { $0.set("phones", .object([:])) },
        Mutation(description: "nested organization without name", path: "organization.name", words: "verplicht") { v in
            if case .object(var o)? = v["organization"] { o["name"] = nil; v.set("organization", .object(o)) }
        },
        Mutation(description: "a location's type unknown, deep in service_at_locations",
                 path: "service_at_locations[0].location.location_type", words: "kies uit") { v in
            v.edit("service_at_locations", 0) { sal in
                if case .object(var l)? = sal["location"] { l["location_type"] = .string("online"); sal.set("location", .object(l)) }
            }
        },
        Mutation(description: "an attribute's taxonomy term without name", path: "attributes[0].taxonomy_term.name", words: "verplicht") { v in
            v.edit("attributes", 0) { a in
                if case .object(var t)? = a["taxonomy_term"] { t["name"] = nil; a.set("taxonomy_term", .object(t)) }
            }
        },
        Mutation(description: "cost amount null", path: "cost_options[0].amount", words: "maar is null") { v in
            v.edit("cost_options", 0) { $0.set("amount", .null) }
        },
    ]

    @Test("a mutated official service is invalid at the place of the change", arguments: serviceMutations)
    func mutations(mutation: Mutation) throws {
        var service = try example("service_full.json")
        mutation.change(&service)
        let errors = try validator().validate(service, as: .service)
        #expect(errors.count == 1, "\(errors)")
        let error = try #require(errors.first)
        #expect(error.path == mutation.path)
        #expect(error.message.contains(mutation.words), "\(error.message)")
    }

    @Test("errors carry the caller's prefix, and a record that is no object says so")
    func prefixAndRoot() throws {
        var service = try example("service_full.json")
        service.edit("phones", 0) { $0.remove("number") }
        #expect(try validator().validate(service, as: .service, at: "services[3]")
            == [HSDSSchemaError(path: "services[3].phones[0].number", message: "Dit veld is verplicht en ontbreekt.")])
        let notAnObject = try validator().validate(.array([]), as: .organization)
        #expect(notAnObject == [HSDSSchemaError(path: "", message: "Moet een object zijn, maar is een lijst.")])
    }

    @Test("several errors in one record are all reported, in a stable order")
    func severalErrors() throws {
        var organization = try example("organization_full.json")
        organization.remove("name")
        organization.set("website", .string("geen adres"))
        organization.edit("locations", 0) { $0.set("latitude", .string("52,1")) }
        let paths = try validator().validate(organization, as: .organization).map(\.path)
        #expect(paths == ["name", "locations[0].latitude", "website"])
    }
}

@Suite("HSDS schema validator: keywords and formats")
struct HSDSSchemaKeywordTests {
    func schemas(_ extra: [String: JSONValue]) throws -> HSDSSchemaValidator {
        var documents: [String: JSONValue] = [:]
        for record in HSDSSchemaValidator.Record.allCases { documents[record.file] = .object(["type": .string("object")]) }
        return try HSDSSchemaValidator(documents: documents.merging(extra) { $1 })
    }

    @Test("a list of types, integer, minimum and maximum, references with a fragment")
    func keywords() throws {
        let taxonomy: JSONValue = .object([
            "type": .string("object"),
            "properties": .object([
                "note": .object(["type": .array([.string("string"), .string("null")])]),
                "count": .object(["type": .string("integer"), "minimum": .int(0), "maximum": .int(10)]),
                "ref": .object(["$ref": .string("parts.json#/definitions/code")]),
            ]),
        ])
        let parts: JSONValue = .object(["definitions": .object(["code": .object(["type": .string("string"), "format": .string("date")])])])
        let v = try schemas(["taxonomy.json": taxonomy, "parts.json": parts])
        func errors(_ members: [String: JSONValue]) -> [String] { v.validate(.object(members), as: .taxonomy).map(\.description) }
        #expect(errors(["note": .null, "count": .int(3), "ref": .string("2024-02-29")]).isEmpty)
        #expect(errors(["count": .double(4.0)]).isEmpty)
        #expect(errors(["note": .int(1)]) == ["note: Moet tekst of null zijn, maar is een getal (1)."])
        #expect(errors(["count": .double(2.5)]) == ["count: Moet een geheel getal zijn, maar is een getal (2.5)."])
        #expect(errors(["count": .int(-1)]) == ["count: Moet minstens 0 zijn; -1 is te klein."])
        #expect(errors(["count": .int(11)]) == ["count: Mag hoogstens 10 zijn; 11 is te groot."])
        #expect(errors(["ref": .string("2023-02-29")]) == ["ref: '2023-02-29' is geen geldige datum (JJJJ-MM-DD, zoals 2025-01-31)."])
    }

    @Test("a reference to nothing stops loading, as do missing files")
    func brokenSchemas() throws {
        let broken: JSONValue = .object(["properties": .object(["x": .object(["$ref": .string("nowhere.json")])])])
        #expect(throws: HSDSSchemaValidator.LoadError.self) { try schemas(["service.json": broken]) }
        #expect(throws: HSDSSchemaValidator.LoadError.self) { try HSDSSchemaValidator(documents: [:]) }
        #expect(throws: HSDSSchemaValidator.LoadError.self) { try HSDSSchemaValidator.load(root: "/nonexistent-kansrijk-root") }
    }

    @Test("formats as JSON Schema defines them")
    func formats() {
        let valid = [
            ("uuid", "3fa85f64-5717-4562-b3fc-2c963f66afa6"), ("uuid", "3FA85F64-5717-4562-B3FC-2C963F66AFA6"),
            ("uri", "https://kansrijk.nl/a?b=c"), ("uri", "mailto:info@example.org"), ("uri", "urn:isbn:123"),
            ("email", "info@example.org"), ("date", "2024-02-29"), ("time", "09:30:00Z"), ("time", "23:59:60.5+01:00"),
            ("date-time", "2023-03-15T10:30:45.123Z"), ("date-time", "2023-03-15t10:30:45-05:00"), ("csv", "anything"),
        ]
        for (format, text) in valid {
            #expect(HSDSSchemaFormat.problem(format, text) == nil, "\(format) \(text)")
        }
        let invalid = [
            ("uuid", "3fa85f6457174562b3fc2c963f66afa6"), ("uuid", "{3fa85f64-5717-4562-b3fc-2c963f66afa6}"),
            ("uri", "www.example.org"), ("uri", "https://example.org/a b"), ("uri", "1http://x"), ("uri", ":x"),
            ("email", "info"), ("email", "@example.org"), ("email", "a@b@c"), ("email", "a b@c.nl"),
            ("date", "2023-02-29"), ("date", "2023-13-01"), ("date", "31-01-2023"), ("time", "09:30"), ("time", "24:00:00Z"),
            ("time", "09:30:00"), ("date-time", "2023-03-15 10:30:45Z"), ("date-time", "2023-03-15T10:30:45"),
        ]
        for (format, text) in invalid {
            #expect(HSDSSchemaFormat.problem(format, text) != nil, "\(format) \(text)")
        }
    }
}

extension JSONValue {
    /// Test helpers to change a copy of an example in place.
    mutating func set(_ key: String, _ value: JSONValue) {
        if case .object(var members) = self { members[key] = value; self = .object(members) }
    }

    mutating func remove(_ key: String) {
        if case .object(var members) = self { members[key] = nil; self = .object(members) }
    }

    mutating func edit(_ key: String, _ index: Int, _ change: (inout JSONValue) -> Void) {
        guard case .array(var list)? = self[key], list.indices.contains(index) else { return }
        change(&list[index])
        set(key, .array(list))
    }
}
