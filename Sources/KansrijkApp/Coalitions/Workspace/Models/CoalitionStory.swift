import Fluent
import Foundation

/// Who told the story.
enum StoryTeller: String, Codable, CaseIterable, Sendable {
    case parent = "ouder"
    case professional = "professional"
    case volunteer = "vrijwilliger"
}

/// How the teller's consent to share the story was given.
enum ConsentForm: String, Codable, CaseIterable, Sendable {
    case written = "schriftelijk"
    case digital = "digitaal"
    case oral = "mondeling"
}

/// "Vertellen": a short account from a parent or professional, without names, shared with
/// consent, to stand beside the numbers.
final class CoalitionStory: Model, @unchecked Sendable {
    static let schema = "coalition_stories"

    // managed fields
    @ID(key: .id) var id: UUID?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    // data fields
    @Field(key: "title") var title: String
    @Field(key: "body") var body: String
    @Field(key: "teller") var teller: StoryTeller
    /// Phase and theme term codes of the directory's vocabularies.
    @OptionalField(key: "phase") var phase: String?
    @OptionalField(key: "theme") var theme: String?
    /// Calendar days (see `CalendarDay`).
    @Field(key: "told_on") var toldOn: Date
    @Field(key: "consent_on") var consentOn: Date
    @Field(key: "consent_form") var consentForm: ConsentForm
    /// Marked by the author as fit for public dashboards: a story may name families or partners, so it is not public by default.
    @Field(key: "is_public") var isPublic: Bool

    // relationships
    @Parent(key: "coalition_id") var coalition: Coalition
    @OptionalParent(key: "partner_id") var partner: CoalitionPartner?
    /// Who recorded the story and its consent.
    @OptionalParent(key: "recorded_by_id") var recordedBy: User?

    init() {}

    init(id: UUID? = nil, coalitionID: UUID, title: String, body: String, teller: StoryTeller, phase: String?, theme: String?,
         partnerID: UUID?, toldOn: Date, consentOn: Date, consentForm: ConsentForm, recordedByID: UUID?, isPublic: Bool = false) {
        self.id = id
        self.$coalition.id = coalitionID
        self.title = title
        self.body = body
        self.teller = teller
        self.phase = phase
        self.theme = theme
        self.$partner.id = partnerID
        self.toldOn = toldOn
        self.consentOn = consentOn
        self.consentForm = consentForm
        self.isPublic = isPublic
        self.$recordedBy.id = recordedByID
    }
}

extension CoalitionStory {
    /// The stories of these coalitions that may stand beside the numbers: consent given by `now`,
    /// and, unless the reader is a member (`membersOf`), marked public. Newest first.
    static func shown(of coalitionIDs: [UUID], membersOf: Set<UUID>, now: Date, limit: Int? = nil, on db: any Database) async throws -> [CoalitionStory] {
        guard !coalitionIDs.isEmpty else { return [] }
        let query = CoalitionStory.query(on: db).filter(\.$coalition.$id ~~ coalitionIDs).filter(\.$consentOn <= now)
        let hidden = coalitionIDs.filter { !membersOf.contains($0) }
        if !hidden.isEmpty {
            query.group(.or) { or in
                or.filter(\.$isPublic == true)
                if hidden.count < coalitionIDs.count { or.filter(\.$coalition.$id !~ hidden) }
            }
        }
        query.sort(\.$toldOn, .descending)
        if let limit { query.range(..<limit) }
        return try await query.all()
    }
}
