import Fluent
import Vapor

extension SocialMapController {
    enum Checked {
        case problems([SocialMapIssue], rejections: [String])
        case ready(SocialMapImport, entries: Int)
    }

    /// The session's upload for this user and coalition, with its key.
    func current(_ req: Request, _ ws: CoalitionWorkspace) async throws -> (String, SocialMapUploads.Upload)? {
        guard let key = req.session.data[SocialMapUploads.sessionKey], let userID = ws.user.id,
              let upload = try await SocialMapUploads.get(key, userID: userID, coalitionID: ws.id, now: Date(), on: req.db) else { return nil }
        return (key, upload)
    }

    /// No upload (any more): back to the upload form with a word why.
    func expired(_ req: Request, _ ws: CoalitionWorkspace) -> Response {
        req.flash(req.t("socialmap.expired"))
        return req.redirect(to: SocialMapPaths(slug: ws.coalition.slug).upload)
    }

    /// Every row checked; when all are right, the import planned against the database as it is now.
    func check(_ req: Request, _ ws: CoalitionWorkspace, _ upload: SocialMapUploads.Upload, columns: SocialMapColumns) async throws -> Checked {
        let context = try await SocialMapImport.context(req.application, on: req.db)
        let result = SocialMapValidator(resolver: context.resolver).validate(upload.table, columns: columns)
        guard result.issues.isEmpty else { return .problems(result.issues, rejections: []) }
        let prepared = SocialMapImport.prepare(result.entries, coalitionID: ws.id, coalitionMunicipalities: try await Self.municipalities(req, ws),
                                               mapped: Set(columns.fieldByColumn.values), context: context)
        guard prepared.rejections.isEmpty else { return .problems([], rejections: prepared.rejections) }
        return .ready(prepared, entries: result.entries.count)
    }

    /// The mapping from the form (`veld-<field>` = column index): every required field needs a
    /// column, and a column fills one field at most.
    static func columns(from form: [String: String], header: [String], english: Bool) -> (SocialMapColumns, FieldErrors) {
        var columns = SocialMapColumns()
        var errors = FieldErrors()
        var usedBy: [Int: SocialMapField] = [:]
        for field in SocialMapField.allCases {
            let key = "veld-\(field.rawValue)"
            guard let raw = HSDSText.nonEmpty(form[key]) else {
                if field.isRequired {
                    errors[key] = english ? "Choose the column for \(field.englishLabel)." : "Kies de kolom voor \(field.label)."
                }
                continue
            }
            guard let index = Int(raw), header.indices.contains(index) else {
                errors[key] = english ? "Choose a column from the list." : "Kies een kolom uit de lijst."
                continue
            }
            if let other = usedBy[index] {
                errors[key] = english ? "This column is already chosen for \(other.englishLabel)." : "Deze kolom is al gekozen voor \(other.label)."
                continue
            }
            usedBy[index] = field
            columns.fieldByColumn[index] = field
        }
        return (columns, errors)
    }

    static func municipalities(_ req: Request, _ ws: CoalitionWorkspace) async throws -> [String] {
        try await CoalitionMunicipality.query(on: req.db).filter(\.$coalition.$id == ws.id).all().map(\.municipalityCode).sorted()
    }

    /// The name of the coalition's first municipality, for the template's example row.
    static func exampleMunicipality(_ req: Request, _ ws: CoalitionWorkspace) async throws -> String {
        let snapshot = req.application.directory.snapshot
        return try await municipalities(req, ws).lazy.compactMap { snapshot.municipalities[$0]?.name }.first ?? ""
    }

    /// The uploaded name to show: the last path component, without control characters, at most 100 characters.
    static func displayName(_ raw: String) -> String {
        let last = raw.split(whereSeparator: { $0 == "/" || $0 == "\\" }).last.map(String.init) ?? ""
        let clean = String(last.unicodeScalars.filter { !CharacterSet.controlCharacters.contains($0) }).trimmingCharacters(in: .whitespaces)
        return clean.isEmpty ? "bestand" : String(clean.prefix(100))
    }

    static func download(_ data: Data, type: String, name: String) -> Response {
        let response = Response(status: .ok, body: .init(data: data))
        response.headers.replaceOrAdd(name: .contentType, value: type)
        response.headers.replaceOrAdd(name: .contentDisposition, value: ContentDisposition.attachment(fileName: name))
        response.headers.replaceOrAdd(name: .cacheControl, value: "private, no-store")
        return response
    }
}
