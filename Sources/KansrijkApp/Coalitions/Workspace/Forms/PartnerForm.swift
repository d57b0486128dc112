import Foundation
import Vapor

/// A partner as added or edited: an existing organisation or a new one, its circle and domain,
/// contacts, what it wants and brings, and when it joined or left.
struct PartnerForm: Content, Sendable {
    var organisation: String?
    var newOrganisation: String?
    var newKind: String?
    var domain: String?
    var circle: String?
    var role: String?
    var contacts: String?
    var wants: String?
    var brings: String?
    var joinedOn: String?
    var leftOn: String?

    enum CodingKeys: String, CodingKey {
        case organisation, domain, circle, role, contacts, wants, brings
        case newOrganisation = "new_organisation", newKind = "new_kind", joinedOn = "joined_on", leftOn = "left_on"
    }

    enum OrganisationChoice: Equatable {
        case existing(UUID)
        case new(name: String, kind: OrganisationKind)
    }

    struct Valid {
        var domain: PartnerDomain
        var circle: PartnerCircle
        var role: String?
        var contacts: String
        var wants: String
        var brings: String
        var joinedOn: Date
        var leftOn: Date?
    }

    /// A new partner: the organisation too. `organisations` are all organisations by id (name),
    /// `partnerOrganisations` those already partner of this coalition.
    func validateNew(organisations: [UUID: String], partnerOrganisations: Set<UUID>, english: Bool) -> Result<(OrganisationChoice, Valid), FieldErrors> {
        let m = WorkspaceMessages(english: english)
        var errors = FieldErrors()
        var choice: OrganisationChoice?
        switch (FormInput.text(organisation), FormInput.text(newOrganisation)) {
        case (nil, nil): errors["organisation"] = m.organisationOrNew
        case (.some, .some): errors["organisation"] = m.organisationAndNew
        case (.some(let raw), nil):
            if let id = UUID(uuidString: raw), let name = organisations[id] {
                if partnerOrganisations.contains(id) { errors["organisation"] = m.duplicatePartner(name) } else { choice = .existing(id) }
            } else { errors["organisation"] = m.choice }
        case (nil, .some(let name)):
            let folded = DutchText.fold(name)
            if let existing = organisations.first(where: { DutchText.fold($0.value) == folded }) {
                errors["new_organisation"] = partnerOrganisations.contains(existing.key) ? m.duplicatePartner(existing.value) : m.organisationExists
            } else if name.count > 150 {
                errors["new_organisation"] = m.tooLong(150)
            } else if let kind = OrganisationKind(rawValue: FormInput.text(newKind) ?? "") {
                choice = .new(name: name, kind: kind)
            } else {
                errors["new_kind"] = m.choice
            }
        }
        switch validate(english: english) {
        case .failure(let more): return .failure(errors.merging(more))
        case .success(let v):
            guard errors.isEmpty, let choice else { return .failure(errors) }
            return .success((choice, v))
        }
    }

    /// The partnership itself; the organisation of an existing partner does not change.
    func validate(english: Bool) -> Result<Valid, FieldErrors> {
        let m = WorkspaceMessages(english: english)
        var errors = FieldErrors()
        let domain = PartnerDomain(rawValue: FormInput.text(self.domain) ?? "")
        if domain == nil { errors["domain"] = m.choice }
        let circle = PartnerCircle(rawValue: FormInput.text(self.circle) ?? "")
        if circle == nil { errors["circle"] = m.choice }
        let role = FormInput.limited(self.role, "role", max: 120, required: false, &errors, m)
        let contacts = FormInput.lines(self.contacts)
        if contacts.count > 1000 { errors["contacts"] = m.tooLong(1000) }
        let wants = FormInput.limited(self.wants, "wants", max: 1500, required: false, &errors, m) ?? ""
        let brings = FormInput.limited(self.brings, "brings", max: 1500, required: false, &errors, m) ?? ""
        let joined = FormInput.day(joinedOn, "joined_on", required: true, &errors, m)
        let left = FormInput.day(leftOn, "left_on", required: false, &errors, m)
        if let joined, let left, left < joined { errors["left_on"] = m.leftBeforeJoined }
        guard errors.isEmpty, let domain, let circle, let joined else { return .failure(errors) }
        return .success(Valid(domain: domain, circle: circle, role: role, contacts: contacts,
                              wants: wants, brings: brings, joinedOn: joined, leftOn: left))
    }
}
