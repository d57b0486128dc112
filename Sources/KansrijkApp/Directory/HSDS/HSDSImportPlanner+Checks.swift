import Foundation

/// What the service form refuses, the import refuses too (issue 13): a record that could not be
/// saved by hand again is not stored through a file. Web addresses must be http(s), so no imported
/// `javascript:`, `data:` or `file:` link ever reaches a page; texts keep to the form's lengths.
/// And what the standard forbids (issue 16): a record against the HSDS 3.0 schema, an id used twice.
extension HSDSImportPlanner {
    /// Rejects a web address that is not a full http(s) address, as the service form does.
    mutating func checkWebAddress(_ raw: String?, at path: String) {
        guard let value = HSDSText.nonEmpty(raw), !ServiceForm.isWebAddress(value) else { return }
        reject(path, "\(Self.quoted(value)) is geen webadres; alleen adressen die met http:// of https:// beginnen worden overgenomen")
    }

    /// Rejects a text longer than the form takes, counted as the form counts (trimmed, in characters).
    mutating func checkLength(_ raw: String?, limit: Int, at path: String) {
        guard let count = HSDSText.nonEmpty(raw)?.count, count > limit else { return }
        reject(path, "\(count) tekens lang; het formulier staat hooguit \(limit) tekens toe")
    }

    /// Every top-level record against the official HSDS 3.0 schema of its kind (contract D, ADR 0036),
    /// when the importer loaded the schemas.
    mutating func validateSchema(_ bundle: HSDSBundle) {
        guard let validator = context.schema else { return }
        var index: [HSDSSource.Kind: Int] = [:]
        for source in bundle.sources {
            let i = index[source.kind, default: 0]
            index[source.kind] = i + 1
            let (record, prefix): (HSDSSchemaValidator.Record, String) = switch source.kind {
            case .organization: (.organization, "organizations[\(i)]")
            case .service: (.service, "services[\(i)]")
            case .location: (.location, "locations[\(i)]")
            }
            for error in validator.validate(source.value, as: record, at: prefix) {
                reject(error.path, error.message)
            }
        }
    }

    /// A top-level record whose id an earlier one of its kind already has. Nested copies (the same
    /// organisation in every service of a list) are the standard's way to repeat, and count once.
    mutating func rejectDuplicates(_ bundle: HSDSBundle) {
        func check(_ ids: [String], _ kind: String) {
            var first: [String: Int] = [:]
            for (i, id) in ids.enumerated() {
                let key = id.lowercased()
                if let earlier = first[key] {
                    reject("\(kind)[\(i)].id", "id \(id) komt meer dan eens voor in het bestand (ook \(kind)[\(earlier)])")
                } else {
                    first[key] = i
                }
            }
        }
        check(bundle.organizations.map(\.id), "organizations")
        check(bundle.locations.map(\.id), "locations")
        check(bundle.taxonomies.map(\.id), "taxonomies")
        check(bundle.terms.map(\.id), "taxonomy_terms")
    }

    /// A value for a reason: quoted, and cut short so a huge field does not flood the report.
    static func quoted(_ value: String) -> String {
        let limit = 80
        return "'" + (value.count > limit ? value.prefix(limit) + "…" : value) + "'"
    }
}
