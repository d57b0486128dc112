import Foundation

/// The filters and sort order of the municipality table, read from the query string so the table
/// filters and sorts without JavaScript, and so the CSV export gives what the table shows.
struct NationalTableQuery: Sendable, Equatable {
    enum TrancheFilter: String, CaseIterable, Sendable {
        case one = "1", two = "2", three = "3", noParticipation = "geen"
        /// Any of tranches 1 to 3.
        case participating = "deelnemend"
        /// No participation record.
        case unknown = "onbekend"

        func matches(_ t: Tranche?) -> Bool {
            switch self {
            case .participating: t?.isParticipating ?? false
            case .unknown: t == nil
            default: t?.rawValue == rawValue
            }
        }
    }

    enum SortKey: String, CaseIterable, Sendable {
        case name = "naam", province = "provincie", inhabitants = "inwoners", tranche
        case jointPlan = "plan", prenatalVisit = "prenataal", nnz, stage = "fase"
    }

    var text = ""
    var tranche: TrancheFilter?
    var province: String?
    var region: String?
    var jointPlan: Bool?
    var prenatalVisit: Bool?
    var nnz: Bool?
    var sort: SortKey = .name
    var descending = false

    /// Parameter names, as they appear in links and forms.
    static let parameters = ["q", "tranche", "provincie", "ggd", "plan", "prenataal", "nnz", "sorteer", "richting"]

    /// Reads the query; unknown values become errors (message keys), and the filter is left out.
    static func parse(_ value: (String) -> String?, provinces: Set<String>, regions: Set<String>) -> (query: NationalTableQuery, errors: [String]) {
        var q = NationalTableQuery()
        var errors: [String] = []
        func v(_ key: String) -> String? {
            guard let raw = value(key)?.trimmingCharacters(in: .whitespaces), !raw.isEmpty else { return nil }
            return raw
        }
        q.text = String((v("q") ?? "").prefix(100))
        if let t = v("tranche") { if let f = TrancheFilter(rawValue: t) { q.tranche = f } else { errors.append("national.error.tranche") } }
        if let p = v("provincie") { if provinces.contains(p) { q.province = p } else { errors.append("national.error.province") } }
        if let r = v("ggd") { if regions.contains(r) { q.region = r } else { errors.append("national.error.region") } }
        for (key, path) in [("plan", \NationalTableQuery.jointPlan), ("prenataal", \.prenatalVisit), ("nnz", \.nnz)] {
            guard let raw = v(key) else { continue }
            switch raw { case "ja": q[keyPath: path] = true; case "nee": q[keyPath: path] = false; default: errors.append("national.error.yesno") }
        }
        if let s = v("sorteer") { if let k = SortKey(rawValue: s) { q.sort = k } else { errors.append("national.error.sort") } }
        if let d = v("richting") {
            switch d { case "op": q.descending = false; case "af": q.descending = true; default: errors.append("national.error.sort") }
        }
        return (q, Array(Set(errors)).sorted())
    }

    var isFiltered: Bool {
        !text.isEmpty || tranche != nil || province != nil || region != nil || jointPlan != nil || prenatalVisit != nil || nnz != nil
    }

    func apply(_ rows: [NationalRow]) -> [NationalRow] {
        let needle = DutchFold.fold(text)
        let filtered = rows.filter { r in
            if !needle.isEmpty, !DutchFold.key(r.name).contains(needle) { return false }
            if let tranche, !tranche.matches(r.tranche) { return false }
            if let province, r.provinceCode != province { return false }
            if let region, r.ggdCode != region { return false }
            if let jointPlan, r.facts?.hasJointPlan != jointPlan { return false }
            if let prenatalVisit, r.facts?.hasPrenatalVisit != prenatalVisit { return false }
            if let nnz, r.facts?.hasNNZ != nnz { return false }
            return true
        }
        // decorate once: folding names per comparison would cost more than the rest of the page
        let decorated = filtered.map { (row: $0, name: DutchFold.key($0.name), province: DutchFold.key($0.provinceName)) }
        return decorated.sorted { a, b in
            let order = compare(a, b)
            if order != .orderedSame { return descending ? order == .orderedDescending : order == .orderedAscending }
            return a.name < b.name
        }.map(\.row)
    }

    /// Unknown values sort after known ones in both directions' natural reading: "no record" is
    /// the lowest value, so it comes first when descending.
    private func compare(_ x: (row: NationalRow, name: String, province: String), _ y: (row: NationalRow, name: String, province: String)) -> ComparisonResult {
        let a = x.row, b = y.row
        func cmp<T: Comparable>(_ x: T?, _ y: T?) -> ComparisonResult {
            switch (x, y) {
            case let (x?, y?): x < y ? .orderedAscending : (x > y ? .orderedDescending : .orderedSame)
            case (nil, nil): .orderedSame
            case (nil, _): .orderedAscending
            case (_, nil): .orderedDescending
            }
        }
        func flag(_ b: Bool?) -> Int? { b.map { $0 ? 1 : 0 } }
        switch sort {
        case .name: return cmp(x.name, y.name)
        case .province: return cmp(x.province, y.province)
        case .inhabitants: return cmp(a.facts?.inhabitants, b.facts?.inhabitants)
        // tranche 1 first: reads like the report's legend
        case .tranche: return cmp(a.tranche.map { Tranche.allCases.firstIndex(of: $0)! }, b.tranche.map { Tranche.allCases.firstIndex(of: $0)! })
        case .jointPlan: return cmp(flag(a.facts?.hasJointPlan), flag(b.facts?.hasJointPlan))
        case .prenatalVisit: return cmp(flag(a.facts?.hasPrenatalVisit), flag(b.facts?.hasPrenatalVisit))
        case .nnz: return cmp(flag(a.facts?.hasNNZ), flag(b.facts?.hasNNZ))
        case .stage: return cmp(a.stage?.order, b.stage?.order)
        }
    }

    /// The query string for these filters, with another sort order when given.
    func queryString(sort: SortKey? = nil, descending: Bool? = nil) -> String {
        var items: [URLQueryItem] = []
        if !text.isEmpty { items.append(.init(name: "q", value: text)) }
        if let tranche { items.append(.init(name: "tranche", value: tranche.rawValue)) }
        if let province { items.append(.init(name: "provincie", value: province)) }
        if let region { items.append(.init(name: "ggd", value: region)) }
        for (key, value) in [("plan", jointPlan), ("prenataal", prenatalVisit), ("nnz", nnz)] {
            if let value { items.append(.init(name: key, value: value ? "ja" : "nee")) }
        }
        let s = sort ?? self.sort, d = descending ?? self.descending
        if s != .name || d { items.append(.init(name: "sorteer", value: s.rawValue)) }
        if d { items.append(.init(name: "richting", value: "af")) }
        var c = URLComponents()
        c.queryItems = items
        return items.isEmpty ? "" : "?" + (c.percentEncodedQuery ?? "")
    }

    /// The link a column header offers: this column ascending, or descending when it is sorted ascending now.
    func sortLink(_ key: SortKey, base: String) -> String {
        base + queryString(sort: key, descending: key == sort ? !descending : false) + "#gemeenten"
    }
}
