import Foundation

/// `platform/admin/organisations`: the organisations she manages.
struct OrganisationsPage: Encodable {
    struct Row: Encodable { var href: String; var name: String; var kind: String; var municipality: String; var receivesReferrals: Bool }
    var page: PageMeta
    var rows: [Row]
    var query: String
    var municipalities: [SelectOption]
    /// More matched than the page shows.
    var truncated: Bool
}

/// `platform/admin/organisation`: one organisation with its locations.
struct OrganisationPage: Encodable {
    struct Place: Encodable {
        var name: String; var address: String; var municipality: String; var editURL: String; var removeURL: String; var services: Int
    }
    var page: PageMeta
    var name: String
    var kind: String
    var description: String?
    var municipality: String
    var phone: String?
    var email: String?
    var website: String?
    var receivesReferrals: Bool
    var editURL: String
    var newLocationURL: String
    var places: [Place]
    /// Why a removal was refused, named in the page.
    var refusal: String?
}

/// `platform/admin/organisation-edit`: the form for a new or an existing organisation.
struct OrganisationEditPage: Encodable {
    var page: PageMeta
    var isNew: Bool
    var heading: String
    var action: String
    var cancelURL: String
    var form: OrganisationFormValues
    var kinds: [SelectOption]
    var municipalities: [SelectOption]
    var errors: FieldErrors
    var errorList: [ErrorLink]
}

/// The form's values as text, never nil.
struct OrganisationFormValues: Encodable {
    var name, description, street, postalCode, city, phone, email, website: String
    var receivesReferrals: Bool

    init(_ f: OrganisationForm) {
        name = f.name ?? ""; description = f.description ?? ""; street = f.street ?? ""; postalCode = f.postalCode ?? ""
        city = f.city ?? ""; phone = f.phone ?? ""; email = f.email ?? ""; website = f.website ?? ""
        receivesReferrals = f.receivesReferrals != nil
    }
}

/// `platform/admin/location-edit`: the form for a location.
struct LocationEditPage: Encodable {
    var page: PageMeta
    var isNew: Bool
    var organisation: String
    var organisationURL: String
    var action: String
    var form: LocationFormValues
    var municipalities: [SelectOption]
    var errors: FieldErrors
    var errorList: [ErrorLink]
}

struct LocationFormValues: Encodable {
    var name, street, postalCode, city: String

    init(_ f: LocationForm) {
        name = f.name ?? ""; street = f.street ?? ""; postalCode = f.postalCode ?? ""; city = f.city ?? ""
    }
}
