import Foundation

/// The administration pages' paths (issue #14), used both to register the routes and to build links.
enum AdminPaths {
    static let root = "beheer"
    static let index = "/beheer"
    static let people = "/beheer/mensen"
    static let organisations = "/beheer/organisaties"
    static let newOrganisation = "/beheer/organisaties/nieuw"
    /// Built by other parts of issue #14; linked from the index only when registered.
    static let outbox = "/beheer/email"
    static let invitations = "/beheer/uitnodigingen"
    static let backgroundWork = "/beheer/achtergrond"

    static func person(_ id: UUID) -> String { "\(people)/\(id.slug)" }
    static func organisation(_ id: UUID) -> String { "\(organisations)/\(id.slug)" }
    static func editOrganisation(_ id: UUID) -> String { "\(organisation(id))/bewerken" }
    static func newLocation(_ organisation: UUID) -> String { "\(Self.organisation(organisation))/locaties/nieuw" }
    static func location(_ organisation: UUID, _ id: UUID) -> String { "\(Self.organisation(organisation))/locaties/\(id.slug)" }
}
