import Fluent
import Foundation

/// How a municipality takes part in the programme: its tranche of the impulse funding, whether it
/// is a GIDS municipality (Gezond in de Stad), and the three things the national monitor asks
/// about (a joint plan, a prenatal home visit by the JGZ, Nu Niet Zwanger), with the inhabitants
/// the funding is computed from. One row per municipality, keyed by its CBS code; a municipality
/// without a row has not reported (shown as "onbekend").
final class MunicipalityParticipation: Model, @unchecked Sendable {
    static let schema = "municipality_participations"

    // managed fields
    /// The municipality's CBS code (`GM0355`).
    @ID(custom: .id, generatedBy: .user) var id: String?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    // data fields
    @Field(key: "tranche") var tranche: Tranche
    @Field(key: "is_gids") var isGIDS: Bool
    @Field(key: "has_joint_plan") var hasJointPlan: Bool
    @Field(key: "has_prenatal_visit") var hasPrenatalVisit: Bool
    @Field(key: "has_nnz") var hasNNZ: Bool
    @Field(key: "inhabitants") var inhabitants: Int
    /// True while the row holds the fictitious demo distribution rather than imported or entered figures.
    @Field(key: "is_demo") var isDemo: Bool
    /// Where the figures come from ("Import deelname 2025.csv", "Ingevoerd door beheerder").
    @Field(key: "source_note") var sourceNote: String

    init() {}

    init(code: String, facts: ParticipationFacts, isDemo: Bool, sourceNote: String) {
        self.id = code
        self.isDemo = isDemo
        self.sourceNote = sourceNote
        apply(facts)
    }

    var facts: ParticipationFacts {
        ParticipationFacts(tranche: tranche, isGIDS: isGIDS, hasJointPlan: hasJointPlan,
                           hasPrenatalVisit: hasPrenatalVisit, hasNNZ: hasNNZ, inhabitants: inhabitants)
    }

    func apply(_ f: ParticipationFacts) {
        tranche = f.tranche
        isGIDS = f.isGIDS
        hasJointPlan = f.hasJointPlan
        hasPrenatalVisit = f.hasPrenatalVisit
        hasNNZ = f.hasNNZ
        inhabitants = f.inhabitants
    }
}

/// The facts of one municipality's participation, as plain values (pages, imports, figures).
struct ParticipationFacts: Sendable, Equatable {
    var tranche: Tranche
    var isGIDS: Bool
    var hasJointPlan: Bool
    var hasPrenatalVisit: Bool
    var hasNNZ: Bool
    var inhabitants: Int
}

/// The tranche in which a municipality applied for the impulse funding. Tranches 1 and 2 (2019)
/// were the GIDS municipalities, tranche 3 (2020) the others.
enum Tranche: String, Codable, CaseIterable, Sendable, Comparable {
    case one = "1"
    case two = "2"
    case three = "3"
    case noParticipation = "geen"

    var isParticipating: Bool { self != .noParticipation }

    private var order: Int { Tranche.allCases.firstIndex(of: self)! }
    static func < (a: Tranche, b: Tranche) -> Bool { a.order < b.order }
}

extension MunicipalityParticipation {
    /// All rows by municipality code.
    static func byCode(on db: any Database) async throws -> [String: MunicipalityParticipation] {
        let rows = try await MunicipalityParticipation.query(on: db).all()
        return Dictionary(uniqueKeysWithValues: rows.compactMap { row in row.id.map { ($0, row) } })
    }
}

struct CreateMunicipalityParticipations: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(MunicipalityParticipation.schema)
            .field(.id, .string, .identifier(auto: false), .references(Municipality.schema, .id, onDelete: .cascade))
            .field("updated_at", .datetime)
            .field("tranche", .string, .required)
            .field("is_gids", .bool, .required)
            .field("has_joint_plan", .bool, .required)
            .field("has_prenatal_visit", .bool, .required)
            .field("has_nnz", .bool, .required)
            .field("inhabitants", .int, .required)
            .field("is_demo", .bool, .required)
            .field("source_note", .string, .required)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(MunicipalityParticipation.schema).delete()
    }
}
