import Foundation
import Vapor

/// The organisation form as posted (issue #14): everything as text, so what was typed comes back.
/// The address is the organisation's main location (`OrganisationDesk`).
struct OrganisationForm: Content, Sendable {
    var name: String?
    var kind: String?
    var description: String?
    var street: String?
    var postalCode: String?
    var city: String?
    var municipality: String?
    var phone: String?
    var email: String?
    var website: String?
    var receivesReferrals: String?

    enum CodingKeys: String, CodingKey {
        case name, kind, description, street, city, municipality, phone, email, website
        case postalCode = "postal_code", receivesReferrals = "receives_referrals"
    }

    /// The fields in the order of the form, for the error summary.
    static let order = ["name", "kind", "description", "street", "postal_code", "city", "municipality", "phone", "email", "website"]

    /// What a valid form holds.
    struct Valid: Sendable, Equatable {
        var name: String
        var kind: OrganisationKind
        var description: String
        var address: Address
        var municipalityCode: String
        var phone: String?
        var email: String?
        var website: String?
        var receivesReferrals: Bool
    }

    struct Address: Sendable, Equatable {
        var street: String?
        var postalCode: String?
        var city: String?
        var isEmpty: Bool { street == nil && postalCode == nil && city == nil }
    }

    init() {}

    init(_ o: Organisation, main: Location?) {
        name = o.name; kind = o.kind.rawValue; description = o.description
        street = main?.street; postalCode = main?.postalCode; city = main?.city
        municipality = o.municipalityCode; phone = o.phone; email = o.email; website = o.website
        receivesReferrals = (o.receivesReferrals ?? true) ? "ja" : nil
    }

    /// Checks every field. `municipalities` are the codes she may choose; `known` all codes, so that
    /// an existing code outside her coalitions gets its own message.
    func validate(municipalities: Set<String>, known: Set<String>, english: Bool) -> Result<Valid, FieldErrors> {
        let m = FieldMessages(english: english)
        var errors = FieldErrors()
        let name = FormInput.text(self.name)
        if name == nil { errors["name"] = m.say("Vul de naam van de organisatie in.", "Fill in the organisation's name.") }
        else if name!.count > ServiceForm.Limits.name { errors["name"] = m.tooLong(ServiceForm.Limits.name) }
        let kind = FormInput.text(self.kind).flatMap(OrganisationKind.init(rawValue:))
        if kind == nil { errors["kind"] = m.say("Kies het soort organisatie uit de lijst.", "Choose the kind of organisation from the list.") }
        let description = FormInput.text(self.description) ?? ""
        if description.count > ServiceForm.Limits.description { errors["description"] = m.tooLong(ServiceForm.Limits.description) }
        let address = Self.address(street: street, postalCode: postalCode, city: city, errors: &errors, m)
        let code = FormInput.text(municipality)?.uppercased()
        if let code, !municipalities.contains(code) {
            errors["municipality"] = known.contains(code) ? m.municipalityOutside : m.municipalityChoice
        } else if code == nil { errors["municipality"] = m.municipalityChoice }
        let phone = FormInput.text(self.phone)
        if let phone, !ContactChecks.looksLikePhone(phone) { errors["phone"] = m.phone }
        let email = FormInput.text(self.email)
        if let email, !ServiceForm.looksLikeEmail(email) { errors["email"] = m.email }
        let website = FormInput.text(self.website)
        if let website, !ServiceForm.isWebAddress(website) { errors["website"] = m.url }
        guard errors.isEmpty, let name, let kind, let code else { return .failure(errors) }
        return .success(Valid(name: name, kind: kind, description: description, address: address, municipalityCode: code,
                              phone: phone, email: email, website: website, receivesReferrals: FormInput.text(receivesReferrals) != nil))
    }

    /// Street, postal code and city: each optional, a postal code in the Dutch form.
    static func address(street: String?, postalCode: String?, city: String?, errors: inout FieldErrors, _ m: FieldMessages) -> Address {
        let street = FormInput.text(street), city = FormInput.text(city)
        var postcode: String?
        if let raw = FormInput.text(postalCode) {
            postcode = ContactChecks.postcode(raw)
            if postcode == nil { errors["postal_code"] = m.postcode }
        }
        if let street, street.count > 200 { errors["street"] = m.tooLong(200) }
        if let city, city.count > 100 { errors["city"] = m.tooLong(100) }
        return Address(street: street, postalCode: postcode, city: city)
    }
}
