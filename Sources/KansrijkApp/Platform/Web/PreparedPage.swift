import NIOConcurrencyHelpers
import Vapor

/// A page whose content was written in Swift (ADR 0013, ADR 0019): the layout still comes from
/// `layout/base.leaf`, the template `layout/prepared.leaf` only places the ready, escaped content.
struct PreparedPage: Encodable {
    var page: PageMeta
    var content: String
}

extension Request {
    /// Renders `content` (already escaped HTML) inside the layout: from the cached layout of the
    /// language when there is one (`PreparedLayout`), otherwise through Leaf.
    func renderPrepared(_ content: String, meta: PageMeta) async throws -> View {
        let layout = application.preparedLayout
        if let page = layout.page(meta, content: content) { return View(data: page) }
        if meta.notice == nil {
            try await layout.prepare(self, meta: meta)
            if let page = layout.page(meta, content: content) { return View(data: page) }
        }
        return try await PreparedLayout.leaf(self, meta: meta, content: content)
    }
}

/// The layout around prepared content, rendered by Leaf once per language and signed-in state
/// with markers where the page's own values go (title, language link, the user's name, role and
/// organisation, the CSRF token, the content), then filled in per request: Leaf's serialiser was a
/// tenth of a client page's CPU. A page with a notice goes through Leaf (the notice adds markup).
/// Both paths render the same template, and a test compares them.
final class PreparedLayout: Sendable {
    enum Field: Int, CaseIterable, Sendable {
        case title, otherLangURL, name, roleLabel, organisation, csrf, content
    }

    enum Segment: Sendable, Equatable {
        case markup(String)
        case field(Field)
    }

    /// The layout differs by language, by the menu (the signed-in role's, issue 15) and for parents' pages.
    private struct Key: Hashable {
        var lang: String; var signedIn: Bool; var menu: [String]; var forParents: Bool
        init(_ meta: PageMeta) {
            lang = meta.lang; signedIn = meta.user != nil; menu = meta.menu.map(\.href); forParents = meta.forParents
        }
    }
    private let shells = NIOLockedValueBox<[Key: [Segment]]>([:])

    /// A marker for each field; the control character cannot occur in our values or markup.
    static func marker(_ field: Field) -> String { "\u{1}\(field.rawValue)\u{1}" }

    /// The page from the cached layout, or nil when there is none yet or the page has a notice.
    func page(_ meta: PageMeta, content: String) -> ByteBuffer? {
        guard meta.notice == nil,
              let segments = shells.withLockedValue({ $0[Key(meta)] }) else { return nil }
        var body = HTMLWriter(capacity: content.utf8.count + 8_192)
        for segment in segments {
            switch segment {
            case .markup(let markup): body.raw(markup)
            case .field(.title): body.text(meta.title)
            case .field(.otherLangURL): body.text(meta.otherLangURL)
            case .field(.name): body.text(meta.user?.name ?? "")
            case .field(.roleLabel): body.text(meta.user?.roleLabel ?? "")
            case .field(.organisation): body.text(meta.user?.organisation ?? "")
            case .field(.csrf): body.text(meta.csrf ?? "")
            case .field(.content): body.raw(content)
            }
        }
        return body.buffer
    }

    /// Renders and caches the layout of `meta`'s language and signed-in state.
    func prepare(_ req: Request, meta: PageMeta) async throws {
        var marked = meta
        marked.title = Self.marker(.title)
        marked.otherLangURL = Self.marker(.otherLangURL)
        if var user = marked.user {
            user.name = Self.marker(.name)
            user.roleLabel = Self.marker(.roleLabel)
            user.organisation = Self.marker(.organisation)
            marked.user = user
            marked.csrf = Self.marker(.csrf)
        }
        let view = try await Self.leaf(req, meta: marked, content: Self.marker(.content))
        let segments = Self.cut(String(buffer: view.data))
        shells.withLockedValue { $0[Key(meta)] = segments }
    }

    /// The page through Leaf.
    static func leaf(_ req: Request, meta: PageMeta, content: String) async throws -> View {
        try await req.view.render("layout/prepared", PreparedPage(page: meta, content: content))
    }

    /// Splits rendered HTML at the markers, wherever and however often the layout uses them.
    static func cut(_ html: String) -> [Segment] {
        var segments: [Segment] = []
        var rest = Substring(html)
        while let start = rest.firstIndex(of: "\u{1}") {
            let afterStart = rest.index(after: start)
            guard let end = rest[afterStart...].firstIndex(of: "\u{1}"), let number = Int(rest[afterStart..<end]),
                  let field = Field(rawValue: number) else { break }
            if start > rest.startIndex { segments.append(.markup(String(rest[..<start]))) }
            segments.append(.field(field))
            rest = rest[rest.index(after: end)...]
        }
        if !rest.isEmpty { segments.append(.markup(String(rest))) }
        return segments
    }
}

extension Application {
    private struct PreparedLayoutKey: StorageKey { typealias Value = PreparedLayout }

    /// The cached layouts of prepared pages (`PreparedLayout`), set by `configure`; without one
    /// (an application not built by `configure`) every page goes through Leaf.
    var preparedLayout: PreparedLayout {
        get { storage[PreparedLayoutKey.self] ?? PreparedLayout() }
        set { storage[PreparedLayoutKey.self] = newValue }
    }
}
