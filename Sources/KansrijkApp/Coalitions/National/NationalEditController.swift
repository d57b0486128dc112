import Fluent
import Vapor

/// Changing participation: per municipality (admin; coordinator of a covering coalition for the
/// coalition's own facts) and by importing a CSV (admin).
struct NationalEditController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(NationalURL.components(NationalURL.edit(":code")), use: editForm)
        routes.post(NationalURL.components(NationalURL.edit(":code")), use: update)
        routes.get(NationalURL.components(NationalURL.importing), use: importForm)
        routes.post(NationalURL.components(NationalURL.importing), use: importFile)
    }

    // MARK: one municipality

    @Sendable func editForm(req: Request) async throws -> View {
        let (m, scope, record) = try await editable(req)
        let form = record.map { ParticipationForm($0) } ?? ParticipationForm()
        return try await render(req, m, scope: scope, record: record, form: form, errors: [:])
    }

    @Sendable func update(req: Request) async throws -> Response {
        let (m, scope, record) = try await editable(req)
        let form = try req.content.decode(ParticipationForm.self)
        switch form.validate(scope: scope, current: record?.facts, english: req.isEnglish) {
        case .failure(let errors):
            return try await render(req, m, scope: scope, record: record, form: form, errors: errors).encodeResponse(status: .unprocessableEntity, for: req)
        case .success(let facts):
            let code = try m.requireID()
            if let record {
                record.apply(facts)
                if scope == .everything {
                    record.isDemo = false
                    record.sourceNote = form.sourceNote ?? req.t("national.edit.source.admin")
                } else if !record.isDemo {
                    record.sourceNote = req.t("national.edit.source.coordinator")
                }
                try await record.save(on: req.db)
            } else {
                try await MunicipalityParticipation(code: code, facts: facts, isDemo: false,
                                                    sourceNote: form.sourceNote ?? req.t("national.edit.source.admin")).create(on: req.db)
            }
            try await NationalFigureCounts.store(on: req.application)
            req.flash(req.t("national.edit.saved"))
            return req.redirect(to: NationalURL.municipality(code))
        }
    }

    private func editable(_ req: Request) async throws -> (Municipality, NationalAccess.Scope, MunicipalityParticipation?) {
        let user = try req.requireUser()
        guard let code = req.parameters.get("code"), let m = try await Municipality.find(code, on: req.db) else { throw PageError.notFound }
        let scope = try await NationalAccess.load(for: user, on: req.db).canEdit(code)
        guard scope != .nothing else { throw PageError.forbidden }
        let record = try await MunicipalityParticipation.find(code, on: req.db)
        // a coordinator completes a record; tranche and inhabitants come from the programme
        if scope == .coalitionFacts, record == nil { throw PageError.notFound }
        return (m, scope, record)
    }

    private func render(_ req: Request, _ m: Municipality, scope: NationalAccess.Scope, record: MunicipalityParticipation?,
                        form: ParticipationForm, errors: FieldErrors) async throws -> View {
        let code = try m.requireID()
        let labels = NationalLabels(language: req.language)
        let title = req.t("national.edit.title") + ": " + m.name
        let order = ["tranche", "inwoners", "bron"]
        let covering = try await CoalitionCoverage.load(on: req.db).coalitions[code] ?? []
        return try await req.view.render("national/edit", NationalEditPage(
            page: try await req.pageMeta(title: errors.isEmpty ? title : req.t("form.errors.prefix") + title, forms: true),
            code: code, name: m.name, action: NationalURL.edit(code), cancelURL: NationalURL.municipality(code),
            full: scope == .everything,
            tranches: Tranche.allCases.map { SelectOption(value: $0.rawValue, label: labels.tranche($0), selected: form.tranche == $0.rawValue) },
            gids: form.gids != nil, plan: form.plan != nil, prenatal: form.prenatal != nil, nnz: form.nnz != nil,
            inhabitants: form.inhabitants ?? "", source: form.source ?? "", isDemo: record?.isDemo ?? false,
            stageLinks: covering.map { .init(name: $0.name, url: "/coalities/\($0.slug)/fasen", stage: labels.stage($0.stage)) },
            errors: errors, errorList: order.compactMap { k in errors[k].map { ErrorLink(field: k, message: $0) } }))
    }

    // MARK: import

    @Sendable func importForm(req: Request) async throws -> View {
        _ = try req.requireRole(.admin)
        return try await renderImport(req, source: "", replace: false, problems: [], fileName: nil)
    }

    @Sendable func importFile(req: Request) async throws -> Response {
        _ = try req.requireRole(.admin)
        let form = try req.content.decode(ParticipationImportForm.self)
        let source = form.bron?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        let replace = form.vervang != nil
        guard let file = form.bestand, file.data.readableBytes > 0 else {
            return try await renderImport(req, source: source, replace: replace, problems: [req.t("national.import.nofile")], fileName: nil)
                .encodeResponse(status: .unprocessableEntity, for: req)
        }
        let names = try await NationalData.municipalityNames(on: req.db)
        switch ParticipationImport.parse(Data(buffer: file.data), municipalities: names) {
        case .failure(let rejection):
            let problems = rejection.problems
            return try await renderImport(req, source: source, replace: replace, problems: problems.map(\.description), fileName: file.filename)
                .encodeResponse(status: .unprocessableEntity, for: req)
        case .success(let rows):
            let note = source.isEmpty ? "Import \(file.filename)" : String(source.prefix(200))
            let outcome = try await ParticipationImport.store(rows, replaceAll: replace, sourceNote: note, on: req.db)
            try await NationalFigureCounts.store(on: req.application)
            req.flash(String(format: req.t("national.import.done"), outcome.updated, outcome.created, outcome.removed))
            return req.redirect(to: NationalURL.overview)
        }
    }

    private func renderImport(_ req: Request, source: String, replace: Bool, problems: [String], fileName: String?) async throws -> View {
        let title = req.t("national.import.title")
        return try await req.view.render("national/import", NationalImportPage(
            page: try await req.pageMeta(title: problems.isEmpty ? title : req.t("form.errors.prefix") + title, forms: true),
            columns: ParticipationImport.columns.joined(separator: ";"),
            example: "GM0355;66.000;2;ja;ja;ja;nee",
            source: source, replace: replace, problems: problems, fileName: fileName))
    }
}

struct ParticipationImportForm: Content {
    var bestand: File?
    var bron: String?
    var vervang: String?
}
