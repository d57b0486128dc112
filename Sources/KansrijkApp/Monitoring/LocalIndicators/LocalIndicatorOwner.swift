import Fluent
import Foundation

/// Which coalition a local indicator belongs to: its coordinators may change it. The definition
/// itself lives in `indicators` (origin `lokaal`) beside the national set, so the engine, API and
/// dashboards read it like any other.
final class LocalIndicatorOwner: Model, @unchecked Sendable {
    static let schema = "local_indicator_owners"
    static let origin = "lokaal"

    // managed fields
    @ID(key: .id) var id: UUID?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    // data fields
    @Field(key: "indicator_code") var indicatorCode: String

    // relationships
    @Parent(key: "coalition_id") var coalition: Coalition
    @OptionalParent(key: "created_by") var createdBy: User?

    init() {}

    init(indicatorCode: String, coalitionID: UUID, createdBy: UUID?) {
        self.indicatorCode = indicatorCode
        self.$coalition.id = coalitionID
        self.$createdBy.id = createdBy
    }
}
