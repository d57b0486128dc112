import Foundation
import Vapor

/// A volunteer of the organisation: name, skills, languages, area and availability.
struct VolunteerForm: Content, Sendable {
    var name: String?
    var skills: String?
    var languages: String?
    var municipality: String?
    var availability: String?

    struct Valid { var name: String; var skills: String; var languages: [String]; var municipality: String; var availability: String }

    func validate(municipalities: Set<String>, english: Bool) -> Result<Valid, FieldErrors> {
        let m = WorkspaceMessages(english: english)
        var errors = FieldErrors()
        let name = FormInput.limited(self.name, "v_name", max: 200, required: true, &errors, m)
        let skills = FormInput.lines(self.skills)
        if skills.count > 1000 { errors["v_skills"] = m.tooLong(1000) }
        let codes = (languages ?? "").lowercased().split(whereSeparator: { $0 == "," || $0 == " " }).map(String.init)
        if codes.isEmpty { errors["v_languages"] = m.required }
        else if codes.contains(where: { $0.count != 2 || !$0.allSatisfy { $0.isASCII && $0.isLetter } }) {
            errors["v_languages"] = english ? "Use two-letter language codes separated by commas, e.g. nl, ar, en."
                : "Gebruik taalcodes van twee letters, met komma’s ertussen, bijvoorbeeld nl, ar, en."
        }
        let municipality = FormInput.text(self.municipality)
        if municipality == nil || !municipalities.contains(municipality!) { errors["v_municipality"] = m.choice }
        let availability = FormInput.limited(self.availability, "v_availability", max: 300, required: true, &errors, m)
        guard errors.isEmpty, let name, let municipality, let availability else { return .failure(errors) }
        return .success(Valid(name: name, skills: skills, languages: Array(Set(codes)).sorted(), municipality: municipality, availability: availability))
    }
}

/// A request for a volunteer for a family.
struct VolunteerRequestForm: Content, Sendable {
    var organisation: String?
    var need: String?
    var language: String?

    func validate(organisations: Set<UUID>, english: Bool) -> Result<(UUID, String, String?), FieldErrors> {
        let m = WorkspaceMessages(english: english)
        var errors = FieldErrors()
        let org = FormInput.uuid(organisation)
        if org == nil || !organisations.contains(org!) { errors["r_organisation"] = m.choice }
        let need = FormInput.limited(self.need, "r_need", max: 1000, required: true, &errors, m)
        let language = FormInput.text(self.language)?.lowercased()
        if let language, language.count != 2 || !language.allSatisfy({ $0.isASCII && $0.isLetter }) { errors["r_language"] = m.choice }
        guard errors.isEmpty, let org, let need else { return .failure(errors) }
        return .success((org, need, language))
    }
}

/// Match, check-in and end: a day and, for check-ins and the end, a note.
struct VolunteerStepForm: Content, Sendable {
    var volunteer: String?
    var on: String?
    var note: String?
}

/// Messages of the volunteer pages the generic ones do not cover.
struct VolunteerMessages {
    var english: Bool
    var noConsent: String {
        english ? "There is no consent in force from the client to ask this organisation for a volunteer. Record the consent first (purpose: volunteer)."
            : "Er is geen geldige toestemming van de cliënt om deze organisatie om een vrijwilliger te vragen. Leg eerst de toestemming vast (doel: vrijwilliger)."
    }
    var startBeforeRequest: String { english ? "The match cannot start before the request was made." : "De koppeling kan niet beginnen vóór het verzoek is gedaan." }
    var beforeStart: String { english ? "This date is before the start of the match." : "Deze datum ligt vóór het begin van de koppeling." }
    var notOpen: String { english ? "This request already has a volunteer, or has ended." : "Dit verzoek heeft al een vrijwilliger, of is beëindigd." }
    var noMatch: String { english ? "There is no running match." : "Er is geen lopende koppeling." }
}
