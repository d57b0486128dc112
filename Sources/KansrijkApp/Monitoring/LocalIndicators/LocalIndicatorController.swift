import Fluent
import Vapor

/// `/monitor/definities`: the indicator definitions, and local indicators that coordinators add
/// for their coalition beside the national set.
struct LocalIndicatorController: RouteCollection {
    static let base = "/monitor/definities"

    func boot(routes: any RoutesBuilder) throws {
        let r = routes.grouped("monitor", "definities")
        r.get(use: list)
        r.get("nieuw", use: newForm)
        r.post("nieuw", use: create)
        r.get(":code", "bewerken", use: editForm)
        r.post(":code", "bewerken", use: update)
    }

    @Sendable func list(req: Request) async throws -> View {
        let user = try req.requireUser()
        let access = try await LocalIndicatorAccess.load(for: user, on: req.db)
        let owners = try await LocalIndicatorOwner.query(on: req.db).with(\.$coalition).all()
        let ownerOf = Dictionary(owners.map { ($0.indicatorCode, $0) }, uniquingKeysWith: { a, _ in a })
        let definitions = try await Indicator.definitions(on: req.db, english: req.isEnglish)
        func item(_ d: IndicatorDefinition) -> IndicatorListPage.Item {
            let owner = ownerOf[d.code]
            return .init(code: d.code, name: d.name, description: d.description, numerator: d.numerator, denominator: d.denominator,
                         factor: req.t("mind.factor.\(d.factor)"), direction: req.t("mind.direction.\(d.direction.rawValue)"),
                         phase: req.t("mind.phase.\(d.phase)"), source: d.source, coalition: owner?.coalition.name,
                         editURL: owner.flatMap { access.canEdit($0) ? "\(Self.base)/\(d.code)/bewerken" : nil })
        }
        let groups = ["rivm", "coalitie", "proces", LocalIndicatorOwner.origin].compactMap { group -> IndicatorListPage.Group? in
            let items = definitions.filter { $0.group == group }.map(item)
            return items.isEmpty && group != LocalIndicatorOwner.origin ? nil : .init(heading: req.t("mind.group.\(group)"), items: items)
        }
        return try await req.view.render("monitoring/indicators", IndicatorListPage(
            page: try await req.pageMeta(title: req.t("mind.title")), groups: groups, canAdd: access.canAdd))
    }

    @Sendable func newForm(req: Request) async throws -> View {
        let access = try await Self.access(req)
        return try await render(req, access, form: LocalIndicatorForm(coalition: access.coalitions.count == 1 ? access.coalitions[0].id?.uuidString.lowercased() : nil),
                                editing: nil, errors: [:])
    }

    @Sendable func create(req: Request) async throws -> Response {
        let access = try await Self.access(req)
        let form = try req.content.decode(LocalIndicatorForm.self)
        let taken = Set(try await Indicator.query(on: req.db).all().compactMap(\.id))
        switch form.validate(coalitions: access.coalitionIDs, takenCodes: taken, editing: nil, english: req.isEnglish) {
        case .failure(let errors):
            return try await render(req, access, form: form, editing: nil, errors: errors).encodeResponse(status: .unprocessableEntity, for: req)
        case .success(let valid):
            let position = (try await Indicator.query(on: req.db).max(\.$position) ?? 0) + 1
            let userID = try access.user.requireID()
            try await req.db.writeTransaction { db in
                try await Indicator(valid.definition, origin: LocalIndicatorOwner.origin, position: position).create(on: db)
                try await LocalIndicatorOwner(indicatorCode: valid.definition.code, coalitionID: valid.coalitionID, createdBy: userID).create(on: db)
            }
            req.flash(req.t("mind.created"))
            return req.redirect(to: Self.base)
        }
    }

    @Sendable func editForm(req: Request) async throws -> View {
        let access = try await Self.access(req)
        let (indicator, owner) = try await Self.owned(req, access)
        guard let definition = indicator.definition else { throw PageError.notFound }
        return try await render(req, access, form: LocalIndicatorForm(definition, coalition: owner.$coalition.id), editing: definition.code, errors: [:])
    }

    @Sendable func update(req: Request) async throws -> Response {
        let access = try await Self.access(req)
        let (indicator, owner) = try await Self.owned(req, access)
        let code = try indicator.requireID()
        let form = try req.content.decode(LocalIndicatorForm.self)
        switch form.validate(coalitions: access.coalitionIDs, takenCodes: [], editing: code, english: req.isEnglish) {
        case .failure(let errors):
            return try await render(req, access, form: form, editing: code, errors: errors).encodeResponse(status: .unprocessableEntity, for: req)
        case .success(let valid):
            let updated = Indicator(valid.definition, origin: LocalIndicatorOwner.origin, position: indicator.position)
            try await req.db.writeTransaction { db in
                indicator.name = updated.name; indicator.description = updated.description
                indicator.nameEnglish = valid.definition.nameEnglish
                indicator.numerator = updated.numerator; indicator.denominator = updated.denominator; indicator.factor = updated.factor
                indicator.direction = updated.direction; indicator.phase = updated.phase; indicator.source = updated.source
                indicator.unit = updated.unit; indicator.periodKind = updated.periodKind
                try await indicator.save(on: db)
                owner.$coalition.id = valid.coalitionID
                try await owner.save(on: db)
            }
            req.flash(req.t("mind.updated"))
            return req.redirect(to: Self.base)
        }
    }

    /// A coordinator or admin who may add indicators for at least one coalition; 403 otherwise.
    static func access(_ req: Request) async throws -> LocalIndicatorAccess {
        let access = try await LocalIndicatorAccess.load(for: try req.requireUser(), on: req.db)
        guard access.canAdd else { throw PageError.forbidden }
        return access
    }

    /// The local indicator named by `:code`: 404 for unknown and national ones, 403 for another coalition's.
    static func owned(_ req: Request, _ access: LocalIndicatorAccess) async throws -> (Indicator, LocalIndicatorOwner) {
        guard let code = req.parameters.get("code"), let indicator = try await Indicator.find(code, on: req.db),
              indicator.origin == LocalIndicatorOwner.origin,
              let owner = try await LocalIndicatorOwner.query(on: req.db).filter(\.$indicatorCode == code).first() else { throw PageError.notFound }
        guard access.canEdit(owner) else { throw PageError.forbidden }
        return (indicator, owner)
    }

    private func render(_ req: Request, _ access: LocalIndicatorAccess, form: LocalIndicatorForm, editing: String?, errors: FieldErrors) async throws -> View {
        let heading = editing == nil ? req.t("mind.new.title") : "\(req.t("mind.edit.title")): \(form.name ?? editing!)"
        return try await req.view.render("monitoring/indicator-edit", LocalIndicatorEditPage(
            page: try await req.pageMeta(title: errors.isEmpty ? heading : req.t("form.errors.prefix") + heading, forms: true),
            heading: heading, action: editing.map { "\(Self.base)/\($0)/bewerken" } ?? "\(Self.base)/nieuw", editing: editing != nil, form: form,
            factors: LocalIndicatorForm.factors.map { SelectOption(value: String($0), label: req.t("mind.factor.\($0)"), selected: String($0) == form.factor) },
            directions: IndicatorDefinition.Direction.allCases.map { SelectOption(value: $0.rawValue, label: req.t("mind.direction.\($0.rawValue)"), selected: $0.rawValue == form.direction) },
            phases: LocalIndicatorForm.phases.map { SelectOption(value: $0, label: req.t("mind.phase.\($0)"), selected: $0 == form.phase) },
            periodKinds: Period.Kind.allCases.map { SelectOption(value: $0.rawValue, label: req.t("mind.period.\($0.rawValue)"), selected: $0.rawValue == form.periodKind) },
            coalitions: access.coalitions.map { c in
                let id = c.id!.uuidString.lowercased()
                return SelectOption(value: id, label: c.name, selected: id == form.coalition?.lowercased())
            },
            elements: DataElement.all.map { SelectOption(value: $0.name, label: $0.description, selected: false) },
            errors: errors, errorList: ErrorLink.list(errors, order: LocalIndicatorForm.order)))
    }
}
