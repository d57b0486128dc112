import Vapor

/// A page whose content was written in Swift (ADR 0013, ADR 0019): the layout still comes from
/// `layout/base.leaf`, the template `layout/prepared.leaf` only places the ready, escaped content.
struct PreparedPage: Encodable {
    var page: PageMeta
    var content: String
}

extension Request {
    /// Renders `content` (already escaped HTML) inside the layout.
    func renderPrepared(_ content: String, meta: PageMeta) async throws -> View {
        try await view.render("layout/prepared", PreparedPage(page: meta, content: content))
    }
}
