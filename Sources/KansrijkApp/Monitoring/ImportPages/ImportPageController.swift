import Fluent
import Vapor

/// `/monitor/import`: aggregate figures (CBS, Vektis, a local questionnaire) from a CSV as Dutch
/// Excel or CBS writes it: upload, preview, column mapping, a Dutch report, all or nothing.
struct ImportPageController: RouteCollection {
    static let base = "/monitor/import"

    func boot(routes: any RoutesBuilder) throws {
        let r = routes.grouped("monitor", "import")
        r.get(use: start)
        r.on(.POST, body: .collect(maxSize: ByteCount(value: Int(ImportLimits.aggregateMaxBytes + ImportUploadLimit.envelope))), use: upload)
        r.get(":job", use: show)
        r.post(":job", "kolommen", use: map)
    }

    static func requireImporter(_ req: Request) throws -> User { try req.require(.importFigures) }

    /// Indicators whose numerator and denominator are single data elements, the ones a file can fill.
    static func importable(on db: any Database, areas: AreaDimension) async throws -> [IndicatorDefinition] {
        try await Indicator.definitions(on: db).filter { d in
            (try? AggregateImporter(areas: areas, indicator: d).targets()) != nil && d.unit != .municipalities
        }
    }

    @Sendable func start(req: Request) async throws -> View {
        let user = try Self.requireImporter(req)
        return try await renderStart(req, user: user, chosen: nil, errors: [:])
    }

    struct UploadForm: Content { var indicator: String?; var bestand: File? }

    @Sendable func upload(req: Request) async throws -> Response {
        let user = try Self.requireImporter(req)
        let form = try req.content.decode(UploadForm.self)
        let areas = try await AreaDimension.load(on: req.db)
        let scope = try await ImportScope.load(for: user, areas: areas, on: req.db)
        let indicators = try await Self.importable(on: req.db, areas: areas)
        var errors = FieldErrors()
        var indicator = indicators.first { $0.code == form.indicator }
        if let chosen = indicator, !scope.mayImport(chosen) {
            errors["indicator"] = MonitoringStrings.fill(req.t("mimport.error.national"), chosen.source)
            indicator = nil
        } else if indicator == nil {
            errors["indicator"] = req.t("mimport.error.indicator")
        }
        let limit = ImportLimits.aggregateMaxBytes
        if let file = form.bestand, file.data.readableBytes > 0 {
            if Int64(file.data.readableBytes) > limit { errors["bestand"] = String(format: req.t("mimport.error.toolarge"), limit / 1_048_576) }
        } else {
            errors["bestand"] = req.t("mimport.error.nofile")
        }
        guard errors.isEmpty, let indicator, let file = form.bestand else {
            return try await renderStart(req, user: user, chosen: form.indicator, errors: errors).encodeResponse(status: .unprocessableEntity, for: req)
        }
        let job = ImportJob(userID: try user.requireID(), indicatorCode: indicator.code,
                            fileName: String(file.filename.suffix(120)), byteCount: file.data.readableBytes)
        // the file is kept in the database, so whichever instance runs the job can read it (ADR 0042)
        let content = Data(buffer: file.data)
        try await req.db.writeTransaction { db in
            try await job.create(on: db)
            try await ImportFile(jobID: try job.requireID(), content: content).create(on: db)
        }
        return req.redirect(to: "\(Self.base)/\(try job.requireID().uuidString.lowercased())")
    }

    /// The job named in the path, when it is the user's own (an admin sees all).
    static func job(_ req: Request, user: User) async throws -> ImportJob {
        guard let id = req.parameters.get("job", as: UUID.self), let job = try await ImportJob.find(id, on: req.db),
              job.$user.id == user.id || user.role == .admin else { throw PageError.notFound }
        return job
    }

    @Sendable func show(req: Request) async throws -> Response {
        let user = try Self.requireImporter(req)
        let job = try await Self.job(req, user: user)
        let response = try await render(req, job: job, columns: job.mappedColumns, errors: [:]).encodeResponse(for: req)
        // the page follows a running import without JavaScript: the browser reloads it every two seconds
        if job.status == .running { response.headers.replaceOrAdd(name: "Refresh", value: "2") }
        return response
    }

    struct MappingForm: Content { var gebied: String?; var periode: String?; var teller: String?; var noemer: String?; var waarde: String? }

    @Sendable func map(req: Request) async throws -> Response {
        let user = try Self.requireImporter(req)
        let job = try await Self.job(req, user: user)
        guard [.uploaded, .rejected, .interrupted].contains(job.status) else { return req.redirect(to: "\(Self.base)/\(try job.requireID().uuidString.lowercased())") }
        let form = try req.content.decode(MappingForm.self)
        let columns = AggregateColumns(area: Int(form.gebied ?? ""), period: Int(form.periode ?? ""), numerator: Int(form.teller ?? ""),
                                       denominator: Int(form.noemer ?? ""), value: Int(form.waarde ?? ""))
        let areas = try await AreaDimension.load(on: req.db)
        guard let indicator = try await Indicator.find(job.indicatorCode, on: req.db)?.definition else { throw PageError.notFound }
        let errors = try ColumnMappingCheck(columns: columns, needsDenominator: AggregateImporter(areas: areas, indicator: indicator).targets().denominator != nil,
                                            english: req.isEnglish).errors
        guard errors.isEmpty else {
            return try await render(req, job: job, columns: columns, errors: errors).encodeResponse(status: .unprocessableEntity, for: req)
        }
        try await ImportJobRunner.enqueue(job, columns: columns, on: req.db)
        // this instance's worker starts at once; any other instance's may take it up too
        req.application.importWorker.wake()
        return req.redirect(to: "\(Self.base)/\(try job.requireID().uuidString.lowercased())")
    }
}
