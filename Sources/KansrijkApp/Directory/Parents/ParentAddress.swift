import Fluent
import Vapor

/// How the parents' pages speak to a parent: "u" or "jij", as the coalition chooses (issue 15:
/// one form of address per audience). Professionals' pages always say "u". The Strings tables
/// hold the parents' texts in the "jij" form, the standard, as the default questionnaire and most
/// services' parent summaries are written; `ParentStrings.formal` has their "u" form, used when a
/// page set `req.parentAddress = .u`. English has one "you" and is left as it is.
enum ParentAddress: String, Codable, CaseIterable, Sendable {
    case u, jij

    static let standard = ParentAddress.jij

    fileprivate struct Key: StorageKey { typealias Value = ParentAddress }

    /// The text of `key` for a parent addressed as `address` (nil: the standard).
    static func text(_ key: String, _ language: UILanguage, _ address: ParentAddress?) -> String {
        if language == .nl, (address ?? standard) == .u, let formal = ParentStrings.formal[key] { return formal }
        return Strings.text(key, language)
    }

    /// The form for parents in a municipality: "u" as soon as one coalition working there chose it
    /// (the more formal form wins where coalitions differ), otherwise the standard "jij".
    static func forMunicipality(_ code: String?, on db: any Database) async throws -> ParentAddress {
        guard let code, !code.isEmpty else { return standard }
        let coalitions = Set(try await CoalitionMunicipality.query(on: db).filter(\.$municipalityCode == code).all().map { $0.$coalition.id })
        guard !coalitions.isEmpty else { return standard }
        let chosen = try await CoalitionParentAddress.query(on: db).filter(\.$coalition.$id ~~ Array(coalitions)).all()
        return chosen.contains { $0.address == ParentAddress.u.rawValue } ? .u : .jij
    }

    /// The coalition's own choice.
    static func forCoalition(_ id: UUID, on db: any Database) async throws -> ParentAddress {
        let row = try await CoalitionParentAddress.query(on: db).filter(\.$coalition.$id == id).first()
        return row.flatMap { ParentAddress(rawValue: $0.address) } ?? standard
    }
}

extension Request {
    /// Set by a parents' page before it renders: its texts then follow the coalition's choice.
    var parentAddress: ParentAddress? {
        get { storage[ParentAddress.Key.self] }
        set { storage[ParentAddress.Key.self] = newValue }
    }
}

/// A coalition's choice of "u" or "jij" for parents; no row is the standard ("u").
final class CoalitionParentAddress: Model, @unchecked Sendable {
    static let schema = "coalition_parent_addresses"

    // managed fields
    @ID(key: .id) var id: UUID?
    // data fields
    @Field(key: "address") var address: String
    // relationships
    @Parent(key: "coalition_id") var coalition: Coalition

    init() {}

    init(coalitionID: UUID, address: ParentAddress) {
        self.$coalition.id = coalitionID
        self.address = address.rawValue
    }
}

struct CreateCoalitionParentAddresses: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(CoalitionParentAddress.schema)
            .id()
            .field("coalition_id", .uuid, .required, .references(Coalition.schema, .id, onDelete: .cascade))
            .field("address", .string, .required)
            .unique(on: "coalition_id")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(CoalitionParentAddress.schema).delete()
    }
}
