import Foundation
import Vapor

/// The coalition's own facts. Its municipalities decide what its coordinators may edit in the
/// directory, so only an admin sets them.
struct CoalitionForm: Content, Sendable {
    var name: String?
    var slug: String?
    var municipalities: String?
    var startedOn: String?
    var contentLead: String?
    var policyLead: String?
    var parentsVoice: String?
    var fathersVoice: String?

    enum CodingKeys: String, CodingKey {
        case name, slug, municipalities
        case startedOn = "started_on", contentLead = "content_lead", policyLead = "policy_lead"
        case parentsVoice = "parents_voice", fathersVoice = "fathers_voice"
    }

    struct Valid {
        var name: String
        var slug: String
        /// nil when the form may not change them.
        var municipalityCodes: [String]?
        var startedOn: Date?
        var contentLead: String?
        var policyLead: String?
        var parentsVoice: String?
        var fathersVoice: String?
    }

    /// Paths under /coalities that a slug may not take.
    static let reservedSlugs: Set<String> = ["nieuw"]

    /// `takenSlugs` excludes the coalition being edited; `setsMunicipalities` is true for admins.
    func validate(takenSlugs: Set<String>, setsMunicipalities: Bool, snapshot: DirectorySnapshot, today: Date, english: Bool) -> Result<Valid, FieldErrors> {
        let m = WorkspaceMessages(english: english)
        var errors = FieldErrors()
        let name = FormInput.limited(self.name, "name", max: 120, required: true, &errors, m)
        let slug = FormInput.text(self.slug)?.lowercased() ?? Self.slugify(name ?? "")
        if slug.isEmpty || slug.count > 60 || !slug.unicodeScalars.allSatisfy({ ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" })
            || slug.hasPrefix("-") || slug.hasSuffix("-") || Self.reservedSlugs.contains(slug) {
            errors["slug"] = m.slug
        } else if takenSlugs.contains(slug) {
            errors["slug"] = m.slugTaken
        }
        var codes: [String]?
        if setsMunicipalities {
            let (found, unknown) = Self.municipalities(municipalities ?? "", snapshot: snapshot)
            if !unknown.isEmpty { errors["municipalities"] = m.base.unknownMunicipalities(unknown) }
            else if found.isEmpty { errors["municipalities"] = m.municipality }
            codes = found
        }
        let started = FormInput.day(startedOn, "started_on", required: false, &errors, m)
        if let started, started > today { errors["started_on"] = m.future }
        let contentLead = FormInput.limited(contentLead, "content_lead", max: 120, required: false, &errors, m)
        let policyLead = FormInput.limited(policyLead, "policy_lead", max: 120, required: false, &errors, m)
        let parents = FormInput.limited(parentsVoice, "parents_voice", max: 1000, required: false, &errors, m)
        let fathers = FormInput.limited(fathersVoice, "fathers_voice", max: 1000, required: false, &errors, m)
        guard errors.isEmpty, let name else { return .failure(errors) }
        return .success(Valid(name: name, slug: slug, municipalityCodes: codes, startedOn: started,
                              contentLead: contentLead, policyLead: policyLead, parentsVoice: parents, fathersVoice: fathers))
    }

    /// Names or CBS codes separated by commas; returns the codes found and the parts not found.
    static func municipalities(_ raw: String, snapshot: DirectorySnapshot) -> (codes: [String], unknown: [String]) {
        let byName = Dictionary(snapshot.municipalities.values.map { (DutchText.fold($0.name), $0.code) }, uniquingKeysWith: { a, _ in a })
        var codes: [String] = [], unknown: [String] = []
        for part in raw.split(whereSeparator: { $0 == "," || $0 == ";" || $0 == "\n" }) {
            let p = part.trimmingCharacters(in: .whitespaces)
            guard !p.isEmpty else { continue }
            let code = snapshot.municipalities[p.uppercased()] != nil ? p.uppercased() : byName[DutchText.fold(p)]
            if let code { if !codes.contains(code) { codes.append(code) } } else { unknown.append(p) }
        }
        return (codes, unknown)
    }

    /// "Kansrijke Start Zeist" -> "kansrijke-start-zeist".
    static func slugify(_ name: String) -> String {
        let folded = name.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: Locale(identifier: "nl_NL")).lowercased()
        var out = ""
        for s in folded.unicodeScalars {
            if ("a"..."z").contains(s) || ("0"..."9").contains(s) { out.unicodeScalars.append(s) }
            else if !out.isEmpty && !out.hasSuffix("-") { out.append("-") }
        }
        while out.hasSuffix("-") { out.removeLast() }
        return String(out.prefix(60))
    }
}
