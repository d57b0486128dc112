import Foundation
import Vapor

/// A local indicator as a coordinator writes it: plain Dutch, numerator and denominator in the
/// engine's expression language (checked by `ExpressionParser`, with the position of a mistake).
struct LocalIndicatorForm: Content, Sendable {
    var code: String?
    var name: String?
    /// Optional: English pages show it, else the Dutch name.
    var nameEnglish: String?
    var description: String?
    var numerator: String?
    var denominator: String?
    var factor: String?
    var direction: String?
    var phase: String?
    var source: String?
    var periodKind: String?
    var coalition: String?

    enum CodingKeys: String, CodingKey {
        case code, name, description, numerator, denominator, factor, direction, phase, source, coalition
        case periodKind = "period_kind", nameEnglish = "name_en"
    }

    static let factors = [1, 100, 1000]
    static let phases = ["voor-zwangerschap", "zwangerschap", "rond-geboorte", "na-geboorte", "alle"]
    static let order = ["code", "name", "name_en", "description", "numerator", "denominator", "factor", "direction", "phase", "source", "period_kind", "coalition"]

    init(code: String? = nil, name: String? = nil, description: String? = nil, numerator: String? = nil, denominator: String? = nil,
         factor: String? = "100", direction: String? = nil, phase: String? = nil, source: String? = nil, periodKind: String? = "jaar",
         coalition: String? = nil, nameEnglish: String? = nil) {
        self.code = code; self.name = name; self.nameEnglish = nameEnglish; self.description = description; self.numerator = numerator; self.denominator = denominator
        self.factor = factor; self.direction = direction; self.phase = phase; self.source = source; self.periodKind = periodKind
        self.coalition = coalition
    }

    init(_ d: IndicatorDefinition, coalition: UUID) {
        self.init(code: d.code, name: d.name, description: d.description, numerator: d.numerator, denominator: d.denominator,
                  factor: String(d.factor), direction: d.direction.rawValue, phase: d.phase, source: d.source,
                  periodKind: d.periodKind.rawValue, coalition: coalition.uuidString.lowercased(), nameEnglish: d.nameEnglish)
    }

    struct Valid: Sendable { var definition: IndicatorDefinition; var coalitionID: UUID }

    /// `takenCodes` are codes already in use (national or local); `editing` is the code being changed, which stays.
    func validate(coalitions: Set<UUID>, takenCodes: Set<String>, editing: String?, english: Bool) -> Result<Valid, FieldErrors> {
        let m = FieldMessages(english: english)
        var errors = FieldErrors()
        let code = editing ?? (FormInput.text(self.code)?.lowercased() ?? "")
        if editing == nil {
            if code.isEmpty { errors["code"] = m.required }
            else if code.range(of: #"^[a-z][a-z0-9_]{1,40}$"#, options: .regularExpression) == nil {
                errors["code"] = m.say("Gebruik 2 tot 41 kleine letters, cijfers en _, beginnend met een letter, zoals zeist_bereik_nnz.",
                                       "Use 2 to 41 lower-case letters, digits and _, starting with a letter, such as zeist_nnz_reach.")
            } else if takenCodes.contains(code) {
                errors["code"] = m.say("Deze code is al in gebruik; kies een andere.", "This code is already in use; choose another one.")
            }
        }
        let name = FormInput.text(self.name) ?? ""
        if name.isEmpty { errors["name"] = m.required } else if name.count > 150 { errors["name"] = m.say("Ten hoogste 150 tekens.", "At most 150 characters.") }
        let nameEnglish = FormInput.text(self.nameEnglish)
        if let n = nameEnglish, n.count > 150 { errors["name_en"] = m.say("Ten hoogste 150 tekens.", "At most 150 characters.") }
        let description = FormInput.text(self.description) ?? ""
        if description.isEmpty { errors["description"] = m.say("Leg in gewone woorden uit wat er geteld wordt.", "Explain in plain words what is counted.") }
        else if description.count > 2000 { errors["description"] = m.say("Ten hoogste 2000 tekens.", "At most 2000 characters.") }
        for (key, text) in [("numerator", numerator), ("denominator", denominator)] {
            do { _ = try ExpressionParser.parse(FormInput.text(text) ?? "", knownElements: DataElement.names) } catch {
                errors[key] = error.description
            }
        }
        let factor = Int(FormInput.text(self.factor) ?? "")
        if factor == nil || !Self.factors.contains(factor!) { errors["factor"] = m.choice }
        let direction = IndicatorDefinition.Direction(rawValue: FormInput.text(self.direction) ?? "")
        if direction == nil { errors["direction"] = m.choice }
        let phase = FormInput.text(self.phase) ?? ""
        if !Self.phases.contains(phase) { errors["phase"] = m.choice }
        let source = FormInput.text(self.source) ?? ""
        if source.isEmpty { errors["source"] = m.say("Noem de bron van de cijfers, bijvoorbeeld: eigen registratie CJG.", "Name the source of the figures, for example: own CJG records.") }
        else if source.count > 150 { errors["source"] = m.say("Ten hoogste 150 tekens.", "At most 150 characters.") }
        let kind = Period.Kind(rawValue: FormInput.text(periodKind) ?? "")
        if kind == nil { errors["period_kind"] = m.choice }
        let coalitionID = FormInput.uuid(coalition)
        if coalitionID == nil || !coalitions.contains(coalitionID!) { errors["coalition"] = m.choice }
        guard errors.isEmpty, let factor, let direction, let kind, let coalitionID else { return .failure(errors) }
        let definition = IndicatorDefinition(
            code: code, name: name, description: description, numerator: FormInput.text(numerator)!, denominator: FormInput.text(denominator)!,
            factor: factor, direction: direction, phase: phase, source: source, unit: factor == 1 ? .events : .persons, periodKind: kind,
            breakdowns: [], group: LocalIndicatorOwner.origin, nameEnglish: nameEnglish)
        do { _ = try definition.validated() } catch {
            errors["numerator"] = "\(error)"
            return .failure(errors)
        }
        return .success(Valid(definition: definition, coalitionID: coalitionID))
    }
}
