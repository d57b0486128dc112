import Fluent
import Foundation

/// How a screening came about.
enum ScreeningMode: String, Codable, Sendable, CaseIterable {
    /// Filled in by the professional together with the parent.
    case together = "samen"
    /// The parent filled it in herself beforehand, through a link.
    case parentLink = "ouder-link"
}

enum ScreeningStatus: String, Codable, Sendable, CaseIterable {
    /// A link was made; the parent has not answered yet.
    case waitingForParent = "wacht-op-ouder"
    /// The parent answered; still to be discussed together.
    case filledByParent = "ingevuld-door-ouder"
    /// Discussed and completed by the professional.
    case completed = "afgerond"
}

/// One signalling conversation with a parent: the answers, the level the instrument gave, and the
/// level the professional settled on with her (with the reason when they differ).
final class Screening: Model, @unchecked Sendable {
    static let schema = "care_screenings"

    // managed fields
    @ID(key: .id) var id: UUID?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    // data fields
    @Field(key: "mode") var mode: ScreeningMode
    @Field(key: "status") var status: ScreeningStatus
    /// Question code -> option code, as JSON.
    @Field(key: "answers") var answersJSON: String
    /// What the parent wrote she wants to talk about.
    @OptionalField(key: "parent_note") var parentNote: String?
    /// Filled when scored: the instrument's outcome.
    @OptionalField(key: "computed_level") var computedLevel: VulnerabilityLevel?
    @OptionalField(key: "balance") var balance: Int?
    @Field(key: "urgent") var urgent: Bool
    /// The professional's own judgement, made with the parent, when it differs.
    @OptionalField(key: "adjusted_level") var adjustedLevel: VulnerabilityLevel?
    @OptionalField(key: "adjustment_reason") var adjustmentReason: String?
    /// Random key of the form that created it, so a double submit cannot create two.
    @Field(key: "submission_key") var submissionKey: String
    @OptionalField(key: "parent_submitted_at") var parentSubmittedAt: Date?
    @OptionalField(key: "completed_at") var completedAt: Date?
    @OptionalField(key: "completed_by_user_id") var completedByUserID: UUID?

    // relationships
    @Parent(key: "client_id") var client: CareClient
    @Parent(key: "organisation_id") var organisation: Organisation
    @Parent(key: "created_by_user_id") var createdBy: User
    /// The version it is scored with, kept for good.
    @Parent(key: "instrument_id") var instrument: ScreeningInstrument

    init() {}

    init(id: UUID? = nil, clientID: UUID, organisationID: UUID, createdByID: UUID, instrumentID: UUID,
         mode: ScreeningMode, status: ScreeningStatus, submissionKey: String) {
        self.id = id
        self.$client.id = clientID
        self.$organisation.id = organisationID
        self.$createdBy.id = createdByID
        self.$instrument.id = instrumentID
        self.mode = mode
        self.status = status
        self.answersJSON = "{}"
        self.urgent = false
        self.submissionKey = submissionKey
    }

    var answers: [String: String] {
        get { (try? JSONDecoder().decode([String: String].self, from: Data(answersJSON.utf8))) ?? [:] }
        set { answersJSON = String(decoding: (try? JSONEncoder().encode(newValue)) ?? Data("{}".utf8), as: UTF8.self) }
    }

    /// The level that counts: the professional's when she adjusted it, else the instrument's.
    var level: VulnerabilityLevel? { adjustedLevel ?? computedLevel }

    /// Stores the answers with their score.
    func record(answers: [String: String], with definition: InstrumentDefinition) -> ScreeningScore {
        self.answers = answers
        let score = ScreeningScore.score(answers, with: definition)
        computedLevel = score.level
        balance = score.balance
        urgent = score.urgent
        return score
    }
}
