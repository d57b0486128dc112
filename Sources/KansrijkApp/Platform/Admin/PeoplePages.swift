import Foundation

/// `platform/admin/people`: the accounts she manages, with filters.
struct PeoplePage: Encodable {
    struct Row: Encodable {
        var href: String; var name: String; var email: String; var organisation: String
        var role: String; var active: Bool; var coalitions: String
    }
    var page: PageMeta
    var rows: [Row]
    var total: Int
    var query: String
    var coalitions: [SelectOption]
    var organisations: [SelectOption]
    var roles: [SelectOption]
    var states: [SelectOption]
    var filtered: Bool
}

/// `platform/admin/person`: one account, and what she may change about it.
struct PersonPage: Encodable {
    struct Check: Encodable { var value: String; var label: String; var checked: Bool }
    var page: PageMeta
    var id: String
    var name: String
    var email: String
    var organisation: String
    var role: String
    var active: Bool
    var coalitions: [String]
    /// Role and (de)activation forms: her scope, not her own account, no admin unless she is one.
    var canChange: Bool
    var isOwnAccount: Bool
    var isAdmin: Bool
    var roles: [SelectOption]
    var organisations: [SelectOption]
    var coalitionChecks: [Check]
    var base: String
    /// Why the last change was refused (own account, last admin), shown at the top.
    var refusal: String?
    var errors: FieldErrors
    var errorList: [ErrorLink]
}

/// The role form and the admin's placement form as posted.
struct PersonRoleForm: Decodable { var rol: String? }

struct PersonPlacementForm: Decodable {
    var organisation: String?
    var coalitie: [String]?
}
