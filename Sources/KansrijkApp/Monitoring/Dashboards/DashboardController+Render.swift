import Foundation
import Vapor

/// A dashboard page (ADR 0048): the figures and everything else that is the same for every reader
/// are computed and rendered once per language and URL and shared, through `RenderedPages.shared`
/// (single-flight: concurrent first requests wait for one computation); what depends on who reads
/// (the layout with her name, menu and token; the coalition's stories she may see; the process
/// counts, unsuppressed for a reader of the coalition) is rendered per request around it.
/// Process counts come from care data: unsuppressed they are never kept, only rendered for the
/// reader who asked.
extension DashboardController {
    /// The content inside the layout, and whether the form's query was valid.
    struct Body: Sendable { var content: String; var ok: Bool }

    /// A body with slots for the parts that depend on the reader.
    struct Skeleton: Sendable { var segments: [Segment]; var ok: Bool }

    enum Segment: Sendable, Equatable {
        case markup(String)
        case slot(String)
    }

    /// The reader's parts, rendered by `monitoring/dashboard-parts.leaf`.
    struct Parts: Sendable {
        /// Stories per phase id (`fase-voor`), empty where none.
        var stories: [String: String]
        var storyPhases: Set<DashboardPhase>
        var processNav: String
        var process: String

        func slot(_ name: String) -> String {
            switch name {
            case "nav": processNav
            case "process": process
            default: stories[name] ?? ""
            }
        }
    }

    static let partSeparator = "<!--part-->"

    func page(_ req: Request, subject: DashboardSubject, coalitions: [Coalition]) async throws -> Response {
        let now = Date()
        let readerOf = try await Self.readerOf(coalitions, req)
        let reader = Self.readsAll(subject, coalitions: coalitions, readerOf: readerOf, req)
        let pages = snapshot.pages
        let fresh = pages.fresh
        let place = req.language.rawValue + " " + req.url.string
        let body: Body
        if fresh {
            body = try await freshBody(req, subject: subject, coalitions: coalitions, readerOf: readerOf, reader: reader, now: now)
        } else if readerOf.isEmpty && !reader {
            // what the public sees, public stories and suppressed process counts included: one body for everyone
            body = try await pages.shared("public " + place) {
                try await freshBody(req, subject: subject, coalitions: coalitions, readerOf: [], reader: false, now: now)
            }
        } else {
            let parts = try await self.parts(req, subject: subject, coalitions: coalitions, readerOf: readerOf, reader: reader, now: now)
            let phases = DashboardPhase.allCases.filter(parts.storyPhases.contains).map(\.rawValue).joined(separator: ",")
            let skeleton: Skeleton = try await pages.shared("skeleton [\(phases)] " + place) {
                try await self.skeleton(req, subject: subject, coalitions: coalitions, storyPhases: parts.storyPhases)
            }
            body = Body(content: Self.fill(skeleton.segments, parts), ok: skeleton.ok)
        }
        let meta = try await req.pageMeta(title: "\(req.t("monitor.title")): \(subject.name)")
        let view = fresh ? try await PreparedLayout.leaf(req, meta: meta, content: body.content)
                         : try await req.renderPrepared(body.content, meta: meta)
        if !fresh, body.ok, let key = RenderedPages.key(req) { pages.keep(view.data, for: key) }
        return RenderedPages.html(view.data, status: body.ok ? .ok : .badRequest)
    }

    /// The reader's stories and process section.
    func parts(_ req: Request, subject: DashboardSubject, coalitions: [Coalition], readerOf: Set<UUID>, reader: Bool, now: Date) async throws -> Parts {
        let stories = try await Self.stories(of: coalitions, readerOf: readerOf, now: now, req)
        let process = try await self.process(req, subject: subject, reader: reader, now: now)
        let context = DashboardPage.Parts(
            phases: DashboardPhase.allCases.map { phase in .init(id: "fase-\(phase.rawValue)", stories: stories.filter { $0.0 == phase }.map(\.1)) },
            storiesForReaders: !readerOf.isEmpty, process: process)
        let pieces = String(buffer: try await req.view.render("monitoring/dashboard-parts", context).data).components(separatedBy: Self.partSeparator)
        // before the first phase, one piece per phase, the phase list's entry, the section
        let phaseCount = DashboardPhase.allCases.count
        guard pieces.count == phaseCount + 3 else { throw Abort(.internalServerError, reason: "monitoring/dashboard-parts gave \(pieces.count) parts") }
        var byPhase: [String: String] = [:]
        for (i, phase) in DashboardPhase.allCases.enumerated() { byPhase["fase-\(phase.rawValue)"] = pieces[i + 1] }
        return Parts(stories: byPhase, storyPhases: Set(stories.map(\.0)), processNav: pieces[phaseCount + 1], process: pieces[phaseCount + 2])
    }

    /// The figures part, its slots left open.
    func pageContext(_ req: Request, subject: DashboardSubject, coalitions: [Coalition], storyPhases: Set<DashboardPhase>) async throws -> (DashboardPage, Bool) {
        let c = try await compute(req, subject: subject)
        let page = DashboardBuilder(req: req, subject: subject, areas: c.areas, query: c.query, peerLabel: c.peerLabel, placesByName: snapshot.placesByName)
            .page(figures: c.figures, missing: c.missing, coalitions: coalitions, storyPhases: storyPhases)
        return (page, c.query.errors.isEmpty)
    }

    /// The whole body for this reader, rendered now (and the reference the shared paths are tested against).
    func freshBody(_ req: Request, subject: DashboardSubject, coalitions: [Coalition], readerOf: Set<UUID>, reader: Bool, now: Date) async throws -> Body {
        let parts = try await self.parts(req, subject: subject, coalitions: coalitions, readerOf: readerOf, reader: reader, now: now)
        var (page, ok) = try await pageContext(req, subject: subject, coalitions: coalitions, storyPhases: parts.storyPhases)
        for i in page.phases.indices { page.phases[i].storiesHTML = parts.slot(page.phases[i].id) }
        page.processNavHTML = parts.processNav
        page.processHTML = parts.process
        return Body(content: String(buffer: try await req.view.render("monitoring/dashboard-body", page).data), ok: ok)
    }

    /// The body with a marker where each part goes, cut at the markers.
    func skeleton(_ req: Request, subject: DashboardSubject, coalitions: [Coalition], storyPhases: Set<DashboardPhase>) async throws -> Skeleton {
        var (page, ok) = try await pageContext(req, subject: subject, coalitions: coalitions, storyPhases: storyPhases)
        for i in page.phases.indices { page.phases[i].storiesHTML = Self.marker(page.phases[i].id) }
        page.processNavHTML = Self.marker("nav")
        page.processHTML = Self.marker("process")
        let html = String(buffer: try await req.view.render("monitoring/dashboard-body", page).data)
        return Skeleton(segments: Self.cut(html), ok: ok)
    }

    static let slotNames: Set<String> = Set(DashboardPhase.allCases.map { "fase-\($0.rawValue)" } + ["nav", "process"])

    static func marker(_ name: String) -> String { "\u{1}slot:\(name)\u{1}" }

    /// Splits the body at the markers; anything else between control characters stays markup.
    static func cut(_ html: String) -> [Segment] {
        var segments: [Segment] = []
        var markup = ""
        var rest = Substring(html)
        while let start = rest.range(of: "\u{1}slot:") {
            guard let end = rest[start.upperBound...].firstIndex(of: "\u{1}"), slotNames.contains(String(rest[start.upperBound..<end])) else {
                markup += rest[..<start.upperBound]
                rest = rest[start.upperBound...]
                continue
            }
            markup += rest[..<start.lowerBound]
            if !markup.isEmpty { segments.append(.markup(markup)); markup = "" }
            segments.append(.slot(String(rest[start.upperBound..<end])))
            rest = rest[rest.index(after: end)...]
        }
        markup += rest
        if !markup.isEmpty { segments.append(.markup(markup)) }
        return segments
    }

    static func fill(_ segments: [Segment], _ parts: Parts) -> String {
        var out = ""
        out.reserveCapacity(segments.reduce(0) { if case .markup(let m) = $1 { $0 + m.utf8.count } else { $0 } } + parts.process.utf8.count + 4_096)
        for segment in segments {
            switch segment {
            case .markup(let m): out += m
            case .slot(let name): out += parts.slot(name)
            }
        }
        return out
    }
}
