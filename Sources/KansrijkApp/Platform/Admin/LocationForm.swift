import Foundation
import Vapor

/// A location of an organisation as posted: its name and address.
struct LocationForm: Content, Sendable {
    var name: String?
    var street: String?
    var postalCode: String?
    var city: String?
    var municipality: String?

    enum CodingKeys: String, CodingKey {
        case name, street, city, municipality
        case postalCode = "postal_code"
    }

    static let order = ["name", "street", "postal_code", "city", "municipality"]

    struct Valid: Sendable, Equatable {
        var name: String
        var address: OrganisationForm.Address
        var municipalityCode: String
    }

    init() {}

    init(_ l: Location) {
        name = l.name; street = l.street; postalCode = l.postalCode; city = l.city; municipality = l.municipalityCode
    }

    func validate(municipalities: Set<String>, known: Set<String>, english: Bool) -> Result<Valid, FieldErrors> {
        let m = FieldMessages(english: english)
        var errors = FieldErrors()
        let name = FormInput.text(self.name)
        if name == nil { errors["name"] = m.say("Vul de naam van de locatie in.", "Fill in the location's name.") }
        else if name!.count > ServiceForm.Limits.name { errors["name"] = m.tooLong(ServiceForm.Limits.name) }
        let address = OrganisationForm.address(street: street, postalCode: postalCode, city: city, errors: &errors, m)
        let code = FormInput.text(municipality)?.uppercased()
        if let code, !municipalities.contains(code) {
            errors["municipality"] = known.contains(code) ? m.municipalityOutside : m.municipalityChoice
        } else if code == nil { errors["municipality"] = m.municipalityChoice }
        guard errors.isEmpty, let name, let code else { return .failure(errors) }
        return .success(Valid(name: name, address: address, municipalityCode: code))
    }
}
