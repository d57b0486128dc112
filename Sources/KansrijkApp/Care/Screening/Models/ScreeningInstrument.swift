import Fluent
import Foundation

/// One version of the signalling instrument. Versions are immutable: a change is a new version, so
/// every completed screening can always be shown with the questions and weights it was scored with.
final class ScreeningInstrument: Model, @unchecked Sendable {
    static let schema = "care_screening_instruments"

    // managed fields
    @ID(key: .id) var id: UUID?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    // data fields
    @Field(key: "version") var version: Int
    @Field(key: "title") var title: String
    /// `InstrumentDefinition` as JSON.
    @Field(key: "definition") var definitionJSON: String
    /// Who made it; nil for the version shipped with the software.
    @OptionalField(key: "created_by_user_id") var createdByUserID: UUID?

    init() {}

    init(id: UUID? = nil, version: Int, title: String, definition: InstrumentDefinition, createdByUserID: UUID?) {
        self.id = id
        self.version = version
        self.title = title
        self.definitionJSON = definition.encoded()
        self.createdByUserID = createdByUserID
    }

    var definition: InstrumentDefinition {
        get throws { try InstrumentDefinition.decode(definitionJSON) }
    }
}

extension ScreeningInstrument {
    /// The version new screenings use: the newest.
    static func current(on db: any Database) async throws -> ScreeningInstrument {
        guard let latest = try await ScreeningInstrument.query(on: db).sort(\.$version, .descending).first() else {
            throw PageError.notFound
        }
        return latest
    }

    /// Stores a definition as the next version number.
    static func publish(_ definition: InstrumentDefinition, title: String, by userID: UUID?, on db: any Database) async throws -> ScreeningInstrument {
        let last = try await ScreeningInstrument.query(on: db).max(\.$version) ?? 0
        let instrument = ScreeningInstrument(version: last + 1, title: title, definition: definition, createdByUserID: userID)
        try await instrument.create(on: db)
        return instrument
    }

    /// Whether any screening was scored with it.
    func isUsed(on db: any Database) async throws -> Bool {
        try await Screening.query(on: db).filter(\.$instrument.$id == requireID()).count() > 0
    }
}
