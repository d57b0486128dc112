import Foundation

/// One checked row of a social map: the values as the directory stores them.
struct SocialMapEntry: Sendable, Equatable {
    var line: Int
    var organisation: String
    var organisationKind: OrganisationKind?
    var service: String
    var description: String
    /// CBS code from the municipality column, else from the town; nil when neither names one
    /// (the organisation then goes in as "gemeente onbekend" and is flagged for review).
    var municipalityCode: String?
    var street: String?
    var postcode: String?
    var city: String?
    var phone: String?
    var email: String?
    var website: String?
    var terms: [Term] = []
    var minimumAge: Double?
    var maximumAge: Double?
    var fees: String?
    var application: String?

    var hasAddress: Bool { street != nil || postcode != nil }
}

/// A problem in one row: which row, which field (and column), and what to do about it (Dutch).
struct SocialMapIssue: Sendable, Equatable {
    var line: Int
    var field: SocialMapField?
    var column: String?
    var message: String
}
