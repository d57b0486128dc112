import Foundation

extension ServiceDraft {
    /// The same service written one way: empty text as nil, lists in a fixed order without
    /// repeats (as `save` stores them), so two drafts compare equal when they store the same.
    var normalized: ServiceDraft {
        var d = self
        func clean(_ s: String?) -> String? { HSDSText.nonEmpty(s) == nil ? nil : s }
        d.alternateName = clean(alternateName)
        d.parentSummary = clean(parentSummary)
        d.url = clean(url)
        d.email = clean(email)
        d.phone = clean(phone)
        d.feesDescription = clean(feesDescription)
        d.eligibilityDescription = clean(eligibilityDescription)
        d.termIDs = Set(termIDs).sorted { $0.uuidString < $1.uuidString }
        d.areaCodes = Set(areaCodes).sorted()
        d.languages = Set(languages).sorted()
        d.locationIDs = Set(locationIDs).sorted { $0.uuidString < $1.uuidString }
        d.schedules = schedules.map { s in
            Schedule(description: s.description, byDay: clean(s.byDay), opensAt: clean(s.opensAt), closesAt: clean(s.closesAt))
        }.sorted { ($0.description, $0.byDay ?? "", $0.opensAt ?? "", $0.closesAt ?? "") < ($1.description, $1.byDay ?? "", $1.opensAt ?? "", $1.closesAt ?? "") }
        d.contacts = contacts.map { c in
            Contact(name: c.name, title: clean(c.title), email: clean(c.email), phone: clean(c.phone))
        }.sorted { ($0.name, $0.title ?? "", $0.email ?? "", $0.phone ?? "") < ($1.name, $1.title ?? "", $1.email ?? "", $1.phone ?? "") }
        return d
    }
}
