import Fluent
import Vapor

extension ReportController {
    struct TextForm: Content { var tekst: String? }

    @Sendable func texts(req: Request) async throws -> View {
        let scope = try await req.reportScope()
        guard scope.canWrite else { throw PageError.forbidden }
        let year = try Self.year(req)
        let saved = try await ReportDraft.texts(scope: scope.slug, period: String(year), on: req.db)
        return try await renderTexts(req, scope: scope, year: year, texts: saved, error: nil)
    }

    @Sendable func saveText(req: Request) async throws -> Response {
        let scope = try await req.reportScope()
        guard scope.canWrite else { throw PageError.forbidden }
        let year = try Self.year(req)
        guard let section = req.parameters.get("section").flatMap(ReportSection.init(rawValue:)) else { throw PageError.notFound }
        let text = (try req.content.decode(TextForm.self).tekst ?? "").replacingOccurrences(of: "\r\n", with: "\n").trimmingCharacters(in: .whitespacesAndNewlines)
        if text.count > ReportDraft.maxLength {
            var texts = try await ReportDraft.texts(scope: scope.slug, period: String(year), on: req.db)
            texts[section] = text
            let message = String(format: req.t("report.texts.toolong"), ReportDraft.maxLength, text.count)
            return try await renderTexts(req, scope: scope, year: year, texts: texts, error: (section, message))
                .encodeResponse(status: .unprocessableEntity, for: req)
        }
        let userID = try req.requireUser().requireID()
        try await req.db.writeTransaction { db in
            let existing = try await ReportDraft.query(on: db).filter(\.$scope == scope.slug).filter(\.$period == String(year))
                .filter(\.$section == section).first()
            if text.isEmpty {
                try await existing?.delete(on: db)
            } else if let existing {
                existing.text = text
                existing.$updatedBy.id = userID
                try await existing.save(on: db)
            } else {
                try await ReportDraft(scope: scope.slug, period: String(year), section: section, text: text, updatedBy: userID).create(on: db)
            }
        }
        req.flash("\(req.t("report.texts.saved")) \(req.t("report.section.\(section.rawValue)")).")
        return req.redirect(to: "\(Self.url(scope.slug, year))/teksten#s-\(section.rawValue)")
    }

    private func renderTexts(_ req: Request, scope: ReportScope, year: Int, texts: [ReportSection: String], error: (ReportSection, String)?) async throws -> View {
        let title = "\(req.t("report.texts.title")): \(scope.name) \(year)"
        return try await req.view.render("monitoring/report-texts", ReportTextsPage(
            page: try await req.pageMeta(title: error == nil ? title : req.t("form.errors.prefix") + title, forms: true),
            scopeName: scope.name, period: String(year), reportURL: Self.url(scope.slug, year),
            forms: ReportSection.allCases.map { s in
                .init(key: s.rawValue, number: s.number, heading: req.t("report.section.\(s.rawValue)"), hint: req.t("report.hint.\(s.rawValue)"),
                      text: texts[s] ?? "", error: error?.0 == s ? error?.1 : nil)
            },
            errorList: error.map { [ErrorLink(field: "tekst-\($0.0.rawValue)", message: $0.1)] } ?? []))
    }
}
