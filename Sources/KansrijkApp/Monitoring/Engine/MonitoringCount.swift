import Fluent
import Foundation

/// One aggregate count: a data element for an area (municipality code as delivered, mapped to
/// current boundaries when read), a period and optionally one breakdown cell. Never a person.
final class MonitoringCount: Model, @unchecked Sendable {
    static let schema = "monitoring_counts"

    // managed fields
    @ID(key: .id) var id: UUID?

    // data fields
    @Field(key: "element") var element: String
    @Field(key: "area_code") var areaCode: String
    @Field(key: "period") var period: String
    @Field(key: "year") var year: Int
    /// Empty for the total; else a `Breakdown` raw value with `breakdownValue` one of its values.
    @Field(key: "breakdown") var breakdown: String
    @Field(key: "breakdown_value") var breakdownValue: String
    @Field(key: "count") var count: Int
    /// Which import wrote it (`perined`, `aggregaat`), so a re-import replaces only its own rows.
    @Field(key: "source") var source: String

    init() {}
}
