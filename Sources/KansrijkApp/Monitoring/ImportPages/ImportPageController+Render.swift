import Fluent
import Vapor

extension ImportPageController {
    func renderStart(_ req: Request, user: User, chosen: String?, errors: FieldErrors) async throws -> View {
        let areas = try await AreaDimension.load(on: req.db)
        let ownAreasOnly = user.role != .admin
        // a national source is offered to admins only; `upload` refuses it with a reason when posted anyway
        let indicators = try await Self.importable(on: req.db, areas: areas).filter { !ownAreasOnly || !ImportScope.isNational($0) }
            .map { $0.localized(english: req.isEnglish) }
        let jobs = try await ImportJob.query(on: req.db).filter(\.$user.$id == user.requireID()).sort(\.$createdAt, .descending).limit(10).all()
        let names = Dictionary(indicators.map { ($0.code, $0.name) }, uniquingKeysWith: { a, _ in a })
        let title = req.t("mimport.title")
        return try await req.view.render("monitoring/import", ImportStartPage(
            page: try await req.pageMeta(title: errors.isEmpty ? title : req.t("form.errors.prefix") + title, forms: true),
            indicators: indicators.map { SelectOption(value: $0.code, label: "\($0.name) (\($0.code))", selected: $0.code == chosen) },
            maxMegabytes: ImportLimits.aggregateMaxBytes / 1_048_576, ownAreasOnly: ownAreasOnly,
            errors: errors, errorList: ErrorLink.list(errors, order: ["indicator", "bestand"]),
            recent: try jobs.map { j in
                .init(url: "\(Self.base)/\(try j.requireID().uuidString.lowercased())", fileName: j.fileName,
                      indicator: names[j.indicatorCode] ?? j.indicatorCode, status: req.t("mimport.status.\(j.status.rawValue)"),
                      when: j.createdAt.map(req.date) ?? "")
            }))
    }

    func render(_ req: Request, job: ImportJob, columns: AggregateColumns?, errors: FieldErrors) async throws -> View {
        let id = try job.requireID()
        let indicator = try await Indicator.find(job.indicatorCode, on: req.db)?.definition?.localized(english: req.isEnglish)
        var preview: CSVPreview?
        if [.uploaded, .rejected, .interrupted].contains(job.status), let head = try await ImportFile.head(id, on: req.db) {
            let db = req.db
            preview = await CSVPreview.read(head: head.data, isCut: head.isCut) { try await ImportFile.content(id, on: db) }
        }
        let chosen = columns ?? preview.map { AggregateColumns.guess(header: $0.header) } ?? AggregateColumns()
        func options(_ selected: Int?) -> [SelectOption] {
            (preview?.header ?? []).enumerated().map { i, name in
                SelectOption(value: String(i), label: "\(req.t("mimport.column")) \(i + 1): \(name)", selected: i == selected)
            }
        }
        func column(_ key: String, _ selected: Int?) -> ImportJobPage.Column {
            .init(key: key, label: req.t("mimport.map.\(key)"), hint: req.t("mimport.map.\(key).hint"), options: options(selected), error: errors[key])
        }
        let report = job.importReport
        let title = "\(req.t("mimport.job.title")): \(job.fileName)"
        return try await req.view.render("monitoring/import-job", ImportJobPage(
            page: try await req.pageMeta(title: errors.isEmpty ? title : req.t("form.errors.prefix") + title, forms: true),
            fileName: job.fileName, indicatorName: indicator?.name ?? job.indicatorCode, indicatorCode: job.indicatorCode,
            status: job.status.rawValue,
            separatorLabel: preview.map { req.t($0.separator == "," ? "mimport.separator.comma" : $0.separator == "\t" ? "mimport.separator.tab" : "mimport.separator.semicolon") } ?? "",
            header: preview?.header ?? [], rows: preview?.rows ?? [],
            columns: [column("gebied", chosen.area), column("periode", chosen.period), column("teller", chosen.numerator),
                      column("noemer", chosen.denominator), column("waarde", chosen.value)],
            mappingAction: preview == nil ? nil : "\(Self.base)/\(id.uuidString.lowercased())/kolommen",
            errorList: ErrorLink.list(errors, order: ["gebied", "periode", "teller", "noemer", "waarde"]),
            progressValue: job.rowsRead ?? 0, progressMax: max(job.rowsTotal ?? 1, 1), storing: job.storing,
            problems: report?.issues.map { $0.line > 0 ? "\(req.t("mimport.report.line")) \($0.line): \($0.message)" : $0.message } ?? [],
            problemsMore: report.map { $0.total - $0.issues.count } ?? 0, problemTotal: report?.total ?? 0,
            rowCount: job.rowCount, storedCount: job.storedCount))
    }
}
