import Foundation

/// Reads an HSDS JSON file: a list of organisations or services (fully nested or not), a paged
/// list with `contents`, or one record. Each record is decoded on its own, so one broken
/// record is reported without hiding the others.
enum HSDSJSONReader {
    /// Keys for parts of HSDS our model has no place for.
    static let omittedKeys: Set<String> = ["programs", "program", "funding", "organization_identifiers", "required_documents", "cost_options", "metadata"]
    /// Keys only a service has; anything else at the top is read as an organisation.
    private static let serviceKeys: Set<String> = ["status", "organization", "organization_id", "service_areas", "service_at_locations", "application_process"]

    static func read(_ data: Data) -> HSDSBundle {
        var bundle = HSDSBundle(format: "JSON")
        let root: Any
        do {
            root = try JSONSerialization.jsonObject(with: data)
        } catch {
            let detail = (error as NSError).userInfo["NSDebugDescription"].map { " (\($0))" } ?? ""
            bundle.rejections.append("Het bestand is geen geldige JSON\(detail).")
            return bundle
        }
        let items: [Any]
        if let list = root as? [Any] {
            items = list
        } else if let object = root as? [String: Any] {
            items = object["contents"] as? [Any] ?? [object]
        } else {
            bundle.rejections.append("Het bestand bevat geen lijst van organisaties of services.")
            return bundle
        }
        let decoder = JSONDecoder()
        for (index, item) in items.enumerated() {
            guard let object = item as? [String: Any] else {
                bundle.rejections.append("record \(index + 1): geen JSON-object")
                continue
            }
            countOmitted(object, into: &bundle)
            let isService = !serviceKeys.isDisjoint(with: object.keys)
            let label = "\(isService ? "service" : "organization") \(object["id"].map { "\($0)" } ?? "nummer \(index + 1)")"
            do {
                let data = try JSONSerialization.data(withJSONObject: object)
                if isService {
                    bundle.services.append(try decoder.decode(HSDSService.self, from: data))
                } else {
                    bundle.organizations.append(try decoder.decode(HSDSOrganization.self, from: data))
                }
            } catch let error as DecodingError {
                bundle.rejections.append("\(label): \(HSDSRow.describe(error))")
            } catch {
                bundle.rejections.append("\(label): onleesbaar record")
            }
        }
        return bundle
    }

    private static func countOmitted(_ value: Any, into bundle: inout HSDSBundle) {
        if let object = value as? [String: Any] {
            for (key, child) in object {
                if omittedKeys.contains(key) {
                    bundle.omit(key, (child as? [Any])?.count ?? (child is [String: Any] ? 1 : 0))
                } else {
                    countOmitted(child, into: &bundle)
                }
            }
        } else if let list = value as? [Any] {
            for child in list { countOmitted(child, into: &bundle) }
        }
    }
}
