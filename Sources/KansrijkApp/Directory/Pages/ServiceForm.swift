import Foundation
import Vapor

/// The service edit form as posted. Everything arrives as text so that what the user typed
/// can be shown again, unchanged, next to what is wrong with it.
struct ServiceForm: Content, Sendable {
    var name: String?
    var organisation: String?
    var description: String?
    var parentSummary: String?
    var status: String?
    var url: String?
    var email: String?
    var phone: String?
    var applicationProcess: String?
    var accessRoute: String?
    var fees: String?
    var eligibility: String?
    var minimumAge: String?
    var maximumAge: String?
    var capacity: String?
    var waitWeeks: String?
    var fase: [String]?
    var thema: [String]?
    var doelgroep: [String]?
    var bewijs: String?
    var gebied: String?
    var landelijk: String?
    var taal: [String]?
    var schedule: String?
    var contactName: String?
    var contactTitle: String?
    var contactEmail: String?
    var contactPhone: String?
    /// How the service receives referrals: empty for automatic, else a `ReferralChannel` raw value (issue #15).
    var referralRoute: String?
    var referralWhere: String?

    enum CodingKeys: String, CodingKey {
        case name, organisation, description, status, url, email, phone, fees, eligibility, capacity
        case fase, thema, doelgroep, bewijs, gebied, landelijk, taal, schedule
        case parentSummary = "parent_summary", applicationProcess = "application_process", accessRoute = "access_route"
        case minimumAge = "minimum_age", maximumAge = "maximum_age", waitWeeks = "wait_weeks"
        case contactName = "contact_name", contactTitle = "contact_title", contactEmail = "contact_email", contactPhone = "contact_phone"
        case referralRoute = "referral_route", referralWhere = "referral_where"
    }
}

extension ServiceForm {
    /// The form filled from a stored service.
    init(draft d: ServiceDraft, snapshot: DirectorySnapshot) {
        name = d.name; organisation = d.organisationID.uuidString.lowercased(); description = d.description
        parentSummary = d.parentSummary; status = d.status.rawValue; url = d.url; email = d.email; phone = d.phone
        applicationProcess = d.applicationProcess; accessRoute = d.accessRoute.rawValue; fees = d.feesDescription
        eligibility = d.eligibilityDescription; minimumAge = d.minimumAge.map { ServiceDetailView.age($0) }
        maximumAge = d.maximumAge.map { ServiceDetailView.age($0) }; capacity = d.capacity.rawValue
        waitWeeks = d.waitWeeks.map(String.init)
        let terms = d.termIDs.compactMap { Term.byID[$0] }
        fase = terms.filter { $0.vocabulary == .fase }.map(\.code)
        thema = terms.filter { $0.vocabulary == .thema }.map(\.code)
        doelgroep = terms.filter { $0.vocabulary == .doelgroep }.map(\.code)
        bewijs = terms.first { $0.vocabulary == .bewijs }?.code
        gebied = d.areaCodes.map { snapshot.municipalities[$0]?.name ?? $0 }.joined(separator: ", ")
        landelijk = d.areaCodes.isEmpty ? "ja" : nil
        taal = d.languages
        schedule = d.schedules.first?.description
        contactName = d.contacts.first?.name; contactTitle = d.contacts.first?.title
        contactEmail = d.contacts.first?.email; contactPhone = d.contacts.first?.phone
    }

    /// Checks every field; returns the draft, or the messages per field (keys are field names).
    func validate(id: UUID?, allowedOrganisations: Set<UUID>, snapshot: DirectorySnapshot, english: Bool) -> Result<ServiceDraft, FieldErrors> {
        var errors = FieldErrors()
        func text(_ v: String?) -> String? {
            guard let t = v?.trimmingCharacters(in: .whitespacesAndNewlines), !t.isEmpty else { return nil }
            return t
        }
        let m = FieldMessages(english: english)
        let name = text(self.name)
        if name == nil { errors["name"] = m.say("Vul de naam van het aanbod in.", "Fill in the name of the service.") } else if name!.count > Limits.name { errors["name"] = m.tooLong(Limits.name) }
        let orgID = text(organisation).flatMap(UUID.init(uuidString:))
        if orgID == nil || !allowedOrganisations.contains(orgID!) { errors["organisation"] = m.organisation }
        let description = text(self.description)
        if description == nil { errors["description"] = m.say("Vul een beschrijving in.", "Fill in a description.") } else if description!.count > Limits.description { errors["description"] = m.tooLong(Limits.description) }
        if let p = text(parentSummary), p.count > Limits.parentSummary { errors["parent_summary"] = m.tooLong(Limits.parentSummary) }
        let apply = text(applicationProcess)
        if apply == nil { errors["application_process"] = m.say("Vul in hoe ouders zich aanmelden of hoe u verwijst.", "Fill in how to apply or refer.") }
        let status = ServiceStatus(rawValue: text(self.status) ?? "active")
        if status == nil { errors["status"] = m.say("Kies een status uit de lijst.", "Choose a status from the list.") }
        let access = AccessRoute(rawValue: text(accessRoute) ?? "")
        if access == nil { errors["access_route"] = m.say("Kies hoe ouders toegang krijgen.", "Choose how parents get access.") }
        let capacity = Capacity(rawValue: text(self.capacity) ?? "beschikbaar")
        if capacity == nil { errors["capacity"] = m.say("Kies hoeveel plek er is.", "Choose the capacity.") }
        if let u = text(url), !Self.isWebAddress(u) { errors["url"] = m.url }
        if let e = text(email), !Self.looksLikeEmail(e) { errors["email"] = m.email }
        if let e = text(contactEmail), !Self.looksLikeEmail(e) { errors["contact_email"] = m.email }
        if text(contactName) == nil, text(contactTitle) != nil || text(contactEmail) != nil || text(contactPhone) != nil {
            errors["contact_name"] = m.contactName
        }
        func age(_ raw: String?, _ key: String) -> Double? {
            guard let t = text(raw) else { return nil }
            guard let v = Double(t.replacingOccurrences(of: ",", with: ".")), v >= 0, v <= 120 else { errors[key] = m.age; return nil }
            return v
        }
        let minAge = age(minimumAge, "minimum_age"), maxAge = age(maximumAge, "maximum_age")
        if let lo = minAge, let hi = maxAge, lo > hi { errors["maximum_age"] = m.ageOrder }
        var wait: Int?
        if let t = text(waitWeeks) {
            if let w = Int(t), w >= 0, w <= 104 { wait = w } else { errors["wait_weeks"] = m.weeks }
        }
        let phases = (fase ?? []).compactMap { Term.find(.fase, $0) }
        if phases.isEmpty { errors["fase"] = m.phase }
        if phases.count != (fase ?? []).count { errors["fase"] = m.say("Kies fasen uit de lijst.", "Choose phases from the list.") }
        let themes = (thema ?? []).compactMap { Term.find(.thema, $0) }
        if themes.isEmpty { errors["thema"] = m.theme }
        if themes.count != (thema ?? []).count { errors["thema"] = m.say("Kies thema's uit de lijst.", "Choose themes from the list.") }
        let groups = (doelgroep ?? []).compactMap { Term.find(.doelgroep, $0) }
        if groups.count != (doelgroep ?? []).count { errors["doelgroep"] = m.say("Kies doelgroepen uit de lijst.", "Choose target groups from the list.") }
        let evidence = text(bewijs).flatMap { Term.find(.bewijs, $0) }
        if text(bewijs) != nil && evidence == nil { errors["bewijs"] = m.say("Kies een onderbouwing uit de lijst.", "Choose the evidence from the list.") }
        let languages = taal ?? []
        if languages.contains(where: { LanguageCatalog.byCode[$0] == nil }) { errors["taal"] = m.say("Kies talen uit de lijst.", "Choose languages from the list.") }

        var areas: [String] = []
        let nationwide = text(landelijk) != nil
        if !nationwide {
            let byName = Dictionary(snapshot.municipalities.values.map { (DutchText.fold($0.name), $0.code) }, uniquingKeysWith: { a, _ in a })
            var unknown: [String] = []
            for part in (gebied ?? "").split(whereSeparator: { $0 == "," || $0 == ";" || $0 == "\n" }) {
                let p = part.trimmingCharacters(in: .whitespaces)
                guard !p.isEmpty else { continue }
                if snapshot.municipalities[p.uppercased()] != nil { areas.append(p.uppercased()) }
                else if let code = byName[DutchText.fold(p)] { areas.append(code) }
                else { unknown.append(p) }
            }
            if !unknown.isEmpty { errors["gebied"] = m.unknownMunicipalities(unknown) }
            else if areas.isEmpty { errors["gebied"] = m.area }
        }
        guard errors.isEmpty, let name, let orgID, let description, let apply, let status, let access, let capacity else {
            return .failure(errors)
        }
        var terms = (phases + themes + groups).map(\.id)
        if let evidence { terms.append(evidence.id) }
        var contacts: [ServiceDraft.Contact] = []
        if let n = text(contactName) {
            contacts.append(.init(name: n, title: text(contactTitle), email: text(contactEmail), phone: text(contactPhone)))
        }
        return .success(ServiceDraft(
            id: id, organisationID: orgID, name: name, description: description, parentSummary: text(parentSummary),
            status: status, url: text(url), email: text(email), phone: text(phone), applicationProcess: apply,
            accessRoute: access, feesDescription: text(fees), eligibilityDescription: text(eligibility),
            minimumAge: minAge, maximumAge: maxAge, capacity: capacity, waitWeeks: wait, termIDs: terms,
            areaCodes: areas, languages: languages,
            schedules: text(schedule).map { [.init(description: $0)] } ?? [], contacts: contacts))
    }

    /// The longest texts the form takes; the HSDS import holds records to the same (issue 13).
    enum Limits {
        static let name = 150
        static let description = 4000
        static let parentSummary = 600
    }

    /// A full http(s) address: the only links the directory shows (the HSDS import too, issue 13).
    static func isWebAddress(_ s: String) -> Bool {
        (s.hasPrefix("https://") || s.hasPrefix("http://")) && URL(string: s)?.host != nil
    }

    static func looksLikeEmail(_ s: String) -> Bool {
        let parts = s.split(separator: "@", omittingEmptySubsequences: false)
        return parts.count == 2 && !parts[0].isEmpty && parts[1].contains(".") && !s.contains(" ")
    }
}

/// Messages per form field; encodes as a plain object so templates read `errors.name`.
struct FieldErrors: Error, Encodable, Sendable, Equatable, ExpressibleByDictionaryLiteral {
    var messages: [String: String] = [:]

    init() {}
    init(dictionaryLiteral elements: (String, String)...) { messages = Dictionary(elements, uniquingKeysWith: { a, _ in a }) }

    subscript(key: String) -> String? {
        get { messages[key] }
        set { messages[key] = newValue }
    }

    var isEmpty: Bool { messages.isEmpty }

    func merging(_ other: FieldErrors) -> FieldErrors {
        var merged = self
        for (k, v) in other.messages where merged.messages[k] == nil { merged.messages[k] = v }
        return merged
    }

    func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(messages)
    }
}

/// Validation messages, Dutch first (B1), English second.
struct FieldMessages {
    var english: Bool
    var required: String { english ? "Fill in this field." : "Vul dit veld in." }
    /// A message that names its field, so an error summary never lists the same text twice.
    func say(_ dutch: String, _ englishText: String) -> String { english ? englishText : dutch }
    var choice: String { english ? "Choose one of the options." : "Kies een van de mogelijkheden." }
    var organisation: String { english ? "Choose an organisation you may edit." : "Kies een organisatie waarvoor u aanbod mag beheren." }
    var url: String { english ? "Enter a full web address, starting with https://." : "Vul een volledig webadres in, dat begint met https://." }
    var email: String { english ? "Enter an e-mail address like name@example.nl." : "Vul een e-mailadres in zoals naam@voorbeeld.nl." }
    var contactName: String { english ? "Give the contact person's name too." : "Vul ook de naam van de contactpersoon in." }
    var age: String { english ? "Enter an age in years from 0 to 120, e.g. 0 or 1,5." : "Vul een leeftijd in jaren in van 0 tot 120, bijvoorbeeld 0 of 1,5." }
    var ageOrder: String { english ? "The maximum age is lower than the minimum age." : "De maximale leeftijd is lager dan de minimale leeftijd." }
    var weeks: String { english ? "Enter a whole number of weeks from 0 to 104." : "Vul een heel aantal weken in, van 0 tot 104." }
    var phase: String { english ? "Choose at least one phase." : "Kies minstens één fase." }
    var theme: String { english ? "Choose at least one theme." : "Kies minstens één thema." }
    var area: String { english ? "Name at least one municipality, or tick nationwide." : "Noem minstens één gemeente, of kies landelijk." }
    func tooLong(_ n: Int) -> String { english ? "Use at most \(n) characters." : "Gebruik hooguit \(n) tekens." }
    func unknownMunicipalities(_ names: [String]) -> String {
        (english ? "Unknown municipality: " : "Onbekende gemeente: ") + names.joined(separator: ", ")
    }
}
