import NIOConcurrencyHelpers
import Vapor

/// The layout (`layout/base.leaf`) around the search page's Swift-rendered content. For a
/// visitor who is not signed in the layout depends only on the language, the title and the
/// language toggle's link, so Leaf renders it once per language with markers in those places and
/// later requests fill them in. A signed-in user's page (name, CSRF token, notice) goes through
/// Leaf on every request. Both paths render the same template, so the markup is the same.
final class SearchPageLayout: Sendable {
    enum Segment: Sendable, Equatable {
        case markup(String)
        case title, otherLangURL, content
    }

    /// Marker values; the control character cannot occur in a title, a URL or our content.
    static let markers: [(String, Segment)] = [("\u{1}T", .title), ("\u{1}U", .otherLangURL), ("\u{1}C", .content)]

    private let shells = NIOLockedValueBox<[UILanguage: [Segment]]>([:])

    /// The page. For a visitor who is not signed in, once the language's layout is cached, the
    /// response is written at once on the event loop, layout and content into one buffer;
    /// otherwise Leaf renders in a task.
    func response(_ req: Request, title: String, status: HTTPResponseStatus,
                  content: (inout HTMLWriter) -> Void) -> EventLoopFuture<Response> {
        if req.auth.get(User.self) == nil, let segments = shells.withLockedValue({ $0[req.language] }) {
            return req.eventLoop.makeSucceededFuture(
                Self.filled(segments, meta: req.anonymousPageMeta(title: title), status: status, content: content))
        }
        var writer = HTMLWriter()
        content(&writer)
        let html = writer.html
        return req.eventLoop.makeFutureWithTask {
            let meta = try await req.pageMeta(title: title)
            guard meta.user == nil, meta.notice == nil, meta.csrf == nil else {
                return try await Self.leaf(req, meta: meta, content: html).encodeResponse(status: status, for: req)
            }
            return Self.filled(try await self.shell(req, meta: meta), meta: meta, status: status) { $0.raw(html) }
        }
    }

    /// The page around content that is already text (the layout-equality test compares with Leaf through it).
    func response(_ req: Request, title: String, content: String, status: HTTPResponseStatus) -> EventLoopFuture<Response> {
        response(req, title: title, status: status) { $0.raw(content) }
    }

    /// The anonymous layout's segments with the title, the language link and the content filled in.
    static func filled(_ segments: [Segment], meta: PageMeta, status: HTTPResponseStatus,
                       content: (inout HTMLWriter) -> Void) -> Response {
        var body = HTMLWriter(capacity: bodyCapacity)
        for segment in segments {
            switch segment {
            case .markup(let markup): body.raw(markup)
            case .title: body.text(meta.title)
            case .otherLangURL: body.text(meta.otherLangURL)
            case .content: content(&body)
            }
        }
        var headers = HTTPHeaders()
        headers.contentType = .html
        return Response(status: status, headers: headers, body: .init(buffer: body.buffer))
    }

    /// Room for a full page of results at national scale (about 40 kB), so the body is not moved while written.
    static let bodyCapacity = 64 * 1024

    /// The page through Leaf, as for a signed-in user.
    static func leaf(_ req: Request, meta: PageMeta, content: String) async throws -> View {
        try await req.view.render("directory/search", SearchShell(page: meta, content: content))
    }

    /// The anonymous layout of the request's language, cut at the markers.
    func shell(_ req: Request, meta: PageMeta) async throws -> [Segment] {
        if let cached = shells.withLockedValue({ $0[req.language] }) { return cached }
        var marked = meta
        marked.title = Self.markers[0].0
        marked.otherLangURL = Self.markers[1].0
        let view = try await Self.leaf(req, meta: marked, content: Self.markers[2].0)
        let segments = Self.cut(String(buffer: view.data))
        shells.withLockedValue { $0[req.language] = segments }
        return segments
    }

    /// Splits rendered HTML at the markers, wherever and however often the layout uses them.
    static func cut(_ html: String) -> [Segment] {
        var segments: [Segment] = []
        var rest = Substring(html)
        while let (range, segment) = markers.compactMap({ m in rest.range(of: m.0).map { ($0, m.1) } })
            .min(by: { $0.0.lowerBound < $1.0.lowerBound }) {
            if range.lowerBound > rest.startIndex { segments.append(.markup(String(rest[..<range.lowerBound]))) }
            segments.append(segment)
            rest = rest[range.upperBound...]
        }
        if !rest.isEmpty { segments.append(.markup(String(rest))) }
        return segments
    }
}
