import Foundation

/// Checks JSON against the official HSDS 3.0 JSON schemas in `Resources/HSDS/schema/`
/// (docs/adr/0036). It knows the part of JSON Schema those files use - `type` (also a list of
/// types), `required`, `properties`, `items`, `enum`, `format` (uuid, uri, email, date, time,
/// date-time), `minimum`/`maximum` and `$ref` to a sibling file or into one - and reports every
/// error with its path and a Dutch message. Keywords it does not know are ignored, as JSON Schema
/// ignores annotations.
struct HSDSSchemaValidator: Sendable {
    /// The records an HSDS file or the API carries at the top level.
    enum Record: String, Sendable, CaseIterable {
        case organization, service, location
        case serviceAtLocation = "service_at_location"
        case taxonomy
        case taxonomyTerm = "taxonomy_term"

        var file: String { rawValue + ".json" }
    }

    /// The schema files could not be read; `reason` is Dutch and names the file.
    struct LoadError: Error, Sendable, CustomStringConvertible, LocalizedError {
        var reason: String
        var description: String { reason }
        var errorDescription: String? { reason }
    }

    static let relativePath = "Resources/HSDS/schema/"

    /// Every schema file of the folder by its name, such as `service.json`.
    let documents: [String: JSONValue]

    /// The schemas under `root` (the product's root folder, `Settings.rootDirectory`).
    static func load(root: String) throws -> HSDSSchemaValidator {
        let folder = ResourceRoot.withSlash(root) + relativePath
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".json") }
        } catch {
            throw LoadError(reason: "De HSDS-schema's ontbreken: de map \(folder) is niet te lezen.")
        }
        var documents: [String: JSONValue] = [:]
        for name in names {
            guard let data = FileManager.default.contents(atPath: folder + name),
                  let document = try? JSONValue.parse(data) else {
                throw LoadError(reason: "Het HSDS-schema \(folder)\(name) is geen leesbare JSON.")
            }
            documents[name] = document
        }
        return try HSDSSchemaValidator(documents: documents)
    }

    /// Fails when a record's schema is missing or any `$ref` points at nothing, so a broken copy
    /// of the schemas stops the import before it reads a file, not halfway.
    init(documents: [String: JSONValue]) throws {
        self.documents = documents
        for record in Record.allCases where documents[record.file] == nil {
            throw LoadError(reason: "Het HSDS-schema \(record.file) ontbreekt in \(Self.relativePath).")
        }
        for (file, document) in documents {
            for ref in Self.references(in: document) where resolve(ref, from: file) == nil {
                throw LoadError(reason: "Het HSDS-schema \(file) verwijst naar '\(ref)', en dat bestaat niet.")
            }
        }
    }

    /// Every error of `value` as `record`; `path` prefixes each error's path (such as `services[3]`).
    func validate(_ value: JSONValue, as record: Record, at path: String = "") -> [HSDSSchemaError] {
        var errors: [HSDSSchemaError] = []
        if let schema = documents[record.file] {
            check(value, schema, file: record.file, path: path, into: &errors)
        }
        return errors
    }

    /// The schema a `$ref` names, seen from `file`, and the file it lives in: `phone.json`,
    /// `phone.json#/properties/number` or `#/definitions/phone`.
    func resolve(_ ref: String, from file: String) -> (schema: JSONValue, file: String)? {
        let (name, fragment) = ref.firstIndex(of: "#").map { (String(ref[..<$0]), String(ref[ref.index(after: $0)...])) } ?? (ref, "")
        let target = name.isEmpty ? file : (name as NSString).lastPathComponent
        guard var node = documents[target] else { return nil }
        for token in fragment.split(separator: "/", omittingEmptySubsequences: true) {
            let key = token.replacingOccurrences(of: "~1", with: "/").replacingOccurrences(of: "~0", with: "~")
            switch node {
            case .object(let members):
                guard let next = members[key] else { return nil }
                node = next
            case .array(let list):
                guard let index = Int(key), list.indices.contains(index) else { return nil }
                node = list[index]
            default:
                return nil
            }
        }
        return (node, target)
    }

    /// Every `$ref` in a schema document.
    static func references(in node: JSONValue) -> [String] {
        switch node {
        case .object(let members):
            let own = members["$ref"]?.stringValue.map { [$0] } ?? []
            return own + members.sorted { $0.key < $1.key }.flatMap { references(in: $0.value) }
        case .array(let list):
            return list.flatMap(references)
        default:
            return []
        }
    }
}
