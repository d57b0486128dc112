import Fluent
import Vapor

/// Brings a coalition's existing social map (sociale kaart) in from a spreadsheet (issue 16,
/// ADR 0037): upload an xlsx or CSV file, map its columns with a preview, see every row's problems,
/// then import all rows or none through the HSDS import. Coordinators of the coalition and admins.
struct SocialMapController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let s = routes.grouped("coalities", ":slug", PathComponent(stringLiteral: SocialMapPaths.segment))
        s.get(use: uploadForm)
        s.post(use: upload)
        s.get("sjabloon.xlsx", use: templateXLSX)
        s.get("sjabloon.csv", use: templateCSV)
        s.get("kolommen", use: columnsForm)
        s.post("kolommen", use: checkColumns)
        s.post("importeren", use: runImport)
    }

    struct UploadForm: Content {
        var bestand: File?
        var tabblad: String?
    }

    @Sendable func uploadForm(req: Request) async throws -> View {
        let ws = try await req.workspace(.edit)
        return try await renderUpload(req, ws, sheet: "", error: nil)
    }

    @Sendable func upload(req: Request) async throws -> Response {
        let ws = try await req.workspace(.edit)
        let form = try? req.content.decode(UploadForm.self)
        let sheet = HSDSText.nonEmpty(form?.tabblad).map { String($0.prefix(100)) }
        guard let file = form?.bestand, file.data.readableBytes > 0 else {
            return try await renderUpload(req, ws, sheet: sheet ?? "", error: req.t("socialmap.error.nofile"))
                .encodeResponse(status: .unprocessableEntity, for: req)
        }
        let table: SpreadsheetTable
        do {
            table = try SpreadsheetFile.read(Data(file.data.readableBytesView), sheet: sheet)
        } catch {
            return try await renderUpload(req, ws, sheet: sheet ?? "", error: error.message).encodeResponse(status: .unprocessableEntity, for: req)
        }
        guard !table.rows.isEmpty else {
            return try await renderUpload(req, ws, sheet: sheet ?? "", error: req.t("socialmap.error.norows"))
                .encodeResponse(status: .unprocessableEntity, for: req)
        }
        let now = Date()
        if let old = req.session.data[SocialMapUploads.sessionKey] { try await SocialMapUploads.remove(old, on: req.db) }
        let key = try await SocialMapUploads.put(.init(userID: try ws.user.requireID(), coalitionID: ws.id, fileName: Self.displayName(file.filename),
                                                       kind: SpreadsheetFile.kind(of: Data(file.data.readableBytesView.prefix(4))), table: table,
                                                       columns: nil, expires: now.addingTimeInterval(SocialMapUploads.lifetime)), now: now, on: req.db)
        req.session.data[SocialMapUploads.sessionKey] = key
        return req.redirect(to: SocialMapPaths(slug: ws.coalition.slug).columns)
    }

    @Sendable func columnsForm(req: Request) async throws -> Response {
        let ws = try await req.workspace(.edit)
        guard let (_, upload) = try await current(req, ws) else { return expired(req, ws) }
        let columns = upload.columns ?? SocialMapColumns.guess(upload.table.header)
        return try await renderColumns(req, ws, upload, columns: columns, errors: [:]).encodeResponse(for: req)
    }

    @Sendable func checkColumns(req: Request) async throws -> Response {
        let ws = try await req.workspace(.edit)
        guard let (key, upload) = try await current(req, ws) else { return expired(req, ws) }
        let form = (try? req.content.decode([String: String].self)) ?? [:]
        let (columns, errors) = Self.columns(from: form, header: upload.table.header, english: req.isEnglish)
        guard errors.isEmpty else {
            return try await renderColumns(req, ws, upload, columns: columns, errors: errors).encodeResponse(status: .unprocessableEntity, for: req)
        }
        try await SocialMapUploads.setColumns(columns, for: key, on: req.db)
        let checked = try await check(req, ws, upload, columns: columns)
        switch checked {
        case .problems(let issues, let rejections):
            return try await renderColumns(req, ws, upload, columns: columns, errors: [:], issues: issues, rejections: rejections)
                .encodeResponse(status: .unprocessableEntity, for: req)
        case .ready(let prepared, _):
            return try await renderResult(req, ws, upload, prepared, template: "directory/social-map-check").encodeResponse(for: req)
        }
    }

    @Sendable func runImport(req: Request) async throws -> Response {
        let ws = try await req.workspace(.edit)
        guard let (key, upload) = try await current(req, ws) else { return expired(req, ws) }
        let paths = SocialMapPaths(slug: ws.coalition.slug)
        guard let columns = upload.columns else { return req.redirect(to: paths.columns) }
        // checked again: the directory may have changed since the preview
        switch try await check(req, ws, upload, columns: columns) {
        case .problems(let issues, let rejections):
            return try await renderColumns(req, ws, upload, columns: columns, errors: [:], issues: issues, rejections: rejections)
                .encodeResponse(status: .unprocessableEntity, for: req)
        case .ready(let prepared, _):
            let source = "Sociale kaart \(ws.coalition.name): \(upload.fileName)"
            try await req.db.writeTransaction { db in
                try await prepared.apply(source: source, on: db)
                try await SocialMapUploads.remove(key, on: db)
                try await ClusterChanges.bump(.directory, on: db)
            }
            try await req.application.directory.reload(on: req.db)
            req.session.data[SocialMapUploads.sessionKey] = nil
            req.logger.info("social map imported", metadata: ["coalition": .string(ws.coalition.slug), "rows": .stringConvertible(upload.table.rows.count)])
            return try await renderResult(req, ws, upload, prepared, template: "directory/social-map-done").encodeResponse(for: req)
        }
    }

    @Sendable func templateXLSX(req: Request) async throws -> Response {
        let ws = try await req.workspace(.edit)
        let data = try SocialMapTemplate.xlsx(municipality: try await Self.exampleMunicipality(req, ws))
        return Self.download(data, type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", name: "sjabloon-sociale-kaart.xlsx")
    }

    @Sendable func templateCSV(req: Request) async throws -> Response {
        let ws = try await req.workspace(.edit)
        let text = SocialMapTemplate.csv(municipality: try await Self.exampleMunicipality(req, ws))
        return Self.download(Data(text.utf8), type: "text/csv; charset=utf-8", name: "sjabloon-sociale-kaart.csv")
    }
}
