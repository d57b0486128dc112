import Foundation

/// The social-map import's paths under a coalition (`/coalities/:slug/sociale-kaart/...`), used
/// both to register the routes and to build the links.
struct SocialMapPaths: Sendable {
    static let segment = "sociale-kaart"
    let base: String

    init(slug: String) { base = "/coalities/\(slug)/\(Self.segment)" }

    var upload: String { base }
    var columns: String { base + "/kolommen" }
    var importing: String { base + "/importeren" }
    var templateXLSX: String { base + "/sjabloon.xlsx" }
    var templateCSV: String { base + "/sjabloon.csv" }
    /// The review list of issue 16 (ADR 0034).
    static let review = DirectoryReviewController.path
}
