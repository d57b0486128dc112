import Fluent
import Vapor

struct InstrumentPage: Encodable {
    struct Option: Encodable { var label: String; var factor: String; var weight: Int; var urgent: Bool }
    struct Question: Encodable { var code: String; var text: String; var parentText: String; var options: [Option] }
    struct Domain: Encodable { var title: String; var themes: String; var questions: [Question] }
    struct Version: Encodable { var number: Int; var title: String; var href: String; var date: String; var current: Bool; var used: Bool }
    var page: PageMeta
    var number: Int
    var title: String
    var isCurrent: Bool
    var used: Bool
    var domains: [Domain]
    var thresholds: InstrumentDefinition.Thresholds
    var versions: [Version]
    var newHref: String?
    var jsonHref: String
    /// The scoring changes against the version before (`InstrumentDiff`); nil for the first version.
    var changes: [String]?
    var previous: Int?
}

struct InstrumentEditPage: Encodable {
    var page: PageMeta
    var basedOn: Int
    var title: String
    var json: String
    var problems: [String]
    var titleError: String?
}

/// The signalling instrument's versions: everyone who signals can read the questions and weights,
/// and what each version changed in the scoring; only admins publish a new version (issue #13: it
/// is used by every coalition until instruments are per coalition), audited, in a form (or, as an extra, by importing JSON), checked
/// with Dutch messages. A version is never changed once stored, so completed screenings keep the
/// version they were scored with.
struct InstrumentController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let i = routes.grouped("zorg", "signaleren", "instrument")
        i.get(use: current)
        i.get("nieuw", use: newForm)
        i.post("nieuw", use: saveForm)
        i.get("import", use: importForm)
        i.post("import", use: importJSON)
        i.get(":version", use: show)
        i.get(":version", "json", use: json)
    }

    @Sendable func current(req: Request) async throws -> View {
        _ = try req.requireUser()
        return try await render(req, try await ScreeningInstrument.current(on: req.db))
    }

    @Sendable func show(req: Request) async throws -> View {
        _ = try req.requireUser()
        return try await render(req, try await Self.version(req))
    }

    @Sendable func json(req: Request) async throws -> Response {
        _ = try req.requireUser()
        let instrument = try await Self.version(req)
        let response = Response(status: .ok, body: .init(string: try instrument.definition.encoded(pretty: true)))
        response.headers.contentType = .json
        response.headers.replaceOrAdd(name: .contentDisposition, value: ContentDisposition.attachment(fileName: "signaleren-versie-\(instrument.version).json"))
        return response
    }

    @Sendable func importForm(req: Request) async throws -> View {
        _ = try req.requireRole(.admin)
        let latest = try await ScreeningInstrument.current(on: req.db)
        return try await renderEdit(req, basedOn: latest.version, title: latest.title, json: try latest.definition.encoded(pretty: true), problems: [], titleError: nil)
    }

    @Sendable func importJSON(req: Request) async throws -> Response {
        let user = try req.requireRole(.admin)
        struct Form: Content { var title: String?; var definition: String?; var basedOn: Int?
            enum CodingKeys: String, CodingKey { case title, definition, basedOn = "based_on" } }
        let form = try req.content.decode(Form.self)
        let latest = try await ScreeningInstrument.current(on: req.db)
        let title = FormInput.text(form.title)
        let titleError = title == nil ? FieldMessages(english: req.isEnglish).required
            : (title!.count > 200 ? FieldMessages(english: req.isEnglish).tooLong(200) : nil)
        let json = form.definition ?? ""
        switch InstrumentDefinition.parse(json, english: req.isEnglish) {
        case .failure(let problems):
            return try await renderEdit(req, basedOn: form.basedOn ?? latest.version, title: form.title ?? "", json: json,
                                        problems: problems.messages, titleError: titleError).encodeResponse(status: .unprocessableEntity, for: req)
        case .success(let definition):
            guard titleError == nil, let title else {
                return try await renderEdit(req, basedOn: form.basedOn ?? latest.version, title: form.title ?? "", json: json,
                                            problems: [], titleError: titleError).encodeResponse(status: .unprocessableEntity, for: req)
            }
            let instrument = try await ScreeningInstrument.publish(definition, title: title, by: user, on: req.db, now: Date())
            req.flash(req.t("instrument.saved"))
            return req.redirect(to: "/zorg/signaleren/instrument/\(instrument.version)")
        }
    }

    static func version(_ req: Request) async throws -> ScreeningInstrument {
        guard let number = req.parameters.get("version", as: Int.self),
              let instrument = try await ScreeningInstrument.query(on: req.db).filter(\.$version == number).first() else { throw PageError.notFound }
        return instrument
    }

    private func render(_ req: Request, _ instrument: ScreeningInstrument) async throws -> View {
        let user = try req.requireUser()
        let definition = try instrument.definition
        let english = req.isEnglish
        let all = try await ScreeningInstrument.query(on: req.db).sort(\.$version, .descending).all()
        let usedIDs = Set(try await Screening.query(on: req.db).field(\.$instrument.$id).unique().all().map { $0.$instrument.id })
        let currentNumber = all.first?.version
        let before = all.first { $0.version < instrument.version }
        let changes = try before.map { InstrumentDiff.lines(from: try $0.definition, to: definition, english: english) }
        return try await req.view.render("care/instrument", InstrumentPage(
            page: try await req.pageMeta(title: req.t("instrument.title")),
            number: instrument.version, title: instrument.title, isCurrent: instrument.version == currentNumber,
            used: usedIDs.contains(instrument.id!),
            domains: definition.domains.map { d in
                .init(title: d.title, themes: d.themes.compactMap { Term.find(.thema, $0)?.label(english: english) }.joined(separator: ", "),
                      questions: d.questions.map { q in
                          .init(code: q.code, text: q.text, parentText: q.parentText, options: q.options.map {
                              .init(label: $0.label, factor: req.t("instrument.factor.\($0.factor.rawValue)"), weight: $0.weight, urgent: $0.urgent)
                          })
                      })
            },
            thresholds: definition.thresholds,
            versions: all.map { v in
                .init(number: v.version, title: v.title, href: "/zorg/signaleren/instrument/\(v.version)",
                      date: req.date(v.createdAt ?? Date()), current: v.version == currentNumber, used: usedIDs.contains(v.id!))
            },
            newHref: user.role == .admin ? "/zorg/signaleren/instrument/nieuw" : nil,
            jsonHref: "/zorg/signaleren/instrument/\(instrument.version)/json",
            changes: changes, previous: before?.version))
    }

    private func renderEdit(_ req: Request, basedOn: Int, title: String, json: String, problems: [String], titleError: String?) async throws -> View {
        try await req.view.render("care/instrument-edit", InstrumentEditPage(
            page: try await req.pageMeta(title: req.t("instrument.import.title"), forms: true),
            basedOn: basedOn, title: title, json: json, problems: problems, titleError: titleError))
    }
}
