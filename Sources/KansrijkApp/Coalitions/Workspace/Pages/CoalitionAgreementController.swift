import Fluent
import Vapor

struct CoalitionAgreementsPage: Encodable {
    struct Item: Encodable {
        var title: String; var href: String; var kind: String; var signed: String; var signatories: Int; var document: String?
    }
    var page: PageMeta
    var ws: WorkspaceHeader
    var items: [Item]
}

struct CoalitionAgreementPage: Encodable {
    struct Document: Encodable { var name: String; var href: String; var size: String; var type: String; var uploaded: String? }
    struct Link: Encodable { var label: String; var href: String }
    var page: PageMeta
    var ws: WorkspaceHeader
    var title: String
    var kind: String
    var signed: String
    var signatories: [String]
    var ambitions: [Link]
    var document: Document?
    var editHref: String
}

struct CoalitionAgreementEditPage: Encodable {
    var page: PageMeta
    var ws: WorkspaceHeader
    var isNew: Bool
    var action: String
    var cancel: String
    var form: CoalitionAgreementFields
    var kinds: [SelectOption]
    var ambitions: [SelectOption]
    var currentDocument: String?
    var maxMB: Int
    var errors: FieldErrors
    var errorList: [ErrorLink]
}

/// The agreement form's text fields as shown again (a file input cannot be refilled).
struct CoalitionAgreementFields: Encodable {
    var kind: String?; var title: String?; var signedOn: String?; var signatories: String?
}

/// Signed agreements (manifest, convenant...) with their document, stored in the database.
struct CoalitionAgreementController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let a = routes.grouped("coalities", ":slug", "afspraken")
        a.get(use: list)
        a.get("nieuw", use: newForm)
        a.post("nieuw", use: create)
        a.get(":id", use: show)
        a.get(":id", "bewerken", use: editForm)
        a.post(":id", "bewerken", use: update)
        a.get(":id", "document", use: download)
    }

    @Sendable func list(req: Request) async throws -> View {
        let ws = try await req.workspace(.read)
        let agreements = try await CoalitionAgreement.query(on: req.db).filter(\.$coalition.$id == ws.id).sort(\.$signedOn, .descending).all()
        let documents = try await Self.documentFacts(agreements.compactMap(\.id), on: req.db)
        return try await req.view.render("coalitions/agreements", CoalitionAgreementsPage(
            page: try await req.workspaceMeta(ws, req.t("coalition.tab.agreements")), ws: WorkspaceHeader(ws, .agreements, req),
            items: agreements.map { a in
                .init(title: a.title, href: "\(ws.base)/afspraken/\(a.id!.slug)", kind: req.t("agreement.kind.\(a.kind.rawValue)"),
                      signed: req.date(a.signedOn), signatories: a.signatories.split(separator: "\n").count,
                      document: documents[a.id!].map { "\($0.name) (\(Self.size($0.size)))" })
            }))
    }

    @Sendable func show(req: Request) async throws -> View {
        let ws = try await req.workspace(.read)
        let a = try await Self.agreement(req, ws)
        let id = try a.requireID()
        let links = try await CoalitionAgreementAmbition.query(on: req.db).filter(\.$agreement.$id == id).with(\.$ambition).all()
        let document = try await Self.documentFacts([id], on: req.db)[id]
        return try await req.view.render("coalitions/agreement", CoalitionAgreementPage(
            page: try await req.workspaceMeta(ws, a.title), ws: WorkspaceHeader(ws, .agreements, req),
            title: a.title, kind: req.t("agreement.kind.\(a.kind.rawValue)"), signed: req.date(a.signedOn),
            signatories: a.signatories.split(separator: "\n").map(String.init),
            ambitions: links.map(\.ambition).sorted { $0.position < $1.position }
                .map { .init(label: $0.title, href: "\(ws.base)/ambities/\($0.id!.slug)") },
            document: document.map { d in
                .init(name: d.name, href: "\(ws.base)/afspraken/\(id.slug)/document", size: Self.size(d.size),
                      type: d.type, uploaded: d.uploaded.map(req.date))
            },
            editHref: "\(ws.base)/afspraken/\(id.slug)/bewerken"))
    }

    @Sendable func newForm(req: Request) async throws -> View {
        let ws = try await req.workspace(.edit)
        return try await renderEdit(req, ws, agreement: nil, fields: CoalitionAgreementFields(kind: CoalitionAgreementKind.manifest.rawValue), chosen: [], errors: [:])
    }

    @Sendable func create(req: Request) async throws -> Response {
        let ws = try await req.workspace(.edit)
        let form = try req.content.decode(CoalitionAgreementForm.self)
        switch form.validate(ambitions: try await Self.ambitionIDs(ws, on: req.db), today: ws.today, english: req.isEnglish) {
        case .failure(let errors):
            return try await renderEdit(req, ws, agreement: nil, fields: Self.fields(form), chosen: form.ambitions ?? [], errors: errors)
                .encodeResponse(status: .unprocessableEntity, for: req)
        case .success(let v):
            let agreement = CoalitionAgreement(coalitionID: ws.id, kind: v.kind, title: v.title, signedOn: v.signedOn, signatories: v.signatories)
            try await req.db.writeTransaction { db in
                try await agreement.create(on: db)
                try await Self.store(v, for: agreement.requireID(), on: db)
            }
            req.flash(req.t("agreement.created"))
            return req.redirect(to: "\(ws.base)/afspraken/\(agreement.id!.slug)")
        }
    }

    @Sendable func editForm(req: Request) async throws -> View {
        let ws = try await req.workspace(.edit)
        let a = try await Self.agreement(req, ws)
        let chosen = try await CoalitionAgreementAmbition.query(on: req.db).filter(\.$agreement.$id == a.requireID()).all().map { $0.$ambition.id.slug }
        return try await renderEdit(req, ws, agreement: a, fields: CoalitionAgreementFields(kind: a.kind.rawValue, title: a.title,
                                    signedOn: CalendarDay.iso(a.signedOn), signatories: a.signatories), chosen: chosen, errors: [:])
    }

    @Sendable func update(req: Request) async throws -> Response {
        let ws = try await req.workspace(.edit)
        let a = try await Self.agreement(req, ws)
        let form = try req.content.decode(CoalitionAgreementForm.self)
        switch form.validate(ambitions: try await Self.ambitionIDs(ws, on: req.db), today: ws.today, english: req.isEnglish) {
        case .failure(let errors):
            return try await renderEdit(req, ws, agreement: a, fields: Self.fields(form), chosen: form.ambitions ?? [], errors: errors)
                .encodeResponse(status: .unprocessableEntity, for: req)
        case .success(let v):
            let id = try a.requireID()
            try await req.db.writeTransaction { db in
                a.kind = v.kind; a.title = v.title; a.signedOn = v.signedOn; a.signatories = v.signatories
                try await a.save(on: db)
                try await Self.store(v, for: id, on: db)
            }
            req.flash(req.t("agreement.saved"))
            return req.redirect(to: "\(ws.base)/afspraken/\(id.slug)")
        }
    }

    @Sendable func download(req: Request) async throws -> Response {
        let ws = try await req.workspace(.read)
        let a = try await Self.agreement(req, ws)
        guard let doc = try await CoalitionAgreementDocument.query(on: req.db).filter(\.$agreement.$id == a.requireID()).first() else {
            throw PageError.notFound
        }
        let response = Response(status: .ok, body: .init(data: doc.data))
        response.headers.replaceOrAdd(name: .contentType, value: doc.contentType)
        response.headers.replaceOrAdd(name: .contentDisposition, value: ContentDisposition.attachment(fileName: doc.fileName))
        response.headers.replaceOrAdd(name: .cacheControl, value: "private, no-store")
        return response
    }

    // MARK: helpers

    /// Links the ambitions and, when a file came with the form, replaces the stored document.
    private static func store(_ v: CoalitionAgreementForm.Valid, for id: UUID, on db: any Database) async throws {
        try await CoalitionAgreementAmbition.query(on: db).filter(\.$agreement.$id == id).delete()
        for ambition in v.ambitionIDs { try await CoalitionAgreementAmbition(agreementID: id, ambitionID: ambition).create(on: db) }
        if let upload = v.upload {
            try await CoalitionAgreementDocument.query(on: db).filter(\.$agreement.$id == id).delete()
            try await CoalitionAgreementDocument(agreementID: id, fileName: upload.fileName, contentType: upload.contentType, data: upload.data).create(on: db)
        }
    }

    private static func fields(_ f: CoalitionAgreementForm) -> CoalitionAgreementFields {
        CoalitionAgreementFields(kind: f.kind, title: f.title, signedOn: f.signedOn, signatories: f.signatories)
    }

    struct DocumentFacts { var name: String; var size: Int; var type: String; var uploaded: Date? }

    /// Name, size and type of the documents, without loading their bytes.
    static func documentFacts(_ ids: [UUID], on db: any Database) async throws -> [UUID: DocumentFacts] {
        guard !ids.isEmpty else { return [:] }
        let rows = try await CoalitionAgreementDocument.query(on: db).filter(\.$agreement.$id ~~ ids)
            .field(\.$id).field(\.$agreement.$id).field(\.$fileName).field(\.$size).field(\.$contentType).field(\.$uploadedAt).all()
        var facts: [UUID: DocumentFacts] = [:]
        for row in rows {
            let kind = UploadCheck.Kind.allCases.first { $0.contentType == row.contentType }
            facts[row.$agreement.id] = DocumentFacts(name: row.fileName, size: row.size,
                                                    type: kind?.fileExtension.uppercased() ?? row.contentType, uploaded: row.uploadedAt)
        }
        return facts
    }

    /// "1,2 MB" or "340 kB".
    static func size(_ bytes: Int) -> String {
        bytes >= 1_048_576 ? String(format: "%.1f MB", Double(bytes) / 1_048_576).replacingOccurrences(of: ".", with: ",")
            : "\(max(1, bytes / 1024)) kB"
    }

    static func agreement(_ req: Request, _ ws: CoalitionWorkspace) async throws -> CoalitionAgreement {
        guard let id = req.parameters.get("id", as: UUID.self), let a = try await CoalitionAgreement.find(id, on: req.db),
              a.$coalition.id == ws.id else { throw PageError.notFound }
        return a
    }

    static func ambitionIDs(_ ws: CoalitionWorkspace, on db: any Database) async throws -> Set<UUID> {
        Set(try await Ambition.query(on: db).filter(\.$coalition.$id == ws.id).all().compactMap(\.id))
    }

    private func renderEdit(_ req: Request, _ ws: CoalitionWorkspace, agreement: CoalitionAgreement?, fields: CoalitionAgreementFields, chosen: [String],
                            errors: FieldErrors) async throws -> View {
        let ambitions = try await Ambition.query(on: req.db).filter(\.$coalition.$id == ws.id).sort(\.$position).all()
        let picked = Set(chosen.map { $0.lowercased() })
        var current: DocumentFacts?
        if let id = agreement?.id { current = try await Self.documentFacts([id], on: req.db)[id] }
        let title = req.t(agreement == nil ? "agreement.new.title" : "agreement.edit.title")
        return try await req.view.render("coalitions/agreement-edit", CoalitionAgreementEditPage(
            page: try await req.workspaceMeta(ws, title, errors: !errors.isEmpty), ws: WorkspaceHeader(ws, .agreements, req),
            isNew: agreement == nil,
            action: agreement.map { "\(ws.base)/afspraken/\($0.id!.slug)/bewerken" } ?? "\(ws.base)/afspraken/nieuw",
            cancel: agreement.map { "\(ws.base)/afspraken/\($0.id!.slug)" } ?? "\(ws.base)/afspraken",
            form: fields,
            kinds: SelectOption.labelled(CoalitionAgreementKind.self, prefix: "agreement.kind", selected: fields.kind, req),
            ambitions: ambitions.map { SelectOption(value: $0.id!.slug, label: $0.title, selected: picked.contains($0.id!.slug)) },
            currentDocument: current.map { "\($0.name) (\(Self.size($0.size)))" },
            maxMB: UploadCheck.maxBytes / 1_048_576,
            errors: errors,
            errorList: ErrorLink.list(errors, order: ["kind", "title", "signed_on", "signatories", "ambitions", "document"])))
    }
}
