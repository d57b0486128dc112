import Fluent
import Foundation

/// The policy advisor's own text for one section of one report (a coalition or the country, and a
/// year), kept as a draft until the report is generated again; the generated parts are never stored.
final class ReportDraft: Model, @unchecked Sendable {
    static let schema = "report_drafts"
    static let maxLength = 6000

    // managed fields
    @ID(key: .id) var id: UUID?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    // data fields
    /// A coalition's slug, or `nederland`.
    @Field(key: "scope") var scope: String
    @Field(key: "period") var period: String
    @Field(key: "section") var section: ReportSection
    @Field(key: "text") var text: String

    // relationships
    @OptionalParent(key: "updated_by") var updatedBy: User?

    init() {}

    init(scope: String, period: String, section: ReportSection, text: String, updatedBy: UUID?) {
        self.scope = scope; self.period = period; self.section = section; self.text = text
        self.$updatedBy.id = updatedBy
    }

    static func texts(scope: String, period: String, on db: any Database) async throws -> [ReportSection: String] {
        let drafts = try await ReportDraft.query(on: db).filter(\.$scope == scope).filter(\.$period == period).all()
        return Dictionary(drafts.map { ($0.section, $0.text) }, uniquingKeysWith: { a, _ in a })
    }
}
