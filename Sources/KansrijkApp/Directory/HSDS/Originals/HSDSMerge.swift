import Foundation

/// Merges a kept original back over the record we build (ADR 0035), three ways:
/// - `original`: the record as the import received it;
/// - `baseline`: what we built right after that import;
/// - `ours`: what we build now.
///
/// Per value: where ours still equals the baseline, nothing was edited in the product since the
/// import, so the original's value comes back exactly as it came in (our own formatting, such as
/// "3 weken" for "3 weeks", never replaces it). Where ours differs, the edit wins; a value the
/// baseline had and ours lacks was removed in the product and stays out. A value neither the
/// baseline nor ours has is one our model has no place for: the original's comes back.
/// Arrays of objects merge by `id`, in the original's order, our additions after. Our children
/// without a stable id of their own (phones, schedules, contacts...) are first matched to the
/// original's by what our model keeps of them (`HSDSMerge.key`) and take the original's id.
enum HSDSMerge {
    static func merge(original: JSONValue, baseline: JSONValue, ours: JSONValue) -> JSONValue {
        merge(original, baseline, ours, key: nil)
    }

    /// `key` is the name of the field holding these values, which chooses how array children match.
    private static func merge(_ o: JSONValue?, _ b: JSONValue?, _ c: JSONValue, key: String?) -> JSONValue {
        switch (o, c) {
        case (.object(let original)?, .object(let ours)):
            let base = b?.objectValue ?? [:]
            var out: [String: JSONValue] = [:]
            for k in Set(original.keys).union(ours.keys) {
                if let value = field(original[k], base[k], ours[k], key: k) { out[k] = value }
            }
            return .object(out)
        case (.array(let original)?, .array(let ours)) where isObjectList(original) && isObjectList(ours):
            return .array(mergeList(original, b?.arrayValue ?? [], ours, key: key))
        default:
            if let o, b == c { return o }
            return c
        }
    }

    /// One field: missing from ours means removed in the product (when the baseline had it) or never ours (keep the original's).
    private static func field(_ o: JSONValue?, _ b: JSONValue?, _ c: JSONValue?, key: String) -> JSONValue? {
        guard let c else { return b == nil ? o : nil }
        return merge(o, b, c, key: key)
    }

    private static func isObjectList(_ list: [JSONValue]) -> Bool {
        list.allSatisfy { $0["id"]?.stringValue != nil }
    }

    private static func mergeList(_ original: [JSONValue], _ baseline: [JSONValue], _ ours: [JSONValue], key: String?) -> [JSONValue] {
        let base = align(baseline, to: original, key: key)
        let now = align(ours, to: original, key: key)
        let baseByID = Dictionary(base.map { (id($0), $0) }, uniquingKeysWith: { first, _ in first })
        let nowByID = Dictionary(now.map { (id($0), $0) }, uniquingKeysWith: { first, _ in first })
        var out: [JSONValue] = []
        var placed = Set<String>()
        for element in original {
            let elementID = id(element)
            guard placed.insert(elementID).inserted else { continue }
            if let c = nowByID[elementID] {
                out.append(merge(element, baseByID[elementID], c, key: key))
            } else if baseByID[elementID] == nil {
                out.append(element)
            }
        }
        for c in now where placed.insert(id(c)).inserted { out.append(c) }
        return out
    }

    private static func id(_ value: JSONValue) -> String { value["id"]?.stringValue?.lowercased() ?? "" }

    /// Gives each of our children that matches a child of the original the original's id: same id
    /// first, else the same `key` value; each original child matches at most one of ours.
    static func align(_ ours: [JSONValue], to original: [JSONValue], key: String?) -> [JSONValue] {
        guard !original.isEmpty, !ours.isEmpty else { return ours }
        let originalIDs = Set(original.map(id))
        var taken = Set(ours.map(id).filter { originalIDs.contains($0) })
        var free: [String: [String]] = [:]
        for (index, element) in original.enumerated() where !taken.contains(id(element)) {
            if let k = matchKey(element, index: index, in: original, field: key) { free[k, default: []].append(id(element)) }
        }
        return ours.enumerated().map { index, element in
            guard !originalIDs.contains(id(element)), let k = matchKey(element, index: index, in: ours, field: key),
                  let candidates = free[k], let match = candidates.first(where: { !taken.contains($0) }),
                  case .object(var object) = element else { return element }
            taken.insert(match)
            object["id"] = original.first { id($0) == match }?["id"] ?? .string(match)
            return .object(object)
        }
    }

    /// What our model keeps of a child, to recognise it in the original (nil: match by id only).
    static func matchKey(_ element: JSONValue, index: Int, in list: [JSONValue], field: String?) -> String? {
        func text(_ name: String) -> String { HSDSText.nonEmpty(element[name]?.stringValue) ?? "" }
        switch field {
        case "phones": return text("number")
        case "schedules": return [text("description"), text("byday"), text("opens_at"), text("closes_at")].joined(separator: "|")
        case "contacts": return [text("name"), text("title")].joined(separator: "|")
        case "languages": return HSDSText.nonEmpty(element["code"]?.stringValue)?.lowercased() ?? DutchText.fold(text("name"))
        case "service_areas": return DutchText.fold(text("name"))
        case "attributes": return (element["taxonomy_term_id"]?.stringValue ?? element["taxonomy_term"]?["id"]?.stringValue)?.lowercased()
        case "service_at_locations": return (element["location_id"]?.stringValue ?? element["location"]?["id"]?.stringValue)?.lowercased()
        case "addresses": return [text("postal_code"), text("city")].joined(separator: "|").lowercased()
        // we keep one accessibility text per location: it stands for the first of the original's
        case "accessibility": return index == 0 ? "first" : nil
        default: return nil
        }
    }
}
