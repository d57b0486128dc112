import Fluent
import Foundation

/// A former municipality that became (part of) a current one on 1 January of `year`
/// (Weesp: 24 March 2022, counted from 2022). Data, not code: add a row for each new merge.
final class MunicipalityMerge: Model, @unchecked Sendable {
    static let schema = "municipality_merges"

    // managed fields
    @ID(key: .id) var id: UUID?

    // data fields
    @Field(key: "year") var year: Int
    @Field(key: "former_code") var formerCode: String
    @Field(key: "former_name") var formerName: String
    @Field(key: "current_code") var currentCode: String
    /// True when the current code was new with this merger (Molenlanden), false when it was kept (Groningen).
    @Field(key: "current_is_new") var currentIsNew: Bool

    init() {}

    init(year: Int, formerCode: String, formerName: String, currentCode: String, currentIsNew: Bool) {
        self.year = year
        self.formerCode = formerCode
        self.formerName = formerName
        self.currentCode = currentCode
        self.currentIsNew = currentIsNew
    }
}
