import Vapor

extension SocialMapController {
    static let previewRows = 5
    static let shownIssues = 200

    func renderUpload(_ req: Request, _ ws: CoalitionWorkspace, sheet: String, error: String?) async throws -> View {
        let paths = SocialMapPaths(slug: ws.coalition.slug)
        let title = (error == nil ? "" : req.t("form.errors.prefix")) + req.t("socialmap.title") + " · " + ws.coalition.name
        return try await req.view.render("directory/social-map-upload", SocialMapUploadPage(
            page: try await req.pageMeta(title: title, forms: true), coalition: ws.coalition.name, coalitionHref: ws.base,
            action: paths.upload, templateXLSX: paths.templateXLSX, templateCSV: paths.templateCSV,
            maxMB: SpreadsheetLimits.standard.maxFileBytes / 1024 / 1024, maxRows: SpreadsheetLimits.standard.maxRows,
            sheet: sheet, error: error, fields: SocialMapField.allCases.map { $0.label(english: req.isEnglish) }))
    }

    func renderColumns(_ req: Request, _ ws: CoalitionWorkspace, _ upload: SocialMapUploads.Upload, columns: SocialMapColumns,
                       errors: FieldErrors, issues: [SocialMapIssue] = [], rejections: [String] = []) async throws -> View {
        let paths = SocialMapPaths(slug: ws.coalition.slug)
        let header = upload.table.header.enumerated().map { index, name in
            name.isEmpty ? "\(req.t("socialmap.column")) \(XLSXWriter.columnName(index))" : name
        }
        let choices = SocialMapField.allCases.map { field in
            let key = "veld-\(field.rawValue)"
            let chosen = columns.column(of: field)
            return SocialMapColumnsPage.Choice(
                key: key, label: field.label(english: req.isEnglish), required: field.isRequired,
                options: header.enumerated().map { SelectOption(value: "\($0.offset)", label: $0.element, selected: $0.offset == chosen) },
                error: errors[key])
        }
        let hasProblems = !errors.isEmpty || !issues.isEmpty || !rejections.isEmpty
        let title = (hasProblems ? req.t("form.errors.prefix") : "") + req.t("socialmap.columns.title") + " · " + ws.coalition.name
        return try await req.view.render("directory/social-map-columns", SocialMapColumnsPage(
            page: try await req.pageMeta(title: title, forms: true), coalition: ws.coalition.name, coalitionHref: ws.base,
            fileName: upload.fileName, rowCount: upload.table.rows.count, header: header,
            preview: upload.table.rows.prefix(Self.previewRows).map(\.cells),
            choices: choices,
            errorList: ErrorLink.list(errors, order: SocialMapField.allCases.map { "veld-\($0.rawValue)" }),
            issues: issues.prefix(Self.shownIssues).map {
                .init(line: $0.line, column: $0.column ?? $0.field.map { $0.label(english: req.isEnglish) } ?? "", message: $0.message)
            },
            issueCount: issues.count, issuesMore: max(0, issues.count - Self.shownIssues), rejections: rejections,
            action: paths.columns, uploadHref: paths.upload))
    }

    func renderResult(_ req: Request, _ ws: CoalitionWorkspace, _ upload: SocialMapUploads.Upload, _ prepared: SocialMapImport,
                      template: String) async throws -> View {
        let paths = SocialMapPaths(slug: ws.coalition.slug)
        func count(_ key: String, _ c: SocialMapImport.Counts) -> SocialMapResultPage.Count {
            .init(label: req.t(key), created: c.created, updated: c.updated, unchanged: c.unchanged)
        }
        let title = req.t(template.hasSuffix("done") ? "socialmap.done.title" : "socialmap.check.title") + " · " + ws.coalition.name
        return try await req.view.render(template, SocialMapResultPage(
            page: try await req.pageMeta(title: title, forms: true), coalition: ws.coalition.name, coalitionHref: ws.base,
            fileName: upload.fileName, rowCount: upload.table.rows.count,
            counts: [count("socialmap.count.organisations", prepared.organisations), count("socialmap.count.locations", prepared.locations),
                     count("socialmap.count.services", prepared.services)],
            unplaced: prepared.unplaced.map { .init(name: $0.name, line: $0.line) }, changesNothing: prepared.changesNothing,
            action: paths.importing, columnsHref: paths.columns, uploadHref: paths.upload, reviewHref: SocialMapPaths.review,
            searchHref: "/aanbod"))
    }
}
