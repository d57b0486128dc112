import Fluent
import Foundation

/// The domain a partner works from, as the programme groups them.
enum PartnerDomain: String, Codable, CaseIterable, Sendable {
    case medical = "medisch"
    case social = "sociaal"
    case publicHealth = "publieke-gezondheid"
    case informal = "informeel"
    case municipality = "gemeente"
    case insurer = "zorgverzekeraar"
}

/// How close a partner is: the kerncoalitie steers, the binnenkring works along actively,
/// the buitenkring stays informed and comes to the yearly meetings (Borsele's words).
enum PartnerCircle: String, Codable, CaseIterable, Sendable {
    case core = "kerncoalitie"
    case inner = "binnenkring"
    case outer = "buitenkring"
}

/// An organisation's partnership in a coalition: its circle, who to call, what it wants to
/// achieve and brings ("Wat wil uw organisatie bereiken, wat brengt zij mee?"), and when it joined or left.
final class CoalitionPartner: Model, @unchecked Sendable {
    static let schema = "coalition_partners"

    // managed fields
    @ID(key: .id) var id: UUID?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    // data fields
    @Field(key: "domain") var domain: PartnerDomain
    @Field(key: "circle") var circle: PartnerCircle
    /// A role beyond membership, e.g. "procesbegeleider".
    @OptionalField(key: "role") var role: String?
    /// Contact persons, one per line.
    @Field(key: "contacts") var contacts: String
    @Field(key: "wants") var wants: String
    @Field(key: "brings") var brings: String
    /// Calendar days (see `CalendarDay`).
    @Field(key: "joined_on") var joinedOn: Date
    @OptionalField(key: "left_on") var leftOn: Date?

    // relationships
    @Parent(key: "coalition_id") var coalition: Coalition
    @Parent(key: "organisation_id") var organisation: Organisation

    init() {}

    init(id: UUID? = nil, coalitionID: UUID, organisationID: UUID, domain: PartnerDomain, circle: PartnerCircle,
         role: String? = nil, contacts: String = "", wants: String = "", brings: String = "", joinedOn: Date, leftOn: Date? = nil) {
        self.id = id
        self.$coalition.id = coalitionID
        self.$organisation.id = organisationID
        self.domain = domain
        self.circle = circle
        self.role = role
        self.contacts = contacts
        self.wants = wants
        self.brings = brings
        self.joinedOn = joinedOn
        self.leftOn = leftOn
    }

    /// A partner counts from the day it joined until the day it left.
    func isCurrent(on today: Date) -> Bool {
        joinedOn <= today && (leftOn.map { $0 > today } ?? true)
    }
}
