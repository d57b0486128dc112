import Foundation

/// Reads an HSDS JSON file: a list of organisations or services (fully nested or not), a paged
/// list with `contents`, or one record. Each record is decoded on its own, so one broken
/// record is reported without hiding the others. Every record is also kept as it came in
/// (`bundle.sources`): what our model has no place for comes back on the API and in exports (ADR 0035).
enum HSDSJSONReader {
    /// Keys only a service has; anything else at the top is read as an organisation.
    private static let serviceKeys: Set<String> = ["status", "organization", "organization_id", "service_areas", "service_at_locations", "application_process"]

    static func read(_ data: Data) -> HSDSBundle {
        var bundle = HSDSBundle(format: "JSON")
        do {
            _ = try JSONSerialization.jsonObject(with: data)
        } catch {
            let detail = (error as NSError).userInfo["NSDebugDescription"].map { " (\($0))" } ?? ""
            bundle.rejections.append("Het bestand is geen geldige JSON\(detail).")
            return bundle
        }
        // read again as JSONValue, which keeps every number exactly as written (see `JSONValue.parse`)
        guard let root = try? JSONValue.parse(data) else {
            bundle.rejections.append("Het bestand is geen geldige JSON.")
            return bundle
        }
        let items: [JSONValue]
        switch root {
        case .array(let list): items = list
        case .object: items = root["contents"]?.arrayValue ?? [root]
        default:
            bundle.rejections.append("Het bestand bevat geen lijst van organisaties of services.")
            return bundle
        }
        let decoder = JSONDecoder()
        for (index, item) in items.enumerated() {
            guard var object = item.objectValue else {
                bundle.rejections.append("record \(index + 1): geen JSON-object")
                continue
            }
            if let service = serviceOfServiceAtLocation(object) { object = service }
            let isService = !serviceKeys.isDisjoint(with: object.keys)
            let value = JSONValue.object(object)
            bundle.sources.append(HSDSSource(kind: isService ? .service : .organization, value: value))
            let label = "\(isService ? "service" : "organization") \(object["id"].map(describe) ?? "nummer \(index + 1)")"
            do {
                let data = try value.data(sortedKeys: false)
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

    private static func describe(_ id: JSONValue) -> String {
        switch id {
        case .string(let text): text
        case .int(let n): "\(n)"
        case .double(let n): "\(n)"
        default: (try? id.data()).map { String(decoding: $0, as: UTF8.self) } ?? "?"
        }
    }

    /// A `service_at_location` with its service nested (`service_at_location_full.json`) is read as
    /// that service offered at that location: the service with this one link in `service_at_locations`.
    static func serviceOfServiceAtLocation(_ object: [String: JSONValue]) -> [String: JSONValue]? {
        guard object["name"] == nil, case .object(var service)? = object["service"],
              object["location"]?.objectValue != nil || object["location_id"]?.stringValue != nil else { return nil }
        var link = object
        link["service"] = nil
        service["service_at_locations"] = .array((service["service_at_locations"]?.arrayValue ?? []) + [.object(link)])
        return service
    }
}
